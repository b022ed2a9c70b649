"""Peer for bench/attribute-model.ts: scikit-learn's LogisticRegression on Gleaner's own features and split.

Reads the folder the benchmark child wrote (the hashed, TF-IDF-weighted feature rows as CSR arrays, each
entry's feature group, the held-out flags, each target's labels, and Gleaner's held-out predictions), then
for each target: leaves out the target attribute's own feature group (as Gleaner does when it predicts
it), fits LogisticRegression (scikit-learn's defaults: L2, C=1.0, lbfgs; max_iter raised so that it
converges) on the training rows labelled with it, and scores the held-out rows with accuracy_score and
f1_score(average="macro"). Gleaner's predictions are scored with the same functions, so both columns of
the benchmark come from one implementation of the metrics. Prints one JSON line.

    /usr/bin/python3 bench/peers/sklearn_attribute_model.py <folder> [--C 1.0]
"""
import argparse
import json
import os
import time

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score


def load(folder, name, dtype):
    return np.fromfile(os.path.join(folder, name), dtype=dtype)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--C", type=float, default=1.0)
    args = parser.parse_args()
    with open(os.path.join(args.folder, "dataset.json"), encoding="utf8") as f:
        dataset = json.load(f)
    indptr = load(args.folder, "indptr.i32", "<i4")
    indices = load(args.folder, "indices.i32", "<i4")
    data = load(args.folder, "data.f32", "<f4").astype(np.float64)
    groups = load(args.folder, "groups.u8", "u1")
    held_out = load(args.folder, "held-out.u8", "u1").astype(bool)
    shape = (dataset["rows"], dataset["columns"])

    results = {}
    fit_seconds = 0.0
    for i, target in enumerate(dataset["targets"]):
        labels = load(args.folder, f"labels-{i}.i32", "<i4")
        ours = load(args.folder, f"ours-{i}.i32", "<i4")
        kept = np.where(groups == target["group"], 0.0, data)
        # copy=True: eliminate_zeros compacts the index arrays in place, and they serve every target.
        x = sp.csr_matrix((kept, indices, indptr), shape=shape, copy=True)
        x.eliminate_zeros()
        train = (~held_out) & (labels >= 0)
        test = held_out & (labels >= 0)
        model = LogisticRegression(C=args.C, max_iter=2000)
        started = time.perf_counter()
        model.fit(x[train], labels[train])
        seconds = time.perf_counter() - started
        fit_seconds += seconds
        predicted = model.predict(x[test])
        truth = labels[test]
        results[target["id"]] = {
            "accuracy": accuracy_score(truth, predicted),
            "macroF1": f1_score(truth, predicted, average="macro"),
            "fitSeconds": seconds,
            "trainExamples": int(train.sum()),
            "support": int(test.sum()),
            "oursAccuracy": accuracy_score(truth, ours[test]),
            "oursMacroF1": f1_score(truth, ours[test], average="macro"),
        }
    print(
        json.dumps(
            {"sklearn": sklearn.__version__, "C": args.C, "fitSeconds": fit_seconds, "targets": results}
        )
    )


if __name__ == "__main__":
    main()
