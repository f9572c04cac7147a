"""Django settings, read from the environment so one build serves every deployment."""
import os
from pathlib import Path

import dj_database_url

# The repository root: the catalogue YAML and the default data directory live there.
PROJECT_DIR = Path(os.environ.get("RANDWIJZER_HOME", Path(__file__).resolve().parents[2]))
DATA_DIR = Path(os.environ.get("RANDWIJZER_DATA_DIR", PROJECT_DIR / "var"))
CATALOGUE_DIR = Path(os.environ.get("RANDWIJZER_CATALOGUE", PROJECT_DIR / "data" / "catalogue"))


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _flag("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY") or "randwijzer-local-only-not-secret"
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # serves the API docs' Swagger files locally, so /api/v1/docs works offline
    "randwijzer.catalogue",
    "randwijzer.matching",
    "randwijzer.figures",
    "randwijzer.deadlines",
    "randwijzer.changes",
    "randwijzer.flash",
    "randwijzer.api",
    "randwijzer.wies",
    "randwijzer.ops",
    "randwijzer.accounts",
]

MIDDLEWARE = [
    "randwijzer.ops.middleware.RequestIdMiddleware",  # first: every later log line carries the id
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

AUTHENTICATION_BACKENDS = ["randwijzer.accounts.backends.EmailBackend"]
LOGIN_URL = "/account/aanmelden/"
LOGIN_REDIRECT_URL = "/account/"
LOGOUT_REDIRECT_URL = "/"

ROOT_URLCONF = "randwijzer.urls"
WSGI_APPLICATION = "randwijzer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'randwijzer.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction starts, so two writers (waitress threads,
    # a CLI run beside the server) wait in turn instead of failing on a lock upgrade.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# WhiteNoise looks at STATIC_ROOT on start-up; an absent folder only makes it warn.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Straight from the apps' static folders, unless collectstatic has run (STATIC_COLLECTED=1, as
# make serve-prod does): then the collected files, with their gzip copies, are served.
WHITENOISE_USE_FINDERS = not _flag("STATIC_COLLECTED")
# collectstatic also writes gzip copies, which WhiteNoise serves to clients that accept them.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# LOG_FORMAT=json (make serve-prod): one JSON object per line with the request id (randwijzer.ops).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "randwijzer.ops.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "randwijzer.ops.logs.JsonFormatter"},
                   "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                             "formatter": "json" if os.environ.get("LOG_FORMAT") == "json" else "text"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One access line per request; LOG_REQUESTS=0 silences them (e.g. under a proxy that logs them already).
    "loggers": {"randwijzer.request": {"level": "INFO" if os.environ.get("LOG_REQUESTS", "1") != "0" else "WARNING"}},
}

# E-mail (Subsidieflash): Django's SMTP backend, configured by the standard variables.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _flag("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Randwijzer <flash@randwijzer.local>")
# The site's public address, for the links in e-mails (a mail has no request to take it from).
RANDWIJZER_SITE_URL = os.environ.get("RANDWIJZER_SITE_URL", "http://127.0.0.1:8000")

# Production behind a TLS-terminating reverse proxy (docs/deployment.md): HTTPS=1 turns on the
# redirect to https, secure cookies and HSTS, and trusts the proxy's X-Forwarded-Proto.
if _flag("HTTPS"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the proxy's health probe may come over plain http
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    # Only when every subdomain is served over https too: a choice for the domain's owner.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS")
    SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD")
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]
