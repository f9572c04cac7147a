"""Text made ready for reading dates and amounts out of it.

Blanks (NUL, lone surrogates, no-break spaces) become one space, invisible marks (direction marks,
zero-width spaces) are dropped, and a folded copy (lower case, no accents) keeps the same length, so a
position found in the folded text quotes the user's own words in the shown one.
"""
from __future__ import annotations

import re
import unicodedata

from .normalize import fold

MAX_TEXT = 100_000  # characters read; a description is far shorter
MAX_MENTIONS = 100  # dates or amounts read; a text with more is not one project


_SPACE_CATEGORIES = {"Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"}  # NUL, lone surrogates, no-break spaces
_DROPPED_CATEGORIES = {"Cf"}  # direction marks, zero-width spaces, soft hyphens
_SAME = {"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\n": "\n", "\r": "\n"}


class _CharTable(dict):
    """Character -> replacement, computed once per character.

    The shown table turns blanks into a space and drops invisible marks; the folded table then maps each
    character to exactly one non-blank one, so shown and folded text stay aligned position by position.
    """

    def __init__(self, folding: bool):
        super().__init__()
        self.folding = folding

    def __missing__(self, char: str) -> str:
        category = unicodedata.category(char)
        if self.folding:
            folded = fold(char)
            out = folded if len(folded) == 1 else (char.lower() if len(char.lower()) == 1 else char)
        elif char in _SAME:
            out = _SAME[char]
        elif category in _SPACE_CATEGORIES:
            out = " "
        elif category in _DROPPED_CATEGORIES:
            out = ""
        else:
            out = char
        self[char] = out
        return out


_SHOWN, _FOLDED = _CharTable(folding=False), _CharTable(folding=True)
_SPACES = re.compile(r" {2,}")


def prepare(text: str) -> tuple[str, str]:
    """(text to quote in notes, folded text to read): same length, one space between words."""
    shown = _SPACES.sub(" ", _translate((text or "")[:MAX_TEXT], _SHOWN))
    return shown, _translate(shown, _FOLDED)


def _translate(text: str, table: _CharTable) -> str:
    # Only the characters that change go through Python; str.translate would call the table for each one.
    changes = {c: table[c] for c in set(text) if table[c] != c}
    if not changes:
        return text
    pattern = re.compile("[" + "".join(re.escape(c) for c in changes) + "]")
    return pattern.sub(lambda m: changes[m.group()], text)
