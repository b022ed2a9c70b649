"""Peer for bench/mining-static.ts: Scrapy following every same-host link and extracting nothing.

Prints {"pages", "seconds", ...} as one JSON line. Run with Debian's python, which has Scrapy:
    /usr/bin/python3 bench/peers/scrapy_spider.py <startUrl> [--per-host N]
"""
import json
import sys
import time
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import CrawlerProcess
from scrapy.http import TextResponse
from scrapy.linkextractors import LinkExtractor


class SiteSpider(Spider):
    name = "bench"

    def __init__(self, start_url, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [start_url]
        # OffsiteMiddleware matches on the hostname, port excluded (LinkExtractor's allow_domains would
        # compare host:port and reject every link of a site on 127.0.0.1:<port>).
        self.allowed_domains = [urlsplit(start_url).hostname]
        # Scrapy's default deny_extensions skip images, PDFs, CSS and JS links without fetching them.
        self.links = LinkExtractor()
        self.pages = 0
        self.failed = 0

    def parse(self, response):
        self.pages += 1
        # No extraction: only the links that keep the crawl going. /bad/binary is text/html and so still
        # a TextResponse; anything else Scrapy fetched has no links to follow.
        if not isinstance(response, TextResponse):
            return
        for link in self.links.extract_links(response):
            yield Request(link.url, callback=self.parse, errback=self.error)

    def error(self, _failure):
        # HTTP 4xx/5xx (after Scrapy's own retries), redirect loops, timeouts: fetched, but not a page.
        self.failed += 1


def main():
    args = sys.argv[1:]
    start_url = next(a for a in args if not a.startswith("--"))
    per_host = int(args[args.index("--per-host") + 1]) if "--per-host" in args else 16
    process = CrawlerProcess(
        settings={
            "CONCURRENT_REQUESTS": 16,
            # Scrapy's default is 8 per domain; the whole site is one host, so this is the real limit.
            "CONCURRENT_REQUESTS_PER_DOMAIN": per_host,
            "ROBOTSTXT_OBEY": True,  # Gleaner obeys robots.txt too
            "LOG_LEVEL": "WARNING",
            "TELNETCONSOLE_ENABLED": False,
            "ITEM_PIPELINES": {},
            # The non-deprecated fingerprinter; the default one only adds a warning.
            "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        }
    )
    crawler = process.create_crawler(SiteSpider)
    started = time.perf_counter()
    process.crawl(crawler, start_url=start_url)
    process.start()
    seconds = time.perf_counter() - started
    spider = crawler.spider
    stats = crawler.stats.get_stats()
    print(
        json.dumps(
            {
                "pages": spider.pages + spider.failed,
                "pagesOk": spider.pages,
                "pagesFailed": spider.failed,
                "seconds": seconds,
                # Every response, robots.txt, retries and redirect hops included.
                "responses": stats.get("downloader/response_count", 0),
                "perHost": per_host,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
