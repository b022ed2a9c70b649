"""Peer for bench/normalization.ts: extruct plus a product normalizer in the manner of the product
extraction benchmark's baseline, one process.

price_parser is not packaged for Debian and PyPI is out of reach here, so prices are read by a small
regular expression (digits, one decimal point) instead: the peer is extruct alone, plus that.

Times, in passes until --seconds have gone by after a warm-up:
  extract+facts  extruct.extract(html, base_url, syntaxes=[json-ld, microdata, opengraph], uniform=True)
                 then the product read from it
  normalize      the product read alone, over extruct's output computed once beforehand
Prints one JSON line shaped like the Gleaner child's. Run with Debian's python (python3-extruct):
    /usr/bin/python3 bench/peers/extruct_product.py <manifest.json> [--seconds 3] [--warmup 20]
"""
import argparse
import json
import logging
import re
import time

import extruct

logging.getLogger("extruct").setLevel(logging.CRITICAL)

SYNTAXES = ["json-ld", "microdata", "opengraph"]
NUMBER = re.compile(r"\d[\d\s.,]*")
IN_STOCK = ("instock", "in_stock", "limitedavailability", "presale", "preorder", "instoreonly")
OUT_OF_STOCK = ("outofstock", "out_of_stock", "soldout", "sold_out", "discontinued")


def amount(value):
    """The first number of a price, a dot as the decimal point: '1,299.00' and '1.299,00' both 1299."""
    if value is None:
        return None
    match = NUMBER.search(str(value))
    if not match:
        return None
    digits = re.sub(r"\s", "", match.group(0)).rstrip(".,")
    last = max(digits.rfind("."), digits.rfind(","))
    if last >= 0 and len(digits) - last - 1 in (1, 2):
        whole, fraction = digits[:last], digits[last + 1 :]
    else:
        whole, fraction = digits, ""
    whole = re.sub(r"[.,]", "", whole) or "0"
    return f"{int(whole)}.{fraction}".rstrip("0").rstrip(".") if fraction else str(int(whole))


def availability(value):
    text = str(value or "").lower()
    if text.endswith(IN_STOCK):
        return "InStock"
    if text.endswith(OUT_OF_STOCK):
        return "OutOfStock"
    return None


def is_product(item):
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and "Product" in k for k in kinds)


def from_items(items):
    product = next((i for i in items if isinstance(i, dict) and is_product(i)), None)
    if product is None:
        return {}
    offers = product.get("offers") or {}
    offer = offers[0] if isinstance(offers, list) and offers else offers
    if not isinstance(offer, dict):
        offer = {}
    return {
        "price": amount(offer.get("price") or offer.get("lowPrice")),
        "currency": offer.get("priceCurrency"),
        "availability": availability(offer.get("availability")),
        "sku": product.get("sku"),
    }


def from_og(items):
    props = {}
    for item in items:
        props.update({k.lower(): v for k, v in item.items() if isinstance(v, str)})
    return {
        "price": amount(props.get("og:price:amount") or props.get("product:price:amount")),
        "currency": props.get("og:price:currency") or props.get("product:price:currency"),
        "availability": availability(props.get("product:availability")),
    }


def product(data):
    record = {}
    # A syntax extruct failed on (errors="log") is missing from its output.
    parts = (from_og(data.get("opengraph", [])), from_items(data.get("json-ld", [])), from_items(data.get("microdata", [])))
    for part in parts:
        record.update({k: v for k, v in part.items() if v not in (None, "")})
    return record


def extract(html, url):
    return extruct.extract(html, base_url=url, syntaxes=SYNTAXES, uniform=True, errors="log")


def time_stage(stage, count, run, seconds, warmup):
    for i in range(min(warmup, count)):
        run(i)
    calls = passes = 0
    cpu_before = time.process_time()
    start = time.perf_counter()
    while True:
        for i in range(count):
            run(i)
        calls += count
        passes += 1
        if time.perf_counter() - start >= seconds:
            break
    elapsed = time.perf_counter() - start
    return {
        "stage": stage,
        "items": count,
        "passes": passes,
        "calls": calls,
        "seconds": elapsed,
        "perSecond": calls / elapsed,
        "cpuSeconds": time.process_time() - cpu_before,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("manifest")
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    with open(args.manifest, encoding="utf-8") as f:
        corpus = json.load(f)
    pages = []
    for page in corpus["pages"]:
        with open(page["file"], encoding="utf-8", errors="replace") as f:
            pages.append((f.read(), page["url"], page["truth"]))
    n = len(pages)
    stages = [
        time_stage("extract+facts", n, lambda i: product(extract(pages[i][0], pages[i][1])), args.seconds, args.warmup)
    ]
    data = [extract(html, url) for html, url, _ in pages]
    stages.append(time_stage("normalize", n, lambda i: product(data[i]), args.seconds, args.warmup))
    records = [product(d) for d in data]

    def rate(ok):
        return sum(1 for r, (_, _, truth) in zip(records, pages) if ok(r, truth)) / n

    decimal = lambda v: re.sub(r"\.$", "", re.sub(r"(\.\d*?)0+$", r"\1", v))
    accuracy = {
        "price": rate(lambda r, t: r.get("price") == decimal(t["price"])),
        "currency": rate(lambda r, t: r.get("currency") == t["currency"]),
        "availability": rate(lambda r, t: r.get("availability") == t["availability"]),
        "sku": rate(lambda r, t: r.get("sku") == t["sku"]),
    }
    print(json.dumps({"tool": "extruct", "stages": stages, "accuracy": accuracy}))


if __name__ == "__main__":
    main()
