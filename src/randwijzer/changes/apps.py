from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "randwijzer.changes"
    verbose_name = "Wijzigingen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every catalogue edit enters the change log (the catalogue does not import this app).
        from randwijzer.catalogue.editing import record_edits_with

        from .service import ChangeLogRecorder

        record_edits_with(ChangeLogRecorder)
