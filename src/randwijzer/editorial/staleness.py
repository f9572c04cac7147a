"""Which catalogue facts need an editor: entries and sources not verified for a year, and doubts.

"Verouderd" means verified more than `MAX_AGE_MONTHS` months ago (or never): the catalogue
promises every fact with its source and the date it was checked, so an old date is a task.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from randwijzer.catalogue import models as m
from randwijzer.catalogue.presenters import FIELD_LABELS
from randwijzer.text.dutch import add_months


MAX_AGE_MONTHS = 12


@dataclass(frozen=True)
class StaleItem:
    kind: str  # "steunmaatregel", "partner", "bron"
    title: str
    owner: str  # for a source: the entry it belongs to
    verified_on: dt.date | None
    edit_url: str


@dataclass(frozen=True)
class DoubtItem:
    entry: str
    field: str
    reason: str
    edit_url: str


def _edit_url(entry) -> str:
    return reverse(f"admin:catalogue_{entry._meta.model_name}_change", args=[entry.pk])


def stale_cutoff(today: dt.date | None = None) -> dt.date:
    return add_months(today or timezone.localdate(), -MAX_AGE_MONTHS)


def stale_items(today: dt.date | None = None) -> list[StaleItem]:
    """Lines, partners and sources verified before the cutoff or never, oldest (and never) first."""
    old = Q(verified_on__lt=stale_cutoff(today)) | Q(verified_on__isnull=True)
    items = [StaleItem("steunmaatregel", line.title, "", line.verified_on, _edit_url(line))
             for line in m.FundingLine.objects.filter(old)]
    items += [StaleItem("partner", partner.name, "", partner.verified_on, _edit_url(partner))
              for partner in m.Partner.objects.filter(old)]
    # A printed document without a check date (the 2024 guide) was read, not checked: no task here.
    printed = Q(verified_on__isnull=True, url="") & ~Q(published="")
    for source in m.Source.objects.filter(old).exclude(printed).select_related("funding_line", "partner"):
        owner = source.funding_line or source.partner
        # A source is edited in the form of its entry (inline).
        items.append(StaleItem("bron", source.title, str(owner), source.verified_on, _edit_url(owner)))
    return sorted(items, key=lambda i: (i.verified_on or dt.date.min, i.kind, i.title))


def doubts() -> list[DoubtItem]:
    """Facts stored as "te verifiëren": per entry and field, with the reason the sources leave open."""
    items = []
    for model in (m.FundingLine, m.Partner):
        for entry in model.objects.all():
            for field, reason in entry.to_verify.items():
                items.append(DoubtItem(str(entry), FIELD_LABELS.get(field, field), reason, _edit_url(entry)))
    for line in m.FundingLine.objects.prefetch_related("applicant_types_to_verify"):
        labels = [a.label for a in line.applicant_types_to_verify.all()]
        if labels:
            items.append(DoubtItem(line.title, "aanvragers te verifiëren", ", ".join(labels), _edit_url(line)))
    return sorted(items, key=lambda i: (i.entry, i.field))


def editor_todos() -> list[DoubtItem]:
    """The editors' own to-dos (`editor_todos`, the WIES list still missing): never on public pages."""
    items = [DoubtItem(str(entry), FIELD_LABELS.get(field, field), text, _edit_url(entry))
             for model in (m.FundingLine, m.Partner) for entry in model.objects.exclude(editor_todos={})
             for field, text in entry.editor_todos.items()]
    municipal = m.Municipality.objects.exclude(wies_editor_todo="").values_list("wies_editor_todo", flat=True)
    for text in sorted(set(municipal)):
        count = sum(1 for t in municipal if t == text)
        items.append(DoubtItem(f"{count} gemeenten", "WIES-gemeente", text,
                               reverse("admin:catalogue_municipality_changelist") + "?wies_status__exact=to_verify"))
    return sorted(items, key=lambda i: (i.entry, i.field))


def municipality_doubts() -> dict:
    """Municipal facts to verify: named for the Vlaamse Rand, counted for the rest of Belgium."""
    wies = m.Municipality.objects.filter(wies_status=m.WiesStatus.TO_VERIFY)
    return {
        "rand_wies": list(wies.filter(in_vlaamse_rand=True)),
        "other_wies": wies.filter(in_vlaamse_rand=False).count(),
        "nis_codes": list(m.Municipality.objects.filter(nis_code_to_verify=True)),
    }
