import datetime as dt

import pytest

from randwijzer.catalogue import presenters
from randwijzer.catalogue.models import FundingLine, Municipality

pytestmark = pytest.mark.django_db


def test_money_and_numbers_are_written_dutch_style():
    assert presenters.format_euro(15000) == "€ 15.000"
    assert presenters.format_euro(30337000) == "€ 30.337.000"
    assert presenters.format_euro(0) == "€ 0"
    assert presenters.format_euro(None) == ""
    assert presenters.format_number(61461) == "61.461"


def test_dates_are_written_in_dutch():
    assert presenters.format_date_nl(dt.date(2027, 2, 1)) == "1 februari 2027"
    assert presenters.format_month_day(7, 20) == "20 juli"
    assert presenters.join_nl(["1 februari", "1 mei", "1 oktober"]) == "1 februari, 1 mei en 1 oktober"
    assert presenters.join_nl(["a"]) == "a"
    assert presenters.months_nl(1) == "1 maand"


def test_rules_of_taalstimulering():
    line = FundingLine.objects.with_details().get(pk="subsidie-taalstimulering-nederlands")
    rules = presenters.rules_in_dutch(line)
    assert "De steun dekt tot 80% van de kosten." in rules
    assert "Maximaal € 15.000 per project." in rules
    assert "Aanvragen kan het hele jaar door." in rules
    assert "Dien de aanvraag in ten laatste 3 maanden voor de start van het project." in rules


def test_timing_facts_carry_their_source_and_doubts():
    line = FundingLine.objects.with_details().get(pk="subsidie-taalstimulering-nederlands")
    facts = {f.field: f for f in presenters.timing_facts(line) + presenters.financial_facts(line)}
    assert facts["cost_share_pct"].source.key == line.field_sources["cost_share_pct"]
    assert facts["submission"].source.key == line.field_sources["submission"]


def test_yearly_deadlines_and_activity_window_in_plain_dutch():
    impuls = FundingLine.objects.with_details().get(pk="impulssubsidie-vlaamse-rand")
    assert "1 februari, 1 mei en 1 oktober" in presenters.submission_in_dutch(impuls)
    feest = FundingLine.objects.with_details().get(pk="subsidie-feest-vlaamse-gemeenschap")
    assert "tussen 20 juni en 20 juli" in presenters.activity_window_in_dutch(feest)
    assert presenters.lead_time_in_dutch(feest).endswith("voor de activiteit.")


def test_a_doubt_about_a_field_is_attached_to_its_sentence():
    line = FundingLine.objects.with_details().get(pk="wies-fonds")
    submission = next(f for f in presenters.timing_facts(line) if f.field == "submission")
    assert submission.to_verify == line.to_verify["submission"]


def test_wies_flag_notes_per_municipality():
    line = FundingLine.objects.get(pk="wies-fonds")
    assert presenters.flag_notes(line, Municipality.objects.get(name_nl="Wemmel")) == []
    assert presenters.flag_notes(line, Municipality.objects.get(name_nl="Tervuren"))[0].startswith("Niet bevestigd")
    assert presenters.flag_notes(line, Municipality.objects.get(name_nl="Halle"))[0].startswith("Niet voor Halle")
