"""pydantic's English messages, said in Dutch by error type: the one place the loader words them."""
from __future__ import annotations

DATE = "geen geldige datum: schrijf JJJJ-MM-DD, een dag die bestaat (bijvoorbeeld 2027-02-01)"
WHOLE_NUMBER = "geef een geheel getal"

FIXED = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "int_parsing": WHOLE_NUMBER, "int_type": WHOLE_NUMBER, "int_from_float": WHOLE_NUMBER,
    "string_type": "geef tekst",
    "string_pattern_mismatch": "heeft niet de verwachte vorm",
    "date_parsing": DATE, "date_type": DATE, "date_from_datetime_parsing": DATE, "date_from_datetime_inexact": DATE,
    "bool_parsing": "geef true of false", "bool_type": "geef true of false",
    "list_type": "geef een lijst", "dict_type": "geef een mapping (sleutel: waarde)",
    "model_type": "geef een mapping (sleutel: waarde)", "model_attributes_type": "geef een mapping (sleutel: waarde)",
}


def dutch(error: dict) -> str:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind in FIXED:
        return FIXED[kind]
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", "")) or "ongeldige waarde"  # our own validators speak Dutch already
    if kind == "string_too_long":
        return f"hoogstens {ctx.get('max_length')} tekens (nu {len(str(error.get('input', '')))})"
    if kind == "string_too_short":
        return "mag niet leeg zijn" if ctx.get("min_length") == 1 else f"minstens {ctx.get('min_length')} tekens"
    if kind == "too_short":
        return f"geef minstens {ctx.get('min_length')} element(en)"
    if kind == "too_long":
        return f"hoogstens {ctx.get('max_length')} element(en)"
    if kind == "greater_than_equal":
        return f"moet minstens {ctx.get('ge')} zijn"
    if kind == "greater_than":
        return f"moet groter zijn dan {ctx.get('gt')}"
    if kind == "less_than_equal":
        return f"mag hoogstens {ctx.get('le')} zijn"
    if kind == "less_than":
        return f"moet kleiner zijn dan {ctx.get('lt')}"
    if kind == "literal_error":
        return f"kies een van: {ctx.get('expected', '')}".replace(" or ", " of ")
    return f"ongeldige waarde (fouttype {kind})"
