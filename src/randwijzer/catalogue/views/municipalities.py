"""Municipality pages: what the catalogue offers in one municipality, the list, and the picker."""
from itertools import groupby

from django.http import Http404
from django.shortcuts import redirect, render

from .. import presenters, search
from ..inputs import InputError, resolve_municipality
from ..models import FundedExample, FundingLine, Municipality
from ..page_cache import cached_page


def _canonical(slug: str) -> Municipality | None:
    """/gemeenten/Wemmel/, /gemeenten/1780/, /gemeenten/sint-genesius-rode/: the municipality a slug in
    another form names, through the one place resolver (catalogue.inputs); None when it names none."""
    try:
        return resolve_municipality(slug.replace("_", " "))
    except InputError:
        return None


@cached_page
def municipality_detail(request, slug):
    municipality = Municipality.objects.select_related("merged_into").filter(slug=slug).first()
    if municipality is None:
        found = _canonical(slug)
        if found is None:
            raise Http404("Deze gemeente kennen we niet.")
        return redirect("catalogue:municipality", slug=found.slug, permanent=True)
    # A merged municipality no longer exists: what applies is what applies to its successor.
    current = municipality.merged_into or municipality
    places_covered = [municipality, *municipality.merged_from.all()]
    lines = list(FundingLine.objects.with_details().for_municipality(municipality).distinct())
    for line in lines:
        line.notes = presenters.flag_notes(line, current)
    context = {
        "municipality": municipality,
        "current": current,
        "merged_from": list(municipality.merged_from.all()),
        "wies": presenters.wies_in_dutch(municipality),
        "lines": lines,
        "partners": search.filter_partners(municipality=municipality),
        "examples": FundedExample.objects.filter(municipality__in=places_covered)
        .select_related("funding_line", "municipality").order_by("funding_line__title", "position"),
    }
    return render(request, "catalogue/municipality_detail.html", context)


def _group_key(m: Municipality) -> str:
    return m.province or m.region


@cached_page
def municipality_list(request):
    everyone = list(Municipality.objects.select_related("merged_into"))
    rand = [m for m in everyone if m.in_vlaamse_rand]
    others = sorted((m for m in everyone if not m.in_vlaamse_rand), key=lambda m: (_group_key(m), m.name_nl))
    groups = [(key, list(items)) for key, items in groupby(others, key=_group_key)]
    # The province of the Rand first: most users look there.
    groups.sort(key=lambda g: (g[0] != "Vlaams-Brabant", g[0]))
    return render(request, "catalogue/municipality_list.html", {"rand": rand, "groups": groups})


@cached_page
def municipality_search(request):
    """A name, postcode, deelgemeente or NIS code leads to the municipality's page; else suggestions."""
    text = request.GET.get("naam", "").strip()[:120]
    context = {"text": text, "problem": "", "suggestions": []}
    try:
        municipality = resolve_municipality(text)
    except InputError as error:
        by_name = {m.name_nl: m for m in Municipality.objects.filter(name_nl__in=error.suggestions)}
        context["problem"] = error.reason
        context["suggestions"] = [by_name[n] for n in error.suggestions if n in by_name]  # closest first
    else:
        if municipality is not None:
            return redirect("catalogue:municipality", slug=municipality.slug)
    return render(request, "catalogue/municipality_search.html", context)
