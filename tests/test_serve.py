"""`graphbuild serve`: the Oxigraph server behind its front, tested with a real HTTP client against the running
command. Servers bind 127.0.0.1 on an ephemeral port and are stopped by the fixtures."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from graphbuild.store import saved_queries

from .conftest import ROOT

ASK = "ASK { ?e a sem:Event }"
INSERT = "INSERT DATA { <https://example.org/x> <https://example.org/p> 'new' }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def start(out, *extra: str):
    proc = subprocess.Popen([sys.executable, "-m", "graphbuild", "serve", str(out), "--host", "127.0.0.1",
                             "--port", "0", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    m = re.search(r"(http://127\.0\.0\.1:\d+)/sparql", line)
    if not m:
        proc.kill()
        raise AssertionError(f"server did not start: {line!r} {proc.stderr.read()}")
    return proc, m[1]


def stop(proc) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@pytest.fixture(scope="module")
def server(examples_out):
    proc, url = start(examples_out, "--timeout", "2")
    yield url
    stop(proc)
    assert proc.returncode == 0


def http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body) of one request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get(base: str, query: str, accept: str | None = None):
    return http(f"{base}/sparql?" + urllib.parse.urlencode({"query": query}),
                headers={"Accept": accept} if accept else {})


def form(base: str, **fields):
    return http(f"{base}/sparql", urllib.parse.urlencode(fields).encode(),
                {"Content-Type": "application/x-www-form-urlencoded"})


def test_ask_by_get_answers_json(server):
    status, headers, body = get(server, ASK, "application/sparql-results+json")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_select_by_post_in_each_result_format(server):
    q = "SELECT ?e ?n WHERE { ?e cekg:mentionCount ?n } ORDER BY ?e LIMIT 3"
    for accept, check in (("text/csv", lambda b: b.decode().splitlines()[0] == "e,n"),
                          ("text/tab-separated-values", lambda b: b.decode().splitlines()[0] == "?e\t?n"),
                          ("application/sparql-results+xml", lambda b: b"<sparql" in b and b"<result>" in b),
                          ("application/sparql-results+json",
                           lambda b: len(json.loads(b)["results"]["bindings"]) == 3)):
        status, headers, body = http(f"{server}/sparql", urllib.parse.urlencode({"query": q}).encode(),
                                     {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(accept), accept
        assert check(body), accept
    status, _, body = http(f"{server}/sparql", q.encode(), {"Content-Type": "application/sparql-query",
                                                            "Accept": "text/csv"})
    assert status == 200 and len(body.decode().splitlines()) == 4


def test_construct_answers_rdf(server):
    status, headers, body = get(server, "CONSTRUCT WHERE { ?a cekg:assault ?t } LIMIT 2", "text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert b"cekg#assault" in body


def test_updates_are_refused_by_default(server):
    assert form(server, update=INSERT)[0] == 403
    status, _, body = http(f"{server}/sparql", INSERT.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    assert http(f"{server}/sparql?" + urllib.parse.urlencode({"update": INSERT}))[0] == 405
    assert form(server, query=INSERT)[0] == 400  # an update is not a query
    assert json.loads(get(server, "ASK { ?s ?p 'new' }")[2])["boolean"] is False


def test_bad_requests(server):
    status, _, body = get(server, "SELECT ?x WHERE { oops")
    assert status == 400 and body.startswith(b"error at 1:")  # where the user wrote it, prefixes aside
    assert get(server, ASK, "image/png")[0] == 406
    assert http(f"{server}/sparql", b"x", {"Content-Type": "text/plain"})[0] == 415
    assert http(f"{server}/nothing")[0] == 404
    # a page elsewhere cannot reach the endpoint through a host name it controls
    for path in ("/sparql?query=ASK%7B%7D", "/", "/graph.html"):
        assert http(f"{server}{path}", headers={"Host": "attacker.example"})[0] == 403, path
        assert http(f"{server}{path}", headers={"Host": "attacker.example:80"})[0] == 403, path
    assert http(f"{server}/sparql?query=ASK%7B%7D", headers={"Host": "localhost"})[0] == 200


def test_no_file_outside_the_page_is_reachable(server):
    for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/graph.html/../store/CURRENT", "/store",
                 "/store/CURRENT", "/events.jsonl", "/graph.ttl", "//etc/passwd", "/update"):
        status, _, body = http_raw(server, path)
        assert status in (403, 404, 405), (path, status)
        assert b"root:" not in body and b"MANIFEST" not in body


def http_raw(base: str, path: str):
    """A request with the path exactly as given (urllib would normalize dots)."""
    import http.client

    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, r.headers, r.read()
    finally:
        conn.close()


def test_queries_typed_in_the_page_have_the_graph_prefixes(server):
    """YASGUI posts the form to /sparql as typed: no PREFIX lines needed, and the query's own win."""
    q = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a plover:ASSAULT ; cekg:actor ?a }"
    status, _, body = http(f"{server}/sparql", urllib.parse.urlencode({"query": q}).encode(),
                           {"Content-Type": "application/x-www-form-urlencoded",
                            "Accept": "application/sparql-results+json,*/*;q=0.9"})
    assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 0
    own = "PREFIX cekg: <https://example.org/other#> ASK { ?e cekg:actor ?a }"
    assert json.loads(get(server, own)[2])["boolean"] is False


def test_a_query_past_the_time_limit_is_stopped_and_the_server_goes_on(server):
    t0 = time.monotonic()
    status, _, body = get(server, SLOW)
    assert status == 503 and b"the limit is 2 s" in body
    assert time.monotonic() - t0 < 30
    assert json.loads(get(server, ASK)[2])["boolean"] is True
    # stopped, not left running: no oxigraph process of this server keeps computing
    assert _busy_oxigraph_seconds() < 0.5


def _busy_oxigraph_seconds(window: float = 1.0) -> float:
    """CPU seconds the oxigraph servers started by these tests use in ``window`` seconds."""
    def ticks() -> int:
        total = 0
        for pid in os.listdir("/proc"):
            try:
                cmd = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
                if cmd[0].endswith(b"oxigraph") and b"--timeout-s" in cmd and cmd[-1] == b"2":
                    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                    total += int(fields[11]) + int(fields[12])
            except (OSError, IndexError, ValueError):
                continue
        return total

    if not os.path.isdir("/proc"):
        return 0.0
    a = ticks()
    time.sleep(window)
    return (ticks() - a) / os.sysconf("SC_CLK_TCK")


def test_serves_the_query_page_and_the_graph(server):
    status, headers, body = http(f"{server}/")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"Yasgui" in body
    assert b"PREFIX cekg: \\u003chttps://graphbuild.dev/ns/cekg#>" in body  # the editor opens on them
    assert b'href="/graph.html"' in body
    assert http(f"{server}/yasgui.min.js")[0] == 200  # shipped with the server: works offline
    status, headers, body = http(f"{server}/graph.html")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"] and b"vis.Network" in body
    status, headers, body = http(f"{server}/sparql")  # no query: the service description
    assert status == 200 and b"sparql-service-description#endpoint" in body
    req = urllib.request.Request(f"{server}/sparql", headers={"Accept": "text/html"})
    with urllib.request.urlopen(req, timeout=30) as r:  # a browser is sent to the query page
        assert r.url == f"{server}/" and b"Yasgui" in r.read()


@pytest.fixture(scope="module")
def roomy_server(examples_out):
    """A server with the default time limit: 20 clients at once on a small shared machine are slow."""
    proc, url = start(examples_out)
    yield url
    stop(proc)


def test_load_20_clients_200_queries_all_answered(roomy_server):
    """20 concurrent clients send 200 queries (the saved queries in turn, by GET and POST): every one is
    answered 200 with its full result."""
    server = roomy_server
    texts = [p.read_text() for _, p in sorted(saved_queries().items())]
    expected = {}
    for text in texts:
        status, _, body = form(server, query=text)
        assert status == 200
        expected[text] = len(json.loads(body)["results"]["bindings"])

    def one(i: int):
        text = texts[i % len(texts)]
        if i % 2:
            status, _, body = form(server, query=text)
        else:
            status, _, body = get(server, text, "application/sparql-results+json")
        return status, len(json.loads(body)["results"]["bindings"]) if status == 200 else body

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(one, range(200)))
    assert [a for a in answers if a[0] != 200] == []
    assert all(n == expected[texts[i % len(texts)]] for i, (_, n) in enumerate(answers))


def test_allow_update_changes_the_store(tmp_path, examples_out):
    out = tmp_path / "out"
    out.mkdir()
    shutil.copytree(examples_out / "store", out / "store")
    proc, url = start(out, "--allow-update")
    try:
        status, _, _ = http(f"{url}/sparql", INSERT.encode(), {"Content-Type": "application/sparql-update"})
        assert status == 204
        assert json.loads(get(url, "ASK { ?s ?p 'new' }")[2])["boolean"] is True
    finally:
        stop(proc)
    # the change is in the store on disk
    from graphbuild.store import open_store, query

    assert bool(query(open_store(out), "ASK { ?s ?p 'new' }"))


def test_a_missing_store_is_one_line(tmp_path):
    r = subprocess.run([sys.executable, "-m", "graphbuild", "serve", str(tmp_path), "--port", "0"],
                       capture_output=True, text=True, timeout=60, env={**os.environ})
    assert r.returncode == 2 and "no store here" in r.stderr and "Traceback" not in r.stderr


def test_a_busy_port_is_one_line(server):
    port = server.rsplit(":", 1)[1]
    r = subprocess.run([sys.executable, "-m", "graphbuild", "serve", str(ROOT / "examples"), "--port", port],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1
