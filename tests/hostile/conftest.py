"""Fixtures of the hostile tests: a member of Wemmel with a dossier and an API key (from the dossier tests)."""
from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from randwijzer.dossiers.models import Dossier, DossierEvent
from randwijzer.suggestions.models import Suggestion
from tests.dossiers.conftest import bearer, client_for, new_dossier, people  # noqa: F401  (people is a fixture)

# The main tables whose row counts must not move when input is refused.
TABLES = [Dossier, DossierEvent, Suggestion, User]


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in TABLES}


@pytest.fixture
def member(people):  # noqa: F811
    """bob of Wemmel, a dossier of his, his API key header and a logged-in client."""
    dossier = new_dossier(people["bob"], people["wemmel"])
    return {"dossier": dossier, "headers": bearer(people["bob"]), "client": client_for(people["bob"])}


def fill(template, dossier: Dossier):
    """Put the member's dossier id and version where a table says {dossier} / {version}."""
    if isinstance(template, str):
        return template.replace("{dossier}", str(dossier.pk))
    return {k: (Dossier.objects.get(pk=dossier.pk).version if v == "{version}" else v) for k, v in template.items()}
