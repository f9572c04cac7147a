"""What an import did, per record, in Dutch."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

ORDER = ("nieuw", "gewijzigd", "gekoppeld", "ongewijzigd", "overgeslagen")


@dataclass
class Report:
    source: str
    dry_run: bool = False
    lines: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    stopped: str = ""  # why the run stopped early (a page that failed); the next run resumes there

    def add(self, outcome: str, name: str, detail: str = "") -> None:
        self.counts[outcome] += 1
        if outcome != "ongewijzigd":
            self.lines.append(f"{outcome}: {name}{' — ' + detail if detail else ''}")

    def summary(self) -> str:
        parts = [f"{self.counts[o]} {o}" for o in ORDER]
        text = f"{'Proefdraaien (niets geschreven)' if self.dry_run else 'Ingelezen'} uit {self.source}: {', '.join(parts)}."
        if self.stopped:
            text += f" Gestopt: {self.stopped}"
        return text
