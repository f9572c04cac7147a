"""Issue #12 on the default path: a description, a municipality and an applicant type, nothing else.

Whole answers as a user reads them (service, API, CLI), in Dutch that reads as written by a person.
"""
import datetime as dt
import re
from io import StringIO

import pytest
from django.core.management import call_command

from randwijzer.matching.service import match_project

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)
TAAL = "subsidie-taalstimulering-nederlands"
FEEST = "subsidie-feest-vlaamse-gemeenschap"
FEAST_TEXT = ("Ons comité organiseert op 11 juli 2027 een volksfeest met optreden en kinderanimatie "
              "voor de hele gemeente, ongeveer 3.000 euro")


def line(result, id_):
    return next(f for f in result.funding if f.id == id_)


def cli(*args) -> str:
    out = StringIO()
    call_command("match", *args, "--date", TODAY.isoformat(), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_a_weekly_language_table_in_wemmel_fits_with_money_and_when_to_apply():
    result = match_project("wekelijkse taaltafel Nederlands voor nieuwkomers", "Wemmel", "vzw", reference=TODAY)
    taal = result.funding[0]
    assert (taal.id, taal.group, taal.topic, taal.eligibility) == (TAAL, "fits", "fits", "eligible")
    assert (taal.share_pct, taal.max_amount, taal.estimated_amount) == (80, 15000, None)  # no cost given
    fits = cli("wekelijkse taaltafel Nederlands voor nieuwkomers", "--municipality", "Wemmel", "--applicant-type", "vzw")
    block = fits[fits.index("Past bij uw project (1)"):fits.index("\n\n", fits.index("Past bij uw project (1)"))]
    assert block == (
        "Past bij uw project (1)\n"
        "  Subsidie taalstimulering Nederlands [subsidie-taalstimulering-nederlands]\n"
        "    Tot 80% van de kosten, maximaal € 15.000.\n"
        "    U kunt het hele jaar door aanvragen, ten laatste 3 maanden voor de start van het project: "
        "wie vandaag aanvraagt, kan ten vroegste op 1 maart 2027 starten."
    )


def test_the_linkebeek_feast_is_read_from_the_text_and_fits_at_1500_euro():
    result = match_project(FEAST_TEXT, "Linkebeek", "feitelijke-vereniging", reference=TODAY)
    assert result.understood.from_text == ["start", "cost"]
    assert (result.understood.start, result.understood.cost) == (dt.date(2027, 7, 11), 3000)
    feest = result.funding[0]
    assert (feest.id, feest.group, feest.estimated_amount) == (FEEST, "fits", 1500)
    assert (feest.apply_by, feest.days_left) == (dt.date(2027, 4, 11), 131)
    text = cli(FEAST_TEXT, "--municipality", "Linkebeek", "--applicant-type", "feitelijke-vereniging")
    assert text.startswith("We lazen: activiteit op 11 juli 2027, kostprijs € 3.000.\n")
    assert ("  Subsidie 'Feest van de Vlaamse Gemeenschap' in de 6 faciliteitengemeenten [subsidie-feest-vlaamse-gemeenschap]\n"
            "    Tot 80% van de kosten, maximaal € 1.500.\n"
            "    Geschatte steun voor uw project: € 1.500.\n"
            "    Dien in ten laatste op 11 april 2027 (nog 131 dagen).\n") in text


def test_fields_the_user_filled_in_win_over_the_text():
    result = match_project(FEAST_TEXT, "Linkebeek", "feitelijke-vereniging", reference=TODAY,
                           start=dt.date(2027, 7, 18), cost=1000)
    assert result.understood.from_text == []
    assert (result.understood.start, result.understood.cost) == (dt.date(2027, 7, 18), 1000)
    assert line(result, FEEST).estimated_amount == 800


@pytest.mark.parametrize("place, kind", [("Vilvoorde", "lokaal-bestuur"), ("Wemmel", "vzw"), ("Linkebeek", "feitelijke-vereniging")])
def test_a_car_park_gets_no_language_feast_association_or_wies_line(place, kind):
    result = match_project("We willen een nieuwe parking met laadpalen aanleggen", place, kind, reference=TODAY)
    shown = [f.id for f in result.funding if f.group in ("fits", "check", "later")]
    assert shown == [], shown
    assert result.text_recognised


def test_gibberish_gets_a_hint_with_two_examples_not_a_ranking():
    result = match_project("asdf qwerty zzz", "Wemmel", "vzw", reference=TODAY)
    assert result.text_recognised is False
    assert all(f.group == "off_topic" for f in result.funding)
    hint = next(n for n in result.notes if n.startswith("We herkenden niets"))
    assert hint.count("'") == 4  # two example descriptions, quoted


def test_a_deadline_today_and_tomorrow_are_said_so():
    # A project starting on 1 March 2027 must apply 3 months ahead: on 1 December 2026, today.
    result = match_project("taalcafé voor anderstalige ouders", "Wemmel", "vzw", reference=TODAY, start=dt.date(2027, 3, 1))
    taal = line(result, TAAL)
    assert (taal.apply_by, taal.days_left) == (TODAY, 0)
    text = cli("taalcafé voor anderstalige ouders", "--municipality", "Wemmel", "--applicant-type", "vzw", "--start", "2027-03-01")
    assert "Dien vandaag nog in: 1 december 2026 is de laatste dag." in text
    tomorrow = match_project("taalcafé voor anderstalige ouders", "Wemmel", "vzw", reference=TODAY, start=dt.date(2027, 3, 2))
    assert line(tomorrow, TAAL).days_left == 1


def test_a_project_that_only_needs_a_later_start_is_not_refused():
    result = match_project("taalcafé voor anderstalige ouders", "Wemmel", "vzw", reference=TODAY, start=dt.date(2027, 1, 15))
    taal = line(result, TAAL)
    assert (taal.group, taal.earliest_start) == ("later", dt.date(2027, 3, 1))


def test_partners_rank_on_the_service_that_fits_and_those_elsewhere_never_lead():
    help_ = match_project("wie helpt ons subsidiedossiers opmaken", "Asse", "lokaal-bestuur", reference=TODAY)
    assert (help_.partners[0].id, help_.partners[0].service) == ("haviland", "Hulp van de subsidioloog bij een subsidiedossier")
    posters = match_project("mogen onze affiches tweetalig zijn", "Kraainem", "lokaal-bestuur", reference=TODAY)
    assert posters.partners[0].id == "steunpunt-taalwetwijzer"
    randfonds = match_project("wie behandelt de cofinanciering uit het Randfonds", "Zaventem", "lokaal-bestuur", reference=TODAY)
    assert randfonds.partners[0].id == "abb-team-vlaamse-rand"
    ghent = match_project("taalcafé voor anderstalige ouders", "Gent", "vzw", reference=TODAY)
    away = [p for p in ghent.partners if p.why.endswith("Werkt niet in Gent.")]
    assert away and all(ghent.partners.index(p) > ghent.partners.index(q) for p in away for q in ghent.partners if q not in away)


# Machine text the issue quoted, and the forms that replace it.
MACHINE_TEXT = [r"type '", r"Biedt [A-Z]", r"loopt \(", r"\bkan u\b", r"Na te gaan: Na te gaan", r"[a-z] [A-Z][a-z]+ [a-z]+ behandelen"]


@pytest.mark.parametrize("text, place, kind", [
    ("wekelijkse taaltafel Nederlands voor nieuwkomers", "Wemmel", "vzw"),
    (FEAST_TEXT, "Linkebeek", "feitelijke-vereniging"),
    ("wie behandelt de cofinanciering uit het Randfonds", "Zaventem", "lokaal-bestuur"),
    ("Een leesproject voor kinderen op school", "Halle", "school"),
])
def test_generated_dutch_reads_as_written_by_a_person(text, place, kind):
    result = match_project(text, place, kind, reference=TODAY)
    sentences = [r.explanation for f in result.funding for r in f.reasons] + [p.why for p in result.partners] + result.notes
    for sentence in sentences:
        for pattern in MACHINE_TEXT:
            assert not re.search(pattern, sentence), (pattern, sentence)
        assert sentence[:1].isupper() and sentence.rstrip().endswith((".", "?", ")")), sentence
        assert ": " not in sentence or not re.search(r": [A-Z][a-z]+ [a-z]", sentence.split("'")[0]), sentence


@pytest.mark.parametrize("text, words", [
    ("Taalcafé op 31 februari 2027 voor anderstalige ouders", "31 februari 2027 bestaat niet"),
    ("Taalcafé van 30 juni tot 1 maart 2027 voor anderstalige ouders", "ligt de einddatum voor de begindatum"),
    ("Taalcafé voor anderstalige ouders, kostprijs € 1e30", "€"),
    ("Taalcafé voor anderstalige ouders, kostprijs -5 euro", "euro"),
])
def test_impossible_dates_and_amounts_in_the_text_give_a_dutch_note_not_a_reading(text, words):
    result = match_project(text, "Wemmel", "vzw", reference=TODAY)
    assert result.understood.from_text == []
    assert any(words in note for note in result.notes), result.notes


def test_fifty_thousand_characters_of_text_answer_with_a_note():
    result = match_project(("wekelijkse taaltafel Nederlands voor nieuwkomers 11/07/2027 € 6.000 " * 800)[:50_000], "Wemmel", "vzw",
                           reference=TODAY)
    assert result.funding[0].id == TAAL
    assert any("De omschrijving is lang" in note for note in result.notes)
