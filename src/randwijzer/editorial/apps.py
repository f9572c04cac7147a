from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "randwijzer.editorial"
    verbose_name = "Redactie"
    default_auto_field = "django.db.models.BigAutoField"
