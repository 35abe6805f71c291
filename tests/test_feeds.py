"""Articles by address and from RSS/Atom feeds, against a server the tests start on 127.0.0.1
(never the internet): items added once, conditional requests, failures on one line each."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .test_cli import run

PAGE = """<!doctype html><html><head><title>{title}</title>
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{canonical}"></head>
<body><article><h1>{title}</h1><p>{body}</p><p>Officials said the matter would be settled soon, and
that further talks were planned between the parties in the weeks ahead of the season.</p></article></body></html>"""


def page(title, body, published="2026-03-02T09:00:00+00:00", canonical=None):
    return PAGE.format(title=title, body=body, published=published, canonical=canonical or "")


def rss(base, items):
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>"
                      f"</item>" for t, p in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{entries}</channel></rss>'


class Server:
    """Routes: path -> (status, headers, body) or a callable(handler) -> that; every request logged."""

    def __init__(self):
        self.routes, self.log = {}, []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.log.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path, (404, {}, "not found"))
                status, headers, body = route(self) if callable(route) else route
                data = body.encode() if isinstance(body, str) else body
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.httpd.shutdown()


HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/rss+xml"}


def _feed_with_etag(body):
    def route(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, ""
        return 200, {**XML, "ETag": '"v1"'}, body
    return route


def test_add_by_address(server, db):
    server.routes["/strike"] = (200, HTML, page("Dock strike", "The union said workers must return by March 9."))
    out = run("add", server.base + "/strike", db=db)
    assert out.returncode == 0, out.stderr
    docs = json.loads(run("sources", "--format", "json", db=db).stdout)
    assert [d["title"] for d in docs] == ["Dock strike"]
    assert server.log[0][1]["User-Agent"].startswith("timeline/")


def test_a_feeds_items_go_in_once_and_the_second_poll_is_conditional(server, db):
    server.routes["/a"] = (200, HTML, page("Dock strike", "The union said workers must return by March 9."))
    server.routes["/b"] = (200, HTML, page("Water order", "Households must cut their use by March 20."))
    server.routes["/feed"] = _feed_with_etag(rss(server.base, [("Dock strike", "/a"), ("Water order", "/b")]))
    assert run("feeds", "add", server.base + "/feed", "--name", "news", "--every", "0", db=db).returncode == 0
    first = run("fetch", db=db)
    assert first.returncode == 0, first.stderr
    assert "added 2 articles" in first.stderr
    second = run("fetch", db=db)
    assert second.returncode == 0 and "added 0 articles" in second.stderr
    feed_requests = [h for p, h in server.log if p == "/feed"]
    assert len(feed_requests) == 2 and feed_requests[1].get("If-None-Match") == '"v1"'
    assert [p for p, _ in server.log].count("/a") == 1
    listed = json.loads(run("feeds", "list", "--format", "json", db=db).stdout)
    assert listed[0]["items_seen"] == 2 and listed[0]["last_error"] is None


def test_failures_are_one_line_each_and_the_rest_go_in(server, db, monkeypatch):
    server.routes["/good"] = (200, HTML, page("Budget vote", "The council must pass the budget by March 31."))
    server.routes["/gone"] = (404, HTML, "gone")
    server.routes["/broken"] = (500, HTML, "error")
    server.routes["/slow"] = lambda h: (time.sleep(3), (200, HTML, page("Late", "Due by Friday.")))[1]
    server.routes["/loop"] = (302, {"Location": "/loop"}, "")
    server.routes["/huge"] = (200, HTML, page("Huge", "x " * 40_000))
    server.routes["/pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not html")
    paths = ["/good", "/gone", "/broken", "/slow", "/loop", "/huge", "/pdf"]
    server.routes["/feed"] = (200, XML, rss(server.base, [(p.strip("/"), p) for p in paths]))
    server.routes["/bad-feed"] = (200, XML, "<rss><channel><item><title>unclosed")
    run("feeds", "add", server.base + "/feed", "--name", "main", db=db)
    run("feeds", "add", server.base + "/bad-feed", "--name", "broken", db=db)
    out = run("fetch", db=db, env={"TIMELINE_FETCH_TIMEOUT": "1", "TIMELINE_MAX_BYTES": "50000"})
    assert out.returncode == 1 and "Traceback" not in out.stderr
    lines = [line for line in out.stderr.splitlines() if line.startswith("timeline:")]
    assert len(lines) == 7  # six items and one feed
    for what in ("404", "500", "answer within", "redirects", "larger than", "not an HTML page", "broken"):
        assert any(what in line for line in lines), what
    assert [d["title"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)] == ["Budget vote"]


def test_the_same_article_from_two_feeds_is_stored_once(server, db):
    story = page("Dock strike", "The union said workers must return by March 9.", canonical="https://port.example/strike")
    server.routes["/strike"] = (200, HTML, story)
    server.routes["/strike-amp"] = (200, HTML, story)
    server.routes["/one"] = (200, XML, rss(server.base, [("Dock strike", "/strike")]))
    server.routes["/two"] = (200, XML, rss(server.base, [("Dock strike", "/strike-amp")]))
    run("feeds", "add", server.base + "/one", "--name", "one", db=db)
    run("feeds", "add", server.base + "/two", "--name", "two", db=db)
    assert run("fetch", db=db).returncode == 0
    assert len(json.loads(run("sources", "--format", "json", db=db).stdout)) == 1
    places = json.loads(run("query", "SELECT url, feed FROM document_places ORDER BY url", "--format", "json",
                            db=db).stdout)
    assert {p["feed"] for p in places} == {"one", "two"}
    calendar = run("export", "--format", "ics", db=db).stdout.replace("\n ", "")  # unfolded
    # the calendar entry links the article where it was first read (its canonical link is another site's)
    assert f"URL:{server.base}/strike\n" in calendar and f"<{server.base}/strike>" in calendar
