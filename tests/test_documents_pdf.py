import io

from pypdf import PdfReader, PdfWriter

from graphbuild.documents import parse_pdf, read_documents
from tests.pdfs import tiny_pdf

REPORT = [["Armed men attacked a clinic in the north of the district on", "Monday, the mission said in its report.",
           "", "7"],
          ["Two nurses were wounded and the clinic closed for a week after the attack."]]


def test_every_page_is_read_and_lines_of_a_paragraph_are_joined():
    doc = parse_pdf(tiny_pdf(REPORT, title="Quarterly protection report"), "r", origin="r.pdf")
    assert doc.text.splitlines() == [
        "Armed men attacked a clinic in the north of the district on Monday, the mission said in its report.",
        "Two nurses were wounded and the clinic closed for a week after the attack."]
    assert doc.title == "Quarterly protection report" and doc.published.isoformat() == "2025-03-01"


def test_pdf_in_a_folder_is_read(tmp_path):
    (tmp_path / "report.pdf").write_bytes(tiny_pdf(REPORT))
    (tmp_path / "note.txt").write_text("Troops withdrew from the village on Sunday, residents said.")
    assert sorted(d.id for d in read_documents([tmp_path])) == ["note", "report"]


def test_encrypted_broken_and_scanned_pdfs_are_named_and_skipped(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(tiny_pdf(REPORT))))
    writer.encrypt("secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    (tmp_path / "locked.pdf").write_bytes(buf.getvalue())
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (tmp_path / "scan.pdf").write_bytes(tiny_pdf([[]]))
    problems = []
    assert list(read_documents([tmp_path], warn=problems.append)) == []
    by_file = {p.path: str(p) for p in problems}
    assert "encrypted PDF (needs a password); skipped" in by_file[str(tmp_path / "locked.pdf")]
    assert "not a readable PDF" in by_file[str(tmp_path / "broken.pdf")]
    assert "without a text layer" in by_file[str(tmp_path / "scan.pdf")]
    assert all(p.skipped for p in problems)
