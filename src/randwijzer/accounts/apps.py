from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "randwijzer.accounts"
    label = "accounts"
    verbose_name = "Accounts en organisaties"

    def ready(self):
        from . import throttling  # noqa: F401  (connects the per-address failure count)
