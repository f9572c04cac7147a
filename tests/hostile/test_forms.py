"""Every web form that stores input, against every hostile value of the corpus (see corpus.py).

Forms carry text: a number arrives as its digits, a list as a repeated field, a lone surrogate as
the bytes a broken client would send. A refused value re-shows the form (never a 5xx) and writes nothing.
"""
from __future__ import annotations

from urllib.parse import quote_from_bytes

import pytest
from django.test import Client

from .conftest import fill, row_counts
from .corpus import FORMS, HUGE, VALUES, as_text, cases

pytestmark = pytest.mark.django_db
# In a form every value is text: digits or "true" in a text field are text like any other, and
# Django reads the bytes of a lone surrogate as U+FFFD, as browsers send it. What text must refuse:
TEXT_REFUSES = {"NUL"}


def _encode(value) -> str:
    return quote_from_bytes(str(value).encode("utf-8", "surrogatepass"))


def _post(client: Client, path: str, data: dict, method: str = "POST"):
    pairs = [(k, v) for k, values in data.items() for v in (values if isinstance(values, list) else [values])]
    body = "&".join(f"{k}={_encode(v)}" for k, v in pairs)
    if method == "GET":
        return client.get(f"{path}?{body}")
    return client.post(path, body, content_type="application/x-www-form-urlencoded")


def _refuses(kind: str, label: str, refuse: bool) -> bool:
    return label in TEXT_REFUSES if kind.endswith("text") else refuse


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.path)
def test_hostile_values_re_show_the_form_and_write_nothing(client, member, form):
    web = member["client"] if form.login else client
    path = fill(form.path, member["dossier"])
    problems = []
    for name, kind, label, value, refuse in cases(form.fields):
        before = row_counts()
        value = value if isinstance(value, list) else as_text(value)
        answer = _post(web, path, {**fill(form.base, member["dossier"]), name: value}, form.method)
        where = f"{name}={label} ({kind}) -> {answer.status_code}"
        if answer.status_code >= 500:
            problems.append(f"{where}: a server error")
        elif form.method == "GET":
            if row_counts() != before:
                problems.append(f"{where}: a GET form wrote rows")
        elif _refuses(kind, label, refuse):
            if answer.status_code in form.saves:
                problems.append(f"{where}: saved")
            elif row_counts() != before:
                problems.append(f"{where}: refused, but rows were written")
            elif answer.status_code not in (400, 404, 409, 422, 429):
                problems.append(f"{where}: not a 4xx")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("form", [f for f in FORMS if f.method == "POST"], ids=lambda f: f.path)
def test_a_5_mb_form_is_refused_without_a_500(client, member, form):
    web = member["client"] if form.login else client
    before = row_counts()
    field = next(n for n, k in form.fields.items() if k.endswith("text"))
    answer = _post(web, fill(form.path, member["dossier"]), {**fill(form.base, member["dossier"]), field: HUGE})
    assert 400 <= answer.status_code < 500
    assert row_counts() == before


def test_every_value_of_the_corpus_reaches_the_forms():
    assert all(as_text(v) for v in VALUES.values())
