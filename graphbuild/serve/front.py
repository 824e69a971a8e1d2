"""The front that users talk to: an aiohttp app before the Oxigraph server. It does what a bare Oxigraph
server does not: refuses a foreign ``Host`` header (DNS rebinding), refuses updates unless asked, gives
queries the graph's prefixes, serves graph.html beside the endpoint, and lets nothing else through (no file
of the machine is reachable: the only file it serves is ``OUT/graph.html``).
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import re
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from aiohttp import ClientError, ClientSession, ClientTimeout, web

from .oxigraph import OxigraphServer

PAGE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"
QUERY_PATHS = ("/sparql", "/query")
ASSETS = ("/", "/yasgui.min.js", "/yasgui.min.css", "/logo.svg")  # the YASGUI query page of Oxigraph
PASSED_HEADERS = ("Content-Type", "Content-Disposition", "Vary")
MAX_BODY = 1 << 20  # bytes of a POSTed query or update
GRACE = 2.0  # seconds past the limit before a query Oxigraph has not stopped is stopped by a restart

CANCELLED = b"The SPARQL operation has been cancelled"  # what Oxigraph appends to a body it stops


def _read_only() -> web.HTTPForbidden:
    return web.HTTPForbidden(text="this endpoint is read-only (start it with --allow-update to accept SPARQL "
                                  "updates)\n")


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


def host_name(header: str) -> str:
    """The host of a ``Host`` header, without the port.

    >>> [host_name(h) for h in ("127.0.0.1:8000", "[::1]:80", "localhost", "Example.org:1")]
    ['127.0.0.1', '::1', 'localhost', 'example.org']
    """
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def host_allowed(bound: str, header: str | None) -> bool:
    """On a loopback address only loopback host names are answered, so a web page cannot reach the endpoint
    through a name it controls (DNS rebinding); on another address, the names the user chose to expose.

    >>> host_allowed("127.0.0.1", "localhost:7878"), host_allowed("127.0.0.1", "attacker.example:7878")
    (True, False)
    """
    if not is_loopback(bound):
        return True
    host = host_name(header or "")
    return bool(host) and is_loopback(host)


def with_prefixes(text: str, prefixes: dict[str, str]) -> str:
    """The query with the graph's prefixes declared first, on one line (so an error's line number is off by
    one, which :func:`_error_lines` undoes); the query's own declarations come later and win.

    >>> print(with_prefixes("ASK { ?a cekg:assault ?t }", {"cekg": "https://graphbuild.dev/ns/cekg#"}))
    PREFIX cekg: <https://graphbuild.dev/ns/cekg#>
    ASK { ?a cekg:assault ?t }
    """
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([\w.-]*):", text)}
    head = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in prefixes.items() if p.lower() not in declared)
    return f"{head}\n{text}"


def _error_lines(body: bytes) -> bytes:
    """Oxigraph's "error at LINE:COL" counted in the query as the user wrote it.

    >>> _error_lines(b"error at 3:10: expected CONSTRUCT")
    b'error at 2:10: expected CONSTRUCT'
    """
    return re.sub(rb"error at (\d+):", lambda m: b"error at %d:" % max(1, int(m[1]) - 1), body, count=1)


YASGUI_ANCHOR = b'new Yasgui(document.getElementById("yasgui"), {'


def query_page(page: bytes, prefixes: dict[str, str]) -> bytes:
    """Oxigraph's YASGUI page, its editor opening on the graph's prefixes and a first query (so the editor
    knows them too) and a link to the graph. Left as it is if its script is not the one expected.

    >>> b"PREFIX cekg:" in query_page(YASGUI_ANCHOR, {"cekg": "https://graphbuild.dev/ns/cekg#"})
    True
    """
    if YASGUI_ANCHOR not in page:
        return page
    start = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items()) + \
        "\nSELECT ?attacker ?target ?events WHERE {\n  { SELECT ?a ?t (COUNT(?e) AS ?events) WHERE {\n" \
        "      ?e a plover:ASSAULT ; cekg:actor ?a ; cekg:target ?t } GROUP BY ?a ?t }\n" \
        "  ?a skos:prefLabel ?attacker . ?t skos:prefLabel ?target .\n} ORDER BY DESC(?events) LIMIT 50\n"
    value = json.dumps(start).replace("<", "\\u003c").encode()
    page = page.replace(YASGUI_ANCHOR, YASGUI_ANCHOR + b" yasqe: { value: " + value + b" },", 1)
    link = b'<p style="margin:4px 8px;font:13px sans-serif"><a href="/graph.html">the graph view</a></p>'
    return page.replace(b'<div id="yasgui"></div>', link + b'<div id="yasgui"></div>', 1)


def _operation(method: str, content_type: str, params: dict[str, str], body: bytes) -> tuple[str, str] | None:
    """("query" | "update", text) of a SPARQL 1.1 Protocol request, or None. ``params``: the URL's and a
    form body's fields."""
    if method == "POST":
        if content_type == "application/x-www-form-urlencoded":
            pass
        elif content_type == "application/sparql-query":
            return "query", body.decode("utf-8", "replace")
        elif content_type == "application/sparql-update":
            return "update", body.decode("utf-8", "replace")
        else:
            raise web.HTTPUnsupportedMediaType(text="send application/x-www-form-urlencoded, "
                                                    "application/sparql-query or application/sparql-update\n")
    if "update" in params:
        if method != "POST":
            raise web.HTTPMethodNotAllowed(method, ["POST"], text="updates must be sent by POST\n")
        return "update", params["update"]
    if "query" in params:
        return "query", params["query"]
    return None


def make_app(out: Path, backend: OxigraphServer, *, bound_host: str, allow_update: bool,
             prefixes: dict[str, str], timeout: float) -> web.Application:
    """The app for build folder ``out`` in front of the running Oxigraph server ``backend``."""
    limit = ClientTimeout(total=timeout + GRACE)
    restarting = asyncio.Lock()

    async def stop_query(generation: int) -> None:
        """Oxigraph let a query run past its limit: end that server and start another (once, however many
        requests saw it; queries running beside it are answered 503 too)."""
        async with restarting:
            if backend.generation == generation:
                await asyncio.to_thread(backend.restart)

    @web.middleware
    async def check_host(request: web.Request, handler):
        if not host_allowed(bound_host, request.headers.get("Host")):
            raise web.HTTPForbidden(text="unexpected Host header\n")
        return await handler(request)

    async def session(app: web.Application):
        app["client"] = ClientSession(timeout=limit, auto_decompress=False)
        yield
        await app["client"].close()

    async def forward(request: web.Request, path: str, *, params=None, data=None, headers=None) -> web.Response:
        """The backend's answer, read whole before it is passed on: Oxigraph reports a query it stopped at its
        limit by ending a "200 OK" body with a message, which must become an error, not half a result."""
        sent = {k: request.headers[k] for k in ("Accept",) if k in request.headers}
        sent.update(headers or {})
        generation, t0 = backend.generation, time.monotonic()
        try:
            async with request.app["client"].request(request.method if data is None else "POST",
                                                      backend.url + path, params=params, data=data,
                                                      headers=sent) as r:
                body = await r.read()
                status = r.status
                headers = {**{h: r.headers[h] for h in PASSED_HEADERS if h in r.headers},
                           "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}
        except TimeoutError:
            await stop_query(generation)
            body, status = CANCELLED, 200
        except ClientError as e:
            if backend.generation != generation or restarting.locked():  # stopped with a query past its limit
                raise web.HTTPServiceUnavailable(text="the SPARQL server was restarted to stop a query past "
                                                      "its time limit; send the request again\n") from None
            raise web.HTTPBadGateway(text=f"the SPARQL server failed: {e}\n") from None
        if body.endswith(CANCELLED):
            raise web.HTTPServiceUnavailable(text=f"query stopped after {time.monotonic() - t0:.0f} s (the limit "
                                                  f"is {timeout:g} s)\n")
        if status == 400:  # a syntax error, counted in the query as written
            body = _error_lines(body)
        return web.Response(status=status, body=body, headers=headers)

    async def sparql(request: web.Request) -> web.StreamResponse:
        body = await request.read() if request.method == "POST" else b""
        pairs = list(request.query.items())
        if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
            pairs += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        op = _operation(request.method, request.content_type, dict(pairs), body)
        if op is None:  # no query: a browser gets the query page, a client the service description
            if "text/html" in request.headers.get("Accept", ""):
                raise web.HTTPFound("/")
            return await forward(request, request.path)
        kind, text = op
        if kind == "update" and not allow_update:
            raise _read_only()
        rest = [(k, v) for k, v in pairs if k not in ("query", "update")]
        if request.method == "GET":
            return await forward(request, "/query", params=rest + [("query", with_prefixes(text, prefixes))])
        form = urlencode(rest + [(kind, with_prefixes(text, prefixes))])
        return await forward(request, "/" + kind, data=form.encode(),
                             headers={"Content-Type": "application/x-www-form-urlencoded"})

    async def update(request: web.Request) -> web.StreamResponse:
        if not allow_update:
            raise _read_only()
        return await sparql(request)

    async def page(request: web.Request) -> web.StreamResponse:
        path = out / "graph.html"
        if not path.is_file():
            raise web.HTTPNotFound(text="no graph.html in this folder\n")
        return web.FileResponse(path, headers={"Content-Type": "text/html; charset=utf-8",
                                               "Content-Security-Policy": PAGE_CSP,
                                               "X-Content-Type-Options": "nosniff"})

    async def asset(request: web.Request) -> web.StreamResponse:
        reply = await forward(request, request.path)
        if request.path == "/" and reply.status == 200:
            reply.body = query_page(reply.body, prefixes)
        return reply

    async def elsewhere(request: web.Request) -> web.StreamResponse:
        raise web.HTTPNotFound(text="not found: the query page is at /, the endpoint at /sparql, the graph at "
                                    "/graph.html\n")

    app = web.Application(middlewares=[check_host], client_max_size=MAX_BODY)
    app.cleanup_ctx.append(session)
    for path in QUERY_PATHS:
        app.router.add_get(path, sparql)
        app.router.add_post(path, sparql)
    app.router.add_post("/update", update)
    app.router.add_get("/graph.html", page)
    for path in ASSETS:
        app.router.add_get(path, asset)
    app.router.add_route("*", "/{tail:.*}", elsewhere)
    return app
