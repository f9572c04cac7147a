from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "randwijzer.accounts"
    label = "accounts"
    verbose_name = "Accounts en organisaties"
