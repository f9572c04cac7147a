"""Reading the project description: the date, the cost and the applicant type users type in the text.

Pure functions on a string: no database, no Django settings. What is read, and what is not guessed:

Dates
- Written dates: '11 juli 2027', 'zaterdag 11 juli 2027', '11/07/2027', '11-07-2027', '11.7.2027',
  '2027-07-11', French ('le 11 juillet 2027', '1er juillet') and English ('11 July 2027', 'July 11, 2027').
  A two-digit year is read only with slashes ('11/07/27').
- Periods: 'van 1 maart tot 30 juni 2027', '1 tot 3 juli 2027', '1-3 juli', 'tussen 20 juni en 20 juli
  2027', 'du 1er au 3 juillet'; the year on the last part applies to the parts before it. Several days
  ('op 3, 10 en 17 juli 2027') give the first and the last day. 'vanaf 1 maart 2027' gives a start only.
- A day without a year is the next such day on or after the reference date; in a period without any
  year the end is the next such day on or after the start.
- Not guessed: a month or a year alone ('in juni', '2027'), seasons, 'volgend jaar', repetitions.
  Dates after words of a deadline or of the past ('voor', 'uiterlijk', 'tegen', 'deadline', 'sinds',
  'opgericht') and an end without a start ('tot 30 juni') are not the activity and are skipped.
- Not used, with a Dutch note: a date that does not exist ('31 februari 2027'), a year outside
  reference year - 1 .. reference year + 10, a period whose end lies before its start (neither date is
  used: we cannot tell which one is wrong), a choice ('11 of 18 juli'), and dates more than two years
  apart (we cannot tell which one is the activity). A weekday that does not match its date gives a note;
  the date itself is used.
- Several separate dates within two years: start is the earliest, end the latest.

Cost (whole euros)
- An amount needs a currency ('€ 6.000', '€6000', '3.000 euro', '12 500 EUR', '3000 €', '6K euro')
  or a k ('6k'). Dots or spaces group thousands; a comma with one or two digits is a decimal comma,
  rounded half up to whole euros ('€ 1.500,50' -> 1501). '3 duizend euro' is 3000.
- The amount next to a cost word (kost, kostprijs, budget, begroting, totaal, raming, kosten) wins;
  of several such amounts the one next to 'totaal' wins. Without a cost word a single amount is used.
  Several different amounts without a clear cost: none is used (with a note).
- Not the cost: what is asked from a subsidy ('we vragen 2.000 euro subsidie', with a note), prices per
  person or ticket ('inkom 5 euro', '10 euro per uur'), a range ('2.000 à 3.000 euro', with a note).
- Not used, with a note: zero, negative, unreadable ('€ 1e30') and absurd amounts (above € 100.000.000).
- Plain numbers ('30 deelnemers', '2027', '1780 Wemmel', '14.30 uur', phone numbers) are never amounts.

Applicant type: only when the text names one kind of applicant as itself ('onze vzw', 'als school',
'ik ben schepen', 'wij zijn een feitelijke vereniging') or as the one who acts ('de gemeente wil',
'vzw De Rand organiseert') and no other kind is mentioned. A place ('in de gemeente Wemmel') is not an
applicant; two kinds ('de school en de gemeente werken samen') give none.

Only the first MAX_TEXT characters are read; all patterns are bounded, so the time stays linear.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from randwijzer.text.calendar_words import (
    AMBIGUOUS_MONTH_WORDS, MONTH_NUMBERS, WEEKDAY_NUMBERS, WEEKDAYS_NL, words_pattern,
)
from randwijzer.text.dutch import MONTHS, format_date_nl, format_euro, format_month_day, join_nl
from randwijzer.text.normalize import fold

# The ids of data/catalogue/vocabularies.yaml `applicant_types` (checked by a test).
DEFAULT_TYPES = ("lokaal-bestuur", "vzw", "feitelijke-vereniging", "school", "andere-organisatie")
MAX_TEXT = 100_000
MAX_COST = 100_000_000
MAX_SPAN = dt.timedelta(days=731)  # several dates further apart than this are not one activity
YEARS_BACK, YEARS_AHEAD = 1, 10


@dataclass(frozen=True)
class TextReading:
    start: dt.date | None
    end: dt.date | None
    cost: int | None
    applicant_type: str | None
    notes: tuple[str, ...]


def read_project_text(text: str, reference: dt.date, applicant_types: Iterable[str] = DEFAULT_TYPES) -> TextReading:
    if isinstance(reference, dt.datetime):
        reference = reference.date()  # a datetime does not compare with the dates read
    shown, folded = _prepare(text or "")
    notes: list[str] = []
    atoms = _date_atoms(folded)
    start, end = _read_dates(folded, shown, atoms, reference, notes)
    cost = _read_cost(folded, shown, [(a.begin, a.end) for a in atoms], notes)
    kind = _read_applicant(folded)
    return TextReading(start, end, cost, kind if kind in set(applicant_types) else None, tuple(dict.fromkeys(notes)))


# --- text preparation -------------------------------------------------------------------------------

_SPACE_CATEGORIES = {"Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"}  # NUL, lone surrogates, no-break spaces
_DROPPED_CATEGORIES = {"Cf"}  # direction marks, zero-width spaces, soft hyphens
_SAME = {"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\n": "\n", "\r": "\n"}


class _CharTable(dict):
    """Character -> replacement, computed once per character.

    The shown table turns blanks into a space and drops invisible marks; the folded table then maps each
    character to exactly one non-blank one, so shown and folded text stay aligned position by position.
    """

    def __init__(self, folding: bool):
        super().__init__()
        self.folding = folding

    def __missing__(self, char: str) -> str:
        category = unicodedata.category(char)
        if self.folding:
            folded = fold(char)
            out = folded if len(folded) == 1 else (char.lower() if len(char.lower()) == 1 else char)
        elif char in _SAME:
            out = _SAME[char]
        elif category in _SPACE_CATEGORIES:
            out = " "
        elif category in _DROPPED_CATEGORIES:
            out = ""
        else:
            out = char
        self[char] = out
        return out


_SHOWN, _FOLDED = _CharTable(folding=False), _CharTable(folding=True)
_SPACES = re.compile(r" {2,}")


def _prepare(text: str) -> tuple[str, str]:
    """(text to quote in notes, folded text to read): same length, one space between words."""
    shown = _SPACES.sub(" ", _translate(text[:MAX_TEXT], _SHOWN))
    return shown, _translate(shown, _FOLDED)


def _translate(text: str, table: _CharTable) -> str:
    # Only the characters that change go through Python; str.translate would call the table for each one.
    changes = {c: table[c] for c in set(text) if table[c] != c}
    if not changes:
        return text
    pattern = re.compile("[" + "".join(re.escape(c) for c in changes) + "]")
    return pattern.sub(lambda m: changes[m.group()], text)


# --- dates ------------------------------------------------------------------------------------------

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
MAX_MENTIONS = 100  # dates or amounts read; a description with more is not one project
_CONNECT = r"(?:tot en met|t\.e\.m\.?|t/m|tem|tot|-|to|until|till|through|au|a|jusqu'au|,|en|et|and|&|of|ou|or)"
_BARE_DAYS = re.compile(rf"((?:{_DAY}{_ORD} ?{_CONNECT} ?){{1,31}})$")
_BARE_DAY = re.compile(rf"(\d\d?){_ORD} ?({_CONNECT})")
_GAP = re.compile(rf" ?{_CONNECT} ?(?:de |le |the |op |on )?")
_INTRO = re.compile(
    r"(?:(?<![a-z])(?P<w>(?:opgericht|gesticht|geboren|founded|sinds|since|depuis)(?: op| in| on| le)?|vanaf|van|tussen|from|between|du|des|entre|a partir du|depuis|sinds|since|voor|"
    r"uiterlijk|ten laatste|tegen|before|by|avant|deadline|until|till|tot|jusqu'au|opgericht|gesticht|geboren|"
    r"founded|op|on|le|the)[: ]{1,3})?(?:de |het |le |the )?(?:(?P<wd>" + words_pattern(WEEKDAY_NUMBERS)
    + r")\.?,? )?$"
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


def _read_dates(folded, shown, atoms, reference, notes) -> tuple[dt.date | None, dt.date | None]:
    periods = []
    for group in _groups(folded, atoms):
        if group.intro.split(" ")[0] in _NOT_ACTIVITY:
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
        periods.append((min(dates), max(dates)))
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
        if group.kind == "range":
            after = date
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


# --- amounts ----------------------------------------------------------------------------------------

_CUR = r"(?:€|eur(?<![a-z]eur)(?:o(?:s|'s)?)?(?![a-z]))"
_TOKEN_TAIL = r"(?:\d{0,2}(?: \d{3}){1,4}(?![\d.,]?\d)|[\d.,]{0,24}(?:e[+-]?\d{1,4})?(?!\d))"
_AMOUNT = re.compile(
    r"(?=[\d€e])"
    rf"(?:{_CUR} ?(?P<neg1>- ?)?(?P<n1>\d{_TOKEN_TAIL})(?P<k1>k(?![a-z])| ?duizend(?![a-z])| ?miljoen(?![a-z]))?"
    rf"|(?P<n2>\d(?<![\w.,]\d){_TOKEN_TAIL})(?:,?-{{1,2}})?(?P<k2>k| ?duizend| ?miljoen)? ?{_CUR}"
    r"|(?P<n3>\d(?<![\w.,]\d)\d{0,2}(?:[.,]\d{1,2})?)(?P<k3>k)(?![a-z\d])(?! ?-?(?:loop|run|lopen|race|jogging)))"
)
_EURO_THEN_NUMBER = re.compile(r"€ ?-?\d")
_DASH_BEFORE = re.compile(r"(?<![\w.,/+€-])- ?$")
_AFTER_NUMBER = re.compile(r"(?:\d|€|eur|euro) ?$")  # '2.000 - 3.000 euro' is a range, not -3.000
_NUMBER_FORMS = (
    (re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"), ".", ","),  # 1.500,50
    (re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?"), ",", "."),  # 1,500.50
    (re.compile(r"\d{1,3}(?: \d{3})+(?:,\d{1,2})?"), " ", ","),  # 12 500
    (re.compile(r"\d+(?:,\d{1,2})?"), "", ","),  # 1500,50
    (re.compile(r"\d+(?:\.\d{1,2})?"), "", "."),  # 1500.50
)
_MULTIPLIERS = {"k": 1000, "duizend": 1000, "miljoen": 1_000_000}
_CUE = re.compile(
    r"(?<![a-z])(?:(?P<total>in totaal|totaal|totale|alles samen|total)"
    r"|(?P<unit>inkom[a-z]*|toegang[a-z]*|ticket[a-z]*|entree|lidgeld|inschrijvingsgeld|deelnameprijs|per persoon)"
    r"|(?P<cost>kost(?!eloos)[a-z]*|budget[a-z]*|begroting|begroot|raming|geraamd|uitgaven|cost[a-z]*|cout[a-z]*)"
    r"|(?P<ask>vragen|vraag|vraagt|aanvragen|aanvraag|subsidie[a-z]*|toelage|steun|bijdrage|tussenkomst|"
    r"sponsoring|ask[a-z]*|request[a-z]*|grant|subvention[a-z]*|demand[a-z]*))(?![a-z])"
)
_AFTER = re.compile(
    r" ?(?:(?P<unit>per(?![a-z])|/ ?[a-z]|p\.?p\.?(?![a-z])|par (?:personne|enfant)|each)"
    r"|(?:aan |als |van |de |in |of |as |for )?(?P<ask>subsidie[a-z]*|steun|toelage|bijdrage|subvention|subsid[a-z]*|grant)(?![a-z])"
    r"|(?:[a-z]{1,20} ){0,2}(?P<cost>kost|kosten|kostte|costs?|coute)(?![a-z]))"
)
_BOUNDARY = re.compile(r"[;:!?\n]|\.(?= |$)")
_LOWER_BOUND = re.compile(r"(?<![\w.,])(\d[\d.,]{0,12}) ?(?:€ ?|euro ?)?(?:-|tot|a|en|of|to|ou|or) ?$")
_YEAR_ONLY = re.compile(r"(?:19|20|21)\d\d")


@dataclass
class _Amount:
    begin: int
    end: int
    value: int | None  # None: unreadable
    negative: bool
    role: str = "plain"  # plain, cost, total, ask, unit, range


def _read_cost(folded, shown, date_spans, notes) -> int | None:
    amounts = _amounts(folded, date_spans)
    usable = []
    for amount in amounts:
        quote = shown[amount.begin:amount.end].strip()
        if amount.value is None:
            notes.append(f"{quote} kunnen we niet als bedrag lezen; het is niet gebruikt.")
        elif amount.negative:
            notes.append(f"{quote} is een negatief bedrag; dat bedrag is niet gebruikt.")
        elif amount.value == 0:
            notes.append(f"{quote} is geen kostprijs; dat bedrag is niet gebruikt.")
        elif amount.value > MAX_COST:
            notes.append(f"{quote} is onwaarschijnlijk hoog voor een project; dat bedrag is niet gebruikt.")
        elif amount.role == "ask":
            notes.append(f"{quote} lijkt het bedrag dat u vraagt, niet de kostprijs van het project; "
                         "het is niet als kostprijs gebruikt.")
        elif amount.role == "range":
            notes.append(f"Het bedrag staat als een marge ({quote}); vul de kostprijs zelf in.")
        elif amount.role != "unit":
            usable.append(amount)
    for roles in (("total",), ("total", "cost"), ("plain",)):
        values = sorted({a.value for a in usable if a.role in roles})
        if len(values) == 1:
            return values[0]
        if values:
            notes.append(f"De tekst noemt meerdere bedragen ({join_nl(format_euro(v) for v in values)}); "
                         "vul de kostprijs zelf in.")
            return None
    return None


def _amounts(folded: str, date_spans) -> list[_Amount]:
    amounts: list[_Amount] = []
    window_start = 0
    for m in itertools.islice(_amount_matches(folded, date_spans), MAX_MENTIONS):
        number = m.group("n1") or m.group("n2") or m.group("n3")
        multiplier = (m.group("k1") or m.group("k2") or m.group("k3") or "").strip()
        dash = _DASH_BEFORE.search(folded, max(0, m.start() - 2), m.start())
        if dash and _AFTER_NUMBER.search(folded, max(0, dash.start() - 6), dash.start()):
            dash = None
        negative = bool(m.group("neg1") or dash)
        amount = _Amount(dash.start() if dash else m.start(), m.end(), _euros(number, multiplier), negative)
        after = _AFTER.match(folded, m.end(), m.end() + 50)
        amount.role = _role(folded, max(window_start, m.start() - 60), m.start(), after)
        lower = _LOWER_BOUND.search(folded, max(0, m.start() - 30), m.start())
        if lower and _is_lower_bound(lower, amount, multiplier, date_spans):
            amount.role, amount.begin = "range", lower.start()
            amounts = [a for a in amounts if a.end <= lower.start()]
        amounts.append(amount)
        window_start = after.end() if after else m.end()
    return amounts


def _amount_matches(folded: str, date_spans):
    """Amount matches outside dates; in '11 juli 2027 € 3.000' the year is no amount, the € belongs to 3.000."""
    pos = 0
    while m := _AMOUNT.search(folded, pos):
        if m.group("n2") and _EURO_THEN_NUMBER.match(folded, m.end() - 1):
            pos = m.end() - 1
        elif _overlaps(date_spans, m.start(), m.end()):
            pos = m.start() + 1
        else:
            yield m
            pos = m.end()


def _overlaps(spans: list[tuple[int, int]], begin: int, end: int) -> bool:
    """Whether [begin, end) overlaps one of the sorted, disjoint spans."""
    i = bisect.bisect_left(spans, (end,))
    return i > 0 and spans[i - 1][1] > begin


def _is_lower_bound(lower: re.Match, amount: _Amount, multiplier: str, date_spans) -> bool:
    """'2.000 à 3.000 euro': the first number is smaller, and is neither a year nor part of a date."""
    number = lower.group(1).rstrip(".,")
    if amount.role == "unit" or not amount.value or _YEAR_ONLY.fullmatch(number):
        return False
    if _overlaps(date_spans, lower.start(), lower.end()):
        return False
    return (_euros(number, multiplier) or 0) < amount.value


def _role(folded: str, begin: int, end: int, after) -> str:
    if after:
        return after.lastgroup
    # A clause ends at a sentence mark; a colon right before the amount is a label ('Totaal: € 5.400').
    boundaries = [b for b in _BOUNDARY.finditer(folded, begin, end) if b.group() != ":" or folded[b.end():end].strip()]
    cues = list(_CUE.finditer(folded, boundaries[-1].end() if boundaries else begin, end))
    return cues[-1].lastgroup if cues else "plain"


def _euros(token: str, multiplier: str) -> int | None:
    """Whole euros from a number as written ('1.500,50' -> 1501), or None when it cannot be read."""
    token = token.rstrip(".,")
    for pattern, thousands, decimal in _NUMBER_FORMS:
        if pattern.fullmatch(token):
            plain = (token.replace(thousands, "") if thousands else token).replace(decimal, ".")
            if len(plain) > 30:
                return None
            value = Decimal(plain) * _MULTIPLIERS.get(multiplier, 1)
            return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return None


# --- applicant type ---------------------------------------------------------------------------------

_SCHOOLS = (r"(?:dorps|wijk|buurt|gemeente|stads|basis|kleuter|freinet|steiner|montessori)?school|lagere school"
            r"|secundaire school|middelbare school|scholengemeenschap|(?:muziek|kunst|teken)?academie|atheneum"
            r"|lyceum|ecole(?: primaire)?")
_LB_CORE = (r"gemeentebestuur|stadsbestuur|lokaal bestuur|lokale bestuur|ocmw|cpas|gemeentediensten"
            r"|gemeentelijke (?:[a-z]{1,12})?dienst(?:en)?|(?:jeugd|cultuur|sport|welzijns)dienst|schepencollege"
            r"|college van burgemeester en schepenen|administration communale|municipality|city council")
# kind -> nouns after 'onze', after 'als'/'ik ben', of the one who acts, and of a mere mention.
# 'onze gemeente' is a place, 'als gemeente' an applicant; a named 'gemeente' alone is no mention.
_NOUNS = {
    "vzw": (r"vzw|v\.z\.w\.?|vereniging zonder winstoogmerk|asbl|non-?profit(?: organi[sz]ation)?",) * 4,
    "feitelijke-vereniging": (r"feitelijke? vereniging|vereniging zonder rechtspersoonlijkheid|association de fait",) * 4,
    "school": (_SCHOOLS,) * 4,
    "lokaal-bestuur": (_LB_CORE, _LB_CORE + r"|gemeente|stad|schepen|burgemeester|commune|gemeentebediende",
                       _LB_CORE + r"|gemeente|stad|commune", _LB_CORE + r"|schepen|burgemeester"),
    "andere-organisatie": (r"bedrijf|onderneming|kmo|firma|stichting|cooperatie(?:ve)?|zelfstandige|eenmanszaak"
                           r"|entreprise|company|business|foundation",) * 4,
}
_VERBS = (r"organiseert|wil|plant|vraagt|zoekt|start|lanceert|richt|houdt|werkt|wenst|gaat|bouwt|voert|ontwikkelt"
          r"|biedt|nodigt|opent|organise|organizes|organises|wants|plans|veut|souhaite|lance")
_PREPOSITIONS = {"in", "uit", "van", "voor", "met", "bij", "naar", "binnen", "door", "rond", "aan", "op", "tot",
                 "tegen", "dan", "over", "zonder", "of", "de", "du", "dans", "with", "for", "at", "from", "en", "and"}
_DETERMINER = r"(?:de |het |la |le |l'|the )?"
_ADJECTIVE = r"(?: (?!(?:de|het|een|la|le|the|geen|nog|niet)(?![a-z]))[a-z]{1,20})??"  # 'onze kleine school'
_OWN = r"\b(?:onze|ons|our|notre|nos)" + _ADJECTIVE + " "
_SELF = (r"\b(?:(?:we|wij) zijn(?: een)?|ik ben(?: een)?|(?:wij |we )?als|namens(?: de| het| onze| ons)?"
         r"|ik werk (?:bij|op|voor)(?: de| het| een| onze| ons)?|nous sommes(?: une?)?|en tant que|we are(?: an?)?"
         r"|as an?)" + _ADJECTIVE + " ")
_ROLE = (r"\b(?:voorzitter|secretaris|penningmeester|directeur|directrice|coordinator|bestuurslid|leerkracht"
         r"|leraar|lerares|medewerker|president|director|teacher) (?:van|bij|op|in|of)(?: de| het| een| onze| ons| the| our)?"
         + _ADJECTIVE + " ")
_NO_VZW = re.compile(r"\bvereniging,? ?\(?(?:zonder|geen|nog geen|niet als) (?:een )?(?:vzw|rechtspersoonlijkheid)")


def _kind_patterns(kind: str):
    own, itself, actor, mention = (f"(?:{n})(?![a-z])" for n in _NOUNS[kind])
    return (
        re.compile(f"{_OWN}{own}|(?:{_SELF}|{_ROLE}){itself}"),
        re.compile(rf"\b{_DETERMINER}{actor}(?: [a-z0-9'-]{{1,30}}){{0,3}} (?:{_VERBS})(?![a-z])"
                   rf"|\b(?:{_VERBS}) (?:de |het |la |le |l'|the ){actor}"),
        re.compile(rf"\b{mention}"),
    )


_KINDS = tuple(_NOUNS)
_KIND_PATTERNS = {kind: _kind_patterns(kind) for kind in _KINDS}
# One pass over the text finds the nouns; the patterns above then only read a window around each.
_ANCHOR = re.compile(r"(?=[a-z])\b(?:" + "|".join(f"(?P<k{i}>{_NOUNS[kind][1]})" for i, kind in enumerate(_KINDS)) + r")(?![a-z])")
_BEFORE, _AFTER_NOUN = 80, 140  # 'ik werk bij de kleine ' before; ' de rand uit wemmel organiseert' after


def _read_applicant(folded: str) -> str | None:
    """The one kind of applicant the text names as itself or as the one who acts; else None."""
    own, acting, mentioned = set(), set(), set()
    if "vereniging" in folded and _NO_VZW.search(folded):
        own.add("feitelijke-vereniging")
    for anchor in itertools.islice(_ANCHOR.finditer(folded), MAX_MENTIONS):
        kind = _KINDS[int(anchor.lastgroup[1:])]
        own_re, actor_re, mention_re = _KIND_PATTERNS[kind]
        begin, end = max(0, anchor.start() - _BEFORE), anchor.end() + _AFTER_NOUN
        if own_re.search(folded, begin, end):
            own.add(kind)
        if any(_acts(folded, m) for m in actor_re.finditer(folded, begin, end)):
            acting.add(kind)
        if mention_re.fullmatch(folded, anchor.start(), anchor.end()):
            mentioned.add(kind)
    if "feitelijke-vereniging" in mentioned:
        acting.add("feitelijke-vereniging")  # nobody names a partner 'feitelijke vereniging'
    if own:
        return next(iter(own)) if len(own) == 1 else None
    if len(acting) == 1 and mentioned <= acting:
        return next(iter(acting))
    return None


def _acts(folded: str, match: re.Match) -> bool:
    """Not 'in de gemeente Wemmel organiseren we': the noun is not after a preposition."""
    before = folded[max(0, match.start() - 20):match.start()].rstrip().rsplit(" ", 1)[-1]
    return before not in _PREPOSITIONS


# --- summary ----------------------------------------------------------------------------------------


def reading_summary(parts: dict) -> str:
    """One Dutch sentence with what was read: 'We lazen: activiteit op 11 juli 2027, kostprijs € 3.000.'

    Keys (each optional, None counts as absent): start, end (dates), cost (whole euros), municipality (a
    display name), applicant (a label with its article, 'een vzw'). An empty dict gives ''.
    """
    pieces = []
    start, end = parts.get("start"), parts.get("end")
    if start and end and end != start:
        pieces.append(f"activiteit van {_period(start, end)}")
    elif start or end:
        pieces.append(f"activiteit {'op' if start else 'tot'} {format_date_nl(start or end)}")
    if parts.get("cost") is not None:
        pieces.append(f"kostprijs {format_euro(parts['cost'])}")
    if parts.get("municipality"):
        pieces.append(f"gemeente {parts['municipality']}")
    if parts.get("applicant"):
        pieces.append(f"aanvrager: {parts['applicant']}")
    return f"We lazen: {', '.join(pieces)}." if pieces else ""


def _period(start: dt.date, end: dt.date) -> str:
    """'1 tot 3 juli 2027', '1 maart tot 30 juni 2027', '1 december 2026 tot 31 januari 2027'."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} tot {format_date_nl(end)}"
    first = format_month_day(start.month, start.day) if start.year == end.year else format_date_nl(start)
    return f"{first} tot {format_date_nl(end)}"
