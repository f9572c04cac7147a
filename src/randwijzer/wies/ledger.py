"""The WIES-fonds ledger: record entries under the rules, and the balance over time.

Definitions (also in docs/wies.md), per fund, over the entries up to a moment:

    available balance = opening capital − commitments + releases + reflows
    open commitments  = commitments − payments − releases
    cash              = opening capital − payments + reflows  (= available + open)

A payment does not change the available balance: its money was already set aside by the
commitment. The available balance never goes below zero at any date: a commitment that
would make it negative (now or at any later date of the history) is refused. Every entry
is written in one transaction that holds a lock on the fund row (select_for_update), so two
editors committing at the same moment cannot both spend the same euros.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from randwijzer.catalogue.models import Municipality, WiesStatus
from randwijzer.text.dutch import format_date_nl, format_euro

from .calculator import FUND_LINE_ID, cite, fund_line
from .models import EntryKind, Fund, LedgerEntry

MAX_AMOUNT = 1_000_000_000  # a plausibility bound for one entry


class LedgerError(ValueError):
    def __init__(self, field: str | None, message: str):
        self.field, self.message = field, message
        super().__init__(message)


def get_fund() -> Fund:
    """The WIES-fonds row; created on first use with the catalogue's total budget as opening capital."""
    fund = Fund.objects.filter(pk=FUND_LINE_ID).first()
    if fund is not None:
        return fund
    line = fund_line()
    if line.total_budget is None:
        raise LedgerError(None, "De catalogus noemt geen totaal budget voor het WIES-fonds.")
    source = line.source_for("total_budget")
    try:
        with transaction.atomic():
            return Fund.objects.create(pk=FUND_LINE_ID, name=line.title, opening_capital=line.total_budget,
                                       capital_source=cite(source)[:300])
    except IntegrityError:  # created at the same moment by another request
        return Fund.objects.get(pk=FUND_LINE_ID)


# ---------------------------------------------------------------- sums


@dataclass
class Totals:
    committed: int = 0
    paid: int = 0
    released: int = 0
    reflowed: int = 0

    def add(self, entry: LedgerEntry) -> None:
        name = {EntryKind.COMMITMENT: "committed", EntryKind.PAYMENT: "paid",
                EntryKind.RELEASE: "released", EntryKind.REFLOW: "reflowed"}[entry.kind]
        setattr(self, name, getattr(self, name) + entry.amount)

    @property
    def open(self) -> int:
        return self.committed - self.paid - self.released


def in_order(entries) -> list[LedgerEntry]:
    return sorted(entries, key=lambda e: (e.date, e.created_at or timezone.now(), e.pk or 0))


@dataclass
class Point:
    date: dt.date
    label: str
    change: int  # effect on the available balance
    available: int
    open: int
    cash: int

    @property
    def change_text(self) -> str:
        """'− € 450.000', '+ € 100.000', '€ 0' (a payment leaves the available balance as it is)."""
        if self.change < 0:
            return f"− {format_euro(-self.change)}"
        return f"+ {format_euro(self.change)}" if self.change else format_euro(0)


def timeline(fund: Fund, entries) -> list[Point]:
    """The balance after each entry, in date order, starting with the opening capital."""
    entries = in_order(entries)
    # The opening capital stands the day before the first entry (or today, without entries).
    start = entries[0].date - dt.timedelta(days=1) if entries else timezone.localdate()
    points = [Point(start, "Beginkapitaal", fund.opening_capital, fund.opening_capital, 0, fund.opening_capital)]
    totals = Totals()
    for entry in entries:
        totals.add(entry)
        available = fund.opening_capital - totals.committed + totals.released + totals.reflowed
        change = {EntryKind.COMMITMENT: -entry.amount, EntryKind.PAYMENT: 0}.get(entry.kind, entry.amount)
        points.append(Point(entry.date, describe(entry), change, available, totals.open,
                            fund.opening_capital - totals.paid + totals.reflowed))
    return points


def describe(entry: LedgerEntry) -> str:
    project = entry.project_name if entry.kind == EntryKind.COMMITMENT else entry.commitment.project_name
    place = entry.municipality if entry.kind == EntryKind.COMMITMENT else entry.commitment.municipality
    return f"{entry.get_kind_display().capitalize()}: {project} ({place})"


# ---------------------------------------------------------------- recording


def _check_amount(amount) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise LedgerError("amount", "Het bedrag moet een geheel getal in euro zijn.")
    if amount <= 0:
        raise LedgerError("amount", "Het bedrag moet meer dan € 0 zijn.")
    if amount > MAX_AMOUNT:
        raise LedgerError("amount", f"Het bedrag mag hoogstens {format_euro(MAX_AMOUNT)} zijn; controleer het.")
    return amount


def _check(fund: Fund, entries: list[LedgerEntry], entry: LedgerEntry) -> None:
    if entry.date is None:
        raise LedgerError("date", "Geef de datum van de boeking.")
    if entry.date > timezone.localdate():
        raise LedgerError("date", "Een boeking kan niet in de toekomst liggen: boek ze op de dag dat ze gebeurt.")
    _check_amount(entry.amount)
    if entry.kind == EntryKind.COMMITMENT:
        _check_commitment(entry)
    elif entry.kind in (EntryKind.PAYMENT, EntryKind.RELEASE, EntryKind.REFLOW):
        _check_followup(fund, entries, entry)
    else:
        raise LedgerError("kind", "Kies de soort boeking: vastlegging, uitbetaling, vrijgave of terugvloei.")
    lowest = min(timeline(fund, [*entries, entry]), key=lambda p: p.available)
    if lowest.available < 0:
        available = timeline(fund, entries)[-1].available
        raise LedgerError("amount", f"Geweigerd: deze vastlegging van {format_euro(entry.amount)} is groter dan het beschikbare "
                                    f"saldo van het WIES-fonds ({format_euro(available)}); het saldo mag nooit negatief worden"
                                    + (f" (op {format_date_nl(lowest.date)} zou het {format_euro(lowest.available)} zijn)."
                                       if lowest.date != entry.date else "."))


def _check_commitment(entry: LedgerEntry) -> None:
    if not entry.project_name.strip():
        raise LedgerError("project_name", "Geef de naam van het project.")
    place: Municipality | None = entry.municipality
    if place is None:
        raise LedgerError("municipality", "Kies de gemeente van het project.")
    if not place.in_vlaamse_rand:
        raise LedgerError("municipality", f"{place} ligt niet in de Vlaamse Rand: het WIES-fonds geldt alleen voor de 19 randgemeenten.")
    if place.wies_status == WiesStatus.NO:
        raise LedgerError("municipality", f"{place} is geen WIES-gemeente: het WIES-fonds geldt alleen voor WIES-gemeenten.")
    if entry.commitment_id:
        raise LedgerError("commitment", "Een vastlegging verwijst niet naar een andere vastlegging.")
    cap = fund_line().max_amount
    if entry.amount > cap:
        raise LedgerError("amount", f"Geweigerd: het WIES-fonds draagt hoogstens {format_euro(cap)} per project; "
                                    f"{format_euro(entry.amount)} is meer.")


def _check_followup(fund: Fund, entries: list[LedgerEntry], entry: LedgerEntry) -> None:
    commitment = entry.commitment
    if commitment is None:
        raise LedgerError("commitment", "Kies de vastlegging (het project) waarop deze boeking slaat.")
    if commitment.kind != EntryKind.COMMITMENT or commitment.fund_id != fund.pk:
        raise LedgerError("commitment", "Deze boeking moet naar een vastlegging van het WIES-fonds verwijzen.")
    if entry.date < commitment.date:
        raise LedgerError("date", f"De boeking ligt vóór de vastlegging ({format_date_nl(commitment.date)}).")
    totals = Totals()
    for other in entries:
        if other.pk == commitment.pk or other.commitment_id == commitment.pk:
            totals.add(other)
    project = commitment.project_name
    if entry.kind in (EntryKind.PAYMENT, EntryKind.RELEASE) and entry.amount > totals.open:
        what = "uitbetaling" if entry.kind == EntryKind.PAYMENT else "vrijgave"
        raise LedgerError("amount", f"Geweigerd: deze {what} van {format_euro(entry.amount)} is groter dan wat van de vastlegging "
                                    f"'{project}' nog openstaat ({format_euro(totals.open)} van {format_euro(totals.committed)}).")
    if entry.kind == EntryKind.REFLOW and entry.amount > totals.paid - totals.reflowed:
        raise LedgerError("amount", f"Geweigerd: er kan hoogstens terugvloeien wat voor '{project}' is uitbetaald en nog niet "
                                    f"teruggevloeid ({format_euro(totals.paid - totals.reflowed)}).")


def record(kind: str, date: dt.date, amount: int, *, project_name: str = "", municipality: Municipality | None = None,
           commitment: LedgerEntry | None = None, note: str = "", user=None) -> LedgerEntry:
    """Check the entry against the whole history and write it, in one transaction; raises LedgerError."""
    fund_id = get_fund().pk
    with transaction.atomic():
        if connection.vendor == "sqlite":
            # SQLite ignores FOR UPDATE: a write first takes the database's write lock before anything is read.
            Fund.objects.filter(pk=fund_id).update(name=F("name"))
        fund = Fund.objects.select_for_update().get(pk=fund_id)
        entries = list(fund.entries.select_related("commitment", "municipality"))
        if commitment is not None:  # re-read under the lock
            commitment = next((e for e in entries if e.pk == commitment.pk), commitment)
        entry = LedgerEntry(fund=fund, kind=kind, date=date, amount=amount, project_name=(project_name or "").strip(),
                            municipality=municipality if kind == EntryKind.COMMITMENT else None,
                            commitment=commitment, note=note or "", created_by=user if getattr(user, "pk", None) else None)
        _check(fund, entries, entry)
        entry.save()
    return entry


# ---------------------------------------------------------------- the page


@dataclass
class CommitmentRow:
    entry: LedgerEntry
    totals: Totals


@dataclass
class FundState:
    fund: Fund
    points: list[Point]
    commitments: list[CommitmentRow]
    available: int
    open: int
    cash: int
    projected: int
    entries: list[LedgerEntry] = field(default_factory=list)


def fund_state() -> FundState:
    fund = get_fund()
    entries = in_order(fund.entries.select_related("commitment", "commitment__municipality", "municipality", "created_by"))
    points = timeline(fund, entries)
    rows: dict[int, CommitmentRow] = {}
    for entry in entries:
        if entry.kind == EntryKind.COMMITMENT:
            rows[entry.pk] = CommitmentRow(entry, Totals())
        rows[entry.pk if entry.kind == EntryKind.COMMITMENT else entry.commitment_id].totals.add(entry)
    last = points[-1]
    # Projection: every open commitment is paid and nothing flows back.
    return FundState(fund, points, list(rows.values()), last.available, last.open, last.cash, last.cash - last.open, entries)
