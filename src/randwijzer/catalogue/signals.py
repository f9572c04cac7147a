"""Signals of the catalogue."""
import django.dispatch

# Sent once per committed catalogue edit (catalogue.editing.catalogue_edit), after the commit,
# with `edit` (a CatalogueEdit: who, why, source, changed) and `replaced_with_the_data` (its transaction
# replaced the catalogue version already). A rolled-back edit sends nothing.
catalogue_changed = django.dispatch.Signal()
