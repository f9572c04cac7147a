"""Consistency on the public pages: no filter values that find nothing, municipality addresses in any
spelling, "Voor verenigingen" for vzw's and feitelijke verenigingen alike."""
import re

import pytest

from randwijzer.catalogue.models import FundingLine
from randwijzer.catalogue.search import filter_partners

pytestmark = pytest.mark.django_db


def page(client, url) -> str:
    return client.get(url).content.decode()


def test_no_filter_value_with_zero_unless_it_is_selected(client):
    assert "(0)</option>" not in page(client, "/catalogus/?municipality=Wemmel")
    # Nothing found: every count is 0, only the selected value is still listed (so it can be seen and changed).
    html = page(client, "/catalogus/?q=qqqxyzzy&status=onzeker")
    assert re.findall(r"<option[^>]*>[^<]*\(0\)</option>", html) == [
        '<option value="onzeker" selected>Onzeker (0)</option>']


@pytest.mark.parametrize("typed", ["Wemmel", "WEMMEL", "1780", "23102"])
def test_a_municipality_address_in_another_spelling_redirects_to_the_canonical_one(client, typed):
    response = client.get(f"/gemeenten/{typed}/")
    assert response.status_code == 301 and response["Location"] == "/gemeenten/wemmel/"
    assert client.get("/gemeenten/wemmel/").status_code == 200


def test_an_unknown_municipality_address_is_a_404(client):
    assert client.get("/gemeenten/Nergenshuizen/").status_code == 404


def test_voor_verenigingen_covers_vzw_and_feitelijke_vereniging(client):
    home = page(client, "/")
    assert 'href="/catalogus/?applicant_type=vereniging">Voor verenigingen</a>' in home
    both = set(FundingLine.objects.for_applicant_type("vzw").values_list("pk", flat=True)) | set(
        FundingLine.objects.for_applicant_type("feitelijke-vereniging").values_list("pk", flat=True))
    found = set(FundingLine.objects.for_applicant_type("vereniging").values_list("pk", flat=True))
    assert found == both and both
    html = page(client, "/catalogus/?applicant_type=vereniging")
    assert "kennen we niet" not in html
    for pk in both:
        assert f'href="/steun/{pk}/"' in html
    partners = {p.pk for p in filter_partners(applicant_type="vereniging")}
    assert partners == {p.pk for p in filter_partners(applicant_type="vzw")} | {
        p.pk for p in filter_partners(applicant_type="feitelijke-vereniging")}
