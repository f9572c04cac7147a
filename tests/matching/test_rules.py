"""The rule engine on hand-made facts: each rule, its three outcomes and its Dutch reason."""
import dataclasses
import datetime as dt

from randwijzer.matching.facts import CallFacts, LineFacts, MunicipalityFacts
from randwijzer.matching.rules import MatchRequest, evaluate, next_deadline, verdict

RAND = frozenset({"23102", "24104"})
TODAY = dt.date(2026, 11, 26)
WEMMEL = MunicipalityFacts("23102", "Wemmel", "yes", "", True, True)
TERVUREN = MunicipalityFacts("24104", "Tervuren", "to_verify", "Niet bevestigd door een bron.", True, False)
HALLE = MunicipalityFacts("23027", "Halle", "no", "", False, False)
LABELS = {"vzw": "Vzw", "school": "School", "lokaal-bestuur": "Lokaal bestuur"}


def line(**changes) -> LineFacts:
    base = LineFacts(
        id="x", title="X", status="doorlopend", status_reason="", administrator="A",
        territory_id="vlaamse-rand", territory_name="Vlaamse Rand", territory_phrase="in de Vlaamse Rand",
        territory_members=RAND, territory_basis="seat", applicant_types=frozenset({"vzw"}),
        applicant_types_to_verify=frozenset(), required_flags=(), cost_share_pct=None, max_amount=None,
        max_duration_months=None, submission_mode="continuous", yearly_deadlines=(), call_rounds=(),
        lead_time_months=None, lead_time_reference="", window=None, checks=(), purposes=(), to_verify={},
    )
    return dataclasses.replace(base, **changes)


def request(**changes) -> MatchRequest:
    base = MatchRequest(text="", municipality=WEMMEL, applicant_type="vzw", reference=TODAY, applicant_labels=LABELS)
    return dataclasses.replace(base, **changes)


def outcome(results, rule):
    found = [r for r in results if r.rule == rule]
    assert found, f"no rule {rule} in {results}"
    return found[0]


def test_simple_line_without_conditions_is_eligible():
    results = evaluate(line(), request())
    assert verdict(results) == "eligible"
    assert outcome(results, "territory").explanation == "Wemmel ligt in de Vlaamse Rand."


def test_municipality_outside_the_territory_fails_with_the_reason():
    results = evaluate(line(), request(municipality=HALLE))
    assert verdict(results) == "ineligible"
    assert outcome(results, "territory").explanation == "Halle ligt niet in de Vlaamse Rand (de aanvrager moet er gevestigd zijn)."


def test_applicant_type_pass_fail_and_to_verify():
    assert outcome(evaluate(line(), request()), "applicant_type").outcome == "pass"
    failing = outcome(evaluate(line(), request(applicant_type="school")), "applicant_type")
    assert (failing.outcome, failing.explanation) == ("fail", "Een school kan dit niet aanvragen; wel een vzw.")
    assert outcome(evaluate(line(), request()), "applicant_type").explanation == "Een vzw mag aanvragen."
    unsure = line(applicant_types_to_verify=frozenset({"school"}), to_verify={"applicant_types": "Niet uitdrukkelijk vermeld."})
    result = outcome(evaluate(unsure, request(applicant_type="school")), "applicant_type")
    assert result.outcome == "unknown" and "Niet uitdrukkelijk vermeld." in result.explanation


def test_uncertain_status_makes_the_line_uncertain():
    results = evaluate(line(status="onzeker", status_reason="Verderzetting na 2024 onbeslist."), request())
    assert verdict(results) == "uncertain"
    assert "Verderzetting na 2024 onbeslist." in outcome(results, "status").explanation


def test_closed_line_is_ineligible():
    assert verdict(evaluate(line(status="afgesloten"), request())) == "ineligible"


def test_wies_flag_three_ways():
    wies = line(required_flags=("wies",), applicant_types=frozenset({"lokaal-bestuur"}))
    ask = request(applicant_type="lokaal-bestuur")
    assert outcome(evaluate(wies, ask), "municipality_wies").explanation == "Wemmel is een WIES-gemeente."
    unsure = outcome(evaluate(wies, dataclasses.replace(ask, municipality=TERVUREN)), "municipality_wies")
    assert unsure.outcome == "unknown"
    assert unsure.explanation.startswith("Of Tervuren een WIES-gemeente is, is niet bevestigd.")
    no = outcome(evaluate(wies, dataclasses.replace(ask, municipality=HALLE)), "municipality_wies")
    assert (no.outcome, no.explanation) == ("fail", "Halle is geen WIES-gemeente.")


def test_activity_window_inside_outside_and_unknown():
    feest = line(window=((6, 20), (7, 20)))
    inside = outcome(evaluate(feest, request(start=dt.date(2027, 7, 11), end=dt.date(2027, 7, 11))), "activity_window")
    assert (inside.outcome, inside.explanation) == ("pass", "De activiteit valt binnen de periode van 20 juni tot 20 juli.")
    outside = outcome(evaluate(feest, request(start=dt.date(2027, 9, 12))), "activity_window")
    assert (outside.outcome, outside.explanation) == ("fail", "De activiteit valt buiten de periode van 20 juni tot 20 juli.")
    spills = outcome(evaluate(feest, request(start=dt.date(2027, 7, 18), end=dt.date(2027, 7, 22))), "activity_window")
    assert spills.outcome == "fail"
    assert outcome(evaluate(feest, request()), "activity_window").outcome == "unknown"


def test_lead_time_before_the_start():
    taal = line(lead_time_months=3, lead_time_reference="project_start")
    late = outcome(evaluate(taal, request(start=dt.date(2027, 2, 1))), "timing")
    assert (late.outcome, late.explanation) == (
        "fail", "De aanvraag moest ten laatste 3 maanden voor de start van het project binnen zijn: uiterlijk op 1 november 2026.")
    ok = outcome(evaluate(taal, request(start=dt.date(2027, 5, 1))), "timing")
    assert (ok.outcome, ok.explanation) == (
        "pass", "Dien de aanvraag ten laatste 3 maanden voor de start van het project in: uiterlijk op 1 februari 2027.")
    # Without a start date the lead time is an instruction that holds for any start, not a doubt.
    open_ended = outcome(evaluate(taal, request()), "timing")
    assert open_ended.outcome == "pass" and "ten vroegste op 26 februari 2027 starten" in open_ended.explanation


def test_only_a_late_start_makes_a_line_later_not_refused():
    from randwijzer.matching.rules import schedule

    taal = line(lead_time_months=3, lead_time_reference="project_start")
    plan = schedule(taal, request(start=dt.date(2027, 1, 1)))
    assert plan.earliest_start == dt.date(2027, 2, 26) and plan.apply_by is None  # no invented deadline
    feest = line(window=((6, 20), (7, 20)), lead_time_months=3, lead_time_reference="activity")
    too_late = schedule(feest, request(reference=dt.date(2027, 5, 1), start=dt.date(2027, 7, 11)))
    assert too_late.earliest_start == dt.date(2028, 6, 20) and too_late.apply_by == dt.date(2028, 3, 20)
    in_time = schedule(feest, request(start=dt.date(2027, 7, 11)))
    assert (in_time.apply_by, in_time.earliest_start) == (dt.date(2027, 4, 11), None)
    # On 31 March, 30 June minus 3 months is 30 March: the last day to apply is never in the past.
    month_end = schedule(feest, request(reference=dt.date(2026, 3, 31), start=dt.date(2026, 6, 25)))
    assert month_end.apply_by == dt.date(2026, 3, 31) and month_end.earliest_start == dt.date(2026, 6, 30)


def test_a_window_across_new_year_holds_a_january_activity():
    winter = line(window=((11, 1), (2, 28)))
    january = outcome(evaluate(winter, request(start=dt.date(2027, 1, 15))), "activity_window")
    assert january.outcome == "pass"
    assert outcome(evaluate(winter, request(start=dt.date(2027, 3, 15))), "activity_window").outcome == "fail"


def test_lead_time_runs_from_the_end_of_a_month():
    taal = line(lead_time_months=3, lead_time_reference="project_start")
    # 31 May minus 3 months is the last day of February, not an invalid 31 February.
    result = outcome(evaluate(taal, request(start=dt.date(2027, 5, 31))), "timing")
    assert result.explanation.endswith("28 februari 2027.")


def test_rounds_with_lead_time():
    impuls = line(submission_mode="rounds", yearly_deadlines=((2, 1), (5, 1), (10, 1)), lead_time_months=2, lead_time_reference="project_start")
    too_soon = outcome(evaluate(impuls, request(start=dt.date(2027, 3, 1))), "timing")
    assert too_soon.outcome == "fail"
    assert "eerstvolgende indiendatum (1 februari 2027)" in too_soon.explanation
    assert "ten vroegste op 1 april 2027" in too_soon.explanation
    later = outcome(evaluate(impuls, request(start=dt.date(2027, 9, 1))), "timing")
    assert later.outcome == "pass" and "1 mei 2027" in later.explanation
    assert next_deadline(impuls, request()) == dt.date(2027, 2, 1)
    assert next_deadline(impuls, request(reference=dt.date(2027, 10, 2))) == dt.date(2028, 2, 1)


def test_past_call_is_unknown_and_open_call_passes():
    plan = line(submission_mode="call", call_rounds=(CallFacts("Oproep 2023", dt.date(2023, 5, 26), dt.date(2023, 7, 10)),))
    past = outcome(evaluate(plan, request()), "timing")
    assert (past.outcome, past.explanation) == ("unknown", "Er is geen lopende oproep bekend. De laatste sloot op 10 juli 2023.")
    assert next_deadline(plan, request()) is None
    upcoming = outcome(evaluate(plan, request(reference=dt.date(2023, 6, 1))), "timing")
    assert upcoming.outcome == "pass" and "10 juli 2023" in upcoming.explanation


def test_window_deadline_is_next_window_minus_lead_time():
    feest = line(window=((6, 20), (7, 20)), lead_time_months=3, lead_time_reference="activity")
    assert next_deadline(feest, request()) == dt.date(2027, 3, 20)
    # Past 20 March, an event at the end of the window can still be announced in time.
    assert next_deadline(feest, request(reference=dt.date(2027, 4, 1))) == dt.date(2027, 4, 20)
    assert next_deadline(feest, request(reference=dt.date(2027, 4, 21))) == dt.date(2028, 3, 20)


def test_duration_limit():
    impuls = line(max_duration_months=36)
    assert outcome(evaluate(impuls, request(start=dt.date(2027, 9, 1), end=dt.date(2031, 9, 1))), "duration").outcome == "fail"
    assert outcome(evaluate(impuls, request(start=dt.date(2027, 9, 1), end=dt.date(2030, 9, 1))), "duration").outcome == "pass"


def test_checks_and_to_verify_facts_make_a_pass_unsure():
    checked = line(checks=("De aanvrager is een Nederlandstalige vereniging.",))
    assert verdict(evaluate(checked, request())) == "uncertain"
    unsure = line(to_verify={"territory": "Het werkingsgebied is niet nagegaan."})
    result = outcome(evaluate(unsure, request()), "territory")
    assert result.outcome == "unknown" and "Te verifiëren: Het werkingsgebied is niet nagegaan." in result.explanation


def test_purpose_is_judged_from_the_relevance():
    taal = line(purposes=("Anderstaligen Nederlands laten leren.",))
    assert outcome(evaluate(taal, request(), relevance=0.9), "purpose").outcome == "pass"
    assert outcome(evaluate(taal, request(), relevance=0.01), "purpose").outcome == "unknown"


def test_merged_municipality_is_explained():
    pajottegem = MunicipalityFacts("23106", "Pajottegem", "to_verify", "", False, False, merged_from="Gooik", merged_on=dt.date(2025, 1, 1))
    brabant = line(territory_members=frozenset({"23106"}), territory_phrase="in de provincie Vlaams-Brabant")
    result = outcome(evaluate(brabant, request(municipality=pajottegem)), "territory")
    assert result.explanation == "Gooik is sinds 1 januari 2025 deel van Pajottegem. Pajottegem ligt in de provincie Vlaams-Brabant."


def test_dated_statements_say_their_year_as_the_line_page_does():
    # The page writes "Stand van zaken 2024: …" before a dated status reason or condition; so do the reasons.
    dated = line(status="onzeker", status_reason="Het plan liep tot 2024.", status_as_of="2024",
                 checks=("Het budget is verdeeld over 12 gemeenten.",), purposes=("Het project brengt inwoners samen.",),
                 conditions_as_of={"Het budget is verdeeld over 12 gemeenten.": "2024", "Het project brengt inwoners samen.": "2023"})
    results = evaluate(dated, request())
    assert outcome(results, "status").explanation == \
        "Of deze steunmaatregel nog loopt, is onzeker. Stand van zaken 2024: het plan liep tot 2024."
    check = outcome(results, "condition")
    assert (check.explanation, check.condition) == \
        ("Stand van zaken 2024: het budget is verdeeld over 12 gemeenten.", "Het budget is verdeeld over 12 gemeenten.")
    assert outcome(results, "purpose").explanation == \
        "Ga na of het project past bij het doel. Stand van zaken 2023: het project brengt inwoners samen."
    undated = evaluate(line(status="onzeker", status_reason="Het plan liep tot 2024.", purposes=("Het project brengt inwoners samen.",)), request())
    assert outcome(undated, "status").explanation == "Of deze steunmaatregel nog loopt, is onzeker. Het plan liep tot 2024."
    assert outcome(undated, "purpose").explanation == "Ga na of het project past bij het doel: het project brengt inwoners samen."
