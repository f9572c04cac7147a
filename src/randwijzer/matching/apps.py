from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "randwijzer.matching"
    verbose_name = "Projectmatcher"
