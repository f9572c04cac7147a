"""Editors handle the queue: who may, accept and decline with their mails, never twice, text escaped."""
from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from randwijzer.suggestions import services
from randwijzer.suggestions.mails import SUBJECTS
from randwijzer.suggestions.models import Kind, Status, Suggestion

from .conftest import form_data, make_user

pytestmark = pytest.mark.django_db


def outcome_mails(smtp, address: str) -> list:
    """The mails after the confirmation of receipt (the `waiting` fixture's submission sends one)."""
    return [m for m in smtp.to(address) if m["Subject"] != SUBJECTS["received"]]


def text(mail) -> str:
    return mail.get_content().replace("\r\n", "\n")


def review_url(suggestion) -> str:
    return reverse("suggestions:review", args=[suggestion.pk])


def test_anonymous_visitors_are_sent_to_the_login_and_change_nothing(client, waiting):
    for answer in (client.get(review_url(waiting)),
                   client.post(review_url(waiting), {"action": "decline", "decline-reason": "Nee"})):
        assert answer.status_code == 302
        assert answer["Location"].startswith(reverse("admin:login"))
    assert Suggestion.objects.get().status == Status.NEW
    assert client.get(reverse("admin:suggestions_suggestion_changelist")).status_code == 302


@pytest.mark.parametrize("who", ["reader", "staff_not_editor", "editor_not_staff"])
def test_users_who_are_not_editors_get_a_dutch_403(client, waiting, who):
    user = {"reader": lambda: make_user("lezer@wemmel.be"),
            "staff_not_editor": lambda: make_user("staf@randwijzer.be", staff=True),
            "editor_not_staff": lambda: make_user("oud@randwijzer.be", editor=True)}[who]()
    client.force_login(user)
    page = client.get(review_url(waiting))
    assert page.status_code == 403
    assert "Geen toegang" in page.content.decode()
    assert waiting.text not in page.content.decode()
    refused = client.post(review_url(waiting), {"action": "accept", "accept-note": ""})
    assert refused.status_code == 403
    assert Suggestion.objects.get().status == Status.NEW
    if user.is_staff:
        assert client.get(reverse("admin:suggestions_suggestion_changelist")).status_code == 403


def test_editor_declines_with_a_reason_and_the_proposer_reads_it(client, smtp, editor, waiting):
    client.force_login(editor)
    page = client.get(review_url(waiting)).content.decode()
    assert "Het maximumbedrag is veranderd." in page and "lezer@gemeente.be" in page
    answer = client.post(review_url(waiting), {"action": "decline",
                                               "decline-reason": "Het bedrag staat zo in het besluit van 2025."})
    assert answer.status_code == 302
    suggestion = Suggestion.objects.get()
    assert (suggestion.status, suggestion.handled_by) == (Status.DECLINED, editor)
    assert suggestion.handled_at is not None

    [mail] = outcome_mails(smtp, "lezer@gemeente.be")
    assert mail["Subject"] == "Uw voorstel aan Randwijzer: niet overgenomen"
    body = text(mail)
    assert "Reden:\nHet bedrag staat zo in het besluit van 2025." in body
    assert "Het maximumbedrag is veranderd." in body

    after = client.get(answer["Location"]).content.decode()
    assert "Het voorstel is afgewezen. De indiener kreeg een mail met de reden." in after
    assert "Afgewezen" in after and "an.redactie@randwijzer.be" in after
    assert 'name="action"' not in after  # no buttons for a handled suggestion


def test_declining_without_a_reason_is_refused_in_dutch(client, smtp, editor, waiting):
    client.force_login(editor)
    answer = client.post(review_url(waiting), {"action": "decline", "decline-reason": "  "})
    assert answer.status_code == 400
    assert "Geef een reden: de indiener krijgt ze te lezen." in answer.content.decode()
    assert Suggestion.objects.get().status == Status.NEW
    assert outcome_mails(smtp, "lezer@gemeente.be") == []


def test_editor_accepts_with_a_note_gets_the_admin_form_and_the_proposer_a_mail(client, smtp, editor, waiting, line):
    client.force_login(editor)
    page = client.get(review_url(waiting)).content.decode()
    change_form = reverse("admin:catalogue_fundingline_change", args=[line.pk])
    assert f'href="{change_form}"' in page
    answer = client.post(review_url(waiting), {"action": "accept", "accept-note": "Aangepast naar 25.000 euro."})
    assert answer.status_code == 302
    assert Suggestion.objects.get().status == Status.ACCEPTED
    [mail] = outcome_mails(smtp, "lezer@gemeente.be")
    assert mail["Subject"] == "Uw voorstel aan Randwijzer is verwerkt"
    body = text(mail)
    assert "Aangepast naar 25.000 euro." in body
    assert f"http://testserver/steun/{line.pk}/" in body
    assert client.get(change_form).status_code == 200  # the link leads an editor straight to the form


def test_accepting_a_new_partner_links_to_the_admin_add_form(client, smtp, editor):
    suggestion = services.submit(kind=Kind.NEW_PARTNER, text="Vergeet het Huis van het Nederlands niet.",
                                 email="lezer@gemeente.be", client_ip="192.0.2.1")
    client.force_login(editor)
    assert f'href="{reverse("admin:catalogue_partner_add")}"' in client.get(review_url(suggestion)).content.decode()


def test_a_suggestion_cannot_be_handled_twice(client, smtp, editor, other_editor, waiting):
    client.force_login(editor)
    assert client.post(review_url(waiting), {"action": "accept", "accept-note": ""}).status_code == 302
    # The second editor had the page open and now declines.
    client.force_login(other_editor)
    answer = client.post(review_url(waiting), {"action": "decline", "decline-reason": "Klopt niet."})
    assert answer.status_code == 409
    html = answer.content.decode()
    assert "Dit voorstel is al behandeld" in html and "an.redactie@randwijzer.be" in html
    suggestion = Suggestion.objects.get()
    assert (suggestion.status, suggestion.handled_by, suggestion.outcome_note) == (Status.ACCEPTED, editor, "")
    assert len(outcome_mails(smtp, "lezer@gemeente.be")) == 1
    with pytest.raises(services.AlreadyHandled):
        services.accept(waiting.pk, other_editor, "nog eens")


def test_script_in_a_suggestion_is_shown_escaped_to_editors(client, smtp, editor, line):
    client.post(f"/voorstellen/nieuw/?steun={line.pk}",
                form_data(text='<script>alert("x")</script>', name="<img src=x onerror=alert(1)>"))
    suggestion = Suggestion.objects.get()
    client.force_login(editor)
    for url in (review_url(suggestion), reverse("admin:suggestions_suggestion_changelist"),
                reverse("admin:suggestions_suggestion_change", args=[suggestion.pk])):
        html = client.get(url).content.decode()
        assert "&lt;script&gt;alert(" in html, url
        assert '<script>alert("x")' not in html and "<img src=x" not in html, url


def test_admin_queue_filters_by_status_and_kind_and_links_the_entry(client, smtp, editor, waiting, line, partner):
    services.submit(kind=Kind.NEW_PARTNER, text="Een nieuwe partner.", email="b@gemeente.be",
                    partner=partner, client_ip="192.0.2.2")
    services.decline(waiting.pk, editor, "Klopt al.")
    client.force_login(editor)
    queue = reverse("admin:suggestions_suggestion_changelist")
    new_only = client.get(queue, {"status__exact": Status.NEW}).content.decode()
    assert "Een nieuwe partner." in new_only and "Het maximumbedrag is veranderd." not in new_only
    assert f'href="{reverse("admin:catalogue_partner_change", args=[partner.pk])}"' in new_only
    declined = client.get(queue, {"status__exact": Status.DECLINED, "kind__exact": Kind.CORRECTION}).content.decode()
    assert "Het maximumbedrag is veranderd." in declined and "Een nieuwe partner." not in declined
    assert f'href="{reverse("admin:catalogue_fundingline_change", args=[line.pk])}"' in declined
    assert f'href="{review_url(waiting)}"' in declined


def test_superuser_may_review_too(client, waiting):
    admin = User.objects.create_superuser("baas@randwijzer.be", "baas@randwijzer.be", "een-lang-wachtwoord")
    client.force_login(admin)
    assert client.get(review_url(waiting)).status_code == 200
