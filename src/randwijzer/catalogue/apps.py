from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "randwijzer.catalogue"
    verbose_name = "Catalogus"
