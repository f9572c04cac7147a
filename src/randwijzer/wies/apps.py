from django.apps import AppConfig


class WiesConfig(AppConfig):
    name = "randwijzer.wies"
    verbose_name = "Wonen in Eigen Streek"
