"""Importing a large feed: articles stored per second as the store grows, beside the rate at which
the same pages can merely be downloaded.

    python benchmarks/feeds.py                        # 5 rounds of 2,000 new items (about 3 minutes)
    python benchmarks/feeds.py --rounds 3 --items 500 # smaller

A server on 127.0.0.1 serves one RSS feed and an HTML page per item (the generated articles of
benchmarks/run.py). Each round the feed lists `--items` items never seen before, and
`timeline fetch --force` stores them into the same store, which grows round by round. The peer
is a plain download of the same round's pages with `httpx` and the same number of threads
(no parsing, no storing): the floor a feed reader cannot go below on this machine. A flat
column of articles/s down the rounds means the cost of an item does not grow with the store.
"""
from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import articles  # noqa: E402


class Site:
    """The feed of one round and every page, all generated up front."""

    def __init__(self, total: int):
        self.pages: dict[str, bytes] = {}
        self.dates: dict[str, str] = {}
        for i, (text, published) in enumerate(articles(total)):
            title, body = text.split("\n", 1)
            self.pages[f"/a/{i}"] = (f"<html><head><title>{html.escape(title)}</title></head><body><article>"
                                     f"<h1>{html.escape(title)}</h1><p>{html.escape(body)}</p></article></body></html>"
                                     ).encode()
            self.dates[f"/a/{i}"] = published.strftime("%a, %d %b %Y %H:%M:%S +0000")
        self.feed = b""

    def list_round(self, base: str, first: int, count: int) -> list[str]:
        paths = [f"/a/{i}" for i in range(first, first + count)]
        items = "".join(f"<item><title>Story {p}</title><link>{base}{p}</link><pubDate>{self.dates[p]}</pubDate></item>"
                        for p in paths)
        self.feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>{items}</channel></rss>'.encode()
        return [base + p for p in paths]


def serve(site: Site) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            body = site.feed if self.path == "/feed" else site.pages.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml" if self.path == "/feed" else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def download(urls: list[str], threads: int) -> float:
    import httpx

    local = threading.local()

    def get(url):
        if not hasattr(local, "client"):
            local.client = httpx.Client(timeout=30)
        return len(local.client.get(url).content)

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(get, urls))
    return time.perf_counter() - start


def timeline(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, TIMELINE_ALLOW_HOSTS="127.0.0.1")
    return subprocess.run([sys.executable, "-m", "timeline", *args, "--db", str(db)], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=7200)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--items", type=int, default=2000, help="new items in the feed each round")
    opts = parser.parse_args()
    from timeline.ingest.poll import WORKERS

    site = Site(opts.rounds * opts.items)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}")
    print(f"each round: a feed of {opts.items:,} new items, every item a page of about 300 words")
    print(f"{'round':>5} {'stored before':>14} {'timeline fetch':>15} {'articles/s':>11} {'download only':>14} {'pages/s':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "feeds.db"
        done = timeline("feeds", "add", base + "/feed", "--name", "bench", db=db)
        if done.returncode:
            sys.exit(done.stderr.strip())
        for r in range(opts.rounds):
            urls = site.list_round(base, r * opts.items, opts.items)
            plain = download(urls, WORKERS)
            start = time.perf_counter()
            done = timeline("fetch", "--force", "--quiet", db=db)
            took = time.perf_counter() - start
            if done.returncode:
                sys.exit(done.stderr.strip())
            print(f"{r + 1:>5} {r * opts.items:>14,} {took:>13.1f} s {opts.items / took:>11.0f} "
                  f"{plain:>12.1f} s {opts.items / plain:>9.0f}")
    server.shutdown()


if __name__ == "__main__":
    main()
