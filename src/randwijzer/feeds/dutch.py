"""Pick the Dutch variant of a multilingual RDF text and make it plain text."""
from __future__ import annotations

import html
import re

# Preferred first: plain Dutch, then the formal and informal variants IPDC and LPDC send.
PREFERENCE = ("nl", "nl-be", "nl-be-x-formal", "nl-be-x-generated-formal", "nl-u",
              "nl-be-x-informal", "nl-be-x-generated-informal", "nl-je")
_TAG = re.compile(r"<[^>]+>")


def _rank(language: str | None) -> int:
    tag = (language or "").lower()
    if tag in PREFERENCE:
        return PREFERENCE.index(tag)
    return len(PREFERENCE) if tag.startswith("nl") else len(PREFERENCE) + 1 if not tag else 99


def dutch(values) -> str:
    """The best Dutch text among literals (untagged text counts when there is no Dutch); '' if none."""
    ranked = sorted((v for v in values if str(v).strip()), key=lambda v: (_rank(getattr(v, "language", None)), str(v)))
    if not ranked or _rank(getattr(ranked[0], "language", None)) == 99:
        return ""
    return plain(str(ranked[0]))


def plain(text: str) -> str:
    """HTML paragraphs and lists as plain sentences."""
    text = re.sub(r"</(p|li|h\d)>|<br\s*/?>", " ", text, flags=re.IGNORECASE)
    return " ".join(html.unescape(_TAG.sub("", text)).split())
