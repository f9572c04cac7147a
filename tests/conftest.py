"""Tests run against the real catalogue: it is loaded once into the test database."""
import pytest
from django.conf import settings
from django.core.cache import cache

from randwijzer.catalogue.yaml.loader import load_catalogue
from tests.smtp import smtp  # noqa: F401  (a real SMTP server on localhost for every app)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_catalogue(settings.CATALOGUE_DIR)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test rolls the database back, catalogue version included: no test sees another's cached pages."""
    cache.clear()
    yield
    cache.clear()
