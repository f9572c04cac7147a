"""Authentication for API routes with a personal API token: `Authorization: Bearer <sleutel>`.

Use `auth=TokenAuth()` on a django-ninja router or route; the route then sees the token's user as
request.auth (and request.user), with exactly that user's memberships.
"""
from ninja.security import HttpBearer

from .services import user_for_api_token


class TokenAuth(HttpBearer):
    openapi_description = "Een persoonlijke API-sleutel, aan te maken op /account/sleutels/."

    def authenticate(self, request, token):
        user = user_for_api_token(token)
        if user is None:
            return None  # django-ninja answers 401
        request.user = user
        return user
