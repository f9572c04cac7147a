from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "randwijzer.figures"
    verbose_name = "Cijfers, inspiratie en financieringsplan"
