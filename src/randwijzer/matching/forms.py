"""The project matcher's form: what a visitor tells about the project, checked in Dutch.

The form only checks the shape of the input (lengths, dates, amounts). Whether a
municipality or applicant type exists is the matching service's call: the view turns its
MatchInputError into a field error, so the page and the API say the same thing.
"""
from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils import timezone

from randwijzer.catalogue import limits
from randwijzer.catalogue.models import ApplicantType, Municipality
from randwijzer.catalogue.presenters import format_number

MAX_TEXT = 50_000
MAX_NAME = 200  # as the API and the resolvers
MAX_COST = limits.MAX_AMOUNT
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
DATALIST_ID = "gemeenten-lijst"


def date_error(what: str) -> str:
    return f"Geef een geldige {what}, bijvoorbeeld 1 maart 2027 (2027-03-01 of 01-03-2027)."


class ProjectTextField(forms.CharField):
    """Free text: control characters are dropped instead of refused (the service ignores them)."""

    def to_python(self, value):
        value = super().to_python(value)
        return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", value)

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_TEXT:
            raise forms.ValidationError(
                f"De omschrijving mag hoogstens {format_number(MAX_TEXT)} tekens tellen; "
                f"ze telt er nu {format_number(len(value))}. Een paar zinnen volstaan.",
                code="max_length",
            )


class OpenChoiceField(forms.ChoiceField):
    """A select whose value the matching service judges, so a label or a typo in a link gets its message."""

    def valid_value(self, value):
        return len(value) <= MAX_NAME


class EuroField(forms.IntegerField):
    """Whole euros as people write them: '4000', '4.000', '€ 4 000'."""

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[€\s\u00a0\u202f]|eur(o)?", "", value.strip(), flags=re.IGNORECASE)
            if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", value):
                value = value.replace(".", "")
            value = re.sub(r",(00?|-)$", "", value)
        return super().to_python(value)


def applicant_choices() -> list[tuple[str, str]]:
    return [("", "Kies wie aanvraagt"), *ApplicantType.objects.values_list("id", "label")]


def municipality_names() -> list[str]:
    """The Dutch names for the datalist, each once, alphabetically."""
    return sorted(set(Municipality.objects.values_list("name_nl", flat=True)), key=str.casefold)


class MatchForm(forms.Form):
    # Ids are Django's: id_text, id_municipality, ... (the error summary links to them).
    text = ProjectTextField(
        label="Beschrijf uw project",
        required=False,
        strip=True,
        help_text="Wat wilt u doen, voor wie en waar? Een paar zinnen volstaan, in uw eigen woorden.",
        widget=forms.Textarea(attrs={"rows": 6, "cols": 60, "maxlength": MAX_TEXT, "spellcheck": "true"}),
    )
    municipality = forms.CharField(
        label="Gemeente",
        required=False,
        max_length=MAX_NAME,
        help_text="Waar het project plaatsvindt: de gemeente of deelgemeente (Nederlands of Frans) of de postcode.",
        error_messages={
            "required": "Geef de gemeente op waar het project plaatsvindt.",
            "max_length": f"Een gemeentenaam telt hoogstens {MAX_NAME} tekens.",
        },
        widget=forms.TextInput(attrs={"list": DATALIST_ID, "autocomplete": "off", "spellcheck": "false"}),
    )
    applicant_type = OpenChoiceField(
        label="Wie vraagt aan?",
        required=False,
        help_text="Het soort organisatie dat de steun aanvraagt.",
        error_messages={
            "required": "Kies wie de steun aanvraagt.",
            "invalid_choice": "Kies wie de steun aanvraagt uit de lijst.",
        },
    )
    start = forms.DateField(
        label="Startdatum van het project",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="Hiermee rekenen we uit tegen wanneer u moet aanvragen.",
        error_messages={"invalid": date_error("startdatum")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label="Einddatum van het project",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="De laatste dag van het project of de activiteit.",
        error_messages={"invalid": date_error("einddatum")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    cost = EuroField(
        label="Totale kostprijs van het project (in euro)",
        required=False,
        min_value=0,
        max_value=MAX_COST,
        help_text="Een bedrag in hele euro, bijvoorbeeld 4000. Hiermee schatten we hoeveel steun u kunt krijgen.",
        error_messages={
            "invalid": "Geef een bedrag in hele euro, zonder cent, bijvoorbeeld 4000.",
            "min_value": "De kostprijs kan niet negatief zijn.",
            "max_value": f"Geef een kostprijs van hoogstens € {format_number(MAX_COST)}.",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    reference = forms.DateField(
        label="Datum van vandaag",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="Het antwoord rekent vanaf deze datum, bijvoorbeeld voor de eerstvolgende indiendatum. "
                  "Kies een andere datum om te zien wat dan geldt.",
        error_messages={"invalid": date_error("datum van vandaag")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    # Shown openly; `reference` sits under "Meer opties".
    main_fields = ("text", "municipality", "applicant_type")
    planning_fields = ("start", "end", "cost")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applicant_type"].choices = applicant_choices()
        self.fields["reference"].initial = timezone.localdate

    def reference_date(self) -> dt.date:
        return self.cleaned_data.get("reference") or timezone.localdate()

    def service_args(self) -> dict:
        """The keyword arguments of match_project, from a valid form."""
        data = self.cleaned_data
        return {
            "text": data["text"], "municipality": data["municipality"], "applicant_type": data["applicant_type"],
            "reference": self.reference_date(), "start": data["start"], "end": data["end"], "cost": data["cost"],
        }

    def permalink_params(self) -> dict[str, str]:
        """The answer's query, with the date it was computed for, so the link gives the same answer later."""
        data = self.cleaned_data
        params = {"text": data["text"], "municipality": data["municipality"], "applicant_type": data["applicant_type"],
                  "reference": self.reference_date().isoformat()}
        for name in ("start", "end"):
            if data.get(name):
                params[name] = data[name].isoformat()
        if data.get("cost") is not None:
            params["cost"] = str(data["cost"])
        return {k: v for k, v in params.items() if v != ""}

    def more_options_open(self) -> bool:
        """Open "Meer opties" when its field has an error or a date other than today."""
        if self["reference"].errors:
            return True
        if self.is_bound and hasattr(self, "cleaned_data") and self.cleaned_data.get("reference"):
            return self.cleaned_data["reference"] != timezone.localdate()
        return False
