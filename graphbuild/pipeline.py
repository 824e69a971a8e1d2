"""The whole job: documents -> nlp -> extract -> ontology -> graph -> export."""

from __future__ import annotations

import pickle
import signal
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from .cache import load_ontology
from .documents import read_documents
from .engines import Engine, Loader, Options, Processes, choose, thread_time_limit
from .errors import GraphbuildError, InputError, OutputError
from .export.files import atomic_dir
from .export.flat import write_events_csv
from .export.jsonl import read_events, write_events
from .export.rdf import convert, triples, write_ntriples
from .extract import extract_affiliations, extract_events
from .graph import MergedEvent, actors_of, build_graph, mentions_of
from .manifest import Previous, Settings, digest, read_previous, write_manifest
from .namespaces import DEFAULT_BASE
from .nlp import CHUNK_SIZE, load_pipeline, pipeline_name, split_text
from .ontology import Ontology
from .records import Affiliation, Document, Event
from .spill import Merged, Spill

OUTPUTS = ("events.jsonl", "graph.ttl", "graph.nt", "graph.jsonld", "store", "graph.html", "nodes.csv",
           "edges.csv", "graph.graphml", "events.csv", "graph.gexf")
DOC_TIMEOUT = 60.0  # seconds per 100,000 characters a document's extraction may take
BATCH_CHARS = 25_000  # characters parsed at once: at 100,000 the peak grew with the corpus (630 -> 733 MB, 1x -> 4x),
# as more batch mixes were met; at 25,000 it is flat (509, 513 MB) for a parse about 6% slower


def _raise(err: InputError) -> None:
    raise err


@dataclass
class BuildResult:
    out: Path
    documents: int = 0
    merged: Sequence[MergedEvent] = field(default_factory=list)  # a build's: read from its events.jsonl
    problems: list[GraphbuildError] = field(default_factory=list)  # skipped inputs, and warnings
    paths: dict[str, Path] = field(default_factory=dict)
    kept: int | None = None  # with --append: the documents already in the output, skipped
    counts: tuple[int, int, int] | None = None  # events, mentions, actors, when known without reading merged

    @property
    def events(self) -> list[Event]:
        return mentions_of(self.merged)

    @property
    def skipped(self) -> list[GraphbuildError]:
        """The problems that left an input out (the others only warned about an input that was used)."""
        return [p for p in self.problems if getattr(p, "skipped", True)]

    @property
    def actors(self) -> int:
        return self.counts[2] if self.counts else len(actors_of(self.merged))

    def summary(self) -> str:
        n_events, n_mentions, n_actors = self.counts or (
            len(self.merged), sum(len(m.mentions) for m in self.merged), self.actors)
        lines = [f"graphbuild: {_n(self.documents, 'document')}, {_n(n_events, 'event')} "
                 f"({_n(n_mentions, 'mention')}), {_n(n_actors, 'actor')}"
                 + (f" ({self.documents - self.kept} new, {self.kept} already there)" if self.kept is not None else "")
                 + self._problems() + "."]
        for name, path in self.paths.items():
            lines.append(f"  {name:<13} {path}")
        return "\n".join(lines)


    def _problems(self) -> str:
        """ "; 1 input skipped, 2 warnings (see above)": what was left out apart from what was only noted."""
        skipped = len(self.skipped)
        noted = len(self.problems) - skipped
        parts = ([f"{_n(skipped, 'input')} skipped"] if skipped else []) + ([_n(noted, "warning")] if noted else [])
        return f"; {', '.join(parts)} (see above)" if parts else ""


def _n(count: int, word: str) -> str:
    """A count with its noun, singular for one.

    >>> _n(1, "document"), _n(2, "warning")
    ('1 document', '2 warnings')
    """
    return f"{count} {word}{'' if count == 1 else 's'}"


def check_out(out: Path, force: bool, inputs: Iterable[str | Path] = (), append: bool = False) -> None:
    """Refuse an output folder before any work, touching nothing: the build writes a new folder beside it
    and swaps it in at the end, so a failing build leaves the previous output as it was. ``append`` adds to
    the build there (see :mod:`graphbuild.manifest`)."""
    if out.exists() and not out.is_dir():
        raise OutputError("exists and is not a folder", path=out)
    cwd = Path.cwd().resolve()
    if out.resolve() == cwd or out.resolve() in cwd.parents:  # the swap would move the folder we stand in
        raise OutputError("is the current folder or holds it; choose another output folder", path=out)
    if out.is_dir() and any(out.iterdir()) and not append:
        if not force:
            raise OutputError("folder is not empty; use --force to replace its contents", path=out)
        here = out.resolve()
        for item in inputs:
            if str(item) != "-" and (here == (p := Path(item).resolve()) or here in p.parents):
                raise OutputError(f"holds the input {item}, which --force would delete; choose another "
                                  "output folder", path=out)


class _TimeUp(BaseException):
    """Raised by the timer inside the extractor. A BaseException, so no ``except Exception`` swallows it."""


def _on_alarm(signum, frame):
    raise _TimeUp


@contextmanager
def _time_limit(seconds: float | None):
    """Raise :class:`_TimeUp` in the block after ``seconds`` (wall clock). Only the main thread of a POSIX
    process can take the signal, and a timer someone else armed is left alone: then the block runs unguarded.
    In another thread (a Dask worker's task) a timer thread raises it instead, see :func:`thread_time_limit`."""
    if seconds is not None and threading.current_thread() is not threading.main_thread():
        with thread_time_limit(seconds, _TimeUp):
            yield
        return
    if (seconds is None or not hasattr(signal, "setitimer")
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def budget(text: str, doc_timeout: float | None) -> float | None:
    """Seconds a document may take: ``doc_timeout`` per 100,000 characters, never less than ``doc_timeout``.

    >>> budget("x" * 250_000, 60)
    150.0
    >>> budget("short", 60)
    60.0
    """
    if not doc_timeout or doc_timeout <= 0:
        return None
    return float(doc_timeout) * max(1.0, len(text) / 100_000)


def process(docs: Iterable[Document], ontology: Ontology, nlp, batch_size: int = 32, n_process: int = 1, *,
            doc_timeout: float | None = DOC_TIMEOUT, warn: Callable[[InputError], None] = _raise,
            chunk_size: int | None = None, debug: bool = False, engine: Engine | None = None,
            ) -> Iterator[tuple[Document, list[Event], list[Affiliation]]]:
    """Parse and extract, streaming: a batch of documents in memory per worker, a huge document in pieces of
    ``chunk_size`` characters (default: :data:`CHUNK_SIZE`, or half the pipeline's ``max_length`` if that is
    less; cut at paragraphs, else sentences). A document whose extraction outlasts
    :func:`budget`, or fails, goes to ``warn`` (default: raise) and is left out; the others go on.

    ``engine`` runs the same work in worker processes or on a Dask cluster (see :mod:`graphbuild.engines`),
    whose workers load their own pipeline and ontology (or, forked, get the one :meth:`Processes.sharing` gave
    them: :func:`build` shares its own); ``n_process`` > 1 without one means
    ``Processes(n_process)``, whose workers load the default pipeline and the bundled ontology."""
    if engine is None and n_process != 1:
        engine = Processes(n_process)
    if engine is not None:
        yield from engine.run(docs, Options(doc_timeout, chunk_size, debug), warn)
        return
    size = chunk_size or min(CHUNK_SIZE, max(1, nlp.max_length // 2))
    pending: dict[int, Document] = {}  # in the main process: workers get only the text of each piece

    def pieces() -> Iterator[tuple[str, tuple[int, bool]]]:
        for i, doc in enumerate(docs):
            pending[i] = doc
            parts = split_text(doc.text, size)
            for k, (_offset, part) in enumerate(parts):
                yield part, (i, k == len(parts) - 1)

    warm = not doc_timeout
    current, events, affiliations, spent, failed = -1, [], [], 0.0, False
    for sdoc, (i, last) in _parse(nlp, pieces(), batch_size):
        if not warm:
            _warm_up(nlp, ontology)
            warm = True
        doc = pending[i]
        if i != current:
            current, events, affiliations, spent, failed = i, [], [], 0.0, False
        if not failed:
            # Spans are offsets in the sentence, so a piece's events need no shift: a document of one piece
            # gives the events (and ids) it gave unsplit.
            limit = budget(doc.text, doc_timeout)
            t0 = time.perf_counter()
            try:
                with _time_limit(None if limit is None else max(limit - spent, 0.001)):
                    events += extract_events(sdoc, doc, ontology)
                    affiliations += extract_affiliations(sdoc, doc, ontology)
            except _TimeUp:
                failed = True
                warn(_skipped(f"gave up after {limit:g} s", doc))
            except Exception as e:  # one document's bug must not cost the corpus
                if debug:
                    raise
                failed = True
                warn(_skipped(f"skipped: the extractor failed ({type(e).__name__}: "
                              f"{str(e).splitlines()[0][:120] if str(e) else ''}); please report this "
                              "(--debug shows where)", doc))
            spent += time.perf_counter() - t0
        if last:
            del pending[i]
            if not failed:
                yield doc, events, affiliations


def _skipped(message: str, doc: Document) -> InputError:
    return InputError(message, path=doc.origin or doc.id, skipped=True)  # left out of the build


def _parse(nlp, items: Iterator[tuple[str, object]], batch_size: int) -> Iterator[tuple]:
    """``nlp.pipe`` in batches of at most ``batch_size`` texts and :data:`BATCH_CHARS` characters: the parser's
    memory grows with the characters of a batch (about 3 MB per 1,000), not with the documents' count.
    (Parallel builds run this in each worker, on whole documents: see :mod:`graphbuild.engines`.)"""
    for batch in _batches(items, batch_size, BATCH_CHARS):
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def _batches(items: Iterable[tuple[str, object]], most: int, chars: int) -> Iterator[list[tuple[str, object]]]:
    """Consecutive groups of at most ``most`` items and ``chars`` characters (a longer item goes alone).

    >>> [len(b) for b in _batches([("ab", 0), ("cd", 1), ("efgh", 2), ("i", 3)], most=3, chars=4)]
    [2, 1, 1]
    """
    batch: list[tuple[str, object]] = []
    n = 0
    for item in items:
        if batch and (len(batch) >= most or n + len(item[0]) > chars):
            yield batch
            batch, n = [], 0
        batch.append(item)
        n += len(item[0])
    if batch:
        yield batch


_warmed: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # pipeline -> the ontologies it warmed up with


def _warm_up(nlp, ontology: Ontology) -> None:
    """The extractor builds its indexes (lexicon view, gazetteer) on first use, which takes seconds: build
    them before any clock runs, so the first document's budget is its own. Once per pipeline and ontology: a
    worker calls :func:`process` for every batch (a forked one inherits what the build warmed up)."""
    try:
        done = _warmed.setdefault(nlp, weakref.WeakSet())
    except TypeError:  # a pipeline stand-in without weak references: warmed up every time
        done = weakref.WeakSet()
    if ontology in done:
        return
    text = "Gunmen attacked a police station in Kano on Friday and killed two officers, officials said."
    sdoc = nlp(text)
    list(extract_events(sdoc, Document("warm-up", text), ontology))
    list(extract_affiliations(sdoc, Document("warm-up", text), ontology))
    try:
        done.add(ontology)
    except TypeError:
        pass


def build(inputs: Iterable[str | Path], out: str | Path, *, model: str | None = None,
          ontology_files: Iterable[str | Path] = (), force: bool = False, base: str = DEFAULT_BASE,
          warn: Callable[[GraphbuildError], None] | None = None, progress: bool = False,
          n_process: int = 1, doc_timeout: float | None = DOC_TIMEOUT, debug: bool = False,
          append: bool = False, engine: str = "local", scheduler: str | None = None,
          workers: int | None = None) -> BuildResult:
    """Build the knowledge graph of ``inputs`` into the folder ``out``.

    Input problems go to ``warn`` and are kept in ``BuildResult.problems``; a document whose extraction takes
    longer than ``doc_timeout`` seconds per 100,000 characters is left out (None: no limit). Raises
    :class:`InputError` when no input could be used. Nothing in ``out`` changes until every output is
    written: the build goes to a new folder beside it, swapped in at the end (``force`` replaces a
    non-empty ``out``). ``append`` adds ``inputs`` to the build in ``out``: a document already there (same id,
    same text) is skipped, a new text under a known id replaces the old one, and the events are those of one
    build over all the documents (merged again from events.jsonl and the new mentions). An interrupted build
    leaves ``out`` as it was, so running it again with ``append`` resumes it. ``n_process`` worker processes,
    or ``engine="dask"`` (the cluster at ``scheduler``, else a local one of ``workers`` processes), parse and
    extract with the same events (see :mod:`graphbuild.engines`).
    """
    out = Path(out)
    inputs = list(inputs)  # read twice when a progress bar counts them first
    out = out.resolve() if out.is_symlink() else out  # replace the folder it points to, not the link
    problems: list[GraphbuildError] = []

    def note(err: InputError) -> None:
        problems.append(err)
        if warn:
            warn(err)

    check_out(out, force, inputs, append=append)
    ontology_files = [str(f) for f in ontology_files]  # read by this process and by every worker
    workers_engine = choose(engine, n_process=n_process, scheduler=scheduler, workers=workers,
                            loader=Loader(model, tuple(ontology_files)))
    previous = read_previous(out) if append else Previous({}, {})
    ontology = load_ontology(ontology_files)
    nlp = load_pipeline(model, ontology)
    settings = Settings.of(base, pipeline_name(nlp), ontology_files)
    previous.check(settings, out)
    if isinstance(workers_engine, Processes) and workers_engine.method == "fork":
        # forked workers get the pipeline as loaded here, its extractor indexes built once for all of them
        _warm_up(nlp, ontology)
        workers_engine = workers_engine.sharing(nlp, ontology)
    documents: dict[str, Document] = {}
    hashes: dict[str, str] = {}
    affiliations: list[Affiliation] = []
    # a document in another language than the pipeline's is named and skipped, not parsed into nothing
    docs = (doc for doc in read_documents(inputs, warn=note, language=getattr(nlp, "lang", None))
            if not previous.has(doc))  # with append: a document already in the output is not parsed again
    results = process(docs, ontology, nlp, doc_timeout=doc_timeout, warn=note, debug=debug,
                      engine=workers_engine)
    if progress:
        from .progress import progress_bar

        results = progress_bar(results, inputs)
    kept_count = None
    try:
        # the mentions go to disk as they come, in the folder that becomes the output (deleted before)
        with atomic_dir(out) as tmp, Spill(tmp / ".events.spill") as spill:
            for doc, evs, affs in results:
                documents[doc.id] = replace(doc, text="")  # keep metadata, not text
                hashes[doc.id] = digest(doc.text)
                spill.add(evs)
                affiliations += affs
            if append and previous.documents:
                old = previous.without(documents)  # a new text under a known id replaces the old one
                if not documents:  # nothing new: the output stays as it is
                    raise _Unchanged(len(old.documents))
                kept_count = len(old.documents)
                documents = {**old.documents, **documents}
                hashes = {**old.hashes, **hashes}
                spill.add(old.mentions())
                affiliations = [*old.affiliations, *affiliations]
            if not documents:
                raise InputError("no input could be used" + ("" if problems else " (no documents found)")
                                 + "; nothing written" + (f", {out} left as it was" if out.exists() else ""))
            merged = spill.merge()
            write_outputs(merged, {name: tmp / name for name in OUTPUTS}, ontology, documents, affiliations,
                          base=base,
                          title=f"graphbuild: {len(documents)} article{'' if len(documents) == 1 else 's'}")
            write_manifest(tmp, documents, hashes, affiliations, settings)
            counts = (len(merged), merged.mention_count, merged.actors)
    except _Unchanged as unchanged:
        return BuildResult(out=out, documents=unchanged.kept, merged=_Saved(out / "events.jsonl"),
                           problems=problems, paths={name: out / name for name in OUTPUTS}, kept=unchanged.kept)
    return BuildResult(out=out, documents=len(documents), merged=_Saved(out / "events.jsonl"), problems=problems,
                       paths={name: out / name for name in OUTPUTS}, kept=kept_count, counts=counts)


class _Unchanged(Exception):
    """An append with nothing new: the output is left as it is."""

    def __init__(self, kept: int):
        self.kept = kept


class _Saved(Sequence):
    """The merged events of a finished build, read from its events.jsonl when first asked for: a build does
    not hold them. (events.jsonl is in document order, each mention carrying its event id.)"""

    def __init__(self, path: Path):
        self.path = path

    @cached_property
    def _merged(self) -> list[MergedEvent]:
        groups: dict[str, list[Event]] = {}
        for ev in read_events(self.path):
            groups.setdefault(ev.event_id or ev.id, []).append(ev)
        return [MergedEvent(eid, tuple(ms)) for eid, ms in groups.items()]

    def __len__(self) -> int:
        return len(self._merged)

    def __getitem__(self, i):
        return self._merged[i]


def write_outputs(merged: Sequence[MergedEvent] | Merged, paths: dict[str, Path], ontology: Ontology,
                  documents: dict[str, Document], affiliations: list[Affiliation], *, base: str = DEFAULT_BASE,
                  title: str = "graphbuild") -> None:
    """Every output of a build (the names of ``OUTPUTS``). The RDF goes out as a stream of N-Triples, which
    the store bulk-loads and Oxigraph re-serializes to Turtle and JSON-LD: no in-memory graph of everything.
    ``merged`` may be a :class:`~graphbuild.spill.Merged`, read from disk on each pass: then events.jsonl,
    graph.nt and events.csv are written as streams, and only the actor graph is held."""
    from .store import load_store

    def rdf() -> None:  # the RDF chain and the events table, about half the writing time ...
        mentions = merged.mentions() if isinstance(merged, Merged) else mentions_of(merged)
        write_events(mentions, paths["events.jsonl"], documents)
        write_ntriples(triples(merged, ontology, documents, affiliations, base=base), paths["graph.nt"])
        load_store(paths["graph.nt"], paths["store"])
        for name in ("graph.ttl", "graph.jsonld"):
            convert(paths["graph.nt"], paths[name], base=base)
        write_events_csv(merged, paths["events.csv"], documents, ontology, affiliations)

    def tables() -> None:  # ... and the actor graph's outputs, the other half (imported here: see .export)
        from .export.html import write_html
        from .export.tables import write_csv, write_gexf, write_graphml

        actor_graph = build_graph(merged)  # one actor graph for the page, the tables and GraphML
        write_html(merged, paths["graph.html"], title=title, documents=documents, graph=actor_graph)
        write_csv(merged, paths["nodes.csv"], paths["edges.csv"], graph=actor_graph, documents=documents)
        write_graphml(merged, paths["graph.graphml"], graph=actor_graph)
        write_gexf(merged, paths["graph.gexf"], graph=actor_graph)

    side_by_side(rdf, tables)


def side_by_side(first: Callable[[], None], second: Callable[[], None]) -> None:
    """``first()`` here and ``second()`` in a forked child at the same time, where workers are forked (see
    :func:`graphbuild.engines.start_method`; else one after the other): the two share nothing but the files
    they read, and write different ones. An error of the child is raised here, after ``first`` is done.

    >>> side_by_side(lambda: None, lambda: None)
    """
    import multiprocessing
    import sys

    from .engines import start_method

    if start_method() != "fork":
        first()
        second()
        return
    for stream in (sys.stdout, sys.stderr):  # else text buffered here would be written again by the child
        stream.flush()
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(second, send), daemon=True)
    child.start()
    send.close()
    try:
        first()
    finally:
        try:
            error = receive.recv()
        except EOFError:  # the child died without a word (killed, out of memory)
            error = OutputError("the process writing the graph's page and tables stopped (killed, or out of "
                                "memory?); nothing written")
        child.join()
        receive.close()
    if error is not None:
        raise error


def _child(job: Callable[[], None], send) -> None:
    try:
        job()
        send.send(None)
    except BaseException as e:  # noqa: B036 - every failure goes back to the parent, which raises it
        try:
            pickle.loads(pickle.dumps(e))
        except Exception:  # an exception that does not make the trip: its message then
            e = OutputError(f"{type(e).__name__}: {e}")
        send.send(e)
