"""The lexicon's indexed lookups give the answers of the plain scans they replace."""

import pytest

from graphbuild.extract.lexicon import words_of


@pytest.fixture(scope="module")
def words(ontology):
    return words_of(ontology)


def _first_mode_by_scan(words, text):
    for phrase, (mode, _of) in words.lex.modes.items():
        if f" {phrase}" in f" {text}":
            return mode
    return None


def test_first_mode_at_word_is_the_scan(words):
    phrases = list(words.lex.modes)
    texts = ["", "the", "x", "suicide car bombing", "rebel mortar attacks", "peace talks", "armed clashes"]
    texts += phrases + [p[:-1] for p in phrases] + [f"the {p}s" for p in phrases]
    texts += [f"{p} and {q}" for p, q in zip(phrases, phrases[7:] + phrases[:7], strict=True)]
    for text in texts:
        assert words.first_mode_at_word(text) == _first_mode_by_scan(words, text), text


def test_first_mode_at_word_starts_at_a_word(words):
    phrase, (mode, _of) = next((p, m) for p, m in words.lex.modes.items() if p.isalpha() and len(p) > 3)
    assert words.first_mode_at_word(f"the {phrase}") == mode
    assert words.first_mode_at_word(f"the {phrase}s") == mode  # "bomb" begins "bombs"
