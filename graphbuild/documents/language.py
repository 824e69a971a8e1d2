"""The language a document is written in, by py3langid (its model ships inside the package: nothing is
downloaded). Conservative by design: a short text, or one the detector is not sure of, is not judged, and
English text that the detector misreads still has English's function words.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

# under this many words a text is not judged: headlines and notes mislead any detector
MIN_WORDS = 25
# a text is called foreign when the detector gives the expected language under 1 - MIN_CONFIDENCE, and
# the expected one when it gives it at least MIN_CONFIDENCE
MIN_CONFIDENCE = 0.95
# English prose has about half of its words among spaCy's English stop words; other languages a few
_ENGLISH_SHARE = 0.25
# ... and a text with this share is plainly English: the detector's model (about 0.8 s to load) is not needed
_PLAINLY_ENGLISH = 0.35
_SAMPLE = 4000  # characters judged: the opening of a document says its language
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


class Language(NamedTuple):
    code: str  # ISO 639-1 where there is one ("fr"), else ISO 639-3
    confidence: float

    @property
    def name(self) -> str:
        """The language's English name ("French")."""
        return language_name(self.code)


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from ..cache import cached, key

    # the model file is LZMA-compressed: 0.7 s to read, 0.1 s from the start-up cache (about 70 MB there, one
    # per py3langid version: graphbuild's code does not shape it)
    return cached("langid", key(packages=["py3langid"], code=False),
                  lambda: LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))


def language_name(code: str) -> str:
    """The English name of a language code, or the code itself when pycountry has none.

    >>> language_name("fr"), language_name("xx")
    ('French', 'xx')
    """
    import pycountry  # its tables load on import: only when a language is named

    entry = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    return entry.name if entry else code


def _sample(text: str) -> str | None:
    sample = text[:_SAMPLE]
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    if sum(w.isupper() for w in words) > 0.8 * len(words):
        sample = sample.lower()  # wire copy in capitals: the model knows ordinary case
    return sample


def detect_language(text: str) -> Language | None:
    """The most likely language of a text, or None when it is too short to judge.

    >>> detect_language("Les rebelles ont attaqué la ville hier soir, a déclaré la police dans un "
    ...                 "communiqué publié ce matin. Trois soldats ont été tués et plusieurs maisons "
    ...                 "ont été détruites pendant les combats, selon les autorités locales.").code
    'fr'
    >>> detect_language("Rebels attacked the town.") is None
    True
    """
    sample = _sample(text)
    if sample is None:
        return None
    return Language(*_identifier().classify(sample))


def _judge(text: str, expected: str) -> Language | None:
    sample = _sample(text)
    if sample is None:
        return None
    ranked = _identifier().rank(sample)
    (top, p_top), p_expected = ranked[0], dict(ranked).get(expected, 0.0)
    if top == expected:
        return Language(top, p_top) if p_top >= MIN_CONFIDENCE else None
    if p_expected > 1 - MIN_CONFIDENCE:
        return None  # it may well be ``expected``: unsure
    if expected == "en" and _english_share(sample) >= _ENGLISH_SHARE:
        return Language(expected, p_expected)  # English function words throughout: names misled it
    return Language(top, p_top)


def _english_share(sample: str) -> float:
    from spacy.lang.en.stop_words import STOP_WORDS  # imports spaCy: only when a text is judged

    words = [w.lower() for w in _WORD.findall(sample)]
    return sum(w in STOP_WORDS for w in words) / len(words) if words else 0.0


def _plainly(text: str, expected: str) -> bool:
    """Whether ``text`` is plainly in ``expected`` without asking the detector (English prose only)."""
    sample = _sample(text) if expected == "en" else None
    return sample is not None and _english_share(sample) >= _PLAINLY_ENGLISH


def identify(text: str, expected: str = "en") -> str | None:
    """The code of the language a text is in, when that is clear; None when the text is too short or the
    detector unsure. A text the detector calls foreign but which is full of ``expected``'s function words
    (English only) is taken for ``expected``.

    >>> identify("GUERRILLAS OF THE NATIONAL FRONT ATTACKED THE POWER STATION OUTSIDE THE CAPITAL LAST NIGHT, "
    ...          "POLICE SAID. TWO GUARDS WERE WOUNDED AND THE LINES WERE CUT, THE ARMY SAID IN A COMMUNIQUE.")
    'en'
    >>> identify("Rebels attacked the town.") is None
    True
    """
    if _plainly(text, expected):
        return expected
    judged = _judge(text, expected)
    return judged.code if judged else None


def foreign_language(text: str, expected: str = "en") -> Language | None:
    """The language of a text when it is clearly not ``expected``; None when it is, or when unsure.

    >>> foreign_language("Die Rebellen haben die Stadt gestern Abend angegriffen, teilte die Polizei mit. "
    ...                  "Drei Soldaten wurden getötet und mehrere Häuser wurden bei den Kämpfen zerstört, "
    ...                  "sagten die örtlichen Behörden am Morgen.").name
    'German'
    """
    if _plainly(text, expected):
        return None
    judged = _judge(text, expected)
    return judged if judged and judged.code != expected else None
