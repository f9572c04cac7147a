"""The deadline engine: dates between two days across years, open_on and closing_within."""
import datetime as dt

import pytest

from randwijzer.catalogue import timing
from randwijzer.catalogue.models import CallRound, FundingLine, Partner, Territory, YearlyDeadline
from randwijzer.matching.facts import load_line_facts
from randwijzer.matching.rules import MatchRequest, next_deadline

from .conftest import FEEST, IMPULS, SAMENLEVEN

pytestmark = pytest.mark.django_db

D = dt.date
FIRST_DAY = "Uiterste indiendatum voor een activiteit op 20 juni {y} (eerste dag van de periode)"
LAST_DAY = "Uiterste indiendatum voor een activiteit op 20 juli {y} (laatste dag van de periode)"
WINDOW = "Periode waarin de activiteit moet plaatsvinden"


def summary(items):
    """(line id, kind, start, end, label) per item, in order."""
    out = []
    for item in items:
        if isinstance(item, timing.Deadline):
            out.append((item.line.pk, "deadline", item.date, item.date, item.label))
        else:
            out.append((item.line.pk, "window", item.start, item.end, item.label))
    return out


def lines():
    return FundingLine.objects.exclude(status="afgesloten").with_details()


def test_catalogue_dates_across_years():
    found = summary(timing.dates_between(lines(), D(2026, 11, 26), D(2028, 2, 1)))
    assert found == [
        (IMPULS, "deadline", D(2027, 2, 1), D(2027, 2, 1), "Uiterste indiendatum"),
        (FEEST, "deadline", D(2027, 3, 20), D(2027, 3, 20), FIRST_DAY.format(y=2027)),
        (FEEST, "deadline", D(2027, 4, 20), D(2027, 4, 20), LAST_DAY.format(y=2027)),
        (IMPULS, "deadline", D(2027, 5, 1), D(2027, 5, 1), "Uiterste indiendatum"),
        (FEEST, "window", D(2027, 6, 20), D(2027, 7, 20), WINDOW),
        (IMPULS, "deadline", D(2027, 10, 1), D(2027, 10, 1), "Uiterste indiendatum"),
        # The range's last day is included.
        (IMPULS, "deadline", D(2028, 2, 1), D(2028, 2, 1), "Uiterste indiendatum"),
    ]


def test_a_window_overlapping_the_range_start_is_listed_with_its_whole_span():
    found = summary(timing.dates_between(lines(), D(2027, 7, 1), D(2027, 7, 31)))
    assert found == [(FEEST, "window", D(2027, 6, 20), D(2027, 7, 20), WINDOW)]


def test_the_plan_samenleven_call_only_when_the_range_includes_it():
    in_2023 = summary(timing.dates_between(lines().filter(pk=SAMENLEVEN), D(2023, 1, 1), D(2023, 12, 31)))
    assert in_2023 == [
        (SAMENLEVEN, "window", D(2023, 5, 26), D(2023, 7, 10), "Oproep projectjaar 2 (2023): indienperiode"),
        (SAMENLEVEN, "deadline", D(2023, 7, 10), D(2023, 7, 10), "Oproep projectjaar 2 (2023): uiterste indiendatum"),
    ]
    assert timing.dates_between(lines().filter(pk=SAMENLEVEN), D(2024, 1, 1), D(2028, 12, 31)) == []
    assert timing.dates_between(lines().filter(pk=SAMENLEVEN), D(2022, 1, 1), D(2023, 5, 25)) == []


@pytest.fixture
def odd_line():
    """A made-up line: a 29 February round and a window across New Year with a lead time."""
    line = FundingLine.objects.create(
        id="test-oud-en-nieuw", title="Test oud en nieuw", summary="Testlijn.", verified_on=D(2026, 11, 26),
        administrator=Partner.objects.first(), territory=Territory.objects.first(), level="lokaal", status="open",
        submission_mode="continuous", lead_time_months=2, lead_time_reference="activity",
        window_start_month=12, window_start_day=15, window_end_month=1, window_end_day=15,
    )
    YearlyDeadline.objects.create(funding_line=line, month=2, day=29)
    return FundingLine.objects.with_details().filter(pk=line.pk)


def test_29_february_and_a_window_across_new_year(odd_line):
    found = summary(timing.dates_between(odd_line, D(2027, 1, 1), D(2028, 12, 31)))
    first = "Uiterste indiendatum voor een activiteit op 15 december {y} (eerste dag van de periode)"
    last = "Uiterste indiendatum voor een activiteit op 15 januari {y} (laatste dag van de periode)"
    line_id = "test-oud-en-nieuw"
    assert found == [
        (line_id, "window", D(2026, 12, 15), D(2027, 1, 15), WINDOW),
        (line_id, "deadline", D(2027, 2, 28), D(2027, 2, 28), "Uiterste indiendatum"),  # no 29 February in 2027
        (line_id, "deadline", D(2027, 10, 15), D(2027, 10, 15), first.format(y=2027)),
        (line_id, "deadline", D(2027, 11, 15), D(2027, 11, 15), last.format(y=2028)),
        (line_id, "window", D(2027, 12, 15), D(2028, 1, 15), WINDOW),
        (line_id, "deadline", D(2028, 2, 29), D(2028, 2, 29), "Uiterste indiendatum"),
        (line_id, "deadline", D(2028, 10, 15), D(2028, 10, 15), first.format(y=2028)),
        (line_id, "deadline", D(2028, 11, 15), D(2028, 11, 15), last.format(y=2029)),
        (line_id, "window", D(2028, 12, 15), D(2029, 1, 15), WINDOW),
    ]


@pytest.mark.parametrize("reference", [D(2027, 1, 1), D(2027, 3, 20), D(2027, 3, 21), D(2027, 4, 21), D(2027, 12, 31)])
def test_the_feest_deadline_agrees_with_the_matcher(reference):
    facts = load_line_facts(FundingLine.objects.filter(pk=FEEST))[0]
    request = MatchRequest(text="", municipality=None, applicant_type=None, reference=reference)
    engine = timing.dates_between(lines().filter(pk=FEEST), reference, reference + dt.timedelta(days=366))
    first_deadline = next(item.date for item in engine if isinstance(item, timing.Deadline))
    assert first_deadline == next_deadline(facts, request)


def test_two_facts_on_one_day_are_one_entry(odd_line):
    line = odd_line.get()
    CallRound.objects.create(funding_line=line, label="Oproep 2027", opens_on=D(2027, 1, 1), closes_on=D(2027, 2, 28))
    found = summary(timing.dates_between(FundingLine.objects.with_details().filter(pk=line.pk), D(2027, 2, 1), D(2027, 3, 1)))
    assert found == [
        (line.pk, "window", D(2027, 1, 1), D(2027, 2, 28), "Oproep 2027: indienperiode"),
        (line.pk, "deadline", D(2027, 2, 28), D(2027, 2, 28), "Uiterste indiendatum; Oproep 2027: uiterste indiendatum"),
    ]


def ids(queryset):
    return sorted(queryset.values_list("pk", flat=True))


def test_open_on_per_submission_mode():
    # Continuous lines (feest, taalstimulering, verenigingen) and the rounds of the impulssubsidie
    # are open any day; the Plan Samenleven call only while it ran; unknown modes never.
    always = [IMPULS, FEEST, "subsidie-taalstimulering-nederlands", "subsidie-verenigingen-faciliteitengemeenten"]
    assert ids(FundingLine.objects.open_on(D(2027, 1, 20))) == sorted(always)
    assert ids(FundingLine.objects.open_on(D(2023, 6, 1))) == sorted(always + [SAMENLEVEN])
    assert ids(FundingLine.objects.open_on(D(2023, 7, 10))) == sorted(always + [SAMENLEVEN])
    assert ids(FundingLine.objects.open_on(D(2023, 5, 25))) == sorted(always)  # announced, not open yet
    assert ids(FundingLine.objects.open_on(D(2023, 7, 11))) == sorted(always)


def test_open_on_leaves_out_closed_lines():
    FundingLine.objects.filter(pk=IMPULS).update(status="afgesloten")
    assert IMPULS not in ids(FundingLine.objects.open_on(D(2027, 1, 20)))


def test_closing_within():
    today = D(2027, 1, 20)
    assert ids(FundingLine.objects.closing_within(7, today=today)) == []
    assert ids(FundingLine.objects.closing_within(12, today=today)) == [IMPULS]  # 1 February, last day included
    assert ids(FundingLine.objects.closing_within(11, today=today)) == []
    assert ids(FundingLine.objects.closing_within(90, today=today)) == sorted([IMPULS, FEEST])
    assert ids(FundingLine.objects.closing_within(0, today=D(2027, 3, 20))) == [FEEST]
    # Across New Year: from 15 December to 1 February.
    assert ids(FundingLine.objects.closing_within(48, today=D(2026, 12, 15))) == [IMPULS]
    assert ids(FundingLine.objects.closing_within(30, today=D(2023, 6, 20))) == [SAMENLEVEN]
    # It narrows the queryset it is called on.
    assert ids(FundingLine.objects.filter(themes__id="cultuur").closing_within(90, today=today)) == [FEEST]


def test_closing_within_refuses_a_negative_number_of_days():
    with pytest.raises(ValueError):
        FundingLine.objects.closing_within(-1)


def test_existing_timing_functions_keep_their_behaviour():
    # deadlines_between and next_deadline still know only fixed dates (rounds and calls).
    feest = lines().get(pk=FEEST)
    assert timing.deadlines_between([feest], D(2027, 1, 1), D(2027, 12, 31)) == []
    assert timing.next_deadline(lines().get(pk=IMPULS), D(2027, 2, 2)) == D(2027, 5, 1)
