"""django-axes counts failures per e-mail address: the same address typed in other capitals is one account."""
from .services import normalize_email


def login_email(request, credentials=None) -> str:
    """AXES_USERNAME_CALLABLE: the login field ("username", holding the e-mail), lower-cased."""
    raw = (credentials or {}).get("username")
    if raw is None and request is not None:
        raw = request.POST.get("username", "")
    return normalize_email(raw)
