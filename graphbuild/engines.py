"""Stage: where the per-document work runs (parse + extraction, :func:`graphbuild.pipeline.process`).

Without an engine it runs in this process. :class:`Processes` (``--n-process N``) and :class:`Dask`
(``--engine dask``) hand whole documents, in small batches, to workers that load the spaCy pipeline and the
ontology once (the start-up cache makes that cheap; on Linux, worker processes are forked from a build that has
loaded them, and load nothing) and run the very same ``process`` on them: the pieces of a
huge document stay in one worker, so coreference and ids are those of the serial run. A worker sends back only
the events, the affiliations and the warnings of each document (small pickles, not spaCy Docs); the results are
taken in input order, so events.jsonl is byte for byte that of the serial run. A few batches per worker are in
flight at a time, so memory stays flat whatever the corpus.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import EngineError, InputError
from .records import Affiliation, Document, Event

if TYPE_CHECKING:
    from spacy.language import Language

    from .ontology import Ontology

BATCH_DOCS = 2  # documents sent to a worker at once: few enough to share the work out evenly
BATCH_CHARS = 5_000  # characters sent at once (a longer document goes alone): the dev corpus makes 52
# batches, so the last one leaves the other workers idle for a short while (0.1-0.4 s; at 4 documents and
# 10,000 characters, 25 batches, 0.5-1.3 s), for no more CPU time; at 1 document, workers wait between batches
IN_FLIGHT = 3  # batches per worker submitted ahead, so no worker waits for the next while memory stays flat
DASK_HINT = "pip install 'graphbuild[dask]'"

Result = tuple[Document, list[Event], list[Affiliation]]


@dataclass(frozen=True)
class Loader:
    """What a worker loads before its first document: the build's spaCy pipeline and ontology files."""

    model: str | None = None
    ontology_files: tuple[str, ...] = ()

    def __call__(self) -> tuple[Language, Ontology]:
        from .cache import load_ontology
        from .nlp import load_pipeline

        ontology = load_ontology(self.ontology_files)
        return load_pipeline(self.model, ontology), ontology


@dataclass(frozen=True)
class Options:
    """The per-document options of :func:`graphbuild.pipeline.process` a worker applies."""

    doc_timeout: float | None = None
    chunk_size: int | None = None
    debug: bool = False


# --------------------------------------------------------------------------- in a worker

@contextmanager
def thread_time_limit(seconds: float, error: type[BaseException]):
    """Raise ``error`` in the calling thread after ``seconds``, from a timer thread (CPython's asynchronous
    exception: it lands between two bytecodes, like a signal handler, so a long C call finishes first). For
    threads that cannot take SIGALRM, as Dask runs tasks in a thread pool; elsewhere the block runs unguarded.

    >>> import time
    >>> try:
    ...     with thread_time_limit(0.05, TimeoutError):
    ...         while True: time.sleep(0.001)
    ... except TimeoutError:
    ...     print("given up")
    given up
    """
    api = getattr(ctypes, "pythonapi", None)
    if api is None or not hasattr(api, "PyThreadState_SetAsyncExc"):
        yield
        return
    target, lock, done = threading.get_ident(), threading.Lock(), [False]

    def fire() -> None:
        with lock:
            if not done[0]:
                api.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(error))

    timer = threading.Timer(max(seconds, 0.001), fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:  # after this, the timer can no longer fire into code past the block
            done[0] = True
        timer.cancel()


_loaded: dict[Loader, tuple] = {}  # per worker process: each pipeline loaded once
_loading = threading.Lock()  # a Dask worker may run tasks in several threads


def _load(loader: Loader) -> tuple:
    with _loading:
        if loader not in _loaded:
            _loaded[loader] = loader()
        return _loaded[loader]


def _start(loader: Loader) -> None:
    """A worker process's first step: load the pipeline now, while the main process reads the first documents.
    A failure is kept for the first batch to report, since an initializer's error would only break the pool.
    Ctrl-C is left to the main process, which stops the pool: a worker would print a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _load(loader)
    except BaseException as e:  # noqa: B036 - reported by work(), which re-raises it
        _loaded[loader] = e  # type: ignore[assignment]


def work(loader: Loader, batch: list[tuple[int, Document]], options: Options) -> list[tuple]:
    """Parse and extract a batch of documents in a worker: in order, ``("doc", index, events, affiliations)``
    for each document kept and ``("warn", error)`` for each warning (a document given up or skipped)."""
    from .pipeline import process

    loaded = _load(loader)
    if isinstance(loaded, BaseException):
        raise loaded
    nlp, ontology = loaded
    index = {id(doc): i for i, doc in batch}
    out: list[tuple] = []
    for doc, events, affiliations in process((doc for _i, doc in batch), ontology, nlp, batch_size=len(batch),
                                             doc_timeout=options.doc_timeout, chunk_size=options.chunk_size,
                                             debug=options.debug, warn=lambda err: out.append(("warn", err))):
        out.append(("doc", index[id(doc)], events, affiliations))
    return out


# --------------------------------------------------------------------------- in the main process

def batches(docs: Iterable[Document], most: int = BATCH_DOCS, chars: int = BATCH_CHARS,
            ) -> Iterator[list[tuple[int, Document]]]:
    """Consecutive documents with their input index, at most ``most`` and ``chars`` characters a batch.

    >>> [[i for i, _d in b] for b in batches([Document(str(n), "x" * n) for n in (3, 3, 9, 1)], most=3, chars=8)]
    [[0, 1], [2], [3]]
    """
    batch: list[tuple[int, Document]] = []
    n = 0
    for i, doc in enumerate(docs):
        if batch and (len(batch) >= most or n + len(doc.text) > chars):
            yield batch
            batch, n = [], 0
        batch.append((i, doc))
        n += len(doc.text)
    if batch:
        yield batch


def names(batch: list[tuple[int, Document]], most: int = 3) -> str:
    """The documents of a batch, for a message.

    >>> names([(0, Document("a", "x", origin="a.txt")), (1, Document("b", "y"))])
    'a.txt, b'
    """
    shown = [str(doc.origin or doc.id) for _i, doc in batch[:most]]
    return ", ".join(shown) + (f" and {len(batch) - most} more" if len(batch) > most else "")


def in_order(submit: Callable[[list[tuple[int, Document]]], object], result: Callable[[object, list], list],
             docs: Iterable[Document], window: int, warn: Callable[[InputError], None]) -> Iterator[Result]:
    """Submit batches of ``docs``, at most ``window`` unfinished at a time, and yield the documents kept with
    their events in input order; the warnings go to ``warn`` where the serial run gives them."""
    running: deque = deque()

    def take() -> Iterator[Result]:
        batch, future = running.popleft()
        docs_of = dict(batch)
        for item in result(future, batch):
            if item[0] == "warn":
                warn(item[1])
            else:
                _tag, i, events, affiliations = item
                yield docs_of[i], events, affiliations

    for batch in batches(docs):
        running.append((batch, submit(batch)))
        while len(running) >= window:
            yield from take()
    while running:
        yield from take()


def start_method() -> str:
    """How worker processes start: "fork" on Linux, where a child gets the parent's loaded pipeline for free
    (no imports, no loading: a worker starts in milliseconds instead of seconds), else "spawn", a fresh
    interpreter (macOS's default, since forking there is unsafe for system libraries; Windows has no fork).

    >>> start_method() in ("fork", "spawn")
    True
    """
    return "fork" if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods() \
        else "spawn"


class Processes:
    """``n`` worker processes on this machine, children of this process, so their CPU time counts in its own
    (``/usr/bin/time``). Forked where :func:`start_method` says so: then the pipeline and ontology handed to
    :meth:`sharing` (what ``loader`` loads, already loaded by the build) are the workers' too; spawned workers,
    or forked ones with nothing shared, call ``loader`` themselves."""

    def __init__(self, n: int, loader: Loader = Loader(), method: str | None = None):
        if n < 1:
            raise EngineError(f"--n-process must be at least 1, not {n}")
        self.n, self.loader, self.method = n, loader, method or start_method()
        self.loaded: tuple | None = None

    def sharing(self, nlp: Language, ontology: Ontology) -> Processes:
        """These workers, given ``loader``'s pipeline and ontology as loaded in this process (when forked)."""
        self.loaded = (nlp, ontology)
        return self

    def run(self, docs: Iterable[Document], options: Options, warn: Callable[[InputError], None]
            ) -> Iterator[Result]:
        shared = self.method == "fork" and self.loaded is not None and self.loader not in _loaded
        if shared:  # set before the pool forks its workers (all at once, at the first batch), which inherit it
            _loaded[self.loader] = self.loaded
        if self.method == "fork":
            # what the workers inherit is left out of the collector's rounds, in which each would otherwise walk
            # (and so copy, page by page) the whole pipeline it shares with the others
            gc.freeze()
        pool = ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context(self.method),
                                   initializer=_start, initargs=(self.loader,))
        try:
            yield from in_order(lambda batch: pool.submit(work, self.loader, batch, options), self._result,
                                docs, IN_FLIGHT * self.n, warn)
        except BaseException:  # Ctrl-C, a dead worker, a failure: stop now, not after the batches under way
            _terminate(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            if self.method == "fork":
                gc.unfreeze()
            if shared:
                del _loaded[self.loader]

    @staticmethod
    def _result(future, batch) -> list:
        try:
            return future.result()
        except BrokenProcessPool:
            raise EngineError(f"a worker process stopped (killed, or out of memory?) while parsing {names(batch)}; "
                              "nothing written") from None


def _terminate(pool: ProcessPoolExecutor) -> None:
    if hasattr(pool, "terminate_workers"):  # Python 3.14
        pool.terminate_workers()
        return
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.terminate()


class Dask:
    """The work on a dask.distributed cluster: the scheduler at ``address``, or a LocalCluster of ``workers``
    processes of one thread each (default: one per core)."""

    timeout = "10s"  # to reach the scheduler

    def __init__(self, loader: Loader = Loader(), address: str | None = None, workers: int | None = None):
        if workers is not None and workers < 1:
            raise EngineError(f"--workers must be at least 1, not {workers}")
        self.loader, self.address, self.workers = loader, address, workers

    def run(self, docs: Iterable[Document], options: Options, warn: Callable[[InputError], None]
            ) -> Iterator[Result]:
        client, cluster = self._connect()
        try:
            threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()) or 1
            yield from in_order(lambda batch: client.submit(work, self.loader, batch, options, pure=False),
                                self._result, docs, IN_FLIGHT * threads, warn)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _connect(self):
        try:
            import logging

            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError(f"--engine dask needs dask.distributed; install it with: {DASK_HINT}") from None
        if self.address:
            try:
                return Client(self.address, timeout=self.timeout), None
            except (OSError, TimeoutError, ValueError) as e:
                raise EngineError(f"cannot reach the Dask scheduler at {self.address} "
                                  f"({str(e).splitlines()[0][:160] if str(e) else type(e).__name__})") from None
        cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster

    @staticmethod
    def _result(future, batch) -> list:
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker:
            raise EngineError(f"Dask workers died while parsing {names(batch)} (killed, or out of memory?); "
                              "nothing written") from None
        except (OSError, TimeoutError) as e:  # the scheduler went away
            raise EngineError(f"lost the Dask scheduler while parsing {names(batch)} ({type(e).__name__}); "
                              "nothing written") from None


Engine = Processes | Dask


def choose(name: str = "local", *, n_process: int = 1, scheduler: str | None = None, workers: int | None = None,
           loader: Loader = Loader()) -> Engine | None:
    """The engine of ``graphbuild build`` options: None (this process) for ``local`` with one process."""
    if name == "dask":
        return Dask(loader, scheduler, workers)
    if name != "local":
        raise EngineError(f"unknown engine {name!r} (local or dask)")
    if scheduler or workers:
        raise EngineError("--scheduler and --workers go with --engine dask")
    return Processes(n_process, loader) if n_process != 1 else None
