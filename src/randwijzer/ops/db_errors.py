"""Why the database refused a write, in Dutch, for the commands that write the catalogue."""
from __future__ import annotations


def unwritable_reason(exc: Exception) -> str:
    """A read-only SQLite file or a full disk, said plainly; anything else as the database said it."""
    words = str(exc).lower()
    if "readonly" in words:
        return "ze is alleen-lezen"
    if "disk is full" in words or "no space left" in words:
        return "de schijf is vol: maak plaats vrij en probeer opnieuw"
    return str(exc)
