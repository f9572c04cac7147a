"""`randwijzer match`: Dutch output, exit codes, and the same answer as the API and the service."""
import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from randwijzer.api.match_serializers import match_to_dict
from randwijzer.matching.service import match_project

pytestmark = pytest.mark.django_db

TAALCAFE = "We willen als vzw een taalcafé opstarten waar anderstalige ouders Nederlands oefenen"
WEMMEL = ["--municipality", "wemmel", "--applicant-type", "vzw", "--date", "2026-11-26",
          "--start", "2027-03-01", "--end", "2027-12-31", "--cost", "4000"]


def run(*args) -> str:
    out = StringIO()
    call_command("match", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def fails(*args) -> str:
    with pytest.raises(CommandError) as info:
        run(*args)
    assert info.value.returncode == 2
    return str(info.value)


def section(text: str, heading: str) -> str:
    """The lines under a heading, up to the next blank line."""
    start = text.index(heading)
    end = text.find("\n\n", start)
    return text[start: end if end != -1 else None]


# ---------------------------------------------------------------- Dutch output


def test_human_output_has_the_three_verdicts_then_partners_in_order():
    text = run(TAALCAFE, *WEMMEL)
    headings = ["Komt in aanmerking", "Onzeker — na te gaan", "Komt niet in aanmerking", "Partners die kunnen helpen"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)


def test_eligible_line_shows_deadline_and_amount_in_dutch():
    eligible = section(run(TAALCAFE, *WEMMEL), "Komt in aanmerking")
    lines = eligible.splitlines()
    assert lines[1].strip() == "Subsidie taalstimulering Nederlands [subsidie-taalstimulering-nederlands]"
    assert "1 december 2026" in eligible and "€ 3.200" in eligible
    assert "2026-12-01" not in eligible  # a Dutch date, not ISO


def test_uncertain_lines_list_what_to_check():
    uncertain = section(run(TAALCAFE, *WEMMEL), "Onzeker — na te gaan")
    assert "Vlaamse Randfonds" in uncertain
    assert "Na te gaan: De aanvrager is een Nederlandstalige vereniging." in uncertain
    assert "Een aanvrager van het type 'Vzw' mag aanvragen." not in uncertain  # passes are left out


def test_ineligible_lines_give_only_the_failing_reasons():
    ineligible = section(run(TAALCAFE, *WEMMEL), "Komt niet in aanmerking")
    assert "Impulssubsidie Vlaamse Rand [impulssubsidie-vlaamse-rand]" in ineligible
    assert "kan het project ten vroegste op 1 april 2027 starten, niet op 1 maart 2027" in ineligible
    assert "Na te gaan:" not in ineligible and "Ga na of" not in ineligible  # unknowns of a refused line are noise


def test_partners_are_the_top_five_with_why():
    result = match_project(TAALCAFE, "wemmel", "vzw", dt.date(2026, 11, 26), dt.date(2027, 3, 1), dt.date(2027, 12, 31), 4000)
    partners = section(run(TAALCAFE, *WEMMEL), "Partners die kunnen helpen").splitlines()[1:]
    assert len(partners) == 5
    for line, partner in zip(partners, result.partners[:5]):
        assert line.strip() == f"{partner.name} [{partner.id}]: {partner.why}"
    assert "actief in Wemmel" in partners[0]


def test_notes_come_last():
    text = run(TAALCAFE, "--municipality", "Wemmel", "--applicant-type", "vzw", "--start", "2027-05-01", "--end", "2027-01-01")
    assert text.rstrip().endswith("- De einddatum ligt voor de startdatum; alleen de startdatum is gebruikt.")
    assert "Opmerkingen" in text


def test_text_may_be_several_words_or_empty():
    assert run(*TAALCAFE.split(), *WEMMEL) == run(TAALCAFE, *WEMMEL)
    assert "geen projectomschrijving" in run(*WEMMEL)


# ---------------------------------------------------------------- errors and exit status


def test_unknown_municipality_exits_2_with_suggestions():
    message = fails(TAALCAFE, "--municipality", "Wemel", "--applicant-type", "vzw")
    assert message.startswith("Onbekende gemeente 'Wemel'.") and "Bedoelde u: Wemmel" in message


def test_unknown_applicant_type_exits_2_with_suggestions():
    message = fails(TAALCAFE, "--municipality", "Wemmel", "--applicant-type", "vzww")
    assert "Onbekend type aanvrager 'vzww'" in message and "Bedoelde u: vzw?" in message


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--date", "26/11/2026", "--date"),
        ("--start", "2027-02-30", "JJJJ-MM-DD"),
        ("--end", "volgend jaar", "JJJJ-MM-DD"),
        ("--start", "0001-01-01", "tussen 1900 en 2100"),
        ("--cost", "veel", "geheel getal"),
        ("--cost", "-5", "niet negatief"),
    ],
)
def test_bad_dates_and_costs_exit_2_with_a_reason(option, value, words):
    assert words in fails(TAALCAFE, "--municipality", "Wemmel", "--applicant-type", "vzw", option, value)


def test_odd_text_and_names_do_not_crash():
    assert "Komt in aanmerking" in run("\x00\ud800 taal 😀\u202e", "--municipality", "Wem\x00mel", "--applicant-type", "vzw")


# ---------------------------------------------------------------- one answer, three interfaces

CASES = [
    {"text": TAALCAFE, "municipality": "wemmel", "applicant_type": "vzw",
     "date": "2026-11-26", "start": "2027-03-01", "end": "2027-12-31", "cost": 4000},
    {"text": "Feest van de Vlaamse Gemeenschap met optredens", "municipality": "Linkebeek", "applicant_type": "feitelijke-vereniging",
     "date": "2026-11-26", "start": "2027-09-12", "end": None, "cost": 2500},
    {"text": "Een WIES-project voor betaalbaar wonen", "municipality": "23102", "applicant_type": "lokaal-bestuur",
     "date": "2027-01-15", "start": None, "end": None, "cost": None},
]


def _day(value):
    return dt.date.fromisoformat(value) if value else None


def _cli_args(case: dict) -> list[str]:
    args = [case["text"], "--municipality", case["municipality"], "--applicant-type", case["applicant_type"], "--json"]
    for name in ("date", "start", "end", "cost"):
        if case[name] is not None:
            args += [f"--{name}", str(case[name])]
    return args


def _essence(data: dict) -> dict:
    return {
        "funding": [(f["id"], f["eligibility"], f["reasons"], f["next_deadline"], f["estimated_amount"]) for f in data["funding"]],
        "partners": [p["id"] for p in data["partners"]],
        "notes": data["notes"],
    }


@pytest.mark.parametrize("case", CASES, ids=["taalcafe-wemmel", "feest-linkebeek", "wies-wemmel"])
def test_the_three_interfaces_give_the_same_answer(client, case):
    service = match_to_dict(match_project(
        case["text"], case["municipality"], case["applicant_type"], reference=_day(case["date"]),
        start=_day(case["start"]), end=_day(case["end"]), cost=case["cost"],
    ))
    response = client.post("/api/v1/match", json.dumps(case), content_type="application/json")
    assert response.status_code == 200, response.content
    api = response.json()
    cli = json.loads(run(*_cli_args(case)))
    assert _essence(service) == _essence(api) == _essence(cli)
    # Not only the essentials: the whole objects agree, field for field.
    assert service == api == cli
    assert len({f["eligibility"] for f in service["funding"]}) >= 2  # the cases are not trivial
