"""The feed snapshots bundled with the project (data/feeds/feeds.yaml), imported by `randwijzer load`."""
from __future__ import annotations

from pathlib import Path

import yaml
from django.conf import settings

from . import importing
from .rdf import FeedError
from .report import Report


def listed(root: Path | None = None) -> list[tuple[str, Path]]:
    root = Path(root or settings.FEEDS_DIR)
    index = root / "feeds.yaml"
    if not index.is_file():
        return []
    try:
        data = yaml.safe_load(index.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise FeedError(f"{index}: geen geldige YAML ({exc}).") from None
    snapshots = []
    for i, entry in enumerate(data.get("snapshots") or []):
        if not isinstance(entry, dict) or entry.get("source") not in importing.SOURCES or not entry.get("file"):
            raise FeedError(f"{index}: snapshots.{i} heeft een 'source' ({' of '.join(importing.SOURCES)}) en een 'file' nodig.")
        snapshots.append((entry["source"], root / entry["file"]))
    return snapshots


def import_all(root: Path | None = None) -> list[Report]:
    return [importing.run(source, str(path)) for source, path in listed(root)]
