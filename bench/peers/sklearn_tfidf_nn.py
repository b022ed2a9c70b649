"""Peer for bench/occupations.ts: scikit-learn's character n-gram TF-IDF and exact nearest neighbours.

The baseline the melo-benchmark calls "char TF-IDF": TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4),
sublinear_tf=True) fitted on every label of canonical.json, NearestNeighbors(metric="cosine",
algorithm="brute") over the label vectors; a concept ranks by its best label (the order in which its
labels first appear among the 64 nearest). Scores top-1, top-5 and MRR on queries.jsonl like Gleaner does.
Times the fit, the batch of all queries, and 200 queries one at a time. Prints one JSON line.

    /usr/bin/python3 bench/peers/sklearn_tfidf_nn.py <folder>
"""
import json
import os
import sys
import time

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.neighbors import NearestNeighbors

NEIGHBOURS = 64
SINGLE = 200


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "canonical.json"), encoding="utf-8") as f:
        canonical = json.load(f)
    keys, labels = [], []
    for key, value in canonical.items():
        for label in value["labels"] if isinstance(value, dict) else value:
            keys.append(key)
            labels.append(label)
    with open(os.path.join(folder, "queries.jsonl"), encoding="utf-8") as f:
        queries = [json.loads(line) for line in f if line.strip()]

    started = time.perf_counter()
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    matrix = vectorizer.fit_transform(labels)
    index = NearestNeighbors(n_neighbors=NEIGHBOURS, metric="cosine", algorithm="brute").fit(matrix)
    fit_seconds = time.perf_counter() - started

    started = time.perf_counter()
    _, neighbours = index.kneighbors(vectorizer.transform([q["query"] for q in queries]))
    batch_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for q in queries[:SINGLE]:
        index.kneighbors(vectorizer.transform([q["query"]]))
    single_seconds = time.perf_counter() - started

    top1 = top5 = mrr = 0.0
    for q, row in zip(queries, neighbours):
        ranked = []
        for j in row:
            if keys[j] not in ranked:
                ranked.append(keys[j])
        gold = set(q["gold"])
        rank = next((i for i, k in enumerate(ranked) if k in gold), -1)
        if rank == 0:
            top1 += 1
        if 0 <= rank < 5:
            top5 += 1
        if rank >= 0:
            mrr += 1 / (rank + 1)
    n = len(queries)
    print(
        json.dumps(
            {
                "sklearn": sklearn.__version__,
                "n": n,
                "top1": top1 / n,
                "top5": top5 / n,
                "mrr": mrr / n,
                "fit_seconds": fit_seconds,
                "batch_queries_per_second": n / batch_seconds,
                "single_queries_per_second": min(SINGLE, n) / single_seconds,
            }
        )
    )


if __name__ == "__main__":
    main()
