from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "randwijzer.catalogue"
    verbose_name = "Catalogus"

    def ready(self) -> None:
        # Every catalogue write replaces the catalogue version, which keys the cached pages.
        from . import version
        from .models import CatalogueVersion
        from .signals import catalogue_changed

        version.watch(*(model for model in self.get_models() if model is not CatalogueVersion))
        catalogue_changed.connect(version.bump, dispatch_uid="catalogue-version", weak=False)
