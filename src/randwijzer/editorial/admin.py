"""The admin's start page links to the editors' staff pages (staleness)."""
from django.contrib import admin

admin.site.index_template = "editorial/admin_index.html"
