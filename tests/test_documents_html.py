import json
from datetime import date
from pathlib import Path

from graphbuild.documents import page_text, parse_html, read_documents

PAGES = Path(__file__).parent / "data" / "pages"


def read(name: str):
    return parse_html((PAGES / name).read_text(encoding="utf-8"), name.split(".")[0], origin=name)


def test_a_page_wrapped_in_a_form_keeps_its_article_and_metadata():
    doc = read("form_wrapped.html")
    assert doc.text.count("\n") >= 3  # paragraphs stay lines
    assert "Gunmen ambushed a supply convoy on the road to Tessit on Thursday" in doc.text
    assert "prices have tripled since the blockade began" in doc.text
    assert "Subscribe" not in doc.text and "Sport" not in doc.text
    assert (doc.title, doc.source, doc.author, doc.published, doc.url) == (
        "Convoy ambushed near Tessit", "Sahel Desk", "Awa Traoré", date(2025, 3, 14),
        "https://sahel-desk.example/news/convoy-ambushed-near-tessit")


def test_a_teaser_article_element_does_not_hide_the_real_text():
    doc = read("teaser_article.html")
    assert doc.text.startswith("The blockade of the port entered its third week on Tuesday")
    assert "Talks between the union and the authority broke down" in doc.text
    assert "Live updates" not in doc.text


def test_related_story_headlines_do_not_pass_as_prose():
    doc = read("related_links.html")
    assert doc.title == "Drone strike hits fuel depot outside Kharkiv"  # og:title first
    for headline in ("Rebels seize border crossing", "Protesters clash with police", "Ministers agree"):
        assert headline not in doc.text
    # prose after the teaser line, and an ordinary paragraph after it, are kept
    assert "air defences had shot down four other drones" in doc.text
    assert "publish air quality readings later in the day" in doc.text
    assert "Copyright" not in doc.text


def test_a_page_under_the_extractors_thresholds_still_yields_its_text():
    assert "Militants shelled the airport overnight." in read("short_page.html").text
    assert page_text("<p>Troops crossed the river at dawn.</p>") == "Troops crossed the river at dawn."


def test_html_in_jsonl_records_reads_like_a_page_and_record_fields_win(tmp_path):
    page = (PAGES / "related_links.html").read_text(encoding="utf-8")
    f = tmp_path / "pages.jsonl"
    f.write_text(json.dumps({"id": "p1", "html": page, "source": "My archive"}) + "\n"
                 + json.dumps({"id": "p2", "text": (PAGES / "teaser_article.html").read_text()}) + "\n")
    p1, p2 = read_documents([f])
    assert p1.source == "My archive" and p1.published == date(2025, 6, 2)
    assert "Protesters clash" not in p1.text and "A drone struck a fuel depot" in p1.text
    assert p2.text.startswith("The blockade of the port") and "<p>" not in p2.text
    assert p1.origin == f"{f}:1"


def test_bundled_examples_are_read_with_their_metadata():
    examples = Path(__file__).parent.parent / "examples"
    docs = {d.id: d for d in read_documents(sorted(examples.glob("*.html")))}
    assert len(docs) == 2
    for doc in docs.values():
        assert doc.title and doc.language == "en" and len(doc.text.split()) > 100
