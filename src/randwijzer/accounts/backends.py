"""Log in with an e-mail address: users are found by e-mail, case-insensitively."""
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .services import user_for_email


class EmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, email=None, **kwargs):
        login = (email or username or "").strip()
        if not login or password is None:
            return None
        user = user_for_email(login)
        if user is None:
            get_user_model()().set_password(password)  # same work as a real check: timing tells nothing
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
