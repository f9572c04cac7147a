"""The new pages pass the checks every page of the site passes: Dutch, one h1, unique ids, labelled fields."""
import re

import pytest
from django.urls import reverse

from tests.catalogue.test_pages import FormFields

pytestmark = pytest.mark.django_db

PLAN = {"text": "taalcafé voor anderstalige ouders", "municipality": "Wemmel", "applicant_type": "vzw",
        "cost": "4000", "reference": "2026-11-26", "start": "2027-03-01"}


@pytest.mark.parametrize("name, params", [
    ("figures:figures", {}), ("figures:inspiration", {}), ("figures:inspiration", {"q": "lezen"}),
    ("figures:plan", {}), ("figures:plan", PLAN),
])
def test_page_structure(client, name, params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html and 'id="inhoud"' in html and "randwijzer/site.css" in html
    assert html.count("<h1") == 1
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    form = FormFields()
    form.feed(html)
    for field_id in form.fields:
        assert field_id and field_id in form.labelled, f"field {field_id} has no label"
    for refs in re.findall(r'aria-(?:describedby|labelledby)="([^"]+)"', html):
        for ref in refs.split():
            assert ref in ids, ref


def test_funding_pages_keep_unique_ids_with_charts(client):
    for line in ("plan-samenleven", "subsidie-taalstimulering-nederlands", "vlaams-randfonds"):
        html = client.get(reverse("catalogue:funding", args=[line])).content.decode()
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), line
        for refs in re.findall(r'aria-labelledby="([^"]+)"', html):
            assert all(ref in ids for ref in refs.split()), refs
