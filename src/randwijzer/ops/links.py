"""Absolute links for e-mails and feeds: a mail has no request to take the site's address from."""
from django.conf import settings


def absolute_url(path: str = "") -> str:
    """RANDWIJZER_SITE_URL followed by a site path ("/steun/…/"); just the site's address without one."""
    return (settings.RANDWIJZER_SITE_URL or "").rstrip("/") + path
