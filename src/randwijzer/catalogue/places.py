"""Finding a municipality by NIS code or name, as users type it."""
import difflib

from django.db import models

from randwijzer.text.normalize import name_key

from .models import Municipality


def find_municipality(text: str) -> Municipality | None:
    """By NIS code, Dutch or French name; case, accents, spaces and hyphens do not matter."""
    # No name holds control characters, and PostgreSQL refuses a NUL byte in a query.
    text = "".join(c for c in (text or "") if c.isprintable()).strip()
    if not text:
        return None
    if text.isdigit():
        return Municipality.objects.filter(nis_code=text).select_related("merged_into").first()
    found = (Municipality.objects.select_related("merged_into")
             .filter(models.Q(name_nl__iexact=text) | models.Q(name_fr__iexact=text)).first())
    if found is not None:  # the common case: one indexed query instead of a scan
        return found
    key = name_key(text)
    for municipality in Municipality.objects.select_related("merged_into").only(
        "nis_code", "name_nl", "name_fr", "merged_into"
    ):
        if key in (name_key(municipality.name_nl), name_key(municipality.name_fr)):
            return Municipality.objects.select_related("merged_into").get(pk=municipality.pk)
    return None


def suggest_municipalities(text: str, limit: int = 3) -> list[str]:
    """Close Dutch names, for 'bedoelde u ...?' messages."""
    names = {name_key(n): n for n in Municipality.objects.values_list("name_nl", flat=True)}
    keys = difflib.get_close_matches(name_key(text or ""), list(names), n=limit, cutoff=0.6)
    return [names[k] for k in keys]
