"""The Oxigraph server (PyPI ``oxigraph``, the same store format as pyoxigraph) as a child process on a
private loopback port: it brings the YASGUI query page, SPARQL 1.1 Protocol with content negotiation,
read-only mode and query timeouts; :mod:`graphbuild.serve.front` stands in front of it."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import GraphbuildError

STARTUP_TIMEOUT = 60.0


def binary() -> str:
    """The ``oxigraph`` executable installed with graphbuild (beside this Python), else the one on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if not found:
        raise GraphbuildError("the oxigraph server is not installed (pip install 'oxigraph>=0.5.13,<0.6')")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """On Linux the server ends when graphbuild does, however graphbuild ends."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass
class OxigraphServer:
    """``oxigraph serve-read-only`` (or ``serve`` with ``allow_update``) over ``store`` on 127.0.0.1."""

    store: Path
    allow_update: bool = False
    timeout: float = 30.0
    port: int = 0
    proc: subprocess.Popen | None = None
    log: object = None  # its stderr (a file, not a pipe nobody reads, which would fill and stall it)
    generation: int = 0  # how many times it was started

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        mode = "serve" if self.allow_update else "serve-read-only"
        return [binary(), mode, "--location", str(self.store), "--bind", f"127.0.0.1:{self.port}",
                "--timeout-s", str(max(1, round(self.timeout)))]

    def start(self) -> None:
        self.generation += 1
        self.port = self.port or free_port()
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=self.log, preexec_fn=_die_with_parent if sys.platform == "linux"
                                     else None)
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.log.seek(0)
                err = self.log.read().decode("utf-8", "replace").strip().splitlines()
                self.stop()
                raise GraphbuildError("the oxigraph server did not start: " + (err[-1] if err else "no message"),
                                      path=self.store)
            try:
                with urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise GraphbuildError(f"the oxigraph server did not answer within {STARTUP_TIMEOUT:g} s", path=self.store)

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()
        self.proc = self.log = None

    def restart(self) -> None:
        """A fresh server on a fresh port: Oxigraph checks its time limit only between storage reads, so a
        query that computes in memory (a large join, a sort) runs on past it until its process ends."""
        self.stop()
        self.port = 0
        self.start()
