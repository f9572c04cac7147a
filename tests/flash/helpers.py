"""Small helpers shared by the Subsidieflash tests."""
import re

import yaml
from django.utils import timezone

from randwijzer.flash.models import Subscriber

LINK = re.compile(r"http://testserver(/flash/[^\s\"<>]+)")


def links(text: str) -> list[str]:
    """Site paths of the links in a mail's text, in order."""
    return LINK.findall(text)


def link_to(text: str, kind: str) -> str:
    return next(path for path in links(text) if path.startswith(f"/flash/{kind}/"))


def reader(email: str, **fields) -> Subscriber:
    return Subscriber.objects.create(email=email, confirmed_at=timezone.now(), **fields)


def edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def this_month() -> str:
    return timezone.localdate().strftime("%Y-%m")


def next_month() -> str:
    today = timezone.localdate()
    return f"{today.year + today.month // 12}-{today.month % 12 + 1:02d}"
