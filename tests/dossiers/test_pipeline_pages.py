"""A member follows an application from idea to accountability, through the pages only."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from randwijzer.dossiers import pipeline, services
from randwijzer.dossiers.models import Dossier, DossierEvent

from .conftest import LINE_WITH_ROUNDS, LINE_WITHOUT_DEADLINE, client_for, new_dossier

pytestmark = pytest.mark.django_db


def version_of(pk) -> int:
    return Dossier.objects.get(pk=pk).version


def move(client, pk, target, reason=""):
    return client.post(f"/dossiers/{pk}/status/", {"target": target, "reason": reason, "version": version_of(pk)})


def test_the_whole_pipeline_through_the_pages(people):
    bob = client_for(people["bob"])
    page = bob.get("/dossiers/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Mijn dossiers</h1>" in html
    for status in pipeline.Status:
        assert f'<h2 id="kolom-{status.value}">{status.label}' in html  # a column per step, headed

    answer = bob.post("/dossiers/nieuw/", {
        "organisation": "wemmel", "title": "Taalcafé Wemmel", "funding_line": LINE_WITH_ROUNDS,
        "amount_requested": "€ 12.500,50", "planned_submission_on": "2027-01-15", "responsible": "alice@wemmel.be",
        "notes": "Samen met de bibliotheek.",
    })
    dossier = Dossier.objects.get(title="Taalcafé Wemmel")
    assert answer.status_code == 302 and answer["Location"] == f"/dossiers/{dossier.pk}/"
    assert dossier.organisation == people["wemmel"] and dossier.status == "idee"
    assert str(dossier.amount_requested) == "12500.50" and dossier.responsible == people["alice"]

    detail = bob.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "Het dossier ‘Taalcafé Wemmel’ is aangemaakt." in detail
    assert "€ 12.500,50" in detail and "Uiterste indiendatum" in detail
    assert "Aangemaakt" in detail and "door Bob Janssens" in detail
    board = bob.get("/dossiers/").content.decode()
    idea_column = board.split('id="kolom-idee"')[1].split("</section>")[0]
    assert "Taalcafé Wemmel" in idea_column

    edit = bob.get(f"/dossiers/{dossier.pk}/bewerken/").content.decode()
    assert 'value="12500,50"' in edit and 'name="version"' in edit
    answer = bob.post(f"/dossiers/{dossier.pk}/bewerken/", {
        "title": "Taalcafé Wemmel 2027", "funding_line": LINE_WITH_ROUNDS, "amount_requested": "13000",
        "planned_submission_on": "2027-01-15", "responsible": "alice@wemmel.be", "notes": "Samen met de bibliotheek.",
        "version": version_of(dossier.pk),
    })
    assert answer.status_code == 302
    dossier.refresh_from_db()
    assert dossier.title == "Taalcafé Wemmel 2027" and str(dossier.amount_requested) == "13000.00"

    for target in ("in_voorbereiding", "ingediend", "toegekend"):
        assert move(bob, dossier.pk, target).status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == "toegekend"
    today = timezone.localdate()
    assert dossier.submitted_on == today and dossier.decision_on == today  # the dates a move implies
    Dossier.objects.filter(pk=dossier.pk).update(amount_granted=10000)
    board = bob.get("/dossiers/").content.decode()
    granted_column = board.split('id="kolom-toegekend"')[1].split("</section>")[0]
    assert "Taalcafé Wemmel 2027" in granted_column and "Toegekend: € 10.000,00" in granted_column

    assert move(bob, dossier.pk, "verantwoord", "Eindverslag ingediend").status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == "verantwoord"
    detail = bob.get(f"/dossiers/{dossier.pk}/").content.decode()
    timeline = detail.split('id="tijdlijn"')[1]
    steps = re.findall(r"→ <strong>([a-z ]+)</strong>", timeline)
    assert steps == ["in voorbereiding", "ingediend", "toegekend", "verantwoord"]
    assert "Gewijzigd: titel, gevraagd bedrag" in timeline and "Reden: Eindverslag ingediend" in timeline
    # Finished: no further step is offered.
    assert "Status wijzigen</a>" not in detail
    assert "de status kan niet meer wijzigen" in bob.get(f"/dossiers/{dossier.pk}/status/").content.decode()


def test_a_rejection_needs_a_reason(people, dossier):
    alice = client_for(people["alice"])
    for target in ("in_voorbereiding", "ingediend"):
        move(alice, dossier.pk, target)
    answer = move(alice, dossier.pk, "afgewezen")
    assert answer.status_code == 400
    assert "Geef de reden van de afwijzing." in answer.content.decode()
    assert Dossier.objects.get(pk=dossier.pk).status == "ingediend"

    assert move(alice, dossier.pk, "afgewezen", "Budget van de ronde is op.").status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == "afgewezen" and dossier.rejection_reason == "Budget van de ronde is op."
    detail = alice.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "Reden van afwijzing:</strong> Budget van de ronde is op." in detail
    event = DossierEvent.objects.filter(dossier=dossier, to_status="afgewezen").get()
    assert event.by == people["alice"] and event.reason == "Budget van de ronde is op."


@pytest.mark.parametrize("start, target", [
    ("idee", "ingediend"), ("idee", "toegekend"), ("in_voorbereiding", "verantwoord"),
    ("ingediend", "verantwoord"), ("ingediend", "idee"), ("afgewezen", "verantwoord"), ("verantwoord", "idee"),
])
def test_invalid_transitions_are_refused(people, dossier, start, target):
    Dossier.objects.filter(pk=dossier.pk).update(status=start)
    before = version_of(dossier.pk)
    answer = move(client_for(people["alice"]), dossier.pk, target, "reden")
    assert answer.status_code == 400
    assert Dossier.objects.get(pk=dossier.pk).status == start and version_of(dossier.pk) == before
    # The service refuses it too, with the reason in Dutch.
    with pytest.raises(services.DossierInvalid) as refused:
        services.move_status(people["alice"], dossier.pk, target, "reden", before)
    assert "kan niet" in refused.value.errors["status"]


def test_the_form_says_what_is_wrong_in_dutch(people, dossier):
    bob = client_for(people["bob"])
    answer = bob.post("/dossiers/nieuw/", {
        "organisation": "wemmel", "title": "", "funding_line": LINE_WITH_ROUNDS, "amount_requested": "-5",
        "amount_granted": "veel", "submitted_on": "31/02/2027", "responsible": "carol@zaventem.be",
    })
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "Geef het dossier een titel." in html
    assert "Gevraagd bedrag mag niet negatief zijn." in html
    assert "Toegekend bedrag moet een bedrag in euro zijn" in html
    assert "Geef een geldige datum" in html
    assert "Kies een lid van de organisatie." in html  # carol is not a member of Wemmel
    assert Dossier.objects.count() == 1

    # A call round of another line, and a responsible member of another organisation (through the service).
    with pytest.raises(services.DossierInvalid) as invalid:
        new_dossier(people["alice"], people["wemmel"], call_round="Oproep projectjaar 2 (2023)",
                    responsible="carol@zaventem.be", amount_requested="1e400")
    assert set(invalid.value.errors) == {"call_round", "responsible", "amount_requested"}
    assert "moet lid zijn van Gemeente Wemmel" in invalid.value.errors["responsible"]


def test_a_line_without_a_known_deadline_says_so(people):
    dossier = new_dossier(people["alice"], people["wemmel"], funding_line=LINE_WITHOUT_DEADLINE)
    html = client_for(people["alice"]).get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "De uiterste indiendatum is niet bekend" in html and "er komt geen herinnering" in html


def test_a_member_of_several_organisations_filters_the_board(people):
    from randwijzer.accounts.models import Membership

    Membership.objects.create(user=people["bob"], organisation=people["zaventem"])
    new_dossier(people["alice"], people["wemmel"], title="Dossier van Wemmel")
    new_dossier(people["carol"], people["zaventem"], title="Dossier van Zaventem")
    bob = client_for(people["bob"])
    both = bob.get("/dossiers/").content.decode()
    assert "Dossier van Wemmel" in both and "Dossier van Zaventem" in both
    assert '<select id="organisatie" name="organisatie">' in both
    only = bob.get("/dossiers/?organisatie=zaventem").content.decode()
    assert "Dossier van Zaventem" in only and "Dossier van Wemmel" not in only


def test_the_status_page_offers_only_the_next_steps(people, dossier):
    Dossier.objects.filter(pk=dossier.pk).update(status="ingediend")
    html = client_for(people["bob"]).get(f"/dossiers/{dossier.pk}/status/").content.decode()
    offered = re.findall(r'name="target" value="([a-z_]+)"', html)
    assert offered == ["toegekend", "afgewezen"]


def test_dates_and_amounts_keep_their_type(people):
    dossier = new_dossier(people["alice"], people["wemmel"], amount_granted=1500.5, reporting_due_on=dt.date(2028, 3, 1))
    dossier.refresh_from_db()
    assert str(dossier.amount_granted) == "1500.50" and dossier.reporting_due_on == dt.date(2028, 3, 1)
