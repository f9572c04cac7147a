"""Editors' to-dos are on the staleness page for editors, and nowhere public."""
import pytest

pytestmark = pytest.mark.django_db

STALE_URL = "/redactie/verouderd/"
WIES_EDITORS_NOTE = "De lijst van de 95 WIES-gemeenten buiten het arrondissement Halle-Vilvoorde is nog niet in de catalogus opgenomen."


def test_editor_sees_the_todos_on_the_staleness_page(editor_client):
    page = editor_client.get(STALE_URL).content.decode()
    assert "Te doen voor de redactie" in page
    assert WIES_EDITORS_NOTE in page
    assert "het volledige werkingsgebied is niet nagegaan" in page  # a partner's to-do


def test_the_public_gets_no_staleness_page_and_no_todo(client):
    response = client.get(STALE_URL)
    assert response.status_code in (302, 403)
    assert WIES_EDITORS_NOTE not in response.content.decode()


def test_verified_today_leaves_the_printed_guide_without_a_check_date():
    from randwijzer.catalogue.models import FundingLine
    from randwijzer.editorial.verify import verify_today

    line = FundingLine.objects.get(pk="wies-fonds")
    verify_today([line])
    dates = dict(line.sources.values_list("key", "verified_on"))
    assert dates.pop("gids") is None
    assert all(dates.values())
