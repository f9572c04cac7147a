"""The WIES pages: the calculator (/wies/), the buyer check (/wies/koper/) and the fund ledger (/wies/fonds/, editors only).

Thin views: validate the form, call the service, render.
"""
from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from randwijzer.accounts.access import editors_only
from randwijzer.text.dutch import format_date_nl, format_euro

from . import buyer, calculator
from .chart import Series, describe_series, step_chart
from .errors import WiesDataError, WiesInputError
from .forms import BuyerForm, CalculatorForm, municipality_names
from .ledger import fund_state


def _bound(form_class, request):
    return form_class(request.GET) if any(name in request.GET for name in form_class.base_fields) else form_class()


def _errors(form) -> list[dict]:
    if not form.is_bound:
        return []
    items = [{"message": m, "href": ""} for m in form.non_field_errors()]
    for name in form.fields:
        items += [{"message": m, "href": f"#{form[name].auto_id}"} for m in form[name].errors]
    return items


def calculator_page(request):
    form = _bound(CalculatorForm, request)
    result = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            result = calculator.calculate(data["municipality"], data["units"], data["land_share"], data["contribution_pct"])
        except WiesInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        except WiesDataError as error:
            form.add_error(None, str(error))
    return render(request, "wies/calculator.html", {
        "form": form, "result": result, "error_summary": _errors(form), "municipality_names": municipality_names(),
    })


def buyer_page(request):
    form = _bound(BuyerForm, request)
    result, thresholds, problem = None, [], ""
    try:
        thresholds = buyer.thresholds_in_dutch()
    except WiesDataError as error:
        problem = str(error)
    if form.is_bound and form.is_valid() and not problem:
        data = form.cleaned_data
        try:
            result = buyer.check_buyer(data["years_lived"], data["owns_other_property"], data["household_type"], data["income"])
        except WiesInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
    return render(request, "wies/buyer.html", {
        "form": form, "result": result, "thresholds": thresholds, "problem": problem, "error_summary": _errors(form),
    })


@editors_only("wies/forbidden.html")
def fund_page(request):
    state = fund_state()
    today = timezone.localdate()
    end = max(today, state.points[-1].date)
    balance = Series("Beschikbaar saldo", _by_date(state.points, "available"), "#0b5394")
    open_ = Series("Openstaande vastleggingen", _by_date(state.points, "open"), "#b45f06", dashed=True)
    description = (f"Stapgrafiek van het WIES-fonds van {format_date_nl(balance.points[0][0])} tot {format_date_nl(end)}. "
                   f"{describe_series(balance, end)} {describe_series(open_, end)} De tabel ernaast geeft elke boeking.")
    chart = step_chart("Saldo en openstaande vastleggingen van het WIES-fonds", description, [balance, open_], end, "fonds")
    return render(request, "wies/fund.html", {"state": state, "chart": chart, "today": today,
                                              "opening": format_euro(state.fund.opening_capital)})


def _by_date(points, attribute: str) -> list:
    """One value per date: the value after the day's last entry."""
    values: dict = {}
    for point in points:
        values[point.date] = getattr(point, attribute)
    return list(values.items())
