from django.apps import AppConfig


class SuggestionsConfig(AppConfig):
    name = "randwijzer.suggestions"
    verbose_name = "Voorstellen van lezers"
    default_auto_field = "django.db.models.BigAutoField"
