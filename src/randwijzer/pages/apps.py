from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "randwijzer.pages"
    label = "pages"
    verbose_name = "Over Randwijzer"
