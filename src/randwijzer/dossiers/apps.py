from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "randwijzer.dossiers"
    label = "dossiers"
    verbose_name = "Dossiers van organisaties"
    default_auto_field = "django.db.models.BigAutoField"
