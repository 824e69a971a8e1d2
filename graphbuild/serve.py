"""A local SPARQL 1.1 Protocol endpoint over a build's store, and the graph page beside it.

``/sparql`` takes queries by GET (``?query=``) and POST (form-encoded ``query=`` or ``update=``, or a body of
type ``application/sparql-query`` / ``application/sparql-update``) and answers with the result format the
``Accept`` header asks for (JSON, CSV, TSV or XML results; Turtle, N-Triples, JSON-LD or RDF/XML graphs).
It is read-only unless started with ``allow_update``. ``/`` and ``/graph.html`` serve the browser view.

Queries run in worker processes that own the store: a query that passes the time limit is stopped by ending
its worker (Oxigraph cannot cancel a query from another thread), and a new worker takes its place.
"""

from __future__ import annotations

import ipaddress
import multiprocessing
import queue
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .errors import GraphbuildError
from .namespaces import DEFAULT_BASE

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
MAX_BODY = 1 << 20  # bytes of a POSTed query or update
STARTUP_TIMEOUT = 60.0

RESULT_TYPES = {  # media type -> pyoxigraph QueryResultsFormat name (SELECT / ASK)
    "application/sparql-results+json": "JSON", "application/json": "JSON",
    "text/csv": "CSV", "text/tab-separated-values": "TSV",
    "application/sparql-results+xml": "XML", "application/xml": "XML", "text/xml": "XML",
}
GRAPH_TYPES = {  # media type -> pyoxigraph RdfFormat name (CONSTRUCT / DESCRIBE)
    "text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "text/plain": "N_TRIPLES",
    "application/ld+json": "JSON_LD", "application/json": "JSON_LD", "application/rdf+xml": "RDF_XML",
}
FORMAT_PARAM = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values",
                "xml": "application/sparql-results+xml", "ttl": "text/turtle", "turtle": "text/turtle",
                "nt": "application/n-triples", "jsonld": "application/ld+json"}


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"


def negotiate(accept: str | None, offered: dict[str, str]) -> str | None:
    """The offered media type the ``Accept`` header prefers (q-values, ``type/*`` and ``*/*`` honoured);
    the first offered when there is no header; ``None`` when nothing offered is acceptable.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", RESULT_TYPES)
    'application/sparql-results+json'
    >>> negotiate("text/*", RESULT_TYPES)
    'text/csv'
    >>> negotiate("image/png", RESULT_TYPES) is None
    True
    """
    if not accept or not accept.strip():
        return next(iter(offered))
    ranges = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if mtype:
            ranges.append((mtype, q, i))
    best, best_key = None, None
    for j, offer in enumerate(offered):
        for mtype, q, i in ranges:
            if q <= 0:
                continue
            if mtype == offer:
                spec = 2
            elif mtype.endswith("/*") and offer.startswith(mtype[:-1]):
                spec = 1
            elif mtype == "*/*":
                spec = 0
            else:
                continue
            key = (q, spec, -i, -j)
            if best_key is None or key > best_key:
                best, best_key = offer, key
    return best


# --------------------------------------------------------------------------- workers

@dataclass(frozen=True)
class StoreSpec:
    out: str
    allow_update: bool
    base: str = DEFAULT_BASE


def _execute(store, request: dict, spec: StoreSpec) -> Reply:
    import pyoxigraph as ox

    from .store import default_prefixes, result_kind

    prefixes = default_prefixes(spec.base)
    try:
        if request["op"] == "update":
            if not spec.allow_update:
                return Reply(HTTPStatus.FORBIDDEN, b"updates are not allowed (start with --allow-update)\n")
            store.update(request["text"], prefixes=prefixes)
            store.flush()
            return Reply(HTTPStatus.NO_CONTENT)
        options = {}
        if request.get("default_graph"):
            options["default_graph"] = [ox.NamedNode(x) for x in request["default_graph"]]
        if request.get("named_graphs"):
            options["named_graphs"] = [ox.NamedNode(x) for x in request["named_graphs"]]
        result = store.query(request["text"], prefixes=prefixes, **options)
        offered = GRAPH_TYPES if result_kind(result) == "graph" else RESULT_TYPES
        mtype = negotiate(request.get("accept"), offered)
        if mtype is None:
            return Reply(HTTPStatus.NOT_ACCEPTABLE,
                         ("acceptable: " + ", ".join(offered) + "\n").encode())
        if offered is GRAPH_TYPES:
            body = result.serialize(format=getattr(ox.RdfFormat, offered[mtype]))
        else:
            body = result.serialize(format=getattr(ox.QueryResultsFormat, offered[mtype]))
        return Reply(HTTPStatus.OK, body, mtype + ("; charset=utf-8" if mtype.startswith("text/") else ""))
    except SyntaxError as e:
        return Reply(HTTPStatus.BAD_REQUEST, f"not valid SPARQL: {e}\n".encode())
    except (OSError, RuntimeError, ValueError, TypeError) as e:
        status = HTTPStatus.FORBIDDEN if request["op"] == "update" else HTTPStatus.INTERNAL_SERVER_ERROR
        return Reply(status, f"{request['op']} failed: {e}\n".encode())


def _work(conn, spec: StoreSpec) -> None:
    """A worker process: open the store once, then answer requests until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server shuts workers down, not Ctrl-C
    try:
        from .store import open_store

        store = open_store(spec.out, read_only=not spec.allow_update)
    except Exception as e:  # reported to the parent, which prints one line
        conn.send(("error", str(e)))
        return
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        conn.send(_execute(store, request, spec))


class QueryTimeout(GraphbuildError):
    """A query ran past the time limit and was stopped."""


class Worker:
    def __init__(self, spec: StoreSpec):
        self.spec = spec
        self.proc = None
        self.conn = None

    def start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_work, args=(child, self.spec), daemon=True, name="graphbuild-sparql")
        self.proc.start()
        child.close()
        if not self.conn.poll(STARTUP_TIMEOUT):
            self.stop()
            raise GraphbuildError("the SPARQL worker did not start")
        try:
            status, message = self.conn.recv()
        except EOFError:
            status, message = "error", "the SPARQL worker exited"
        if status != "ready":
            self.stop()
            raise GraphbuildError(message)

    def stop(self) -> None:
        if self.proc is not None:
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join(5)
        if self.conn is not None:
            self.conn.close()
        self.proc = self.conn = None

    def call(self, request: dict, timeout: float) -> Reply:
        if self.proc is None or not self.proc.is_alive():
            self.stop()
            self.start()
        self.conn.send(request)
        if not self.conn.poll(timeout):
            self.stop()  # ends the query; the next call starts a fresh worker
            raise QueryTimeout(f"query stopped after {timeout:g} s")
        try:
            return self.conn.recv()
        except EOFError:
            self.stop()
            return Reply(HTTPStatus.INTERNAL_SERVER_ERROR, b"the SPARQL worker died\n")


class WorkerPool:
    """``size`` workers; a read-write store has one (Oxigraph's read-write store is single-process)."""

    def __init__(self, spec: StoreSpec, size: int = 2):
        self.spec = spec
        size = 1 if spec.allow_update else max(1, size)
        self.workers = [Worker(spec) for _ in range(size)]
        self.idle: queue.Queue[Worker] = queue.Queue()

    def start(self) -> None:
        for w in self.workers:
            w.start()
            self.idle.put(w)

    def close(self) -> None:
        for w in self.workers:
            w.stop()

    @contextmanager
    def worker(self) -> Iterator[Worker]:
        w = self.idle.get()
        try:
            yield w
        finally:
            self.idle.put(w)


# --------------------------------------------------------------------------- HTTP

def _service_description(url: str, allow_update: bool) -> bytes:
    lang = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if allow_update else "")
    formats = ", ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in
                        ("SPARQL_Results_JSON", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "SPARQL_Results_XML",
                         "Turtle", "N-Triples", "JSON-LD", "RDF_XML"))
    return (f"@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
            f"[] a sd:Service ; sd:endpoint <{url}> ; sd:supportedLanguage {lang} ;\n"
            f"   sd:resultFormat {formats} .\n").encode()


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


def _host_name(header: str) -> str:
    """The host of a ``Host`` header, without the port.

    >>> [_host_name(h) for h in ("127.0.0.1:8000", "[::1]:80", "localhost")]
    ['127.0.0.1', '::1', 'localhost']
    """
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Handler(BaseHTTPRequestHandler):
    server_version = "graphbuild"
    protocol_version = "HTTP/1.1"
    server: SparqlServer

    def log_message(self, fmt, *args):  # one line a request, on stderr, only when asked
        if self.server.verbose:
            super().log_message(fmt, *args)

    def _send(self, reply: Reply, extra: dict[str, str] | None = None, head: bool = False) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head and reply.body:
            self.wfile.write(reply.body)

    def _host_ok(self) -> bool:
        """On a loopback address, only loopback host names: a web page cannot reach the endpoint through a
        name it controls (DNS rebinding)."""
        if not _is_loopback(self.server.server_address[0]):
            return True
        host = _host_name(self.headers.get("Host") or "")
        return not host or _is_loopback(host)

    def do_GET(self) -> None:
        self._get(head=False)

    def do_HEAD(self) -> None:
        self._get(head=True)

    def _get(self, head: bool) -> None:
        if not self._host_ok():
            return self._send(Reply(HTTPStatus.FORBIDDEN, b"unexpected Host header\n"))
        url = urlsplit(self.path)
        if url.path in ("/", "/graph.html"):
            return self._page(head)
        if url.path != "/sparql":
            return self._send(Reply(HTTPStatus.NOT_FOUND, b"not found: try /sparql or /graph.html\n"), head=head)
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            return self._send(Reply(HTTPStatus.METHOD_NOT_ALLOWED, b"updates must be sent by POST\n"),
                              {"Allow": "POST"})
        if "query" not in params:
            sd = _service_description(f"http://{self.headers.get('Host', 'localhost')}/sparql",
                                      self.server.spec.allow_update)
            return self._send(Reply(HTTPStatus.OK, sd, "text/turtle; charset=utf-8"), head=head)
        self._run("query", params["query"][0], params)

    def do_POST(self) -> None:
        if not self._host_ok():
            return self._send(Reply(HTTPStatus.FORBIDDEN, b"unexpected Host header\n"))
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._send(Reply(HTTPStatus.NOT_FOUND, b"not found: POST to /sparql\n"))
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            return self._send(Reply(HTTPStatus.REQUEST_ENTITY_TOO_LARGE if length > 0 else HTTPStatus.BAD_REQUEST,
                                    b"request too large or without a valid Content-Length\n"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
            if "update" in params:
                return self._run("update", params["update"][0], params)
            if "query" in params:
                return self._run("query", params["query"][0], params)
            return self._send(Reply(HTTPStatus.BAD_REQUEST, b"expected a query or update parameter\n"))
        if ctype == "application/sparql-query":
            return self._run("query", body, params)
        if ctype == "application/sparql-update":
            return self._run("update", body, params)
        self._send(Reply(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                         b"send application/x-www-form-urlencoded, application/sparql-query or "
                         b"application/sparql-update\n"))

    def _run(self, op: str, text: str, params: dict[str, list[str]]) -> None:
        if op == "update" and not self.server.spec.allow_update:
            return self._send(Reply(HTTPStatus.FORBIDDEN, b"this endpoint is read-only (start it with "
                                                          b"--allow-update to accept SPARQL updates)\n"))
        accept = self.headers.get("Accept")
        if params.get("format") and params["format"][0] in FORMAT_PARAM:
            accept = FORMAT_PARAM[params["format"][0]]
        request = {"op": op, "text": text, "accept": accept, "default_graph": params.get("default-graph-uri"),
                   "named_graphs": params.get("named-graph-uri")}
        try:
            with self.server.pool.worker() as w:
                reply = w.call(request, self.server.timeout)
        except QueryTimeout as e:
            reply = Reply(HTTPStatus.SERVICE_UNAVAILABLE, f"{e}\n".encode())
        except GraphbuildError as e:
            reply = Reply(HTTPStatus.INTERNAL_SERVER_ERROR, f"{e}\n".encode())
        self._send(reply, {"Vary": "Accept", "Cache-Control": "no-store"})

    def _page(self, head: bool) -> None:
        page = self.server.out / "graph.html"
        if not page.is_file():
            return self._send(Reply(HTTPStatus.NOT_FOUND, b"no graph.html in this folder\n"), head=head)
        self._send(Reply(HTTPStatus.OK, page.read_bytes(), "text/html; charset=utf-8"),
                   {"Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; "
                                               "style-src 'unsafe-inline'; img-src data:"}, head=head)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, out: Path, host: str, port: int, *, allow_update: bool = False,
                 timeout: float = DEFAULT_TIMEOUT, workers: int = 2, base: str = DEFAULT_BASE,
                 verbose: bool = False):
        self.out = Path(out)
        self.spec = StoreSpec(str(self.out), allow_update, base)
        self.timeout = timeout
        self.verbose = verbose
        self.pool = WorkerPool(self.spec, workers)
        self.pool.start()
        try:
            super().__init__((host, port), Handler)
        except OSError as e:
            self.pool.close()
            raise GraphbuildError(f"cannot listen on {host}:{port} ({e.strerror})") from None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}"

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # the client went away; nothing to report
        super().handle_error(request, client_address)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(out: str | Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, **options) -> SparqlServer:
    """A server (not yet serving) for the build folder ``out``; ``port=0`` picks a free port."""
    out = Path(out)
    if not out.is_dir():
        raise GraphbuildError("not a folder (give the --out folder of `graphbuild build`)", path=out)
    return SparqlServer(out, host, port, **options)


def serve(out: str | Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, **options) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM)."""
    server = make_server(out, host, port, **options)

    def stop(*_):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    mode = "read-write" if server.spec.allow_update else "read-only"
    print(f"graphbuild: SPARQL endpoint {server.url}/sparql ({mode}, {server.timeout:g} s query limit); "
          f"graph at {server.url}/graph.html", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("graphbuild: stopped", file=sys.stderr)
    finally:
        server.server_close()
