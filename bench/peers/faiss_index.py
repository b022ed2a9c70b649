"""The FAISS peer of bench/vector-index.ts: the same files, the same steps as bench/lib/vector-index-child.ts.

    /usr/bin/python3 bench/peers/faiss_index.py '<json options>'

`index` is `flat` (IndexFlatIP: exact, BLAS for batches) or `hnsw` (IndexHNSWFlat, inner product, M =
connectivity, efConstruction = expansionAdd, and each efSearch of expansionSearch in turn). It builds on
all cores (OpenMP), then searches with one thread and with all, and reports the better figure of each;
the parent runs it with OMP_WAIT_POLICY=PASSIVE (see there). Prints one JSON line; writes each setting's
batch top-k ids (int32, q x k) to `<out>.<setting>`.
"""
import json
import resource
import sys
import time

import faiss
import numpy as np

options = json.loads(sys.argv[1])
d, k = options["d"], options["k"]
all_threads = faiss.omp_get_max_threads()
base = np.fromfile(options["base"], dtype="<f4").reshape(-1, d)
queries = np.fromfile(options["queries"], dtype="<f4").reshape(-1, d)
n = base.shape[0]
rss_before_build_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
hnsw = options["index"] == "hnsw"

if hnsw:
    index = faiss.IndexHNSWFlat(d, options["connectivity"], faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = options["expansionAdd"]
else:
    index = faiss.IndexFlatIP(d)

started = time.perf_counter()
index.add(base)
build_seconds = time.perf_counter() - started
del base


def timed(threads):
    """Queries/s one at a time and in one batch with this many OpenMP threads; the batch's ids."""
    faiss.omp_set_num_threads(threads)
    for i in range(3):
        index.search(queries[i : i + 1], k)
    started = time.perf_counter()
    for i in range(options["single"]):
        j = i % queries.shape[0]
        index.search(queries[j : j + 1], k)
    single = options["single"] / (time.perf_counter() - started)
    batch = np.ascontiguousarray(queries[: options["batch"]])
    started = time.perf_counter()
    _, ids = index.search(batch, k)
    return single, options["batch"] / (time.perf_counter() - started), ids


# For each setting: the searches with one thread and with all. FAISS's single queries are fastest on
# one thread, its batches on all, and each figure reported is FAISS's best.
searches = []
peak_rss_mb = None
for setting, ef in enumerate(options["expansionSearch"] if hnsw else [None]):
    if hnsw:
        index.hnsw.efSearch = ef
    by_threads = {}
    for threads in sorted({1, all_threads}):
        single, batch, ids = timed(threads)
        by_threads[str(threads)] = {"singleQps": single, "batchQps": batch}
    ids.astype("<i4").tofile("%s.%d" % (options["out"], setting))
    searches.append(
        {
            "expansionSearch": ef,
            "singleQps": max(t["singleQps"] for t in by_threads.values()),
            "batchQps": max(t["batchQps"] for t in by_threads.values()),
            "byThreads": by_threads,
        }
    )
    if peak_rss_mb is None:
        peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

print(
    json.dumps(
        {
            "index": "faiss-" + options["index"],
            "kernel": "faiss %s, built on %d threads" % (faiss.__version__, all_threads),
            "n": n,
            "buildSeconds": build_seconds,
            "searches": searches,
            "singleQueries": options["single"],
            "batchQueries": options["batch"],
            "rssBeforeBuildMb": rss_before_build_mb,
            "peakRssMb": peak_rss_mb,
        }
    )
)
