"""'Hoe aanvragen?' of a funding line and the contact details of a partner, as the sources give them.

Plain values over the models, shared by the pages, /deel-iv/ and the API. Nothing is filled in
that the catalogue does not store: an unknown channel stays unknown and the reader is sent to
the administrator, with the contact details the sources give.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .models import FundingLine, Partner, Source

CHANNELS = {
    "e-loket": "via het e-loket",
    "form": "met een aanvraagformulier",
    "email": "per e-mail",
    "other": "op een andere manier",
    "unknown": "",
}


@dataclass(frozen=True)
class ContactDetails:
    """Whom to call or write: only the fields a source states are filled in."""

    name: str
    partner_id: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    website: str = ""

    @property
    def missing(self) -> list[str]:
        """What the sources do not give, in Dutch ('telefoonnummer', 'adres')."""
        return [label for label, value in (("telefoonnummer", self.phone), ("adres", self.address)) if not value]


@dataclass(frozen=True)
class HowToApply:
    channel: str
    channel_text: str
    url: str
    email: str
    prepare: list[str]
    decides: str
    decision_timing: str
    contact: ContactDetails
    source: Source | None
    more_info_url: str = ""
    unknown: list[str] = field(default_factory=list)

    @property
    def unknown_sentence(self) -> str:
        """'De bron zegt niet hoe u aanvraagt; vraag het na bij …' when the channel is unknown."""
        if self.channel != "unknown":
            return ""
        return f"De bron zegt niet hoe u aanvraagt; vraag het na bij {self.contact.name}."


def partner_contact(partner: Partner) -> ContactDetails:
    page = "" if partner.is_placeholder else partner.pk  # a stand-in has no partner page to link to
    return ContactDetails(partner.name, page, partner.email, partner.phone, partner.address, partner.website)


def _contact_partner(line: FundingLine) -> Partner:
    pk = line.how_to_apply.get("contact_partner")
    if pk and pk != line.administrator_id:
        return Partner.objects.filter(pk=pk).first() or line.administrator
    return line.administrator


def line_contact(line: FundingLine) -> ContactDetails:
    """The line's own contact (its e-mail, phone, address) before the partner's."""
    partner = _contact_partner(line)
    base = partner_contact(partner)
    return ContactDetails(
        line.contact_name or base.name, base.partner_id,
        line.contact_email or base.email, line.contact_phone or base.phone,
        line.contact_address or base.address, base.website,
    )


def _source(line: FundingLine, key: str | None) -> Source | None:
    for source in line.sources.all():
        if source.key == key:
            return source
    return None


def how_to_apply(line: FundingLine) -> HowToApply:
    data = line.how_to_apply or {}
    channel = data.get("channel", "unknown")
    unknown = [label for label, key in (("wat u moet voorbereiden", "prepare"), ("wie beslist", "decides"),
                                         ("wanneer er beslist wordt", "decision_timing")) if not data.get(key)]
    return HowToApply(
        channel=channel, channel_text=CHANNELS.get(channel, ""), url=data.get("url", ""), email=data.get("email", ""),
        prepare=list(data.get("prepare", [])), decides=data.get("decides", ""),
        decision_timing=data.get("decision_timing", ""), contact=line_contact(line),
        source=_source(line, data.get("source")), more_info_url=line.contact_url, unknown=unknown,
    )
