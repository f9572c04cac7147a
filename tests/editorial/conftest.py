"""Editors in the admin: a real user in the group "Redactie", logged in with the e-mail address."""
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, Permission, User

IMPULS = "impulssubsidie-vlaamse-rand"  # yearly deadlines 1 February, 1 May, 1 October
PASSWORD = "een-lang-wachtwoord-voor-tests"


def editors_group() -> Group:
    try:
        from randwijzer.accounts.services import ensure_editors_group
    except ImportError:  # the colleague's helper is not there yet: the catalogue permissions by hand
        group, _ = Group.objects.get_or_create(name="Redactie")
        group.permissions.add(*Permission.objects.filter(content_type__app_label="catalogue"))
        return group
    return ensure_editors_group()


def make_editor(email: str) -> User:
    user = User.objects.create_user(email.lower(), email, PASSWORD, is_staff=True)
    user.groups.add(editors_group())
    return user


@pytest.fixture
def editor(db):
    return make_editor("an.peeters@gemeente.be")


def admin_login(client, email: str) -> None:
    """Through the admin's own login form, with the e-mail address as user name."""
    response = client.post("/admin/login/?next=/admin/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def editor_client(client, editor):
    admin_login(client, "An.Peeters@gemeente.be")
    return client


class _FormFields(HTMLParser):
    """The values a browser would submit for the form with id `form_id` (unchanged)."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file") or kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.data.append((self._select, a.get("value", "")))
        elif tag == "textarea":
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.data.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def form_data(html: str, form_id: str) -> dict:
    """{name: value or [values]} as submitted by the browser."""
    parser = _FormFields(form_id)
    parser.feed(html)
    data: dict = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    return {k: v if len(v) > 1 else v[0] for k, v in data.items()}


def deadline_field(data: dict, month: int, day: int) -> str:
    """The inline prefix ('yearlydeadlines-1') of the deadline on `day` `month`."""
    for name, value in data.items():
        if name.startswith("yearlydeadlines-") and name.endswith("-month") and value == str(month):
            prefix = name.rsplit("-", 1)[0]
            if data.get(f"{prefix}-day") == str(day):
                return prefix
    raise AssertionError(f"geen indiendatum {day}/{month} in het formulier")
