"""Which representation a client asked for in its Accept header (RFC 9110, without the fine print)."""
from __future__ import annotations


def _ranges(header: str) -> list[tuple[str, float]]:
    found = []
    for part in header.split(","):
        media, *params = [piece.strip() for piece in part.split(";")]
        if not media:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        found.append((media.lower(), quality))
    return found


def choose(header: str | None, offered: list[str]) -> str | None:
    """The offered media type the client prefers most (the first offered on a tie), or None.

    No Accept header means anything goes: the first offered type.
    """
    if not header or not header.strip():
        return offered[0]
    ranges = _ranges(header)
    best, best_quality = None, 0.0
    for media in offered:
        kind = media.split("/")[0]
        # The most specific range that names this type decides its quality.
        matches = [(3 if r == media else 2 if r == f"{kind}/*" else 1, q) for r, q in ranges
                   if r in (media, f"{kind}/*", "*/*")]
        if matches and max(matches)[1] > best_quality:
            best, best_quality = media, max(matches)[1]
    return best
