"""Password rules in Dutch. Django 5.2 changed the minimum-length message and its Dutch translation lags
behind, so that one message would reach users in English: this validator says it in Dutch."""
from django.contrib.auth.password_validation import MinimumLengthValidator


class DutchMinimumLengthValidator(MinimumLengthValidator):
    def get_error_message(self):
        return f"Dit wachtwoord is te kort: gebruik minstens {self.min_length} tekens."

    def get_help_text(self):
        return f"Uw wachtwoord moet minstens {self.min_length} tekens bevatten."
