"""The Subsidieflash forms, with their messages in Dutch."""
from __future__ import annotations

from django import forms
from django.db.models import Q

from randwijzer.catalogue.models import ApplicantType, FundingLine, Theme
from randwijzer.catalogue.inputs import InputError, resolve_municipality

from .reminders import MAX_DAYS_BEFORE

DATALIST_ID = "flash-gemeenten"


class PreferencesForm(forms.Form):
    municipality = forms.CharField(
        label="Gemeente", required=False, max_length=120,
        help_text="Alleen steun die in deze gemeente geldt. Leeg laten: alle gemeenten.",
        widget=forms.TextInput(attrs={"list": DATALIST_ID, "autocomplete": "address-level2"}),
    )
    applicant_type = forms.ChoiceField(label="Wie bent u?", required=False, help_text="Leeg laten: elk type aanvrager.")
    themes = forms.MultipleChoiceField(label="Thema's", required=False, widget=forms.CheckboxSelectMultiple,
                                       help_text="Niets aangevinkt: alle thema's.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applicant_type"].choices = [("", "Alle types aanvragers"), *ApplicantType.objects.values_list("id", "label")]
        self.fields["themes"].choices = list(Theme.objects.values_list("id", "label"))
        self.fields["applicant_type"].error_messages["invalid_choice"] = "Kies een type aanvrager uit de lijst."
        self.fields["themes"].error_messages["invalid_choice"] = "Kies thema's uit de lijst."

    def clean_municipality(self):
        try:
            return resolve_municipality(self.cleaned_data["municipality"])
        except InputError as error:
            raise forms.ValidationError(error.message) from None

    def clean_applicant_type(self):
        value = self.cleaned_data["applicant_type"]
        return ApplicantType.objects.get(id=value) if value else None

    def clean_themes(self):
        return list(Theme.objects.filter(id__in=self.cleaned_data["themes"]))


class SubscribeForm(PreferencesForm):
    field_order = ["email", "municipality", "applicant_type", "themes"]
    email = forms.EmailField(
        label="Uw e-mailadres", max_length=254,
        error_messages={"required": "Vul uw e-mailadres in.",
                        "invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.be.",
                        "max_length": "Dit e-mailadres is te lang."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ReminderForm(forms.Form):
    funding_line = forms.ChoiceField(label="Steunmaatregel")
    days_before = forms.IntegerField(
        label="Hoeveel dagen voor de uiterste indiendatum?", min_value=1, max_value=MAX_DAYS_BEFORE, initial=14,
        error_messages={"required": "Geef een aantal dagen.", "invalid": "Geef een geheel aantal dagen.",
                        "min_value": "Geef minstens 1 dag.", "max_value": f"Geef hoogstens {MAX_DAYS_BEFORE} dagen."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only lines with fixed dates: a reminder needs a deadline.
        lines = FundingLine.objects.filter(Q(yearlydeadlines__isnull=False) | Q(callrounds__isnull=False)).distinct()
        self.fields["funding_line"].choices = [(line.id, line.title) for line in lines]
        self.fields["funding_line"].error_messages["invalid_choice"] = "Kies een steunmaatregel uit de lijst."

    def clean_funding_line(self):
        return FundingLine.objects.get(id=self.cleaned_data["funding_line"])
