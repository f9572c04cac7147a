"""The WIES calculator: the municipal contribution to the land share, the WIES-fonds' part and the net cost.

Plain functions, shared by the page, the API and the CLI. The fund's share (50%) and its cap
per project (EUR 1,000,000) are read from the catalogue's `wies-fonds` line, never written
here. Amounts are whole euros: each amount is rounded half up (50 cent and more goes up).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from randwijzer.catalogue import limits
from randwijzer.catalogue.models import FundingLine, Municipality, Source, WiesStatus
from randwijzer.catalogue.inputs import InputError, resolve_municipality
from randwijzer.text.dutch import format_date_nl, format_euro, format_number

from .errors import WiesDataError, WiesInputError

FUND_LINE_ID = "wies-fonds"
MIN_PCT, MAX_PCT = Decimal(50), Decimal(100)
# Plausibility bounds that catch typing errors; not rules of WIES.
MAX_UNITS = 5_000
MAX_LAND_SHARE = 10_000_000
MAX_NAME = 200

YES, NO, UNKNOWN = "yes", "no", "unknown"
WIES_ANSWER = {WiesStatus.YES: YES, WiesStatus.NO: NO, WiesStatus.TO_VERIFY: UNKNOWN}


@dataclass
class Calculation:
    municipality: str
    nis_code: str
    wies_municipality: str
    fund_applies: bool
    municipal_contribution: int
    fund_share: int
    municipality_net: int
    steps: list[str]
    # Not in the JSON: for the page.
    in_vlaamse_rand: bool = False
    fund_share_if_confirmed: int | None = None
    capped: bool = False
    sources: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON of the API and of `randwijzer wies --json`."""
        return {
            "municipality": self.municipality,
            "wies_municipality": self.wies_municipality,
            "fund_applies": self.fund_applies,
            "municipal_contribution": self.municipal_contribution,
            "fund_share": self.fund_share,
            "municipality_net": self.municipality_net,
            "steps": list(self.steps),
        }


def round_euro(amount: Decimal) -> int:
    """Whole euros, half up: € 0,50 and more goes up."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_pct(pct: Decimal) -> str:
    """'60%', '62,5%'."""
    text = format(pct.normalize(), "f")
    return text.replace(".", ",") + "%"


def fund_line() -> FundingLine:
    line = FundingLine.objects.filter(pk=FUND_LINE_ID).prefetch_related("sources").first()
    if line is None or line.cost_share_pct is None or line.max_amount is None:
        raise WiesDataError("De catalogus bevat de gegevens van het WIES-fonds niet: laad eerst de catalogus (randwijzer load).")
    return line


def cite(source: Source | None) -> str:
    if source is None:
        return ""
    where = f", {source.url}" if source.url else ""
    published = f" ({source.published})" if source.published else ""
    return f"Bron: {source.title}{published}{where}; nagekeken op {format_date_nl(source.verified_on)}."


def source_by_key(line: FundingLine, key: str) -> Source | None:
    return next((s for s in line.sources.all() if s.key == key), None)


# ---------------------------------------------------------------- input


def _int(field_name: str, value, label: str) -> int:
    text = value.replace("€", "").replace(" ", "") if isinstance(value, str) else value
    try:
        return limits.parse_whole_number(text)
    except ValueError as exc:
        raise WiesInputError(field_name, f"{label} {exc}.") from None


def check_units(value) -> int:
    units = _int("units", value, "Het aantal woningen of kavels")
    if units <= 0:
        raise WiesInputError("units", "Het aantal woningen of kavels moet minstens 1 zijn.")
    if units > MAX_UNITS:
        raise WiesInputError("units", f"Het aantal woningen of kavels mag hoogstens {format_number(MAX_UNITS)} zijn; "
                                      "controleer het getal.")
    return units


def check_land_share(value) -> int:
    land_share = _int("land_share", value, "Het grondaandeel per woning")
    if land_share <= 0:
        raise WiesInputError("land_share", "Het grondaandeel per woning moet meer dan € 0 zijn.")
    if land_share > MAX_LAND_SHARE:
        raise WiesInputError("land_share", f"Het grondaandeel per woning mag hoogstens {format_euro(MAX_LAND_SHARE)} zijn; "
                                           "controleer het bedrag (in hele euro).")
    return land_share


def check_pct(value) -> Decimal:
    message = "Het percentage van de gemeentelijke tussenkomst moet een getal tussen 50 en 100 zijn."
    if isinstance(value, bool) or value is None:
        raise WiesInputError("contribution_pct", message)
    try:
        pct = Decimal(str(value).strip().replace(",", ".").rstrip("%").strip())
    except (InvalidOperation, ValueError):
        raise WiesInputError("contribution_pct", message) from None
    if not pct.is_finite():
        raise WiesInputError("contribution_pct", message)
    if not MIN_PCT <= pct <= MAX_PCT:
        raise WiesInputError("contribution_pct", f"De gemeente draagt 50% tot 100% van het grondaandeel; "
                                                 f"{format_pct(pct)} ligt daarbuiten. Geef een percentage tussen 50 en 100.")
    if pct != pct.quantize(Decimal("0.01")):
        raise WiesInputError("contribution_pct", "Geef het percentage met hoogstens twee cijfers na de komma.")
    return pct


def resolve(text) -> tuple[Municipality, Municipality | None]:
    """The municipality that answers, and the merged one the user named (or None)."""
    if text is not None and not isinstance(text, str):
        raise WiesInputError("municipality", "De gemeente moet tekst zijn: een naam of een NIS-code.")
    name = "".join(c for c in (text or "") if c.isprintable()).strip()
    if not name:
        raise WiesInputError("municipality", "Geef de gemeente op: een naam of een NIS-code.")
    if len(name) > MAX_NAME:
        raise WiesInputError("municipality", f"Een gemeentenaam telt hoogstens {MAX_NAME} tekens.")
    try:
        found = resolve_municipality(name)
    except InputError as error:
        raise WiesInputError("municipality", error.message, error.suggestions) from None
    if found.merged_into_id:
        return found.merged_into, found
    return found, None


# ---------------------------------------------------------------- the calculation


def calculate(municipality, units, land_share, contribution_pct) -> Calculation:
    """Raises WiesInputError for bad input (every field checked in the order of the form)."""
    place, merged = resolve(municipality)
    units = check_units(units)
    land_share = check_land_share(land_share)
    pct = check_pct(contribution_pct)
    line = fund_line()
    share_pct, cap = Decimal(line.cost_share_pct), line.max_amount
    decree, province = source_by_key(line, "decreet"), source_by_key(line, "provincie")
    share_source, cap_source = line.source_for("cost_share_pct"), line.source_for("max_amount")

    steps: list[str] = []
    name = place.name_nl
    if merged is not None:
        steps.append(f"{merged.name_nl} is sinds {format_date_nl(merged.merged_on)} deel van {name}: "
                     f"de berekening geldt voor {name}.")

    wies = WIES_ANSWER.get(place.wies_status, UNKNOWN)
    if wies == YES:
        steps.append(f"{name} is een WIES-gemeente: aangeduid door het decreet Wonen in Eigen Streek (2023). {cite(decree)}")
    elif wies == NO:
        steps.append(f"{name} is geen WIES-gemeente: het decreet Wonen in Eigen Streek (2023) duidt {name} niet aan. "
                     f"Zonder aanduiding kan de gemeente geen WIES-reglement aannemen; de bedragen hieronder zijn alleen "
                     f"ter illustratie. {cite(decree)}")
    else:
        note = f" {place.wies_note}" if place.wies_note else ""
        steps.append(f"Of {name} een WIES-gemeente is, is niet zeker (te verifiëren).{note}")

    total = Decimal(units) * Decimal(land_share) * pct / 100
    contribution = round_euro(total)
    steps.append(
        f"Gemeentelijke tussenkomst: {format_number(units)} {'woning of kavel' if units == 1 else 'woningen of kavels'} × "
        f"{format_euro(land_share)} grondaandeel × {format_pct(pct)} = {format_euro(contribution)}. "
        f"De gemeente draagt 50% tot 100% van het grondaandeel in de prijs. {cite(province)}"
    )
    if total != contribution:
        steps.append("Bedragen worden afgerond op hele euro: vanaf 50 cent naar boven, daaronder naar beneden.")

    share = round_euro(Decimal(contribution) * share_pct / 100)
    capped = share > cap
    fund_amount = min(share, cap)
    share_sentence = (
        f"{format_pct(share_pct)} van {format_euro(contribution)} = {format_euro(share)}"
        + (f", maar het fonds draagt hoogstens {format_euro(cap)} per project: {format_euro(fund_amount)}" if capped else "")
    )
    rule = (f"Het WIES-fonds neemt {format_pct(share_pct)} van de gemeentelijke tussenkomst voor zijn rekening, "
            f"met een maximum van {format_euro(cap)} per project")
    rule_source = " ".join(x for x in dict.fromkeys((cite(share_source), cite(cap_source))) if x)

    fund_applies = place.in_vlaamse_rand and wies == YES
    fund_share, if_confirmed = 0, None
    if not place.in_vlaamse_rand:
        steps.append(f"{name} ligt niet in de Vlaamse Rand. Het WIES-fonds geldt alleen voor de 19 gemeenten van de "
                     f"Vlaamse Rand: het fonds draagt niets ({format_euro(0)}). {cite(share_source)}")
    elif wies == NO:
        steps.append(f"Het WIES-fonds geldt alleen voor WIES-gemeenten: het fonds draagt niets ({format_euro(0)}).")
    elif wies == UNKNOWN:
        if_confirmed = fund_amount
        steps.append(f"{name} ligt in de Vlaamse Rand. {rule}. Zolang niet bevestigd is dat {name} een WIES-gemeente is, "
                     f"rekenen we het fonds niet mee: fondsaandeel {format_euro(0)}. Wordt de aanduiding bevestigd, "
                     f"dan draagt het fonds {share_sentence}, en betaalt de gemeente netto "
                     f"{format_euro(contribution - fund_amount)}. {rule_source}")
    else:
        fund_share = fund_amount
        steps.append(f"{name} ligt in de Vlaamse Rand. {rule}: {share_sentence}. {rule_source}")

    net = contribution - fund_share
    steps.append(f"Netto kost voor de gemeente: {format_euro(contribution)} − {format_euro(fund_share)} = {format_euro(net)}.")
    if fund_share:
        steps.append(f"Het WIES-fonds is een rollend fonds van {format_euro(line.total_budget)} voor de 19 randgemeenten "
                     f"samen: bij verkoop van de WIES-woning vloeit het bedrag terug naar het fonds. Of er nog genoeg in het "
                     f"fonds zit, vraagt u na bij Vlabinvest. {cite(source_by_key(line, 'gids'))}")
    return Calculation(
        municipality=name, nis_code=place.nis_code, wies_municipality=wies, fund_applies=fund_applies,
        municipal_contribution=contribution, fund_share=fund_share, municipality_net=net, steps=steps,
        in_vlaamse_rand=place.in_vlaamse_rand, fund_share_if_confirmed=if_confirmed, capped=capped and fund_share > 0,
        sources=[s for s in (decree, province, share_source) if s is not None],
    )
