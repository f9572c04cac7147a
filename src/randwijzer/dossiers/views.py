"""The dossier pages. Thin: access decides what exists for this user (else 404), services write."""
from __future__ import annotations

from django.contrib import messages
from django.db.models import F
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from randwijzer.catalogue.models import Status as LineStatus

from . import export, pipeline, services
from .access import DossierNotFound, dossier_organisations, find_dossier, find_organisation, visible_dossiers
from .forms import CreateForm, EditForm, StatusForm
from .reminders import deadline_for
from .values import FIELDS, DossierInvalid, decimal_comma, plain_values


def _dossier_or_404(request, pk):
    try:
        return find_dossier(request.user, pk)
    except DossierNotFound:
        raise Http404("Dossier niet gevonden") from None


def _organisation_or_404(request, slug):
    try:
        return find_organisation(request.user, slug)
    except DossierNotFound:
        raise Http404("Organisatie niet gevonden") from None


def _error_summary(form) -> list[dict]:
    # A radio list has no element with the field's own id: point at its first option.
    items = [{"href": f"#{form[name].id_for_label or form[name].auto_id + '_0'}", "message": error}
             for name, errors in form.errors.items() if name != "__all__" and name in form.fields
             for error in errors]
    return items + [{"href": "", "message": error} for error in form.non_field_errors()]


def _add_errors(form, exc: DossierInvalid) -> None:
    for field, message in exc.errors.items():
        form.add_error(field if field in form.fields else None, message)


@login_required
@require_GET
def board(request):
    organisations = list(dossier_organisations(request.user))
    chosen = _organisation_or_404(request, request.GET["organisatie"]) if request.GET.get("organisatie") else None
    dossiers = visible_dossiers(request.user).select_related("organisation", "funding_line", "responsible")
    if chosen is not None:
        dossiers = dossiers.filter(organisation=chosen)
    by_status = {status: [] for status in pipeline.Status.values}
    for dossier in dossiers.order_by(F("planned_submission_on").asc(nulls_last=True), "title"):
        by_status[dossier.status].append(dossier)
    columns = [{"status": status, "label": pipeline.label(status), "dossiers": items} for status, items in by_status.items()]
    return render(request, "dossiers/board.html", {
        "organisations": organisations, "chosen": chosen, "columns": columns,
        "total": sum(len(c["dossiers"]) for c in columns),
    })


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    organisations = list(dossier_organisations(request.user))
    if not organisations:
        raise Http404("Geen organisatie")
    slug = request.POST.get("organisation") or request.GET.get("organisatie")
    organisation = _organisation_or_404(request, slug) if slug else (organisations[0] if len(organisations) == 1 else None)
    form = CreateForm(request.POST or None, organisations=organisations, organisation=organisation,
                      initial={"organisation": organisation.slug if organisation else ""})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                dossier = services.create_dossier(request.user, organisation, form.values())
            except DossierInvalid as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, f"Het dossier ‘{dossier.title}’ is aangemaakt.")
                return redirect("dossiers:detail", pk=dossier.pk)
        status = 400
    return render(request, "dossiers/form.html", {"form": form, "creating": True,
                                                   "error_summary": _error_summary(form)}, status=status)


@login_required
@require_GET
def detail(request, pk):
    dossier = _dossier_or_404(request, pk)
    today = timezone.localdate()
    call = dossier.call_round
    deadline = deadline_for(dossier, today)
    return render(request, "dossiers/detail.html", {
        "dossier": dossier,
        "events": dossier.events.select_related("by"),
        "deadline": deadline,
        "days_left": (deadline - today).days if deadline else None,
        "call_closed": call is not None and call.closes_on < today,
        "line_closed": dossier.funding_line.status == LineStatus.AFGESLOTEN,
        "moves": [pipeline.label(s) for s in pipeline.allowed_moves(dossier.status)],
        "fields": [(label, getattr(dossier, name), name) for name, label in FIELDS.items()],
    })


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    dossier = _dossier_or_404(request, pk)
    status, conflict = 200, None
    if request.method == "POST":
        form = EditForm(request.POST, organisation=dossier.organisation)
        if form.is_valid():
            try:
                services.update_dossier(request.user, dossier.pk, form.values(), form.cleaned_data["version"])
            except DossierInvalid as exc:
                _add_errors(form, exc)
                status = 400
            except services.VersionConflict as exc:
                # Keep what this member typed, now based on the stored version: saving again is a conscious choice.
                conflict = exc
                data = request.POST.copy()
                data["version"] = exc.current.version
                form = EditForm(data, organisation=dossier.organisation)
                form.is_valid()
                status = 409
            except DossierNotFound:
                raise Http404("Dossier niet gevonden") from None
            else:
                messages.success(request, "De wijzigingen zijn bewaard.")
                return redirect("dossiers:detail", pk=dossier.pk)
        else:
            status = 400
    else:
        initial = {**plain_values(dossier), "version": dossier.version,
                   "amount_requested": decimal_comma(dossier.amount_requested),
                   "amount_granted": decimal_comma(dossier.amount_granted)}
        form = EditForm(initial=initial, organisation=dossier.organisation)
    return render(request, "dossiers/form.html", {"form": form, "dossier": dossier, "conflict": conflict,
                                                   "error_summary": _error_summary(form) if status == 400 else []},
                  status=status)


@login_required
@require_http_methods(["GET", "POST"])
def move(request, pk):
    dossier = _dossier_or_404(request, pk)
    form = StatusForm(request.POST or None, status=dossier.status, initial={"version": dossier.version})
    status, conflict = 200, False
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                dossier = services.move_status(request.user, dossier.pk, data["target"], data["reason"], data["version"])
            except DossierInvalid as exc:
                _add_errors(form, DossierInvalid({"target" if k == "status" else k: v for k, v in exc.errors.items()}))
            except services.VersionConflict as exc:
                conflict, dossier = True, exc.current
                form = StatusForm(status=dossier.status, initial={"version": dossier.version})
            except DossierNotFound:
                raise Http404("Dossier niet gevonden") from None
            else:
                messages.success(request, f"De status is nu ‘{dossier.status_label.lower()}’.")
                return redirect("dossiers:detail", pk=dossier.pk)
        status = 409 if conflict else 400
    form.fields["target"].choices = [(s, pipeline.label(s)) for s in form.offered]  # show the next steps only
    return render(request, "dossiers/status.html", {"form": form, "dossier": dossier, "conflict": conflict,
                                                     "error_summary": [] if conflict else _error_summary(form)},
                  status=status)


@login_required
@require_GET
def export_csv(request):
    dossiers = visible_dossiers(request.user)
    slug = request.GET.get("organisatie")
    name = "dossiers"
    if slug:
        organisation = _organisation_or_404(request, slug)
        dossiers, name = dossiers.filter(organisation=organisation), f"dossiers-{organisation.slug}"
    response = HttpResponse(export.to_csv(dossiers.order_by("organisation__name", "pk")), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate().isoformat()}.csv"'
    return response
