"""The forms of the WIES pages. They check only the shape of the input; the services judge the values."""
from __future__ import annotations

from django import forms

from randwijzer.catalogue.models import Municipality
from randwijzer.matching.forms import EuroField

from .calculator import MAX_NAME
from .models import EntryKind, LedgerEntry

DATALIST_ID = "gemeenten-lijst"


class CalculatorForm(forms.Form):
    municipality = forms.CharField(
        label="Gemeente", max_length=MAX_NAME,
        help_text="De Nederlandse of Franse naam, of de NIS-code.",
        error_messages={"required": "Geef de gemeente op.", "max_length": f"Een gemeentenaam telt hoogstens {MAX_NAME} tekens."},
        widget=forms.TextInput(attrs={"list": DATALIST_ID, "autocomplete": "off", "spellcheck": "false"}),
    )
    units = forms.CharField(
        label="Aantal WIES-woningen of -kavels", max_length=20,
        help_text="Het aantal woningen of kavels dat voor WIES-kopers wordt voorbehouden.",
        error_messages={"required": "Geef het aantal woningen of kavels op."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    land_share = EuroField(
        label="Grondaandeel per woning of kavel (in euro)",
        help_text="Het deel van de prijs dat op de grond slaat, in hele euro, bijvoorbeeld 150000.",
        error_messages={"required": "Geef het grondaandeel per woning op.",
                        "invalid": "Geef het grondaandeel in hele euro, zonder cent, bijvoorbeeld 150000."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    contribution_pct = forms.CharField(
        label="Tussenkomst van de gemeente (% van het grondaandeel)", max_length=20,
        help_text="Tussen 50 en 100, zoals het gemeentelijk WIES-reglement het bepaalt.",
        error_messages={"required": "Geef het percentage van de gemeentelijke tussenkomst op (50 tot 100)."},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


class BuyerForm(forms.Form):
    years_lived = forms.IntegerField(
        label="Opeenvolgende jaren gewoond in de gemeente of een buurgemeente (van de laatste 10 jaar)",
        min_value=0, max_value=10,
        error_messages={"required": "Geef op hoeveel jaar u in de gemeente of een buurgemeente woonde.",
                        "invalid": "Geef een geheel aantal jaren, van 0 tot 10.",
                        "min_value": "Geef een aantal jaren van 0 tot 10.", "max_value": "Geef een aantal jaren van 0 tot 10."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    owns_other_property = forms.TypedChoiceField(
        label="Bezit het huishouden ander vastgoed?", choices=[("nee", "nee"), ("ja", "ja")],
        coerce=lambda v: v == "ja", widget=forms.RadioSelect,
        error_messages={"required": "Zeg of het huishouden ander vastgoed bezit.", "invalid_choice": "Kies ja of nee."},
    )
    household_type = forms.ChoiceField(
        label="Soort huishouden", choices=[("single", "alleenstaande"), ("couple", "koppel")], widget=forms.RadioSelect,
        error_messages={"required": "Kies het soort huishouden.", "invalid_choice": "Kies alleenstaande of koppel."},
    )
    income = EuroField(
        label="Inkomen van het huishouden (in euro)", min_value=0, max_value=10_000_000,
        help_text="In hele euro, bijvoorbeeld 42000.",
        error_messages={"required": "Geef het inkomen van het huishouden op.",
                        "invalid": "Geef het inkomen in hele euro, zonder cent, bijvoorbeeld 42000.",
                        "min_value": "Het inkomen kan niet negatief zijn.",
                        "max_value": "Controleer het inkomen: het is te groot."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def municipality_names() -> list[str]:
    return sorted(set(Municipality.objects.values_list("name_nl", flat=True)), key=str.casefold)


class LedgerEntryForm(forms.ModelForm):
    """The admin's form for a new entry: the ledger service checks it and writes it (see admin.py)."""

    class Meta:
        model = LedgerEntry
        fields = ["kind", "date", "amount", "project_name", "municipality", "commitment", "note"]
        help_texts = {
            "project_name": "Alleen bij een vastlegging.",
            "municipality": "Alleen bij een vastlegging: een van de 19 randgemeenten.",
            "commitment": "Bij een uitbetaling, vrijgave of terugvloei: de vastlegging (het project) waarop ze slaat.",
        }

    def __init__(self, *args, **kwargs):
        self.user = kwargs.pop("user", None)
        super().__init__(*args, **kwargs)
        if "municipality" in self.fields:
            self.fields["municipality"].queryset = Municipality.objects.filter(in_vlaamse_rand=True)
        if "commitment" in self.fields:
            self.fields["commitment"].queryset = LedgerEntry.objects.filter(kind=EntryKind.COMMITMENT)
        self.recorded = None

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        # The service checks under the fund's lock and writes the entry; the admin's view runs in
        # one transaction, so a refusal is shown on the form and nothing is written.
        from .ledger import LedgerError, record

        data = self.cleaned_data
        try:
            self.recorded = record(data["kind"], data["date"], data["amount"], project_name=data.get("project_name", ""),
                                   municipality=data.get("municipality"), commitment=data.get("commitment"),
                                   note=data.get("note", ""), user=self.user)
        except LedgerError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        else:
            self.instance = self.recorded

    def save(self, commit=True):
        self.save_m2m = lambda: None
        return self.recorded
