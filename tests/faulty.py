"""A worker loader whose extractor misbehaves on marked documents, for the engine tests: worker processes do not
see a test's monkeypatch, so the loader (which runs in the worker) puts the fault in place there."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from graphbuild.engines import Loader


@dataclass(frozen=True)
class FaultyLoader(Loader):
    """BROKEN in a text: the extractor raises; SLOW: it sleeps for long; SPIN: it loops for long (in Python, as a
    runaway rule would); VANISH: the worker process dies at once."""

    def __call__(self):
        from graphbuild import pipeline

        real = pipeline.extract_events

        def extract(sdoc, doc, ontology):
            if "BROKEN" in doc.text:
                raise IndexError("list index out of range")
            if "SLOW" in doc.text:
                time.sleep(120)
            if "SPIN" in doc.text:
                end = time.monotonic() + 120
                while time.monotonic() < end:
                    pass
            if "VANISH" in doc.text:
                os._exit(9)
            return real(sdoc, doc, ontology)

        pipeline.extract_events = extract
        return super().__call__()
