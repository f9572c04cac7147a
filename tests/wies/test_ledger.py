"""The WIES-fonds ledger: the rules that keep the balance true, the history, the staff-only page."""
import datetime as dt

import pytest
from django.contrib.auth.models import User

from randwijzer.catalogue.models import Municipality
from randwijzer.wies.ledger import LedgerError, fund_state, get_fund, record
from randwijzer.wies.models import AppendOnly, LedgerEntry

pytestmark = pytest.mark.django_db

D = dt.date


def place(name):
    return Municipality.objects.get(name_nl=name)


def commit(amount, name="Kavels Verbrande Brug", where="Grimbergen", day=D(2025, 3, 1)):
    return record("commitment", day, amount, project_name=name, municipality=place(where))


def test_opening_capital_comes_from_the_catalogue():
    assert get_fund().opening_capital == 4_500_000
    assert fund_state().available == 4_500_000


def test_commitment_payment_reflow_and_release_move_the_balance():
    c = commit(450_000)
    assert fund_state().available == 4_050_000
    record("payment", D(2025, 6, 1), 400_000, commitment=c)
    state = fund_state()
    assert (state.available, state.open, state.cash) == (4_050_000, 50_000, 4_100_000)
    record("release", D(2025, 7, 1), 50_000, commitment=c)
    assert fund_state().available == 4_100_000
    record("reflow", D(2026, 1, 15), 100_000, commitment=c)  # a WIES home resold
    state = fund_state()
    assert state.available == 4_200_000 and state.open == 0


def test_over_commitment_is_refused_with_a_dutch_message():
    for n in range(4):
        commit(1_000_000, name=f"Project {n}", where=["Asse", "Dilbeek", "Wemmel", "Zaventem"][n])
    with pytest.raises(LedgerError) as info:
        commit(600_000, name="Project 5", where="Meise")
    assert "groter dan het beschikbare saldo" in info.value.message and "€ 500.000" in info.value.message
    assert LedgerEntry.objects.count() == 4  # nothing written
    assert fund_state().available == 500_000


def test_commitment_above_the_project_cap_is_refused():
    with pytest.raises(LedgerError) as info:
        commit(1_000_001)
    assert "hoogstens € 1.000.000 per project" in info.value.message


def test_backdated_commitment_may_not_make_an_earlier_balance_negative():
    first = commit(1_000_000, name="A", where="Asse", day=D(2024, 1, 1))
    record("payment", D(2024, 2, 1), 1_000_000, commitment=first)
    for n, where in enumerate(["Dilbeek", "Wemmel", "Zaventem"]):
        commit(1_000_000, name=f"B{n}", where=where, day=D(2024, 3, 1))
    record("reflow", D(2025, 1, 1), 1_000_000, commitment=first)  # balance 1.500.000 from 2025 on
    with pytest.raises(LedgerError):
        commit(1_000_000, name="C", where="Meise", day=D(2024, 6, 1))  # only 500.000 was free then
    commit(1_000_000, name="C", where="Meise", day=D(2025, 2, 1))
    assert min(p.available for p in fund_state().points) >= 0


def test_payment_beyond_its_commitment_is_refused():
    c = commit(300_000)
    record("payment", D(2025, 4, 1), 200_000, commitment=c)
    with pytest.raises(LedgerError) as info:
        record("payment", D(2025, 5, 1), 100_001, commitment=c)
    assert "groter dan wat van de vastlegging" in info.value.message and "€ 100.000" in info.value.message


def test_reflow_at_most_what_was_paid():
    c = commit(300_000)
    with pytest.raises(LedgerError):
        record("reflow", D(2025, 4, 1), 1, commitment=c)  # nothing paid yet
    record("payment", D(2025, 4, 1), 300_000, commitment=c)
    record("reflow", D(2026, 4, 1), 300_000, commitment=c)
    with pytest.raises(LedgerError):
        record("reflow", D(2026, 5, 1), 1, commitment=c)


@pytest.mark.parametrize("where, words", [("Halle", "niet in de Vlaamse Rand"), ("Ternat", "niet in de Vlaamse Rand")])
def test_commitment_only_for_rand_municipalities(where, words):
    with pytest.raises(LedgerError) as info:
        commit(100_000, where=where)
    assert words in info.value.message


def test_other_refusals():
    c = commit(100_000, day=D(2025, 3, 1))
    with pytest.raises(LedgerError):
        record("payment", D(2025, 2, 1), 10, commitment=c)  # before its commitment
    with pytest.raises(LedgerError):
        record("payment", D(2025, 4, 1), 10)  # no commitment
    with pytest.raises(LedgerError):
        record("payment", D(2025, 4, 1), 0, commitment=c)
    with pytest.raises(LedgerError):
        commit(10, day=dt.date.today() + dt.timedelta(days=30))  # in the future
    with pytest.raises(LedgerError):
        record("commitment", D(2025, 3, 1), 10, project_name="", municipality=place("Asse"))


def test_entries_are_append_only():
    c = commit(100_000)
    c.amount = 1
    with pytest.raises(AppendOnly):
        c.save()
    with pytest.raises(AppendOnly):
        c.delete()
    assert LedgerEntry.objects.get(pk=c.pk).amount == 100_000


# ---------------------------------------------------------------- the staff-only page and the admin


@pytest.fixture
def staff(client):
    """An editor: staff and in the group Redactie."""
    from randwijzer.accounts.services import ensure_editors_group

    user = User.objects.create_user("redacteur", password="x", is_staff=True)
    user.groups.add(ensure_editors_group())
    client.force_login(user)
    return user


def test_anonymous_is_sent_to_the_login(client):
    response = client.get("/wies/fonds/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/") and "next=/wies/fonds/" in response["Location"]


def test_non_staff_gets_a_dutch_403(client):
    client.force_login(User.objects.create_user("bezoeker", password="x"))
    response = client.get("/wies/fonds/")
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


def test_staff_outside_the_editors_group_gets_a_dutch_403(client):
    """Being staff (e.g. for another part of the admin) is not being an editor."""
    client.force_login(User.objects.create_user("helpdesk", password="x", is_staff=True))
    response = client.get("/wies/fonds/")
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


def test_a_superuser_sees_the_ledger(client):
    client.force_login(User.objects.create_superuser("beheerder", password="x"))
    assert client.get("/wies/fonds/").status_code == 200


def test_staff_sees_chart_table_commitments_and_projection(client, staff):
    c = commit(450_000)
    record("payment", D(2025, 6, 1), 200_000, commitment=c)
    html = client.get("/wies/fonds/").content.decode()
    assert "<svg" in html and "<title" in html and "<desc" in html
    assert "<table>" in html and "Beschikbaar saldo" in html
    assert "Kavels Verbrande Brug" in html and "€ 4.050.000" in html
    assert "Als alle openstaande vastleggingen (€ 250.000) worden uitbetaald en er niets terugvloeit, blijft er € 4.050.000" in html


def test_staff_page_without_entries(client, staff):
    html = client.get("/wies/fonds/").content.decode()
    assert "€ 4.500.000" in html and "Er zijn nog geen vastleggingen." in html and "<svg" in html


def test_admin_refuses_an_over_commitment_on_the_form(client):
    admin = User.objects.create_superuser("beheer", password="x")
    client.force_login(admin)
    for n, where in enumerate(["Asse", "Dilbeek", "Wemmel", "Zaventem"]):
        commit(1_000_000, name=f"P{n}", where=where)
    response = client.post("/admin/wies/ledgerentry/add/", {
        "kind": "commitment", "date": "2025-05-01", "amount": "600000", "project_name": "Te veel",
        "municipality": place("Meise").pk, "commitment": "", "note": "",
    })
    assert response.status_code == 200
    assert "groter dan het beschikbare saldo" in response.content.decode()
    assert not LedgerEntry.objects.filter(project_name="Te veel").exists()


def test_admin_adds_an_entry_and_offers_no_edit_or_delete(client):
    admin = User.objects.create_superuser("beheer", password="x")
    client.force_login(admin)
    response = client.post("/admin/wies/ledgerentry/add/", {
        "kind": "commitment", "date": "2025-05-01", "amount": "250000", "project_name": "Kavels Meise",
        "municipality": place("Meise").pk, "commitment": "", "note": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LedgerEntry.objects.get(project_name="Kavels Meise")
    assert entry.created_by == admin and entry.amount == 250_000
    assert LedgerEntry.objects.count() == 1
    change = client.post(f"/admin/wies/ledgerentry/{entry.pk}/change/", {"kind": "commitment", "date": "2025-05-01",
                                                                          "amount": "1", "project_name": "x"})
    assert change.status_code in (302, 403) and LedgerEntry.objects.get(pk=entry.pk).amount == 250_000
    assert client.post(f"/admin/wies/ledgerentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert LedgerEntry.objects.filter(pk=entry.pk).exists()
