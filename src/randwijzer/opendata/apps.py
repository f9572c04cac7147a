from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "randwijzer.opendata"
    verbose_name = "Open data"
