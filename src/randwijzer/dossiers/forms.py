"""The dossier forms: they read what a member typed (Dutch amounts, dates) and say what is wrong
in Dutch; the rules themselves are checked by services/values."""
from __future__ import annotations

import re
from collections import defaultdict

from django import forms

from randwijzer.catalogue.models import CallRound, FundingLine

from . import pipeline
from .values import FIELDS, MAX_LENGTH, members, parse_amount

REQUIRED = "Vul dit veld in."
DATE_ERRORS = {"invalid": "Geef een geldige datum, bijvoorbeeld 15/03/2027."}
MAX_VERSION = 2**31 - 1


def dutch_amount(text: str) -> str:
    """'€ 1.500,50' -> '1500.50'; a dot followed by three digits is a thousands separator."""
    text = (text or "").replace("€", "").replace("EUR", "").replace(" ", "").replace("\u00a0", "").strip()
    if "," in text:
        return text.replace(".", "").replace(",", ".")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        return text.replace(".", "")
    return text


def _date_field(name: str) -> forms.DateField:
    return forms.DateField(label=FIELDS[name], required=False, error_messages=DATE_ERRORS,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


def _amount_field(name: str) -> forms.CharField:
    return forms.CharField(label=FIELDS[name], required=False, max_length=40,
                           help_text="In euro, bijvoorbeeld 15000 of 1.500,50.",
                           error_messages={"max_length": "Geef een bedrag, bijvoorbeeld 15000 of 1.500,50."},
                           widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))


class DossierForm(forms.Form):
    title = forms.CharField(label=FIELDS["title"], max_length=MAX_LENGTH["title"],
                            error_messages={"required": "Geef het dossier een titel.",
                                            "max_length": "De titel is te lang (hoogstens 200 tekens)."})
    funding_line = forms.ChoiceField(label=FIELDS["funding_line"],
                                     error_messages={"required": "Kies een steunmaatregel.",
                                                     "invalid_choice": "Kies een steunmaatregel uit de lijst."})
    call_round = forms.ChoiceField(label=FIELDS["call_round"], required=False,
                                   help_text="Alleen voor steunmaatregelen met oproepen.",
                                   error_messages={"invalid_choice": "Kies een oproep uit de lijst."})
    round_label = forms.CharField(label=FIELDS["round_label"], required=False, max_length=MAX_LENGTH["round_label"],
                                  help_text="Vrij te kiezen, bijvoorbeeld ‘ronde 1 februari 2027’.",
                                  error_messages={"max_length": "De ronde is te lang (hoogstens 100 tekens)."})
    amount_requested = _amount_field("amount_requested")
    amount_granted = _amount_field("amount_granted")
    planned_submission_on = _date_field("planned_submission_on")
    submitted_on = _date_field("submitted_on")
    decision_on = _date_field("decision_on")
    reporting_due_on = _date_field("reporting_due_on")
    responsible = forms.ChoiceField(label=FIELDS["responsible"], required=False,
                                    error_messages={"invalid_choice": "Kies een lid van de organisatie."})
    notes = forms.CharField(label=FIELDS["notes"], required=False, max_length=MAX_LENGTH["notes"],
                            widget=forms.Textarea(attrs={"rows": 5}),
                            error_messages={"max_length": "De notities zijn te lang (hoogstens 10.000 tekens)."})

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funding_line"].choices = [("", "Kies een steunmaatregel"),
                                               *FundingLine.objects.order_by("title").values_list("id", "title")]
        rounds = defaultdict(list)
        for call in CallRound.objects.select_related("funding_line").order_by("funding_line__title", "position"):
            rounds[call.funding_line.title].append((call.label, call.label))
        self.fields["call_round"].choices = [("", "Geen oproep"), *rounds.items()]
        self.set_organisation(organisation)

    def set_organisation(self, organisation, others=()) -> None:
        """The members who may be responsible; with no organisation chosen yet, those of `others`."""
        if organisation is not None:
            people = members(organisation)
        else:
            people = {u.pk: u for org in others for u in members(org)}.values()
        self.fields["responsible"].choices = [("", "Niemand in het bijzonder (alle leden krijgen de herinnering)"),
                                              *[(u.email, u.get_full_name() or u.email) for u in people]]

    def _clean_amount(self, name: str):
        try:
            return parse_amount(dutch_amount(self.cleaned_data[name]), FIELDS[name])
        except ValueError as exc:
            raise forms.ValidationError(str(exc).replace("1500 of 1500.50", "15000 of 1.500,50")) from None

    def clean_amount_requested(self):
        return self._clean_amount("amount_requested")

    def clean_amount_granted(self):
        return self._clean_amount("amount_granted")

    def values(self) -> dict:
        """The cleaned data in the plain form services.validate takes."""
        return {name: self.cleaned_data.get(name) for name in FIELDS}


class CreateForm(DossierForm):
    field_order = ["organisation", *FIELDS]
    organisation = forms.ChoiceField(label="Organisatie", error_messages={
        "required": "Kies de organisatie.", "invalid_choice": "Kies een van uw organisaties."})

    def __init__(self, *args, organisations, organisation=None, **kwargs):
        super().__init__(*args, organisation=organisation, **kwargs)
        self.fields["organisation"].choices = [(o.slug, o.name) for o in organisations]
        if organisation is None:
            self.set_organisation(None, organisations)


class EditForm(DossierForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_VERSION,
                                 error_messages={"required": "Laad de pagina opnieuw en probeer nog eens."})


class StatusForm(forms.Form):
    target = forms.ChoiceField(label="Nieuwe status", widget=forms.RadioSelect,
                               error_messages={"required": "Kies de nieuwe status.",
                                               "invalid_choice": "Deze stap kan niet vanuit de huidige status."})
    reason = forms.CharField(label="Reden", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                             help_text="Verplicht bij een afwijzing; anders mag u hier een toelichting kwijt.",
                             error_messages={"max_length": "De reden is te lang (hoogstens 2.000 tekens)."})
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_VERSION,
                                 error_messages={"required": "Laad de pagina opnieuw en probeer nog eens."})

    def __init__(self, *args, status: str, **kwargs):
        super().__init__(*args, **kwargs)
        # The page offers the next steps only; a posted step is judged by the service, after the version
        # check, so a form based on an older status hears "changed meanwhile", not "not allowed".
        moves = pipeline.Status.values if self.is_bound else pipeline.allowed_moves(status)
        self.fields["target"].choices = [(s, pipeline.label(s)) for s in moves]
        self.offered = pipeline.allowed_moves(status)
