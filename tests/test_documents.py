import io
from datetime import date

import pytest

from graphbuild.documents import clean_text, parse_html, parse_txt, read_documents, read_stdin
from graphbuild.errors import InputError


def test_txt_front_matter_sets_metadata():
    doc = parse_txt("Title: Rockets hit base\nSource: Test Wire\nPublished: 2024-02-03\n\n"
                    "Rockets struck a base near Erbil on Friday, officials said.", "x")
    assert doc.title == "Rockets hit base"
    assert doc.source == "Test Wire"
    assert doc.published == date(2024, 2, 3)
    assert doc.text.startswith("Rockets struck")


def test_txt_without_front_matter_keeps_first_line():
    doc = parse_txt("Title of nothing in particular here, a line with a colon: yes.\nBody text.", "x")
    assert doc.title is None


def test_html_reads_meta_and_drops_structural_furniture():
    html = """<html><head><title>Page</title><meta property="og:site_name" content="Desk">
    <meta property="article:published_time" content="2024-07-09T10:00:00Z">
    <link rel="canonical" href="https://example.org/a"></head><body>
    <nav><a href="/">Home</a><a href="/world">World news and other sections</a></nav>
    <article><p>Drones struck an oil depot in the south of the country overnight, the governor said.</p>
    <aside>Related: five other stories you may have missed today</aside></article>
    <footer>Copyright notice for the whole website and all its pages.</footer></body></html>"""
    doc = parse_html(html, "page")
    assert doc.source == "Desk" and doc.url == "https://example.org/a"
    assert doc.published == date(2024, 7, 9)
    assert doc.text == "Drones struck an oil depot in the south of the country overnight, the governor said."


def test_clean_text_drops_link_list_and_timestamps():
    text = ("Audio By Somebody\n"
            "Gunmen attacked a checkpoint outside the town on Monday, police said.\n"
            "Second attack\n"
            "The attackers fled towards the border before troops arrived, witnesses said.\n"
            "Latest Stories\n-\nFootball club signs a new striker for next season\n9 minutes -\n"
            "Minister opens a new bridge over the river\n1 hour -\nFarmers await rain in the north\n2 hours")
    assert clean_text(text).splitlines() == [
        "Gunmen attacked a checkpoint outside the town on Monday, police said.",
        "The attackers fled towards the border before troops arrived, witnesses said.",
    ]


def test_bad_jsonl_line_is_reported_with_file_and_line_and_others_go_through(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "Troops shelled the village on Sunday."}\n{not json}\n'
                 '{"id": "c"}\n{"id": "b", "text": "Militants attacked a convoy."}\n')
    problems = []
    docs = list(read_documents([f], warn=problems.append))
    assert [d.id for d in docs] == ["a", "b"]
    assert [(p.line, str(p.path)) for p in problems] == [(2, str(f)), (3, str(f))]
    assert "in.jsonl:2: not valid JSON" in str(problems[0])


def test_default_is_to_raise_on_bad_input(tmp_path):
    with pytest.raises(InputError):
        list(read_documents([tmp_path / "missing.txt"]))


def test_folders_are_read_recursively_and_ids_are_stems(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("Police arrested two suspects in the capital on Monday.")
    (tmp_path / "two.html").write_text("<p>Protesters marched on the parliament building demanding reforms.</p>")
    (tmp_path / "notes.md").write_text("named and skipped")
    (tmp_path / ".hidden.txt").write_text("Hidden files are not inputs, the reader leaves them alone.")
    problems = []
    assert sorted(d.id for d in read_documents([tmp_path], warn=problems.append)) == ["one", "two"]
    assert [(p.path, p.skipped) for p in problems] == [(tmp_path, False)]
    assert "left out 1 file of unknown kind (notes.md;" in str(problems[0])


def test_stdin_jsonl_and_plain_text():
    docs = list(read_stdin(stream=io.StringIO('{"id": "s1", "text": "Rebels seized the town."}\n')))
    assert docs[0].id == "s1"
    docs = list(read_stdin(stream=io.StringIO("Rebels seized the town after heavy fighting overnight.")))
    assert docs[0].id == "stdin"


def test_duplicate_ids_are_skipped_with_a_warning(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n')
    problems = []
    assert len(list(read_documents([f], warn=problems.append))) == 1
    assert "duplicate" in str(problems[0])


def test_upper_case_wire_copy_is_recased_in_place():
    from graphbuild.documents import recase

    text = "QUITO, 5 MAR 90 (RADIO) -- [TEXT] GUERRILLAS OF THE [AVC] BOMBED A BRIDGE. THE AVC FLED."
    out = recase(text)
    assert len(out) == len(text)
    assert out == "Quito, 5 Mar 90 (Radio) -- [TEXT] Guerrillas of the [AVC] bombed a bridge. The AVC fled."
    assert recase("Mixed case stays as it is. NATO said so.") == "Mixed case stays as it is. NATO said so."


def test_headline_runs_and_stamps_are_furniture_by_structure():
    text = ("Troops shelled the northern district overnight, killing four people, residents said.\n"
            "Aid agencies said the main road to the district remained closed on Tuesday.\n"
            "More from the region\n"
            "Cycling star wins the mountain stage after a long solo breakaway\n12 minutes -\n"
            "Parliament passes the annual budget after a late night session\n1 hour -\n"
            "New museum opens its doors to the public in the old harbour\n3 hours")
    assert clean_text(text).splitlines() == text.splitlines()[:2]


def test_recasing_keeps_the_names_the_text_marks_and_the_words_that_are_not_english():
    from graphbuild.documents import recase

    text = ("BOGOTA, 3 MAR 89 -- [TEXT] THE PEOPLE'S LABOUR LEAGUE [PLL] SAID RNF [RIVER NATIONAL FRONT] "
            "GUERRILLAS KIDNAPPED MAYOR ZAVALETA. \"THEY LIED,\" HE SAID. IS THE PLL SAFE?")
    out = recase(text, known=lambda w: w.lower() not in ("zavaleta",))
    assert len(out) == len(text)
    assert out == ("Bogota, 3 Mar 89 -- [TEXT] The People's Labour League [PLL] said RNF [River National Front] "
                   "guerrillas kidnapped Mayor Zavaleta. \"They lied,\" he said. Is the PLL safe?")


@pytest.mark.model  # the word list is the installed pipeline's lemmatizer index
def test_english_word_knows_inflections_and_not_names():
    from graphbuild.documents import english_word

    assert all(english_word(w) for w in ("kidnapped", "guerrillas", "policemen", "largest", "the"))
    assert not any(english_word(w) for w in ("zavaleta", "fmln"))


def test_paragraph_labels_are_blanked_but_the_dateline_keeps_its_own():
    from graphbuild.documents import drop_leading_notes

    text = "Quito, 2 May 89 -- [Text] Rebels fled.\n[Begin recording] [Mayor Vidal] We stayed. [end recording]"
    out = drop_leading_notes(text)
    assert out.splitlines()[0] == "Quito, 2 May 89 -- [Text] Rebels fled."
    assert out.splitlines()[1].strip() == "We stayed. [end recording]" and len(out) == len(text)


GOOD = "Militants attacked an army post near the border on Sunday, the defence ministry said."


def test_each_bad_input_is_named_and_the_good_one_goes_through(tmp_path):
    from tests.pdfs import tiny_pdf

    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "scan.pdf").write_bytes(tiny_pdf([[]]))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "empty_folder").mkdir()
    problems = []
    inputs = [tmp_path, tmp_path / "empty_folder", tmp_path / "gone.txt", tmp_path / "photo.jpg"]
    docs = list(read_documents(inputs, warn=problems.append))
    assert [d.id for d in docs] == ["good"]
    messages = {str(p).replace(str(tmp_path), "T"): p.skipped for p in problems}
    assert messages == {
        "T: left out 1 file of unknown kind (photo.jpg; graphbuild reads .txt, .html, .htm, .jsonl, .pdf)": False,
        "T/blob.txt: not a text file (binary content); skipped": True,
        "T/empty.txt: empty file": True,
        "T/scan.pdf: PDF without a text layer (a scan?); skipped": True,
        "T/empty_folder: empty folder (no .txt, .html, .htm, .jsonl, .pdf files)": True,
        "T/gone.txt: no such file or folder": True,
        "T/photo.jpg: unknown kind of file (expected .txt, .html, .htm, .jsonl, .pdf); skipped": True,
    }


def test_invalid_utf8_is_replaced_and_named_with_file_and_line(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_bytes(b"Title: Raid\n\n" + GOOD.encode() + b"\nResidents fled to the hills \xe9 overnight, they said.")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_bytes(b'{"id": "b1", "text": "' + GOOD.encode() + b'"}\n'
                      b'{"id": "b2", "text": "Troops shelled the caf\xe9 district overnight, witnesses said."}\n')
    problems = []
    docs = list(read_documents([txt, jsonl], warn=problems.append))
    assert [d.id for d in docs] == ["a", "b1", "b2"]
    assert "hills \ufffd overnight" in docs[0].text and "caf\ufffd district" in docs[2].text
    assert [(str(p.path), p.line, p.skipped) for p in problems] == [(str(txt), 4, False), (str(jsonl), 2, False)]
    assert "invalid UTF-8" in str(problems[0])


def test_a_web_page_in_its_declared_charset_is_read_without_a_warning(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes('<html><head><meta charset="windows-1252"></head><body><p>Protesters marched to the '
                     'ministry in Bogotá on Friday, demanding the release of detainees.</p></body></html>'
                     .encode("cp1252"))
    (doc,) = read_documents([page])
    assert "Bogotá" in doc.text


def test_record_without_text_and_a_page_with_no_text_are_named(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "   "}\n'
                 '{"id": "b", "html": "<html><body><script>var x = 1;</script></body></html>"}\n'
                 '[1, 2]\n')
    problems = []
    assert list(read_documents([f], warn=problems.append)) == []
    assert [(p.line, p.skipped) for p in problems] == [(1, True), (None, True), (3, True)]
    assert str(problems[1]).startswith(f"{f}:2: no text found")


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".pdf"])
def test_readers_never_raise_on_arbitrary_bytes(tmp_path_factory, suffix):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    folder = tmp_path_factory.mktemp("fuzz")

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)))
    def check(data):
        f = folder / f"doc{suffix}"
        f.write_bytes(data)
        problems = []
        for doc in read_documents([f], warn=problems.append):
            assert doc.text.strip()
        assert all(isinstance(p, InputError) for p in problems)

    check()
