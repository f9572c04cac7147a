"""CSV export for Flemish Excel: BOM, ';', Dutch headers, decimal comma, formulas neutralised."""
from __future__ import annotations

import csv
import io

import pytest

from randwijzer.dossiers.export import safe_cell

from .conftest import client_for, new_dossier

pytestmark = pytest.mark.django_db


def rows(response) -> list[list[str]]:
    raw = response.content
    assert raw.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_export_of_an_organisation(people, dossier):
    new_dossier(people["carol"], people["zaventem"], title="Van Zaventem")
    answer = client_for(people["bob"]).get("/dossiers/export.csv?organisatie=wemmel")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    assert answer["Content-Disposition"].startswith('attachment; filename="dossiers-wemmel-')
    header, *data = rows(answer)
    assert header[:6] == ["Nummer", "Organisatie", "Status", "Titel", "Steunmaatregel", "Oproep"]
    assert "Gevraagd bedrag" in header and "Verantwoordelijke" in header and "Reden van afwijzing" in header
    assert len(data) == 1
    record = dict(zip(header, data[0]))
    assert record["Organisatie"] == "Gemeente Wemmel" and record["Status"] == "Idee"
    assert record["Titel"] == "Taalcafé in het ontmoetingscentrum"
    assert record["Steunmaatregel"] == "Impulssubsidie Vlaamse Rand"
    assert record["Gevraagd bedrag"] == "12500,00" and record["Toegekend bedrag"] == ""
    assert record["Verantwoordelijke"] == "bob@wemmel.be" and record["Notities"] == "Met de bib samen."
    assert b"\r\n" in answer.content


def test_cells_that_look_like_formulas_are_made_harmless(people):
    new_dossier(people["alice"], people["wemmel"], title="=HYPERLINK(\"http://kwaad.example\";\"klik\")",
                notes="+32 2 123 45 67", round_label="@SUM(A1:A9)")
    new_dossier(people["alice"], people["wemmel"], title="-1+1", notes="regel 1\nregel 2; met puntkomma \"en aanhalingstekens\"")
    header, *data = rows(client_for(people["alice"]).get("/dossiers/export.csv"))
    records = [dict(zip(header, row)) for row in data]
    titles = sorted(r["Titel"] for r in records)
    assert titles == ["'-1+1", "'=HYPERLINK(\"http://kwaad.example\";\"klik\")"]
    first = next(r for r in records if r["Titel"].startswith("'="))
    assert first["Notities"] == "'+32 2 123 45 67" and first["Ronde"] == "'@SUM(A1:A9)"
    second = next(r for r in records if r["Titel"] == "'-1+1")
    assert second["Notities"] == "regel 1\nregel 2; met puntkomma \"en aanhalingstekens\""  # quoted, kept whole
    assert all(len(row) == len(header) for row in data)


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("1=1", "1=1"), ("", ""), (None, ""), ("Taalcafé", "Taalcafé"),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected
