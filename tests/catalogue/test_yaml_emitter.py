"""The canonical emitter: whatever an editor types reads back as the same value."""
import datetime as dt

import pytest
import yaml

from randwijzer.catalogue.yaml.yaml_emitter import Commented, Flow, FlowMap, dump

NASTY = [
    "gewoon", "yes", "No", "null", "~", "12", "0x1F", "1e3", "2024-01-01", "02-01", "12:30", "-", "- lijst",
    "? vraag", ": dubbel", "a: b", "a #b", "#commentaar", "'quote", '"dubbel', "@at", "`tick", "%pct", "!tag",
    "&anker", "*ster", "|pijp", ">groter", "[haak", "{accolade", "komma, hier", "€ 1.000", "naïef – é ë",
    "tab\tin", "eindigt op dubbelpunt:", "  spaties voor", "spaties na  ", "backslash \\ hier", "\u00a0nbsp",
]


@pytest.mark.parametrize("text", NASTY)
def test_strings_read_back_the_same_in_block_flow_and_flow_map(text):
    document = {"key": text, "list": Flow([text, "b"]), "items": [FlowMap(label=text, value=1), text]}

    data = yaml.safe_load(dump(document))

    assert data == {"key": text, "list": [text, "b"], "items": [{"label": text, "value": 1}, text]}


@pytest.mark.parametrize("text", [
    "twee\nregels", "alinea\n\nalinea", "  ingesprongen eerste regel\ntweede", "eind met witregel\n\n", "a\n  b\n    c",
])
def test_multiline_text_is_a_literal_block_that_reads_back(text):
    out = dump({"description": text})

    assert out.startswith("description: |")
    # "|" adds a final line break that the catalogue's loader strips (str_strip_whitespace).
    read = yaml.safe_load(out)["description"]
    assert read == text if text.endswith("\n") else read == text + "\n"


def test_layout_is_fixed():
    document = {
        "id": "x", "published": "2024", "amount": 0, "flag": True, "date": dt.date(2026, 11, 26),
        "codes": [Commented("23002", "Asse")], "nested": {"deep": [{"a": 1, "b": Flow(["c"])}]},
    }

    assert dump(document, "# kop\n") == (
        "# kop\n"
        "id: x\n"
        'published: "2024"\n'
        "amount: 0\n"
        "flag: true\n"
        "date: 2026-11-26\n"
        "codes:\n"
        '  - "23002"  # Asse\n'
        "nested:\n"
        "  deep:\n"
        "    - a: 1\n"
        "      b: [c]\n"
    )
