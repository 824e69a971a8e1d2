"""The whole job: documents -> nlp -> extract -> ontology -> graph -> export."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .documents import read_documents
from .errors import GraphbuildError, InputError, OutputError
from .export import to_rdf, write_csv, write_events, write_events_csv, write_gexf, write_graphml, write_html, write_rdf
from .extract import extract_affiliations, extract_events
from .graph import MergedEvent, actors_of, build_graph, mentions_of, merge_events
from .namespaces import DEFAULT_BASE
from .nlp import load_pipeline
from .ontology import Ontology, load_ontology
from .records import Affiliation, Document, Event

OUTPUTS = ("events.jsonl", "graph.ttl", "graph.nt", "graph.jsonld", "store", "graph.html", "nodes.csv",
           "edges.csv", "graph.graphml", "events.csv", "graph.gexf")


@dataclass
class BuildResult:
    out: Path
    documents: int = 0
    merged: list[MergedEvent] = field(default_factory=list)
    problems: list[GraphbuildError] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)

    @property
    def events(self) -> list[Event]:
        return mentions_of(self.merged)

    @property
    def actors(self) -> int:
        return len(actors_of(self.merged))

    def summary(self) -> str:
        n_mentions = sum(len(m.mentions) for m in self.merged)
        lines = [f"graphbuild: {_n(self.documents, 'document')}, {_n(len(self.merged), 'event')} "
                 f"({_n(n_mentions, 'mention')}), {_n(self.actors, 'actor')}"
                 + (f"; {_n(len(self.problems), 'input problem')} (see above)" if self.problems else "") + "."]
        for name, path in self.paths.items():
            lines.append(f"  {name:<13} {path}")
        return "\n".join(lines)


def _n(count: int, word: str) -> str:
    """A count with its noun, singular for one.

    >>> _n(1, "document"), _n(2, "input problem")
    ('1 document', '2 input problems')
    """
    return f"{count} {word}{'' if count == 1 else 's'}"


def prepare_out(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError("exists and is not a folder", path=out)
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise OutputError("folder is not empty; use --force to replace its contents", path=out)
        for child in out.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    out.mkdir(parents=True, exist_ok=True)


def process(docs: Iterable[Document], ontology: Ontology, nlp, batch_size: int = 32,
            n_process: int = 1) -> Iterator[tuple[Document, list[Event], list[Affiliation]]]:
    """Parse and extract, streaming: one document in memory per worker batch."""
    docs_iter = ((d.text, d) for d in docs)
    for sdoc, doc in nlp.pipe(docs_iter, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield doc, list(extract_events(sdoc, doc, ontology)), list(extract_affiliations(sdoc, doc, ontology))


def build(inputs: Iterable[str | Path], out: str | Path, *, model: str | None = None,
          ontology_files: Iterable[str | Path] = (), force: bool = False, base: str = DEFAULT_BASE,
          warn: Callable[[GraphbuildError], None] | None = None, progress: bool = False,
          n_process: int = 1) -> BuildResult:
    """Build the knowledge graph of ``inputs`` into the folder ``out``."""
    out = Path(out)
    inputs = list(inputs)  # read twice when a progress bar counts them first
    problems: list[GraphbuildError] = []

    def note(err: InputError) -> None:
        problems.append(err)
        if warn:
            warn(err)

    prepare_out(out, force)
    ontology = load_ontology(ontology_files)
    nlp = load_pipeline(model, ontology)
    documents: dict[str, Document] = {}
    events: list[Event] = []
    affiliations: list[Affiliation] = []

    def counted(docs: Iterable[Document]) -> Iterator[Document]:
        for d in docs:
            documents[d.id] = replace(d, text="")  # keep metadata, not text
            yield d

    stream = counted(read_documents(inputs, warn=note))
    results = process(stream, ontology, nlp, n_process=n_process)
    if progress:
        from .progress import progress_bar

        results = progress_bar(results, inputs)
    for _doc, evs, affs in results:
        events += evs
        affiliations += affs
    merged = merge_events(events)
    result = BuildResult(out=out, documents=len(documents), merged=merged, problems=problems)
    paths = {name: out / name for name in OUTPUTS}
    write_outputs(merged, paths, ontology, documents, affiliations, base=base,
                  title=f"graphbuild: {len(documents)} article{'' if len(documents) == 1 else 's'}")
    result.paths = paths
    return result


def write_outputs(merged: list[MergedEvent], paths: dict[str, Path], ontology: Ontology,
                  documents: dict[str, Document], affiliations: list[Affiliation], *, base: str = DEFAULT_BASE,
                  title: str = "graphbuild") -> None:
    """Every output of a build (the names of ``OUTPUTS``); the store is bulk-loaded from graph.nt."""
    from .store import load_store

    actor_graph = build_graph(merged)  # one actor graph for the page, the tables and GraphML
    write_events(mentions_of(merged), paths["events.jsonl"], documents)
    graph = to_rdf(merged, ontology, documents, affiliations, base=base)
    for name in ("graph.ttl", "graph.nt", "graph.jsonld"):
        write_rdf(graph, paths[name])
    load_store(paths["graph.nt"], paths["store"])
    write_html(merged, paths["graph.html"], title=title, documents=documents, graph=actor_graph)
    write_csv(merged, paths["nodes.csv"], paths["edges.csv"], graph=actor_graph, documents=documents)
    write_graphml(merged, paths["graph.graphml"], graph=actor_graph)
    write_events_csv(merged, paths["events.csv"], documents, ontology, affiliations)
    write_gexf(merged, paths["graph.gexf"], graph=actor_graph)
