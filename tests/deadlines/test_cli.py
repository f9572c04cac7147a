"""`randwijzer deadlines`: Dutch lines, --json equal to the API, exit 2 on bad input."""
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .conftest import FEEST, IMPULS

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("deadlines", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_human_output_in_dutch():
    text = run("--from", "2027-01-01", "--to", "2027-07-31")
    feest = "Subsidie 'Feest van de Vlaamse Gemeenschap' in de 6 faciliteitengemeenten"
    assert text.splitlines() == [
        "Indiendata en periodes van 1 januari 2027 tot en met 31 juli 2027 (5)",
        f"1 februari 2027 · uiterste indiendatum · Impulssubsidie Vlaamse Rand [{IMPULS}]",
        "    Uiterste indiendatum",
        f"20 maart 2027 · uiterste indiendatum · {feest} [{FEEST}]",
        "    Uiterste indiendatum voor een activiteit op 20 juni 2027 (eerste dag van de periode)",
        f"20 april 2027 · uiterste indiendatum · {feest} [{FEEST}]",
        "    Uiterste indiendatum voor een activiteit op 20 juli 2027 (laatste dag van de periode)",
        f"1 mei 2027 · uiterste indiendatum · Impulssubsidie Vlaamse Rand [{IMPULS}]",
        "    Uiterste indiendatum",
        f"20 juni 2027 tot en met 20 juli 2027 · periode · {feest} [{FEEST}]",
        "    Periode waarin de activiteit moet plaatsvinden",
    ]


def test_nothing_found_is_said():
    assert run("--from", "2027-01-21", "--to", "2027-01-27") == "Geen uiterste indiendata of periodes van 21 januari 2027 tot en met 27 januari 2027.\n"


@pytest.mark.parametrize("args", [
    ("--from", "2027-01-01", "--to", "2028-12-31"),
    ("--from", "2023-01-01", "--to", "2023-12-31", "--theme", "werk"),
    ("--from", "2027-01-01", "--to", "2027-12-31", "--municipality", "Kraainem", "--applicant-type", "school"),
])
def test_json_is_the_api_answer(client, args):
    params = dict(zip(("from" if a == "--from" else a[2:].replace("-", "_") for a in args[::2]), args[1::2]))
    assert json.loads(run(*args, "--json")) == client.get("/api/v1/deadlines", params).json()


@pytest.mark.parametrize("args, words", [
    (("--from", "2027-02-30"), "Ongeldige datum '2027-02-30'"),
    (("--from", "2027-05-01", "--to", "2027-01-01"), "ligt voor de begindatum"),
    (("--from", "2020-01-01", "--to", "2025-01-01"), "te lang"),
    (("--municipality", "Wemel"), "Bedoelde u: Wemmel"),
    (("--theme", "sport"), "Onbekend thema"),
])
def test_bad_input_exits_2_in_dutch(args, words):
    with pytest.raises(CommandError) as info:
        run(*args)
    assert info.value.returncode == 2
    assert words in str(info.value)
