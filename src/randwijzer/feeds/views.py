"""Editors' review list: facts they curated that the feed has since changed, both values side by side."""
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from randwijzer.accounts.access import editors_only

from .models import ReviewItem
from .review import rows


@editors_only("editorial/forbidden.html")
def review_list(request):
    return render(request, "feeds/review.html", {"rows": rows()})


@editors_only("editorial/forbidden.html")
@require_POST
def resolve(request, pk: int):
    item = get_object_or_404(ReviewItem, pk=pk, resolved=False)
    item.resolved = True
    item.save(update_fields=["resolved"])
    return redirect("feeds:review")
