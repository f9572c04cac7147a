"""Pages of the editors (group Redactie) (the rest of their work is in the Django admin)."""
from django.shortcuts import render
from django.utils import timezone

from randwijzer.accounts.access import editors_only

from . import staleness


@editors_only("editorial/forbidden.html")
def stale(request):
    today = timezone.localdate()
    return render(request, "editorial/stale.html", {
        "items": staleness.stale_items(today),
        "cutoff": staleness.stale_cutoff(today),
        "months": staleness.MAX_AGE_MONTHS,
        "doubts": staleness.doubts(),
        "todos": staleness.editor_todos(),
        "municipalities": staleness.municipality_doubts(),
    })
