"""Two members edit the same dossier: the second save is refused and shown the differences."""
from __future__ import annotations

import json

import pytest

from randwijzer.dossiers.models import Dossier

from .conftest import LINE_WITH_ROUNDS, bearer, client_for

pytestmark = pytest.mark.django_db


def form_data(dossier, **changes) -> dict:
    data = {"title": dossier.title, "funding_line": LINE_WITH_ROUNDS, "amount_requested": "12500,00",
            "notes": dossier.notes, "responsible": "bob@wemmel.be", "version": dossier.version}
    return {**data, **changes}


def test_the_second_save_through_the_pages_is_refused_with_the_differences(people, dossier):
    alice, bob = client_for(people["alice"]), client_for(people["bob"])
    # Both open the edit form at version 1.
    assert 'name="version" value="1"' in alice.get(f"/dossiers/{dossier.pk}/bewerken/").content.decode()
    assert 'name="version" value="1"' in bob.get(f"/dossiers/{dossier.pk}/bewerken/").content.decode()

    assert alice.post(f"/dossiers/{dossier.pk}/bewerken/", form_data(dossier, amount_requested="15000")).status_code == 302
    refused = bob.post(f"/dossiers/{dossier.pk}/bewerken/", form_data(dossier, title="Taalcafé (Bob)", notes="Bobs notitie"))
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "Uw wijzigingen zijn niet bewaard" in html and "Iemand anders heeft dit dossier intussen gewijzigd" in html
    table = html.split("<caption>Verschillen</caption>")[1].split("</table>")[0]
    rows = [row for row in table.split("<tr>")[2:]]
    assert any("Titel" in r and "Taalcafé (Bob)" in r and "Taalcafé in het ontmoetingscentrum" in r for r in rows)
    assert any("Gevraagd bedrag" in r and "€ 12.500,00" in r and "€ 15.000,00" in r for r in rows)
    assert any("Notities" in r and "Bobs notitie" in r and "Met de bib samen." in r for r in rows)
    # Nothing of Bob's was written; Alice's change stands.
    stored = Dossier.objects.get(pk=dossier.pk)
    assert stored.title == "Taalcafé in het ontmoetingscentrum" and str(stored.amount_requested) == "15000.00"
    assert stored.version == 2
    # The form still holds Bob's values, now on the stored version: saving again is his conscious choice.
    assert 'value="Taalcafé (Bob)"' in html and 'name="version" value="2"' in html and "Toch bewaren" in html
    again = bob.post(f"/dossiers/{dossier.pk}/bewerken/", form_data(dossier, title="Taalcafé (Bob)", version=2))
    assert again.status_code == 302
    assert Dossier.objects.get(pk=dossier.pk).title == "Taalcafé (Bob)"


def test_a_status_move_on_an_old_version_is_refused(people, dossier):
    alice, bob = client_for(people["alice"]), client_for(people["bob"])
    assert alice.post(f"/dossiers/{dossier.pk}/status/", {"target": "in_voorbereiding", "version": 1}).status_code == 302
    refused = bob.post(f"/dossiers/{dossier.pk}/status/", {"target": "in_voorbereiding", "version": 1})
    assert refused.status_code == 409
    assert "iemand anders heeft dit dossier intussen gewijzigd" in refused.content.decode()
    assert Dossier.objects.get(pk=dossier.pk).events.filter(kind="status").count() == 1


def test_the_api_answers_409_with_the_current_record(people, dossier):
    client = client_for(None)
    patch = lambda who, body: client.patch(f"/api/v1/dossiers/{dossier.pk}", json.dumps(body),  # noqa: E731
                                           content_type="application/json", **bearer(people[who]))
    assert patch("alice", {"version": 1, "title": "Versie van Alice"}).status_code == 200
    conflict = patch("bob", {"version": 1, "title": "Versie van Bob", "amount_granted": "100"})
    assert conflict.status_code == 409
    body = conflict.json()
    assert "intussen gewijzigd" in body["detail"]
    assert body["current"]["title"] == "Versie van Alice" and body["current"]["version"] == 2
    assert {d["field"]: (d["yours"], d["stored"]) for d in body["differences"]} == {
        "title": ("Versie van Bob", "Versie van Alice"), "amount_granted": ("€ 100,00", "(leeg)")}
    assert Dossier.objects.get(pk=dossier.pk).title == "Versie van Alice"


def test_saving_unchanged_values_on_an_old_version_changes_nothing(people, dossier):
    # Nothing to overwrite, so nothing to refuse: the answer is the stored record, the version stays.
    client = client_for(people["bob"])
    client_for(people["alice"]).post(f"/dossiers/{dossier.pk}/bewerken/", form_data(dossier, notes="Nieuw"))
    stored = Dossier.objects.get(pk=dossier.pk)
    answer = client.post(f"/dossiers/{dossier.pk}/bewerken/", form_data(stored, version=1))
    assert answer.status_code == 302 and Dossier.objects.get(pk=dossier.pk).version == stored.version
