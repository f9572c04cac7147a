"""The ranking knobs: one table in the code, the same table in docs/matching.md."""
from django.conf import settings

from randwijzer.matching.weights import KNOBS


def said(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def test_every_knob_is_documented_with_its_value():
    doc = (settings.PROJECT_DIR / "docs" / "matching.md").read_text(encoding="utf-8")
    for knob in KNOBS:
        assert f"| `{knob.name}` | {said(knob.value)} |" in doc, f"docs/matching.md does not list {knob.name} = {knob.value}"


def test_the_docs_list_no_knob_the_code_does_not_have():
    doc = (settings.PROJECT_DIR / "docs" / "matching.md").read_text(encoding="utf-8")
    table = doc[doc.index("### The ranking knobs"):]
    table = table[:table.index("\n\n", table.index("| knob |"))]
    documented = {line.split("`")[1] for line in table.splitlines() if line.startswith("| `")}
    assert documented == {knob.name for knob in KNOBS}
