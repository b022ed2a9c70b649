"""Peer for bench/extraction.ts: extruct extracting every syntax, one process on one core.

Reads every page of the corpus (not timed), warms up on a few pages, then extracts every page in passes
until --seconds have gone by, timing each call. Prints one JSON line shaped like the Gleaner child's.
Run with Debian's python, which has extruct (python3-extruct):
    /usr/bin/python3 bench/peers/extruct_extract.py <manifest.json> [--seconds 3] [--warmup 5]
"""
import argparse
import json
import logging
import time

import extruct

SYNTAXES = ["json-ld", "microdata", "opengraph", "microformat", "rdfa", "dublincore"]


class Failures(logging.Handler):
    """Counts the syntaxes extruct failed on: with errors="log" it logs each and keeps the page's others."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


FAILURES = Failures()
logging.getLogger("extruct").addHandler(FAILURES)
logging.getLogger("extruct").propagate = False


def extract(html, url):
    return extruct.extract(html, base_url=url, syntaxes=SYNTAXES, uniform=False, errors="log")


def quantile(ordered, q):
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def time_set(name, pages, seconds, warmup):
    for html, url in pages[:warmup]:
        extract(html, url)
    counts = {syntax.replace("-", ""): 0 for syntax in SYNTAXES}
    samples = []
    errors = 0
    passes = 0
    FAILURES.count = 0
    cpu_before = time.process_time()
    start = time.perf_counter()
    while True:
        for html, url in pages:
            before = time.perf_counter()
            try:
                result = extract(html, url)
            except Exception:  # not expected with errors="log"
                result = None
                errors += 1
            samples.append((time.perf_counter() - before) * 1000)
            if passes == 0 and result is not None:
                for syntax in SYNTAXES:
                    counts[syntax.replace("-", "")] += len(result.get(syntax, []))
        passes += 1
        if time.perf_counter() - start >= seconds:
            break
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_before
    ordered = sorted(samples)
    return {
        "set": name,
        "pages": len(pages),
        "passes": passes,
        "extractions": len(samples),
        "seconds": elapsed,
        "msPerPage": {
            "median": quantile(ordered, 0.5),
            "p95": quantile(ordered, 0.95),
            "mean": elapsed * 1000 / len(samples),
        },
        "pagesPerSecond": len(samples) / elapsed,
        "cpuSeconds": cpu,
        "counts": counts,
        "errors": (errors + FAILURES.count) / passes,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("manifest")
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    with open(args.manifest, encoding="utf-8") as f:
        corpus = json.load(f)
    loaded = []
    for corpus_set in corpus["sets"]:
        pages = []
        for page in corpus_set["pages"]:
            # Decoded as Node decodes them (invalid bytes replaced), so both get the same text.
            with open(page["file"], encoding="utf-8", errors="replace") as f:
                pages.append((f.read(), page["url"]))
        loaded.append((corpus_set["name"], pages))
    sets = [time_set(name, pages, args.seconds, args.warmup) for name, pages in loaded]
    print(json.dumps({"tool": "extruct", "sets": sets}))


if __name__ == "__main__":
    main()
