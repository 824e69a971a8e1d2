"""What the command says: its help, the build summary, query errors and the progress bar's total."""

from __future__ import annotations

import pytest

from graphbuild.cli import main
from graphbuild.pipeline import BuildResult
from graphbuild.progress import expected_documents


def test_help_describes_the_command_not_the_module(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "knowledge graphs from news" in text and "thin layer" not in text and "``" not in text


def test_summary_counts_in_the_singular_for_one(tmp_path):
    from graphbuild.errors import InputError

    one = BuildResult(out=tmp_path, documents=1,
                      problems=[InputError("bad", path="x.jsonl", line=2, skipped=True)])
    assert one.summary().startswith("graphbuild: 1 document, 0 events (0 mentions), 0 actors; "
                                    "1 input skipped (see above).")
    two = BuildResult(out=tmp_path, documents=2, problems=[InputError("a", skipped=True), InputError("b"),
                                                           InputError("c")])
    assert "2 documents" in two.summary() and "; 1 input skipped, 2 warnings (see above)." in two.summary()


def test_unknown_saved_query_and_unknown_prefix_are_named(examples_out, capsys):
    assert main(["query", str(examples_out), "who-attacked"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("graphbuild: no saved query 'who-attacked'; saved queries: ")
    assert "who-attacked-whom" in err and "SPARQL" not in err
    assert main(["query", str(examples_out), "SELECT ?x WHERE { ?x a acled:Battle }"]) == 2
    err = capsys.readouterr().err
    assert "unknown prefix 'acled:'" in err and "cekg" in err
    # a declared prefix is not unknown, and a bad query still says it is not valid SPARQL
    assert main(["query", str(examples_out), "PREFIX ex: <http://example.org/> ASK { ?x a ex:Y }"]) == 0
    assert main(["query", str(examples_out), "SELECT ?x WHERE { ?x a }"]) == 2
    assert "not valid SPARQL" in capsys.readouterr().err


def test_the_progress_bar_knows_how_many_documents_to_expect(tmp_path):
    (tmp_path / "a.txt").write_text("One article.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>Another.</p>")
    (tmp_path / "c.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n')
    (tmp_path / "notes.pdfx").write_text("not an article")
    assert expected_documents([tmp_path]) == 4
    assert expected_documents([tmp_path / "a.txt", tmp_path / "missing.txt"]) == 1
    assert expected_documents([tmp_path, "-"]) is None
