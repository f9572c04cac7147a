from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "randwijzer.feeds"
    verbose_name = "Open-datafeeds"
    default_auto_field = "django.db.models.BigAutoField"
