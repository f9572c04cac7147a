"""The public change log: what changed in the catalogue lately, newest first."""
from itertools import groupby

from django.shortcuts import render
from django.utils import timezone

from randwijzer.catalogue.models import FundingLine

from .models import Change

SHOWN = 200


def change_list(request):
    changes = list(Change.objects.all()[:SHOWN])
    # One block per line per moment: a load that changed three facts of a line shows them together.
    groups = [
        {"at": at, "line_id": line_id, "title": items[0].funding_title, "items": items}
        for (at, line_id), items in ((key, list(group)) for key, group in
                                     groupby(changes, key=lambda c: (c.changed_at, c.funding_line_id)))
    ]
    existing = set(FundingLine.objects.values_list("id", flat=True))
    for group in groups:
        group["date"] = timezone.localtime(group["at"]).date()
        group["exists"] = group["line_id"] in existing
    return render(request, "changes/change_list.html", {"groups": groups, "shown": SHOWN})
