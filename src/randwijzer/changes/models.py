"""One row per changed fact of a funding line.

The line is referred to by id, not by a foreign key: the history of a line that left the
catalogue must survive it.
"""
from django.db import models


class Change(models.Model):
    funding_line_id = models.SlugField("steunmaatregel (id)", max_length=80, db_index=True)
    # The title at the time of the change, so the log still reads well after a rename or removal.
    funding_title = models.CharField("titel", max_length=200)
    changed_at = models.DateTimeField("tijdstip", db_index=True)
    field = models.CharField("veld", max_length=60)
    old_value = models.JSONField("oude waarde", null=True, blank=True)
    new_value = models.JSONField("nieuwe waarde", null=True, blank=True)
    description = models.TextField("omschrijving")
    # "catalogus" for a YAML load, "beheer: <user>" for an edit in the admin.
    origin = models.CharField("bron van de wijziging", max_length=120, blank=True)

    class Meta:
        ordering = ["-changed_at", "id"]
        verbose_name = "wijziging"
        verbose_name_plural = "wijzigingen"

    def __str__(self) -> str:
        return f"{self.funding_title}: {self.description}"
