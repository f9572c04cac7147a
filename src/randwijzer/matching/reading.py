"""Reading the project description: the date, the cost and the applicant type users type in the text.

Pure functions on a string: no database, no Django settings. A false reading is worse than none.

- Dates (text/dates_in_text.py): '11 juli 2027', '11/07/2027', 'van 1 maart tot 30 juni 2027', French and
  English month names; a day without a year is the next one on or after the reference date. Vague dates
  are not guessed; a date that does not exist, a year far off or a period in the wrong order gives a note.
- Cost (text/amounts_in_text.py): an amount with a currency or a k, the one next to a cost word first;
  not what is asked from the subsidy, not a price per person; impossible amounts give a note.

Applicant type: only when the text names one kind of applicant as itself ('onze vzw', 'als school',
'ik ben schepen', 'wij zijn een feitelijke vereniging') or as the one who acts ('de gemeente wil',
'vzw De Rand organiseert') and no other kind is mentioned. A place ('in de gemeente Wemmel') is not an
applicant; two kinds ('de school en de gemeente werken samen') give none.

Text is prepared by text/readable.py (its first 100,000 characters; the first 100 dates, amounts and
applicant nouns). All patterns are bounded, so the time stays linear in the length of the text.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from randwijzer.text.amounts_in_text import read_cost
from randwijzer.text.dates_in_text import read_dates
from randwijzer.text.dutch import format_date_nl, format_euro, format_month_day
from randwijzer.text.readable import MAX_MENTIONS, prepare

# The ids of data/catalogue/vocabularies.yaml `applicant_types` (checked by a test).
DEFAULT_TYPES = ("lokaal-bestuur", "vzw", "feitelijke-vereniging", "school", "andere-organisatie")


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
    shown, folded = prepare(text)
    notes: list[str] = []
    start, end, date_spans = read_dates(shown, folded, reference, notes)
    cost = read_cost(shown, folded, date_spans, notes)
    kind = _read_applicant(folded)
    return TextReading(start, end, cost, kind if kind in set(applicant_types) else None, tuple(dict.fromkeys(notes)))


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
    "feitelijke-vereniging": (r"feitelijke? vereniging|vereniging zonder rechtspersoonlijkheid"
                              r"|association de fait",) * 4,
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
         r"|leraar|lerares|medewerker|president|director|teacher) (?:van|bij|op|in|of)"
         r"(?: de| het| een| onze| ons| the| our)?" + _ADJECTIVE + " ")
_NO_VZW = re.compile(r"\bvereniging,? ?\(?(?:zonder|geen|nog geen|niet als) (?:een )?(?:vzw|rechtspersoonlijkheid)")


def _kind_patterns(kind: str):
    own, itself, actor, mention = (f"(?:{n})(?![a-z])" for n in _NOUNS[kind])
    return (
        re.compile(f"{_OWN}{own}|(?:{_SELF}|{_ROLE}){itself}"),
        re.compile(rf"\b{_DETERMINER}{actor}(?: [a-z0-9'-]{{1,30}}){{0,5}} (?:{_VERBS})(?![a-z])"
                   rf"|\b(?:{_VERBS}) (?:de |het |la |le |l'|the ){actor}"),
        re.compile(rf"\b{mention}"),
    )


_KINDS = tuple(_NOUNS)
_KIND_PATTERNS = {kind: _kind_patterns(kind) for kind in _KINDS}
# One pass over the text finds the nouns; the patterns above then only read a window around each.
_ANCHOR = re.compile(
    r"(?=[a-z])\b(?:" + "|".join(f"(?P<k{i}>{_NOUNS[kind][1]})" for i, kind in enumerate(_KINDS)) + r")(?![a-z])"
)
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
