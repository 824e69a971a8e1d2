"""Every command has help text and appears in the README (as sqlite-utils checks its docs)."""

import argparse

from graphbuild.cli import parser

from .conftest import ROOT


def _commands():
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub, sorted(sub.choices)


def test_every_command_has_help_and_a_description():
    sub, names = _commands()
    helps = {a.dest: a.help for a in sub._choices_actions}
    for name in names:
        assert helps.get(name), name
        assert sub.choices[name].description, name


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    _, names = _commands()
    missing = [n for n in names if f"graphbuild {n}" not in readme]
    assert not missing
