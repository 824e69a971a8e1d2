"""The README's saved-query outputs are those of a real run on examples/ (the build is deterministic): when a
query or the extraction changes, this fails until `make readme` regenerates them."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout

from .conftest import ROOT


def test_readme_saved_query_outputs_match_a_fresh_build(examples_out):
    from cogapp import Cog

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = Cog().main(["cog", "--check", "-I", str(ROOT / "tools"), "-D", f"out={examples_out}",
                             str(ROOT / "README.md")])
    assert status == 0, f"README.md is out of date: run `make readme`\n{out.getvalue()}{err.getvalue()}"
