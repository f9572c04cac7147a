"""Signals of the catalogue. `catalogue_changed` is sent once per committed catalogue edit."""
from django.dispatch import Signal

catalogue_changed = Signal()
