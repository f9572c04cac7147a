"""Home page and the pages of one funding line or one partner."""
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .. import presenters, timing
from ..models import ApplicantType, FundingLine, Partner
from ..page_cache import cached_page

# Entry points per audience; associations share the vzw filter (it covers most of them).
AUDIENCES = [
    ("Voor gemeenten", "lokaal-bestuur", "Steun en partners voor lokale besturen en OCMW's."),
    ("Voor verenigingen", "vzw", "Voor vzw's en feitelijke verenigingen."),
    ("Voor scholen", "school", "Voor kleuter-, lagere en secundaire scholen en academies."),
]

# Fields the funding line page shows next to a fact; doubts about others are listed apart.
LINE_PAGE_FIELDS = {
    "title", "summary", "description", "status", "status_reason", "level", "administrator", "related_partners",
    "themes", "applicant_types", "applicant_types_to_verify", "territory", "territory_basis",
    "required_municipality_flags", "financial", "timing", "cost_share_pct", "share_base", "co_financing", "max_amount", "total_budget",
    "budget_period", "max_duration_months", "submission", "yearly_deadlines", "call_rounds", "lead_time_months",
    "lead_time_reference", "activity_window", "limits", "conditions", "examples", "figures", "contact",
}
PARTNER_PAGE_FIELDS = {"name", "kind", "summary", "description", "services", "territory", "website", "email", "themes"}


@cached_page
def home(request):
    today = timezone.localdate()
    context = {
        "deadlines": timing.upcoming_deadlines(today, limit=5),
        "audiences": [(title, type_id, text) for title, type_id, text in AUDIENCES
                      if ApplicantType.objects.filter(id=type_id).exists()],
        "applicant_types": ApplicantType.objects.all(),
    }
    return render(request, "catalogue/home.html", context)


@cached_page
def funding_detail(request, pk):
    line = FundingLine.objects.with_details().filter(pk=pk).first()
    if line is None:
        raise Http404("Deze steunmaatregel bestaat niet.")
    context = {
        "line": line,
        "financial_facts": presenters.financial_facts(line),
        "timing_facts": presenters.timing_facts(line),
        "next_deadline": timing.next_deadline(line, timezone.localdate()),
        "flag_sentences": [presenters.FLAG_SENTENCES.get(f, f) for f in line.required_municipality_flags],
        "other_to_verify": presenters.other_to_verify(line, LINE_PAGE_FIELDS),
    }
    return render(request, "catalogue/funding_detail.html", context)


@cached_page
def partner_detail(request, pk):
    queryset = Partner.objects.select_related("territory").prefetch_related(
        "themes", "services__themes", "services__audiences", "sources", "administered_lines", "related_lines",
    )
    partner = get_object_or_404(queryset, pk=pk)
    context = {
        "partner": partner,
        "other_to_verify": presenters.other_to_verify(partner, PARTNER_PAGE_FIELDS),
    }
    return render(request, "catalogue/partner_detail.html", context)
