"""The printable "Deel IV — Ondersteuning": the guide's part IV regenerated from the catalogue."""
from django.shortcuts import render
from django.utils import timezone

from ..edition import build_edition


def deel_iv(request):
    return render(request, "catalogue/deel_iv.html", {"edition": build_edition(), "today": timezone.localdate()})
