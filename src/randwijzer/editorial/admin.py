"""The editors' admin: the catalogue's entries (catalogue_admin) and a start page that links to the
editors' staff pages (staleness)."""
from django.contrib import admin

from . import catalogue_admin  # noqa: F401 (registers the catalogue's models)

admin.site.index_template = "editorial/admin_index.html"
