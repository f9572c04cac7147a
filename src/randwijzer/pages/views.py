"""The trust pages: who publishes Randwijzer, privacy, contact, accessibility. Plain templates with the
publisher's settings and the retention periods the code enforces."""
from django.shortcuts import render

from . import retention
from .publisher import publisher


def _page(template: str):
    def view(request):
        return render(request, f"pages/{template}.html", {"publisher": publisher(), "keep": retention.facts()})
    view.__name__ = template
    return view


about = _page("about")
privacy = _page("privacy")
contact = _page("contact")
accessibility = _page("accessibility")
