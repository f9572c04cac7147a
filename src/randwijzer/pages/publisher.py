"""Who publishes this Randwijzer: set at deployment (RANDWIJZER_PUBLISHER_NAME, RANDWIJZER_CONTACT_EMAIL).
The code does not know the publisher, so without those settings the pages say so instead of inventing one."""
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Publisher:
    name: str
    email: str

    @property
    def known(self) -> bool:
        return bool(self.name)


def publisher() -> Publisher:
    return Publisher(name=settings.RANDWIJZER_PUBLISHER_NAME.strip(), email=settings.RANDWIJZER_CONTACT_EMAIL.strip())
