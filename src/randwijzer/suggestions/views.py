"""Pages: the reader's suggestion form and the editor's review page. Thin: the work is in services."""
from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from randwijzer.catalogue.models import FundingLine, Partner
from randwijzer.ops.clients import client_ip
from randwijzer.ops.ratelimit import RateLimited

from . import services
from .forms import HONEYPOT, AcceptForm, DeclineForm, SuggestionForm
from .links import admin_target, public_target
from .models import Kind, Suggestion

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


def _target(request) -> tuple[FundingLine | None, Partner | None]:
    """The entry the reader came from (?steun=<id> or ?partner=<id>); an unknown id is a 404."""
    for param, model in (("steun", FundingLine), ("partner", Partner)):
        value = request.GET.get(param)
        if value:
            # Ids are slugs; anything else (a NUL byte, which PostgreSQL refuses) is unknown.
            if not SLUG.fullmatch(value):
                raise Http404
            entry = get_object_or_404(model, pk=value)
            return (entry, None) if model is FundingLine else (None, entry)
    return None, None


@require_http_methods(["GET", "POST"])
def suggest(request):
    funding_line, partner = _target(request)
    initial = {"kind": Kind.CORRECTION} if (funding_line or partner) else {}
    form, status, limited = SuggestionForm(initial=initial), 200, ""
    if request.method == "POST":
        if request.POST.get(HONEYPOT, "").strip():
            # A bot filled the field people cannot see: it gets the usual answer, we keep and send nothing.
            return redirect("suggestions:thanks")
        form = SuggestionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.submit(kind=data["kind"], text=data["text"], email=data["email"], name=data["name"],
                                source_url=data["source_url"], funding_line=funding_line, partner=partner,
                                client_ip=client_ip(request))
            except RateLimited as exc:
                status = 429
                limited = (f"Er kwamen het afgelopen uur al {services.LIMIT_PER_HOUR} voorstellen binnen van uw internetverbinding "
                           f"of uw e-mailadres. Dat is het maximum. Probeer het opnieuw na "
                           f"{timezone.localtime(exc.retry_at):%H:%M} uur; uw tekst staat hieronder nog klaar.")
            else:
                return redirect("suggestions:thanks")
        else:
            status = 400
    context = {"form": form, "funding_line": funding_line, "partner": partner, "limited": limited}
    return render(request, "suggestions/suggest.html", context, status=status)


def thanks(request):
    return render(request, "suggestions/thanks.html")


DECISIONS = {
    # action: (form, service, field, message after success)
    "accept": (AcceptForm, services.accept, "note", "Het voorstel is verwerkt. De indiener kreeg een mail."),
    "decline": (DeclineForm, services.decline, "reason", "Het voorstel is afgewezen. De indiener kreeg een mail met de reden."),
}


@require_http_methods(["GET", "POST"])
def review(request, pk: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if not services.can_review(request.user):
        return render(request, "suggestions/forbidden.html", status=403)
    get_object_or_404(Suggestion, pk=pk)
    decision_forms = {action: form_class(prefix=action) for action, (form_class, *_) in DECISIONS.items()}
    status, conflict, problem = 200, None, ""
    action = request.POST.get("action") if request.method == "POST" else None
    if request.method == "POST" and action not in DECISIONS:
        status, problem = 400, "Kies ‘Verwerken’ of ‘Afwijzen’."
    elif action:
        form_class, decide, field, done = DECISIONS[action]
        form = decision_forms[action] = form_class(request.POST, prefix=action)
        if not form.is_valid():
            status = 400
        else:
            try:
                decide(pk, request.user, form.cleaned_data[field])
            except services.AlreadyHandled as exc:
                status, conflict = 409, exc.suggestion
            else:
                messages.success(request, done)
                return redirect("suggestions:review", pk=pk)
    suggestion = Suggestion.objects.select_related("funding_line", "partner", "handled_by").get(pk=pk)
    context = {"suggestion": suggestion, "accept_form": decision_forms["accept"], "decline_form": decision_forms["decline"],
               "conflict": conflict, "problem": problem, "admin_target": admin_target(suggestion), "public_target": public_target(suggestion),
               "queue_url": reverse("admin:suggestions_suggestion_changelist") + "?status__exact=new"}
    return render(request, "suggestions/review.html", context, status=status)
