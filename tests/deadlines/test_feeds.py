"""Calendar feeds: parsed back with icalendar and compared whole against the catalogue."""
import datetime as dt

import icalendar
import pytest

from randwijzer.catalogue.models import FundingLine
from randwijzer.deadlines import feeds, services

from .conftest import FEEST, IMPULS, SAMENLEVEN, TODAY

pytestmark = pytest.mark.django_db

D = dt.date
BASE = "http://testserver"
CHECK = "Controleer de voorwaarden altijd bij de beheerder voor u een aanvraag indient."
WINDOW = "Periode waarin de activiteit moet plaatsvinden"
FIRST_DAY = "Uiterste indiendatum voor een activiteit op 20 juni 2027 (eerste dag van de periode)"
LAST_DAY = "Uiterste indiendatum voor een activiteit op 20 juli 2027 (laatste dag van de periode)"


def page_url(item) -> str:
    return f"{BASE}/steun/{item.line.pk}/"


def expected_event(pk, kind, start, end, label, doubts=()):
    """What one event must hold, from the line as the catalogue has it."""
    line = FundingLine.objects.get(pk=pk)
    url = f"{BASE}/steun/{pk}/"
    title = f"{label} – {line.title}"
    when = (f"{label}: {start.day} {MONTHS[start.month]} {start.year}." if kind == "deadline" else
            f"{label}: van {start.day} {MONTHS[start.month]} {start.year} tot en met {end.day} {MONTHS[end.month]} {end.year}.")
    alarms = []
    if kind == "deadline":
        alarms = [("DISPLAY", dt.timedelta(days=-14), f"Over 14 dagen, op {start.day} {MONTHS[start.month]} {start.year}: {title}")]
    return {
        "uid": f"{pk}-{kind}-{start.isoformat()}@randwijzer",
        "dtstamp": line.updated_at.astimezone(dt.timezone.utc).replace(microsecond=0),
        "dtstart": start,
        "dtend": end + dt.timedelta(days=1),
        "summary": title,
        "description": "\n\n".join([when, line.summary, *doubts, f"Voorwaarden en bronnen: {url}", CHECK]),
        "url": url,
        "categories": ["uiterste indiendatum" if kind == "deadline" else "periode"],
        "transp": "TRANSPARENT",
        "alarms": alarms,
    }


MONTHS = dict(enumerate(("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                         "september", "oktober", "november", "december"), start=1))


def parsed(ical: bytes) -> tuple[dict, list[dict]]:
    cal = icalendar.Calendar.from_ical(ical)
    head = {key: str(cal[key]) for key in ("PRODID", "VERSION", "CALSCALE", "METHOD", "X-WR-CALNAME", "NAME")}
    events = []
    for ev in cal.walk("VEVENT"):
        events.append({
            "uid": str(ev["UID"]),
            "dtstamp": ev.decoded("DTSTAMP"),
            "dtstart": ev.decoded("DTSTART"),
            "dtend": ev.decoded("DTEND"),
            "summary": str(ev["SUMMARY"]),
            "description": str(ev["DESCRIPTION"]),
            "url": str(ev["URL"]),
            "categories": [str(c) for c in ev["CATEGORIES"].cats],
            "transp": str(ev["TRANSP"]),
            "alarms": [(str(a["ACTION"]), a.decoded("TRIGGER"), str(a["DESCRIPTION"])) for a in ev.walk("VALARM")],
        })
    return head, events


def everything_expected():
    # The feed of 20 January 2027 runs from 21 December 2026 to 20 January 2028.
    return [
        expected_event(IMPULS, "deadline", D(2027, 2, 1), D(2027, 2, 1), "Uiterste indiendatum"),
        expected_event(FEEST, "deadline", D(2027, 3, 20), D(2027, 3, 20), FIRST_DAY),
        expected_event(FEEST, "deadline", D(2027, 4, 20), D(2027, 4, 20), LAST_DAY),
        expected_event(IMPULS, "deadline", D(2027, 5, 1), D(2027, 5, 1), "Uiterste indiendatum"),
        expected_event(FEEST, "window", D(2027, 6, 20), D(2027, 7, 20), WINDOW),
        expected_event(IMPULS, "deadline", D(2027, 10, 1), D(2027, 10, 1), "Uiterste indiendatum"),
    ]


def build(**filters) -> bytes:
    query = services.feed_query(reference=TODAY, **filters)
    return feeds.calendar(services.find(query), feeds.feed_name(), page_url).to_ical()


def test_the_whole_feed():
    head, events = parsed(build())
    assert head == {"PRODID": "-//Randwijzer//Indiendata en periodes//NL", "VERSION": "2.0", "CALSCALE": "GREGORIAN",
                    "METHOD": "PUBLISH", "X-WR-CALNAME": "Randwijzer – indiendata en periodes",
                    "NAME": "Randwijzer – indiendata en periodes"}
    assert events == everything_expected()


def test_two_builds_are_identical_and_uids_unique():
    first, second = build(), build()
    assert first == second
    uids = [e["uid"] for e in parsed(first)[1]]
    assert len(uids) == len(set(uids))


def test_all_day_events_and_alarm_in_the_raw_text():
    raw = build().decode()
    assert "DTSTART;VALUE=DATE:20270201\r\nDTEND;VALUE=DATE:20270202\r\n" in raw
    assert "DTSTART;VALUE=DATE:20270620\r\nDTEND;VALUE=DATE:20270721\r\n" in raw
    assert "BEGIN:VALARM\r\nACTION:DISPLAY\r\n" in raw and "TRIGGER:-P14D\r\n" in raw
    assert raw.count("BEGIN:VALARM") == 5  # one per deadline, none for the window


def test_an_unsure_line_says_so_in_its_events():
    query = services.parse_query("2023-01-01", "2023-12-31", theme="werk")
    head, events = parsed(feeds.calendar(services.find(query), feeds.feed_name(), page_url).to_ical())
    reason = FundingLine.objects.get(pk=SAMENLEVEN).status_reason
    doubts = [f"Het is onzeker of deze steunmaatregel nog loopt. {reason}", "Niet bevestigd: " + FundingLine.objects.get(pk=SAMENLEVEN).to_verify["status"]]
    call = "Oproep projectjaar 2 (2023)"
    assert events == [
        expected_event(SAMENLEVEN, "window", D(2023, 5, 26), D(2023, 7, 10), f"{call}: indienperiode", doubts),
        expected_event(SAMENLEVEN, "deadline", D(2023, 7, 10), D(2023, 7, 10), f"{call}: uiterste indiendatum", doubts),
    ]


def test_filters_narrow_the_feed():
    _, events = parsed(build(theme="cultuur"))
    assert events == [e for e in everything_expected() if e["uid"].startswith(FEEST)]
    _, events = parsed(build(municipality="Zaventem"))
    assert events == [e for e in everything_expected() if e["uid"].startswith(IMPULS)]


# ---------------------------------------------------------------- over HTTP


def test_calendar_over_http(client, today):
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    head, events = parsed(response.content)
    assert events == everything_expected()


def test_one_line_feed_over_http(client, today):
    response = client.get(f"/steun/{FEEST}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    head, events = parsed(response.content)
    assert head["X-WR-CALNAME"] == "Randwijzer – Subsidie 'Feest van de Vlaamse Gemeenschap' in de 6 faciliteitengemeenten"
    assert events == [e for e in everything_expected() if e["uid"].startswith(FEEST)]
    # A line without dates has a valid, empty feed; an unknown line is a 404.
    assert parsed(client.get("/steun/wies-fonds/calendar.ics").content)[1] == []
    assert client.get("/steun/bestaat-niet/calendar.ics").status_code == 404


def test_calendar_with_filters_over_http(client, today):
    assert parsed(client.get("/calendar.ics", {"theme": "cultuur"}).content)[1] == parsed(build(theme="cultuur"))[1]
    bad = client.get("/calendar.ics", {"municipality": "Wemel"})
    assert bad.status_code == 400
    assert "Bedoelde u: Wemmel" in bad.content.decode()
