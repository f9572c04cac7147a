from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "randwijzer.ops"
    label = "ops"
    verbose_name = "Beheer"
