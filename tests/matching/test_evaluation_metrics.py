"""The evaluation's metrics on small hand-built results, and the case files against the catalogue data.

The fake results follow the grouped result interface (understood, text_recognised, group per line);
the matcher's own numbers are not asserted here.
"""
import csv
import datetime as dt
import json
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from randwijzer.matching import evaluation
from randwijzer.matching.evaluation import (Case, CaseFileError, Score, load_cases, load_sets, markdown,
                                            score_case)
from randwijzer.matching.service import MatchInputError

EVAL = settings.PROJECT_DIR / "eval"
DATA = settings.PROJECT_DIR / "data"
TAAL, FEEST, WIES = "subsidie-taalstimulering-nederlands", "subsidie-feest-vlaamse-gemeenschap", "wies-fonds"


def line(id, group="fits", eligibility="uncertain"):
    return SimpleNamespace(id=id, group=group, eligibility=eligibility)


def result(funding=(), partners=(), understood=None, recognised=True):
    return SimpleNamespace(funding=list(funding), partners=[SimpleNamespace(id=p) for p in partners],
                           understood=understood, text_recognised=recognised)


def understood(nis=None, applicant_type=None, start=None, end=None, cost=None):
    municipality = SimpleNamespace(nis_code=nis, name="x") if nis else None
    return SimpleNamespace(municipality=municipality, applicant_type=applicant_type, start=start, end=end,
                           cost=cost, from_text=[])


def case(**fields):
    return Case(id=fields.pop("id", "c"), text=fields.pop("text", "taalcafé"), **fields)


def scored(*pairs):
    score = Score()
    for c, r in pairs:
        score_case(score, c, r)
    return score


# --- metrics on fake results ---

def test_an_off_topic_line_shown_lowers_precision_but_one_kept_in_off_topic_does_not():
    c = case(funding=[TAAL], off_topic=[WIES, FEEST])
    shown = scored((c, result([line(TAAL), line(WIES, "check"), line(FEEST, "off_topic")])))
    assert shown.off_topic_precision == 0.5
    assert shown.cases_with_off_topic == 1
    assert shown.shown_off_topic == ["c: wies-fonds (check)"]
    kept = scored((c, result([line(TAAL), line(WIES, "off_topic"), line(FEEST, "not_eligible")])))
    assert kept.off_topic_precision == 1.0
    assert kept.cases_with_off_topic == 0


def test_top_three_only_counts_lines_in_fits_check_or_later():
    c = case(funding=[TAAL])
    hidden = scored((c, result([line("a"), line("b", "later"), line("d", "check"), line(TAAL, "fits")])))
    assert hidden.recall == 0.0 and "c: subsidie-taalstimulering-nederlands niet in top 3" in hidden.misses[0]
    # A line the matcher rules out does not take a place in the top 3.
    shown = scored((c, result([line("a", "not_eligible"), line("b", "off_topic"), line(TAAL, "later")])))
    assert shown.recall == 1.0


def test_a_wrong_date_counts_as_wrong_and_the_right_ones_as_right():
    c = case(understood={"municipality": "23101", "start": "2027-07-11", "end": "2027-07-11", "cost": 3000})
    read = understood(nis="23101", start=dt.date(2027, 7, 12), end=dt.date(2027, 7, 11), cost=3000)
    score = scored((c, result(understood=read)))
    assert score.understood["start"] == [0, 1]
    assert score.understood["end"] == [1, 1]
    assert score.understood["municipality"] == [1, 1]
    assert score.understood["cost"] == [1, 1]
    assert score.understood["applicant_type"] == [0, 0]  # not expected, not counted
    assert any("start gelezen als 2027-07-12, verwacht 2027-07-11" in m for m in score.misses)


def test_a_wrong_municipality_or_nothing_read_is_wrong():
    c = case(understood={"municipality": "23101", "applicant_type": "vzw"})
    other = scored((c, result(understood=understood(nis="23100", applicant_type="vzw"))))
    assert other.understood["municipality"] == [0, 1] and other.understood["applicant_type"] == [1, 1]
    nothing = scored((c, result(understood=None)))
    assert nothing.understood["municipality"] == [0, 1] and nothing.understood["applicant_type"] == [0, 1]


def test_false_and_missed_eligible_are_named():
    c = case(eligible=[TAAL])
    score = scored((c, result([line(TAAL, eligibility="uncertain"), line(FEEST, eligibility="eligible")])))
    assert score.false_eligible == ["c: subsidie-feest-vlaamse-gemeenschap"]
    assert score.missed_eligible == ["c: subsidie-taalstimulering-nederlands (uncertain)"]


def test_partner_hit_needs_an_expected_partner_in_the_first_three():
    c = case(partners=["vzw-de-rand"])
    assert scored((c, result(partners=["agii", "ring", "vzw-de-rand"]))).partner_hit_rate == 1.0
    assert scored((c, result(partners=["agii", "ring", "vvsg", "vzw-de-rand"]))).partner_hit_rate == 0.0


def test_text_recognised_is_compared_with_the_case():
    gibberish = case(text="asdf qwerty", recognised=False)
    assert scored((gibberish, result(recognised=False))).recognised_correct == 1
    wrong = scored((gibberish, result(recognised=True)), (case(), result(recognised=False)))
    assert (wrong.recognised_correct, wrong.recognised_total) == (0, 2)


def test_a_refused_input_is_a_miss_not_a_crash(monkeypatch):
    def refuse(*args, **kwargs):
        raise MatchInputError("municipality", "Onbekende gemeente 'st genesius rode'.")

    monkeypatch.setattr(evaluation, "match_project", refuse)
    score = evaluation.evaluate_matcher([case(funding=[TAAL], understood={"municipality": "23101"})])
    assert len(score.refused) == 1 and score.refused[0].startswith("c: ")
    assert score.recall == 0.0 and score.understood["municipality"] == [0, 1]


def test_the_matcher_gets_empty_fields_as_none_and_the_case_date(monkeypatch):
    calls = []
    monkeypatch.setattr(evaluation, "match_project", lambda *a, **k: calls.append((a, k)) or result())
    evaluation.evaluate_matcher([case(date="2027-01-05", cost=3000)])
    (args, kwargs), = calls
    assert args == ("taalcafé", None, None)
    assert kwargs == {"reference": dt.date(2027, 1, 5), "start": None, "end": None, "cost": 3000}


# --- sets and files ---

def write(tmp_path, name, data):
    (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_held_out_cases_are_kept_apart_from_tune_and_regression(tmp_path):
    write(tmp_path, "cases.yaml", {"cases": [{"id": "r", "text": "x", "municipality": "Wemmel", "applicant_type": "vzw"}]})
    write(tmp_path, "cases-users.yaml", {"reference": "2026-12-01", "cases": [
        {"id": "t", "split": "tune", "text": "x"}, {"id": "h", "split": "heldout", "text": "y"}]})
    sets = load_sets(tmp_path)
    assert {name: [c.id for c in cases] for name, cases in sets.items()} == {"regression": ["r"], "tune": ["t"], "heldout": ["h"]}
    assert sets["regression"][0].date == dt.date(2026, 11, 26) and sets["heldout"][0].date == dt.date(2026, 12, 1)
    assert list(load_sets(tmp_path, ("heldout",))) == ["heldout"]


def test_a_report_shows_held_out_in_its_own_table():
    tune, heldout = Score(cases=2), Score(cases=1)
    heldout.misses.append("h: wies-fonds niet in top 3 (niets getoond)")
    text = markdown({"tune": (tune, Score(cases=2)), "heldout": (heldout, Score(cases=1))})
    tune_part, heldout_part = text.split("## Held-out")
    assert "## Afstemmen" in tune_part and "h: wies-fonds" not in tune_part
    assert "| gevallen" in heldout_part and "- h: wies-fonds niet in top 3" in heldout_part


def test_a_user_case_without_split_or_with_an_unknown_field_is_refused_with_the_file_named(tmp_path):
    write(tmp_path, "cases.yaml", {"cases": []})
    write(tmp_path, "cases-users.yaml", {"cases": [{"id": "t", "text": "x"}]})
    with pytest.raises(CaseFileError, match="cases-users.yaml: veld 'split' ontbreekt bij t"):
        load_sets(tmp_path)
    write(tmp_path, "cases-users.yaml", {"cases": [{"id": "t", "split": "tune", "text": "x", "fundng": []}]})
    with pytest.raises(CaseFileError, match=r"cases-users.yaml: veld 'cases.0.fundng'"):
        load_sets(tmp_path)


def test_a_line_both_expected_and_off_topic_is_refused(tmp_path):
    write(tmp_path, "cases.yaml", {"cases": [{"id": "x", "text": "x", "funding": [TAAL], "off_topic": [TAAL]}]})
    with pytest.raises(CaseFileError, match="zowel bij off_topic"):
        load_cases(tmp_path / "cases.yaml")


def test_the_case_files_validate_and_the_user_set_is_large_varied_and_split():
    team = load_cases(EVAL / "cases.yaml")
    users = load_cases(EVAL / "cases-users.yaml")
    assert len(team) == 44
    assert not {c.id for c in team} & {c.id for c in users}
    assert len(users) >= 80
    assert all(c.split in ("tune", "heldout") for c in users)
    assert sum(c.split == "heldout" for c in users) >= 0.3 * len(users)
    lines = catalogue_ids("funding")
    fit_nothing = [c for c in users if not c.funding and not c.eligible and len(c.off_topic) >= len(lines) - 1]
    assert len(fit_nothing) >= 15, [c.id for c in fit_nothing]
    assert any(not c.recognised for c in users if c.split == "tune")
    assert any(not c.recognised for c in users if c.split == "heldout")
    assert sum(not c.municipality for c in users) >= 10  # the municipality only in the text, or nowhere
    assert sum(not c.applicant_type for c in users) >= 10


def catalogue_ids(kind: str) -> set[str]:
    return {yaml.safe_load(p.read_text(encoding="utf-8"))["id"] for p in (DATA / "catalogue" / kind).glob("*.yaml")}


def nis_codes() -> set[str]:
    with (DATA / "reference" / "municipalities-be-2020.csv").open(encoding="utf-8") as f:
        codes = {row["NIS_code"] for row in csv.DictReader(f)}
    added = yaml.safe_load((DATA / "catalogue" / "municipalities.yaml").read_text(encoding="utf-8"))["added"]
    return codes | {a["nis_code"] for a in added}


@pytest.mark.parametrize("name", ["cases.yaml", "cases-users.yaml"])
def test_every_id_and_nis_code_in_the_case_files_exists_in_the_catalogue_data(name):
    raw = yaml.safe_load((EVAL / name).read_text(encoding="utf-8"))["cases"]
    lines, partners, codes = catalogue_ids("funding"), catalogue_ids("partners"), nis_codes()
    vocabularies = yaml.safe_load((DATA / "catalogue" / "vocabularies.yaml").read_text(encoding="utf-8"))
    applicant_types = {a["id"] for a in vocabularies["applicant_types"]}
    unknown = []
    for c in raw:
        unknown += [(c["id"], i) for key in ("funding", "eligible", "off_topic") for i in c.get(key, []) if i not in lines]
        unknown += [(c["id"], p) for p in c.get("partners", []) if p not in partners]
        read = c.get("understood", {})
        if "municipality" in read and read["municipality"] not in codes:
            unknown.append((c["id"], read["municipality"]))
        if "applicant_type" in read and read["applicant_type"] not in applicant_types:
            unknown.append((c["id"], read["applicant_type"]))
    assert unknown == []
    assert len(codes) > 500 and len(lines) == 7  # the data files were really read


# --- the command ---

def test_an_unknown_set_exits_2_with_a_dutch_message():
    with pytest.raises(CommandError, match="Onbekende set 'nope'. Kies uit: regression, tune, heldout.") as error:
        call_command("evaluate", "--set", "nope")
    assert error.value.returncode == 2


def test_a_broken_case_file_exits_2_naming_the_file(tmp_path):
    (tmp_path / "cases.yaml").write_text("cases: [", encoding="utf-8")
    with pytest.raises(CommandError, match="cases.yaml: geen geldige YAML") as error:
        call_command("evaluate", "--set", "regression", "--dir", str(tmp_path))
    assert error.value.returncode == 2


@pytest.mark.django_db
def test_the_command_reports_one_set_as_json_and_as_markdown(monkeypatch):
    # The real loading and baseline; a fixed fake matcher keeps the test apart from the matcher's quality.
    monkeypatch.setattr(evaluation, "match_project", lambda *a, **k: result([line(WIES, "check")], ["vlabinvest"]))
    out = StringIO()
    call_command("evaluate", "--set", "heldout", "--json", stdout=out)
    metrics = json.loads(out.getvalue())
    assert list(metrics) == ["heldout"]
    heldout = load_sets(EVAL, ("heldout",))["heldout"]
    ours = metrics["heldout"]["matcher"]
    assert ours["cases"] == len(heldout) == metrics["heldout"]["baseline"]["cases"]
    assert ours["shown_total"] == len(heldout)
    assert len(ours["shown_off_topic"]) == sum(WIES in c.off_topic for c in heldout)
    out = StringIO()
    call_command("evaluate", "--set", "tune", stdout=out)
    assert out.getvalue().startswith("## Afstemmen") and "| partners: hit@3" in out.getvalue()
