"""`randwijzer match`: Dutch output, exit codes, and the same answer as the API and the service."""
import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from randwijzer.matching.serializers import match_to_dict
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


def test_human_output_has_the_five_groups_then_partners_in_order():
    text = run(TAALCAFE, *WEMMEL)
    headings = ["Past bij uw project", "Kan passen: na te gaan", "Past, maar later", "Komt niet in aanmerking",
                "Past niet bij uw project", "Partners die kunnen helpen"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)


def test_fitting_line_shows_money_deadline_and_estimate_in_dutch():
    fits = section(run(TAALCAFE, *WEMMEL), "Past bij uw project")
    lines = fits.splitlines()
    assert lines[1].strip() == "Subsidie taalstimulering Nederlands [subsidie-taalstimulering-nederlands]"
    assert "Tot 80% van de kosten, maximaal € 15.000." in fits
    assert "Geschatte steun voor uw project: € 3.200." in fits
    assert "Dien in ten laatste op 1 december 2026 (nog 5 dagen)." in fits
    assert "2026-12-01" not in fits  # a Dutch date, not ISO


def test_lines_to_check_list_what_to_check_and_leave_passes_out():
    check = section(run(TAALCAFE, *WEMMEL), "Kan passen: na te gaan")
    assert "Vlaamse Randfonds" in check
    assert "Of een vzw mag aanvragen, is niet bevestigd." in check
    assert "mag aanvragen." not in check.replace("Of een vzw mag aanvragen", "")  # passes are left out


def test_a_line_that_needs_a_later_start_is_not_refused_but_says_when():
    later = section(run(TAALCAFE, *WEMMEL), "Past, maar later")
    assert "Impulssubsidie Vlaamse Rand [impulssubsidie-vlaamse-rand]" in later
    assert "Met een start op of na 1 april 2027 kan het wel." in later
    text = run(TAALCAFE, *WEMMEL)
    assert "Impulssubsidie" not in text[text.index("Komt niet in aanmerking"):text.index("Past niet bij uw project")]


def test_refused_lines_give_only_the_failing_reasons():
    text = run(TAALCAFE, "--municipality", "Halle", "--applicant-type", "vzw", "--date", "2026-11-26")
    refused = section(text, "Komt niet in aanmerking")
    assert "Subsidie taalstimulering Nederlands" not in refused  # Halle is in Vlaams-Brabant
    later_or_refused = section(run(TAALCAFE, "--municipality", "Gent", "--applicant-type", "vzw"), "Komt niet in aanmerking")
    assert "Subsidie taalstimulering Nederlands [subsidie-taalstimulering-nederlands]" in later_or_refused
    assert "Gent ligt niet in de provincie Vlaams-Brabant" in later_or_refused
    assert "Na te gaan:" not in later_or_refused and "Ga na of" not in later_or_refused  # unknowns of a refused line are noise


def test_partners_with_a_reason_come_with_why():
    result = match_project(TAALCAFE, "wemmel", "vzw", dt.date(2026, 11, 26), dt.date(2027, 3, 1), dt.date(2027, 12, 31), 4000)
    partners = section(run(TAALCAFE, *WEMMEL), "Partners die kunnen helpen").splitlines()[1:]
    expected = [p for p in result.partners if p.has_reason][:5]
    assert len(partners) == len(expected) >= 3
    for line, partner in zip(partners, expected):
        assert line.strip() == f"{partner.name} [{partner.id}]: {partner.why}"
    assert partners[0].startswith("  vzw 'de Rand' [vzw-de-rand]: Leer- en oefenkansen Nederlands: tips, methodieken")


def test_notes_come_last():
    text = run(TAALCAFE, "--municipality", "Wemmel", "--applicant-type", "vzw", "--start", "2027-05-01", "--end", "2027-01-01")
    assert text.rstrip().endswith("- De einddatum ligt voor de startdatum; alleen de startdatum is gebruikt.")
    assert "Opmerkingen" in text


def test_text_may_be_several_words_or_empty():
    assert run(*TAALCAFE.split(), *WEMMEL) == run(TAALCAFE, *WEMMEL)
    assert "Beschrijf uw project in een paar zinnen" in run(*WEMMEL)


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
    assert "Past bij uw project" in run("\x00\ud800 taal 😀\u202e", "--municipality", "Wem\x00mel", "--applicant-type", "vzw")


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
        "funding": [(f["id"], f["group"], f["reasons"], f["apply_by"], f["estimated_amount"]) for f in data["funding"]],
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
    assert len({f["group"] for f in service["funding"]}) >= 2  # the cases are not trivial
