from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "randwijzer.changes"
    verbose_name = "Wijzigingen"
    default_auto_field = "django.db.models.BigAutoField"
