"""Dates read out of a project description (Dutch, French, English); see matching/reading.py.

- Written dates: '11 juli 2027', 'zaterdag 11 juli 2027', '11/07/2027', '11-07-2027', '11.7.2027',
  '2027-07-11', French ('le 11 juillet 2027', '1er juillet') and English ('11 July 2027', 'July 11, 2027').
  A two-digit year is read only with slashes ('11/07/27').
- Periods: 'van 1 maart tot 30 juni 2027', '1 tot 3 juli 2027', '1-3 juli', 'tussen 20 juni en 20 juli
  2027', 'du 1er au 3 juillet'; the year on the last part applies to the parts before it. Several days
  ('op 3, 10 en 17 juli 2027') give the first and the last day. 'vanaf 1 maart 2027' gives a start only.
- A day without a year is the next such day on or after the reference date; in a period or a list of
  days without any year each day is the next such day on or after the one before it.
- Not guessed: a month or a year alone ('in juni', '2027'), seasons, 'volgend jaar', repetitions.
  Dates after words of a deadline or of the past ('voor', 'uiterlijk', 'tegen', 'deadline', 'sinds',
  'opgericht') and an end without a start ('tot 30 juni') are not the activity and are skipped.
- Not used, with a Dutch note: a date that does not exist ('31 februari 2027'), a year outside
  reference year - 1 .. reference year + 10, a period whose end lies before its start (neither date is
  used: we cannot tell which one is wrong), a choice ('11 of 18 juli'), and dates more than two years
  apart (we cannot tell which one is the activity). A weekday that does not match its date gives a note;
  the date itself is used.
- Several separate dates within two years: start is the earliest, end the latest. A date before the
  reference date beside one after it is a past edition ('vorig jaar op 8 juli 2025'): not used, noted.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from .calendar_words import AMBIGUOUS_MONTH_WORDS, MONTH_NUMBERS, WEEKDAY_NUMBERS, WEEKDAYS_NL, words_pattern
from .dutch import MONTHS, format_date_nl
from .readable import MAX_MENTIONS

MAX_SPAN = dt.timedelta(days=731)  # several dates further apart than this are not one activity
YEARS_BACK, YEARS_AHEAD = 1, 10


_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "sept")
_MONTH = words_pattern(MONTH_NUMBERS)
# Every pattern that scans the whole text starts with a character class or a word boundary, and checks
# what comes before with a lookbehind after its first character: the regex engine then skips quickly
# over text that cannot start a match (50,000 characters in a few milliseconds).
_DAY = r"\d(?<![\d.,/:]\d)\d?"  # a day that is not the tail of another number, a time or a date
_FREE_DAY = r"\d(?<![\d.,/:-]\d)\d?"
_ORD = r"(?:ste|de|e|er|st|nd|rd|th)?"
_YEAR = r"(?:19|20|21)\d\d(?!\d)"
_DATE = re.compile(
    r"(?=\d)"  # lets the engine skip text without digits quickly
    rf"(?:(?P<d1>{_DAY}){_ORD}\.? ?(?:of )?(?P<m1>{_MONTH})(?![a-z])\.?(?:,? (?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_FREE_DAY})(?P<sep>[/.-])(?P<m2>\d{{1,2}})(?P=sep)(?P<y2>(?:19|20|21)\d\d|\d\d)(?!\d|[/.,-]\d)"
    rf"|(?P<y3>(?:19|20|21)(?<![\d.,/:-]\d\d)\d\d)-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})(?!\d|[/.,-]\d))"
)
_ENGLISH_DATE = re.compile(
    rf"\b(?P<m4>{words_pattern(_ENGLISH_MONTHS)})\.? (?P<d4>{_DAY})(?:st|nd|rd|th)?(?!\d|[.:,]\d)"
    rf"(?:,? (?P<y4>{_YEAR})|(?<=[a-z])|(?= ?[,.;!?)]| ?$))"
)
_CONNECT = r"(?:tot en met|t\.e\.m\.?|t/m|tem|tot|-|to|until|till|through|au|a|jusqu'au|,|en|et|and|&|of|ou|or)"
_WEEKDAY = words_pattern(WEEKDAY_NUMBERS)
_BARE_DAYS = re.compile(rf"((?:{_DAY}{_ORD} ?{_CONNECT} ?(?:(?:{_WEEKDAY}) )?){{1,31}})$")  # '12 tot vrijdag 16 juli'
_BARE_DAY = re.compile(rf"(\d\d?){_ORD} ?({_CONNECT})")
_GAP = re.compile(rf" ?{_CONNECT} ?(?:de |le |the |op |on )?(?:(?:{_WEEKDAY}) )?")
_INTRO = re.compile(
    r"(?:(?<![a-z])(?P<w>(?:opgericht|gesticht|geboren|founded|sinds|since|depuis)(?: op| in| on| le)?"
    r"|vanaf|van|tussen|from|between|du|des|entre|a partir du|voor|uiterlijk|ten laatste|tegen|before|by|avant"
    r"|deadline|until|till|tot|jusqu'au|op|on|le|the)[: ]{1,3})?(?:de |het |le |the )?"
    rf"(?:(?P<wd>{_WEEKDAY})\.?,? )?$"
)
_RANGE_WORDS = {"tot en met", "t.e.m.", "t.e.m", "t/m", "tem", "tot", "-", "to", "until", "till", "through", "au",
                "a", "jusqu'au"}
_CHOICE_WORDS = {"of", "ou", "or"}
_BETWEEN = {"tussen", "between", "entre"}
_NOT_ACTIVITY = {"voor", "uiterlijk", "ten laatste", "tegen", "before", "by", "avant", "deadline", "until", "till",
                 "tot", "jusqu'au", "depuis", "sinds", "since", "opgericht", "gesticht", "geboren", "founded"}


@dataclass
class _Atom:
    begin: int
    end: int
    day: int
    month: int
    year: int | None
    textual: bool  # a day followed by a month word: bare days before it may share its month


def _date_atoms(folded: str) -> list[_Atom]:
    english = list(itertools.islice(_ENGLISH_DATE.finditer(folded), MAX_MENTIONS))
    matches = list(itertools.islice(_DATE.finditer(folded), MAX_MENTIONS))
    matches += [e for e in english if not any(m.start() < e.end() and e.start() < m.end() for m in matches)]
    atoms = []
    for m in sorted(matches, key=lambda m: m.start())[:MAX_MENTIONS]:
        g = m.groupdict()
        if g.get("m1"):
            if int(g["d1"]) > 31:
                continue
            atom = _Atom(m.start(), m.end(), int(g["d1"]), MONTH_NUMBERS[g["m1"]], _int(g["y1"]), True)
        elif g.get("m4"):
            if not g["y4"] and g["m4"] in AMBIGUOUS_MONTH_WORDS:
                continue
            atom = _Atom(m.start(), m.end(), int(g["d4"]), MONTH_NUMBERS[g["m4"]], _int(g["y4"]), False)
        else:
            day, month, year = (g["d2"], g["m2"], g["y2"]) if g["d2"] else (g["d3"], g["m3"], g["y3"])
            if len(year) == 2 and g["sep"] != "/":
                continue
            if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
                continue  # a number with dots or dashes, not an attempt at a date
            year = int(year) + 2000 if len(year) == 2 else int(year)
            atom = _Atom(m.start(), m.end(), int(day), int(month), year, False)
        atoms.append(atom)
    return atoms


def _int(text: str | None) -> int | None:
    return int(text) if text else None


@dataclass
class _Group:
    parts: list[tuple[int, int, int | None]]  # (day, month, year) in the order written
    kind: str  # single, range, list, choice
    begin: int
    end: int
    intro: str = ""
    weekday: str = ""


def _groups(folded: str, atoms: list[_Atom]) -> list[_Group]:
    groups: list[_Group] = []
    previous_end = 0
    for atom in atoms:
        part = (atom.day, atom.month, atom.year)
        bare = _BARE_DAYS.search(folded, max(previous_end, atom.begin - 60), atom.begin) if atom.textual else None
        gap = folded[previous_end:atom.begin]
        if groups and not bare and _GAP.fullmatch(gap):
            group = groups[-1]
            group.parts.append(part)
            group.kind = _joined_kind(group.kind, gap.strip(" ,").split(" ")[0] or ",", group.intro)
            group.end = atom.end
        else:
            group = _Group([part], "single", atom.begin, atom.end)
            if bare:
                group.begin = bare.start()
                for day, connector in _BARE_DAY.findall(bare.group(1)):
                    group.parts.insert(-1, (int(day), atom.month, atom.year))
                    group.kind = _joined_kind(group.kind, connector, "")
            intro = _INTRO.search(folded, max(previous_end, group.begin - 40), group.begin)
            group.intro, group.weekday = intro.group("w") or "", intro.group("wd") or ""
            if group.intro in _BETWEEN and group.kind == "list":
                group.kind = "range"
            groups.append(group)
        previous_end = atom.end
    return groups


def _joined_kind(kind: str, connector: str, intro: str) -> str:
    if connector in _CHOICE_WORDS or kind == "choice":
        return "choice"
    if connector in _RANGE_WORDS or (intro in _BETWEEN and kind == "single"):
        return "range" if kind in ("single", "range") else "list"
    return "list"


def read_dates(shown: str, folded: str, reference: dt.date, notes: list[str]):
    """(start, end, spans of every date written) from prepared text; notes get what is not used."""
    atoms = _date_atoms(folded)
    return (*_period_read(folded, shown, atoms, reference, notes), [(a.begin, a.end) for a in atoms])


def _period_read(folded, shown, atoms, reference, notes) -> tuple[dt.date | None, dt.date | None]:
    periods = []
    for group in _groups(folded, atoms):
        if group.intro in _NOT_ACTIVITY or group.intro.split(" ")[0] in _NOT_ACTIVITY:
            continue
        quote = shown[group.begin:group.end].strip()
        dates = _resolve(group, reference, notes)
        if dates is None:
            continue
        if group.kind == "choice":
            notes.append(f"De tekst noemt {quote}; we weten niet welke datum het wordt, dus is die niet gebruikt.")
            continue
        if group.kind == "range" and any(b < a for a, b in zip(dates, dates[1:])):
            notes.append(f"In '{quote}' ligt de einddatum voor de begindatum; die periode is niet gebruikt.")
            continue
        _check_weekday(group, dates[0], notes)
        periods.append((min(dates), max(dates), quote))
    if any(end >= reference for _, end, _ in periods):  # a past edition beside this year's date
        for _, end, quote in periods:
            if end < reference:
                notes.append(f"{quote} ligt voor {format_date_nl(reference)}; die datum is niet gebruikt.")
        periods = [p for p in periods if p[1] >= reference]
    if not periods:
        return None, None
    start, end = min(p[0] for p in periods), max(p[1] for p in periods)
    if end - start > MAX_SPAN:
        notes.append(f"De tekst noemt datums die ver uit elkaar liggen ({format_date_nl(start)} en "
                     f"{format_date_nl(end)}); we weten niet welke de activiteit is, dus is geen datum gebruikt.")
        return None, None
    return start, (end if end != start else None)


def _resolve(group: _Group, reference: dt.date, notes: list[str]) -> list[dt.date] | None:
    """The group's dates, years filled in; None (with a note) when one does not exist or is out of range."""
    years = [year for _, _, year in group.parts]
    if any(years):
        filled = []
        for i in range(len(years)):
            later = next((y for y in years[i:] if y), None)
            filled.append(later or next(y for y in reversed(years[:i]) if y))
        dates = []
        for (day, month, written), year in zip(group.parts, filled):
            if not reference.year - YEARS_BACK <= year <= reference.year + YEARS_AHEAD:
                notes.append(f"{_spoken(day, month, year)} valt buiten de jaren {reference.year - YEARS_BACK} tot "
                             f"{reference.year + YEARS_AHEAD}; die datum is niet gebruikt.")
                return None
            date = _date_or_none(year, month, day)
            if date is None:
                notes.append(f"{_spoken(day, month, written or year)} bestaat niet; die datum is niet gebruikt.")
                return None
            dates.append(date)
        return dates
    dates, after = [], reference
    for day, month, _ in group.parts:
        date = _next_day(day, month, after)
        if date is None:
            notes.append(f"{_spoken(day, month, None)} bestaat niet; die datum is niet gebruikt.")
            return None
        dates.append(date)
        if group.kind in ("range", "list"):
            after = date  # 'op 3, 10 en 17 december': one block of days, not spread over two years
    return dates


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _next_day(day: int, month: int, after: dt.date) -> dt.date | None:
    """The first `day month` on or after `after` (29 February: the next leap year)."""
    for year in range(after.year, after.year + 9):
        date = _date_or_none(year, month, day)
        if date and date >= after:
            return date
    return None


def _spoken(day: int, month: int, year: int | None) -> str:
    text = f"{day} {MONTHS[month - 1]}"
    return f"{text} {year}" if year else text


def _check_weekday(group: _Group, date: dt.date, notes: list[str]) -> None:
    if group.weekday and WEEKDAY_NUMBERS[group.weekday] != date.weekday():
        notes.append(f"{format_date_nl(date)} is een {WEEKDAYS_NL[date.weekday()]}, geen "
                     f"{WEEKDAYS_NL[WEEKDAY_NUMBERS[group.weekday]]}; de datum is wel gebruikt.")
