"""`graphbuild serve`: the store of a build over HTTP. The Oxigraph server answers SPARQL (its YASGUI query
page at ``/``, SPARQL 1.1 Protocol at ``/sparql`` and ``/query``, JSON/CSV/TSV/XML results by ``Accept``,
read-only unless ``allow_update``, a time limit per query); a small aiohttp front before it checks the
``Host`` header, refuses updates, adds the graph's prefixes to queries and serves ``graph.html``."""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
import sys
from pathlib import Path

from ..errors import GraphbuildError
from ..namespaces import DEFAULT_BASE
from .front import host_allowed, host_name, make_app, with_prefixes
from .oxigraph import OxigraphServer

__all__ = ["DEFAULT_PORT", "DEFAULT_TIMEOUT", "host_allowed", "host_name", "serve", "with_prefixes"]

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0


def _listen(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(addr)
        sock.listen(128)
    except OSError as e:
        raise GraphbuildError(f"cannot listen on {host}:{port} ({e.strerror or e})") from None
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(out: str | Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, *, allow_update: bool = False,
          timeout: float = DEFAULT_TIMEOUT, base: str = DEFAULT_BASE, verbose: bool = False) -> None:
    """Serve the build folder ``out`` until interrupted (Ctrl-C or SIGTERM); ``port=0`` picks a free port."""
    from ..store import STORE_DIR, default_prefixes

    out = Path(out)
    if not (out / STORE_DIR / "CURRENT").is_file():
        raise GraphbuildError("no store here (expected store/ from `graphbuild build`)", path=out)
    if timeout <= 0:
        raise GraphbuildError(f"--timeout must be positive, not {timeout:g}")
    sock = _listen(host, port)
    backend = OxigraphServer(out / STORE_DIR, allow_update=allow_update, timeout=timeout)
    try:
        backend.start()
        app = make_app(out, backend, bound_host=sock.getsockname()[0], allow_update=allow_update,
                       prefixes=default_prefixes(base), timeout=timeout)
        url = _url(sock)
        mode = "read-write" if allow_update else "read-only"
        print(f"graphbuild: SPARQL endpoint {url}/sparql ({mode}, {timeout:g} s query limit); query page at "
              f"{url}/, graph at {url}/graph.html", flush=True)
        try:
            asyncio.run(_run(app, sock, verbose))
        except KeyboardInterrupt:
            pass
        print("graphbuild: stopped", file=sys.stderr)
    finally:
        backend.stop()
        sock.close()


async def _run(app, sock: socket.socket, verbose: bool) -> None:
    from aiohttp import web

    if verbose:  # one line a request, on stderr
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    runner = web.AppRunner(app, access_log=logging.getLogger("aiohttp.access") if verbose else None)
    await runner.setup()
    await web.SockSite(runner, sock).start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
