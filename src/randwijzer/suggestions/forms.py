"""The reader's suggestion form and the editor's two decisions, with their messages in Dutch."""
from __future__ import annotations

from django import forms

from .models import TEXT_MAX_LENGTH, Kind

# Named like a field bots love to fill; people never see it (class suggest-trap in site.css).
HONEYPOT = "website"


class DescribedForm(forms.Form):
    """Ties each field to its hint for screen readers (aria-describedby), as the templates render the hint."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}-hint"


class SuggestionForm(DescribedForm):
    kind = forms.ChoiceField(
        label="Wat wilt u voorstellen?", choices=Kind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Kies wat u wilt voorstellen.", "invalid_choice": "Kies een soort voorstel uit de lijst."},
    )
    text = forms.CharField(
        label="Wat klopt er niet, of wat ontbreekt er?", max_length=TEXT_MAX_LENGTH,
        help_text=f"Beschrijf zo precies mogelijk wat er anders moet, of welke steunmaatregel of partner ontbreekt. "
                  f"Hoogstens {TEXT_MAX_LENGTH} tekens.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Beschrijf wat er niet klopt of wat er ontbreekt.",
                        "max_length": f"Uw tekst is te lang: hoogstens {TEXT_MAX_LENGTH} tekens."},
    )
    source_url = forms.URLField(
        label="Bron", required=False, max_length=500, assume_scheme="https",
        help_text="Een webadres waar het staat: de regeling, een oproep, de website van de organisatie.",
        error_messages={"invalid": "Vul een geldig webadres in, bijvoorbeeld https://www.vlaanderen.be/… .",
                        "max_length": "Dit webadres is te lang: hoogstens 500 tekens."},
    )
    name = forms.CharField(
        label="Uw naam", required=False, max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"max_length": "Uw naam is te lang: hoogstens 100 tekens."},
    )
    email = forms.EmailField(
        label="Uw e-mailadres", max_length=254,
        help_text="We sturen u een bevestiging en laten u weten wat we met uw voorstel deden. "
                  "We gebruiken uw adres voor niets anders.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": "Vul uw e-mailadres in: daar krijgt u de bevestiging en het antwoord.",
                        "invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.be.",
                        "max_length": "Dit e-mailadres is te lang."},
    )
    website = forms.CharField(
        label="Laat dit veld leeg: het dient om spam te weren.", required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class AcceptForm(DescribedForm):
    note = forms.CharField(
        label="Toelichting voor de indiener", required=False, max_length=2000,
        help_text="Niet verplicht. Komt in de mail aan de indiener.", widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "De toelichting is te lang: hoogstens 2000 tekens."},
    )


class DeclineForm(DescribedForm):
    reason = forms.CharField(
        label="Reden van de afwijzing", max_length=2000,
        help_text="Verplicht. De indiener krijgt deze reden in een mail.", widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Geef een reden: de indiener krijgt ze te lezen.",
                        "max_length": "De reden is te lang: hoogstens 2000 tekens."},
    )
