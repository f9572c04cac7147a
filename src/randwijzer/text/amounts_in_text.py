"""The project's cost read out of a description; see matching/reading.py.

- An amount needs a currency ('€ 6.000', '€6000', '3.000 euro', '12 500 EUR', '3000 €', '6K euro');
  a bare k counts only next to a cost word ('budget 6k', not 'de 5k-loop'). Dots or spaces group
  thousands; a comma with one or two digits is a decimal comma,
  rounded half up to whole euros ('€ 1.500,50' -> 1501). '3 duizend euro' is 3000.
- The amount next to a cost word (kost, kostprijs, budget, begroting, totaal, raming, kosten) wins;
  of several such amounts the one next to 'totaal' wins. Without a cost word a single amount is used.
  The amount chosen must be the largest one used: in 'de tent kost 800 euro, de muziek 1.200 euro' the
  800 is a part. Several different amounts without a clear cost: none is used (with a note).
- Not the cost: what is asked from a subsidy ('we vragen 2.000 euro subsidie', with a note), own means
  ('1.000 euro eigen middelen', 'waarvan …'), prices per person or ticket ('inkom 5 euro', '10 euro per
  uur', 'de inkom kost 3 euro'), a range ('2.000 à 3.000 euro', with a note).
- Not used, with a note: zero, negative, unreadable ('€ 1e30') and absurd amounts (above € 100.000.000).
- Plain numbers ('30 deelnemers', '2027', '1780 Wemmel', '14.30 uur', phone numbers) are never amounts.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .dutch import format_euro, join_nl
from .readable import MAX_MENTIONS

MAX_COST = 1_000_000_000  # the one limit of every amount, catalogue.limits.MAX_AMOUNT (a test keeps them equal)


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
    r"|(?P<part>eigen (?:middelen|inbreng|bijdrage)|waarvan)"
    r"|(?P<cost>kost(?!eloos)[a-z]*|budget[a-z]*|begroting|begroot|raming|geraamd|uitgaven|cost[a-z]*|cout[a-z]*)"
    r"|(?P<ask>vragen|vraag|vraagt|aanvragen|aanvraag|subsidie[a-z]*|toelage|steun|bijdrage|tussenkomst|"
    r"sponsoring|zoeken|zoekt|ask[a-z]*|request[a-z]*|grant|subvention[a-z]*|demand[a-z]*))(?![a-z])"
)
_AFTER = re.compile(
    r" ?(?:(?P<unit>per(?![a-z])|/ ?[a-z]|p\.?p\.?(?![a-z])|par (?:personne|enfant)|each)"
    r"|(?:[a-z]{1,20} )?(?P<part>eigen (?:middelen|inbreng|bijdrage))(?![a-z])"
    r"|(?:aan |als |van |de |in |of |as |for )?"
    r"(?P<ask>subsidie[a-z]*|steun|toelage|bijdrage|subvention|subsid[a-z]*|grant)(?![a-z])"
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
    role: str = "plain"  # plain, cost, total, ask, unit, part, range
    bare_k: bool = False  # '6k' without a currency


def read_cost(shown: str, folded: str, date_spans: list[tuple[int, int]], notes: list[str]) -> int | None:
    """The project's cost in whole euros from prepared text, or None; notes get what is not used."""
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
        elif amount.role not in ("unit", "part") and not (amount.bare_k and amount.role not in ("cost", "total")):
            usable.append(amount)  # a bare '5k' counts only next to a cost word: 'budget 6k', not 'de 5k-koers'
    everything = {a.value for a in usable}
    for roles in (("total",), ("total", "cost"), ("plain",)):
        values = sorted({a.value for a in usable if a.role in roles})
        if len(values) == 1 and values[0] >= max(everything):  # a part of the cost is no cost
            return values[0]
        if values:
            notes.append(f"De tekst noemt meerdere bedragen ({join_nl(format_euro(v) for v in sorted(everything))}); "
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
        amount = _Amount(dash.start() if dash else m.start(), m.end(), _euros(number, multiplier), negative,
                         bare_k=bool(m.group("n3")))
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
    if any(c.lastgroup == "unit" and c.end() >= end - 20 for c in cues):
        return "unit"  # 'de inkom kost 3 euro'
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
