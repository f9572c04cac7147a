"""Log in with an e-mail address: users are found by e-mail, case-insensitively."""
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, email=None, **kwargs):
        login = (email or username or "").strip()
        if not login or password is None:
            return None
        User = get_user_model()
        user = User.objects.filter(email__iexact=login).order_by("pk").first()
        if user is None:
            User().set_password(password)  # same work as a real check: timing tells nothing
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
