from django.apps import AppConfig


class FlashConfig(AppConfig):
    name = "randwijzer.flash"
    verbose_name = "Subsidieflash"
    default_auto_field = "django.db.models.BigAutoField"
