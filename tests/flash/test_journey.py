"""The whole journey with a real SMTP server: subscribe in the browser, confirm from the mail,
receive an edition that describes a changed deadline field by field, unsubscribe with one click."""
import pytest

from randwijzer.catalogue.yaml.loader import load_catalogue
from randwijzer.flash import editions, outbox
from randwijzer.flash.models import Message, Subscriber

from .conftest import part
from .helpers import edit, link_to, next_month, reader, this_month

pytestmark = pytest.mark.django_db

IMPULS = "impulssubsidie-vlaamse-rand"


def test_subscribe_confirm_receive_a_changed_deadline_and_unsubscribe(client, smtp, catalogue):
    page = client.post("/flash/", {"email": "An.Peeters@Voorbeeld.be", "municipality": "Wemmel",
                                   "applicant_type": "vzw"}, follow=True)
    assert "Kijk in uw mailbox" in page.content.decode()

    [mail] = smtp.messages
    assert mail["To"] == "An.Peeters@voorbeeld.be"
    assert mail["Subject"] == "Bevestig uw inschrijving op de Subsidieflash"
    assert "Randwijzer <flash@randwijzer.local>" == mail["From"]
    confirm = link_to(part(mail, "plain"), "bevestigen")
    assert confirm in part(mail, "html")
    assert "Uw inschrijving is bevestigd" in client.get(confirm).content.decode()
    assert Subscriber.objects.get().active

    # The first edition: everything loaded so far is news.
    editions.build(this_month())
    outbox.send_due()
    assert len(smtp.messages) == 2

    # An editor moves the impulssubsidie's deadline of 1 May to 15 May and lowers nothing else.
    edit(catalogue / "funding" / f"{IMPULS}.yaml",
         lambda d: d["timing"].update(yearly_deadlines=["02-01", "05-15", "10-01"]))
    load_catalogue(catalogue)

    report = editions.build(next_month())
    assert report.queued == 1
    outbox.send_due()
    mail = smtp.messages[-1]
    text, html = part(mail, "plain"), part(mail, "html")
    assert mail["Subject"].startswith("Subsidieflash ")
    assert "Impulssubsidie Vlaamse Rand" in text
    assert "De uiterste indiendatum wijzigde van 1 mei naar 15 mei" in text
    assert "De uiterste indiendatum wijzigde van 1 mei naar 15 mei" in html
    assert "in Wemmel als vzw" in text
    # Only the line that changed: the other lines were news in the first edition.
    assert "Nieuw: " not in text
    assert "TER INSPIRATIE" in text

    unsubscribe = link_to(text, "uitschrijven")
    assert mail["List-Unsubscribe"].strip() == f"<http://testserver{unsubscribe}>"
    assert "U bent uitgeschreven" in client.get(unsubscribe).content.decode()
    # Twice is fine, and one-click POST from a mail client too.
    assert client.get(unsubscribe).status_code == 200
    assert client.post(unsubscribe).status_code == 200
    assert not Subscriber.objects.get().active

    # The preferences link in the mail opens the reader's page without a login.
    page = client.get(link_to(text, "voorkeuren"))
    assert page.status_code == 200 and "An.Peeters@voorbeeld.be" in page.content.decode()


def test_a_reader_for_whom_nothing_is_new_gets_no_mail_and_the_archive_says_so(client, smtp, catalogue):

    reader("eerste@voorbeeld.be")
    editions.build(this_month())
    outbox.send_due()
    smtp.messages.clear()

    # Nothing changed since; a reader in a municipality outside every line's territory sees no dates either.
    reader("elders@voorbeeld.be", municipality_id="21004")  # Brussel
    report = editions.build(next_month())
    # "eerste" still gets the dates of the coming 60 days, if there are any; "elders" gets nothing.
    assert report.readers == 2 and report.nothing_new >= 1
    assert not Message.objects.filter(subscriber__email="elders@voorbeeld.be").exists()
    archive = client.get(f"/flash/archief/{next_month()}/").content.decode()
    assert "was er niets nieuw" in archive



def test_a_reverification_alone_is_not_news(smtp, catalogue):
    """After the yearly review every line is "nagekeken": the change log says so, the flash does not."""
    reader("lezer@voorbeeld.be")
    editions.build(this_month())
    outbox.send_due()
    smtp.messages.clear()

    edit(catalogue / "funding" / f"{IMPULS}.yaml", lambda d: d.update(verified_on="2026-12-01"))
    load_catalogue(catalogue)
    from randwijzer.changes.models import Change
    assert Change.objects.filter(funding_line_id=IMPULS, field="verified_on").exists()

    editions.build(next_month())
    outbox.send_due()
    assert all("Nagekeken" not in part(m, "plain") for m in smtp.messages)
