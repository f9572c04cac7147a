"""The printable "Deel IV — Ondersteuning": the guide's part IV regenerated from the catalogue."""
from django.shortcuts import render
from django.utils import timezone

from ..edition import build_edition, spec_path
from ..page_cache import cached_page


def _guide_file_state(request) -> str:
    # The chapters come from data/guide/deel-iv.yaml: an edited file is a new page as well.
    try:
        return str(spec_path().stat().st_mtime_ns)
    except OSError:
        return "missing"


@cached_page(depends_on=_guide_file_state)
def deel_iv(request):
    return render(request, "catalogue/deel_iv.html", {"edition": build_edition(), "today": timezone.localdate()})
