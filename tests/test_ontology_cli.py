import json

from graphbuild.cli import main


def test_resolve_json_lines(capsys):
    assert main(["resolve", "--json", "Washington", "the United States", "Northern Hawks"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [set(r) for r in rows] == [{"mention", "id", "label", "kind", "country", "resolved"}] * 3
    assert rows[0]["id"] == rows[1]["id"] == "USA" and rows[0]["country"] == "USA"
    assert rows[2]["resolved"] is False


def test_resolve_with_user_ontology(tmp_path, capsys):
    extra = tmp_path / "mine.ttl"
    extra.write_text('@prefix cekg: <https://graphbuild.dev/ns/cekg#> .\n'
                     '@prefix actor: <https://graphbuild.dev/id/actor/> .\n'
                     '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                     'actor:northern-hawks a cekg:ArmedGroup ; skos:prefLabel "Northern Hawks" ;\n'
                     '    cekg:country actor:SYR .\n')
    assert main(["resolve", "--json", "--ontology", str(extra), "the Northern Hawks"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["id"], row["kind"], row["country"], row["resolved"]) == ("northern-hawks", "armed_group", "SYR", True)


def test_malformed_ontology_is_one_line_with_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b x:c .\nx:d x:e .\n")
    assert main(["resolve", "--ontology", str(bad), "US"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"graphbuild: {bad}:") and "Traceback" not in err and err.count("\n") == 1


def test_actors_lists_by_frequency_and_unresolved(tmp_path, capsys):
    out = tmp_path / "out"
    src = tmp_path / "a.txt"
    src.write_text("Northern Hawks fighters attacked Iraqi troops near Mosul on Monday, officials said. "
                   "Iraqi troops later shelled Northern Hawks positions.")
    assert main(["build", str(src), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["actors", str(out), "--json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and rows == sorted(rows, key=lambda r: -r["events"])
    assert main(["actors", str(out), "--unresolved", "--json"]) == 0
    assert all(not json.loads(x)["resolved"] for x in capsys.readouterr().out.splitlines())
