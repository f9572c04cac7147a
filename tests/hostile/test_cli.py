"""Every CLI command that takes input, against every hostile value of the corpus (see corpus.py).

A refused value ends the command with exit status 2 and a Dutch reason naming the option; nothing
else may escape (no traceback) and nothing is written.
"""
from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .conftest import row_counts
from .corpus import COMMANDS, as_text, cases

pytestmark = pytest.mark.django_db


def _with(args: list[str], option: str, value: str) -> list[str]:
    if option in args:
        args = list(args)
        args[args.index(option) + 1] = value
        return args
    return [*args, option, value]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_hostile_values_exit_2_with_a_dutch_reason(command):
    call_command(command.name, *command.args, stdout=StringIO(), stderr=StringIO())  # the valid call works
    problems = []
    for option, kind, label, value, refuse in cases(command.options):
        before = row_counts()
        where = f"{command.name} {option}={label} ({kind})"
        try:
            call_command(command.name, *_with(command.args, option, as_text(value)), stdout=StringIO(), stderr=StringIO())
        except CommandError as exc:
            if exc.returncode != 2:
                problems.append(f"{where}: exit {exc.returncode}: {exc}")
            elif not str(exc).strip():
                problems.append(f"{where}: exit 2 without a reason")
        except Exception as exc:  # noqa: BLE001  (any other exception is a traceback for the user)
            problems.append(f"{where}: {type(exc).__name__}: {exc}")
        else:
            if refuse:
                problems.append(f"{where}: accepted")
        if row_counts() != before:
            problems.append(f"{where}: rows were written")
    assert not problems, "\n".join(problems)
