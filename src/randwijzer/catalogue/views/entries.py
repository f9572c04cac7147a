"""Home page and the pages of one funding line or one partner."""
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from randwijzer.deadlines import services as deadlines

from .. import howto, presenters
from ..audiences import member_ids
from ..freshness import line_changed_on, partner_changed_on
from ..provenance import provenance
from ..models import PLACEHOLDER_PARTNERS, ApplicantType, FundingLine, Partner
from ..page_cache import cached_page

# Entry points per audience; associations are the group "vereniging": vzw's and feitelijke verenigingen.
AUDIENCES = [
    ("Voor gemeenten", "lokaal-bestuur", "Steun en partners voor lokale besturen en OCMW's."),
    ("Voor verenigingen", "vereniging", "Voor vzw's en feitelijke verenigingen."),
    ("Voor scholen", "school", "Voor kleuter-, lagere en secundaire scholen en academies."),
]

# Fields the funding line page shows next to a fact; doubts about others are listed apart.
LINE_PAGE_FIELDS = {
    "title", "summary", "description", "status", "status_reason", "level", "administrator", "related_partners",
    "themes", "applicant_types", "applicant_types_to_verify", "territory", "territory_basis",
    "required_municipality_flags", "financial", "timing", "cost_share_pct", "share_base", "co_financing", "max_amount", "total_budget",
    "budget_period", "max_duration_months", "submission", "yearly_deadlines", "call_rounds", "lead_time_months",
    "lead_time_reference", "activity_window", "limits", "conditions", "examples", "figures", "contact", "how_to_apply",
}
PARTNER_PAGE_FIELDS = {"name", "kind", "summary", "description", "services", "territory", "website", "email", "phone", "address", "themes"}


@cached_page
def home(request):
    context = {
        "deadlines": deadlines.upcoming(limit=5),
        "audiences": [(title, type_id, text) for title, type_id, text in AUDIENCES
                      if ApplicantType.objects.filter(id__in=member_ids(type_id)).exists()],
        "applicant_types": ApplicantType.objects.all(),
    }
    return render(request, "catalogue/home.html", context)


@cached_page
def funding_detail(request, pk):
    line = FundingLine.objects.with_details().filter(pk=pk).first()
    if line is None:
        raise Http404("Deze steunmaatregel bestaat niet.")
    upcoming = deadlines.upcoming(line_id=line.pk)
    context = {
        "line": line,
        "financial_facts": presenters.financial_facts(line),
        "timing_facts": presenters.timing_facts(line),
        "upcoming": upcoming[:5],
        "next_deadline": deadlines.next_deadline(upcoming),
        "calendar_has_dates": bool(upcoming) or bool(deadlines.line_feed(line.pk)),
        "flag_sentences": [presenters.FLAG_SENTENCES.get(f, f) for f in line.required_municipality_flags],
        "other_to_verify": presenters.other_to_verify(line, LINE_PAGE_FIELDS),
        "provenance": provenance(line),
        "howto": howto.how_to_apply(line),
        "data_changed_on": line_changed_on(line),
    }
    return render(request, "catalogue/funding_detail.html", context)


@cached_page
def partner_detail(request, pk):
    queryset = Partner.objects.exclude(pk__in=PLACEHOLDER_PARTNERS).select_related("territory").prefetch_related(
        "themes", "services__themes", "services__audiences", "sources", "administered_lines", "related_lines",
    )
    partner = get_object_or_404(queryset, pk=pk)
    context = {
        "partner": partner,
        "other_to_verify": presenters.other_to_verify(partner, PARTNER_PAGE_FIELDS),
        "contact": howto.partner_contact(partner),
        "data_changed_on": partner_changed_on(partner),
    }
    return render(request, "catalogue/partner_detail.html", context)
