from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "randwijzer.deadlines"
    verbose_name = "Indiendata"
