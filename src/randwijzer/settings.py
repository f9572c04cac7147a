"""Django settings, read from the environment so one build serves every deployment."""
import os
from pathlib import Path

import dj_database_url

# The repository root: the catalogue YAML and the default data directory live there.
PROJECT_DIR = Path(os.environ.get("RANDWIJZER_HOME", Path(__file__).resolve().parents[2]))
DATA_DIR = Path(os.environ.get("RANDWIJZER_DATA_DIR", PROJECT_DIR / "var"))
CATALOGUE_DIR = Path(os.environ.get("RANDWIJZER_CATALOGUE", PROJECT_DIR / "data" / "catalogue"))
# The open-data feeds (randwijzer.feeds, docs/feeds.md): bundled snapshots, production URLs, IPDC's key.
FEEDS_DIR = Path(os.environ.get("RANDWIJZER_FEEDS", PROJECT_DIR / "data" / "feeds"))
FEED_URLS = {"subsidiepunt": os.environ.get("SUBSIDIEPUNT_FEED_URL", ""), "ipdc": os.environ.get("IPDC_FEED_URL", "")}
IPDC_API_KEY = os.environ.get("IPDC_API_KEY", "")


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _flag("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY") or "randwijzer-local-only-not-secret"
if _flag("HTTPS") and not os.environ.get("SECRET_KEY"):
    # A public deployment (HTTPS=1) with the key everyone can read in this file could have its
    # sessions and password-reset links forged: refuse to start rather than run like that.
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("HTTPS=1 maar SECRET_KEY is niet gezet: geef een geheime sleutel van minstens "
                               "50 willekeurige tekens mee in de omgeving (zie docs/deployment.md).")
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
    "axes",  # login throttling (randwijzer.accounts)
    "randwijzer.suggestions",
    "randwijzer.dossiers",
    "randwijzer.opendata",  # open data out (docs/open-data.md)
    "randwijzer.feeds",  # importers for the open-data feeds (Subsidiepunt, IPDC)
    "randwijzer.pages",  # /over/, /privacy/, /contact/, /toegankelijkheid/
    "randwijzer.editorial",  # before simple_history: its Dutch wording of the history pages wins
    "simple_history",  # who changed which catalogue fact when (randwijzer.editorial)
]

MIDDLEWARE = [
    "randwijzer.ops.middleware.RequestIdMiddleware",  # first: every later log line carries the id
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy (CONTENT_SECURITY_POLICY below)
    "randwijzer.ops.security.SecurityHeadersMiddleware",  # Permissions-Policy
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # the catalogue's history knows who edited
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "randwijzer.accounts.throttling.AddressLimitMiddleware",  # password spraying: the Dutch 429 page
    "axes.middleware.AxesMiddleware",  # keep last (django-axes docs): turns a lockout into the 429 page
    "randwijzer.ops.security.DatabaseUnavailableMiddleware",  # database gone or full: a Dutch 503
]

# The per-address limit, then axes: they refuse a spraying address or a locked-out e-mail+IP before any
# password is checked (randwijzer.accounts.throttling, docs/security.md).
AUTHENTICATION_BACKENDS = ["randwijzer.accounts.throttling.AddressLimitBackend", "axes.backends.AxesStandaloneBackend",
                           "randwijzer.accounts.backends.EmailBackend"]
LOGIN_URL = "/account/aanmelden/"
LOGIN_REDIRECT_URL = "/account/"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "randwijzer.accounts.passwords.DutchMinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): 5 failures for one e-mail from one address lock that pair for 15 minutes,
# on /account/aanmelden/ and the admin login alike; the lockout page is Dutch, status 429.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "randwijzer.accounts.throttling.login_email"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Quiet on start-up: its "AXES: BEGIN version …" lines would preface every CLI command's output.
AXES_VERBOSE = False
# Behind the reverse proxy every visitor would share the proxy's address (and one lock per e-mail):
# take the client from X-Forwarded-For when the request comes from a trusted proxy (TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "randwijzer.ops.clients.client_ip"
# Password spraying (many accounts from one address) is counted apart: 20 failed logins from one client
# address in a clock hour, over all accounts, refuse every login from it until the hour ends
# (randwijzer.accounts.throttling.LOGIN_FAILURES_PER_ADDRESS).

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
        # With persistent connections (DB_CONN_MAX_AGE > 0): test a kept connection before a
        # request uses it, so a restarted PostgreSQL costs no failed requests afterwards.
        conn_health_checks=True,
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

# E-mail (Subsidieflash, accounts, suggestions). SMTP when EMAIL_HOST is set or the site runs behind
# HTTPS (production); otherwise, on a developer's machine, every mail is written as a file in
# EMAIL_FILE_PATH (var/mail/), so the confirmation links work without a mail server. `randwijzer serve`
# prints that folder. EMAIL_BACKEND overrides both.
_SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
_LOCAL_MAIL = not (os.environ.get("EMAIL_HOST") or _flag("HTTPS"))
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.filebased.EmailBackend" if _LOCAL_MAIL else _SMTP_BACKEND)
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", DATA_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _flag("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Randwijzer <flash@randwijzer.local>")
# The site's public address, for the links in e-mails (a mail has no request to take it from).
RANDWIJZER_SITE_URL = os.environ.get("RANDWIJZER_SITE_URL", "http://127.0.0.1:8000")
# Who publishes this site, shown on /over/, /privacy/, /contact/ (randwijzer.pages). The code cannot know:
# empty means the pages say it is not filled in yet.
RANDWIJZER_PUBLISHER_NAME = os.environ.get("RANDWIJZER_PUBLISHER_NAME", "")
RANDWIJZER_CONTACT_EMAIL = os.environ.get("RANDWIJZER_CONTACT_EMAIL", "")

# Production behind a TLS-terminating reverse proxy (docs/deployment.md): HTTPS=1 turns on the
# redirect to https, secure cookies and HSTS, and trusts the proxy's X-Forwarded-Proto.
if _flag("HTTPS"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the proxy's health probe may come over plain http
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    # On by default: the header only covers subdomains of the host that sends it (e.g.
    # *.randwijzer.example.be), never its siblings. SECURE_HSTS_INCLUDE_SUBDOMAINS=0 turns it off
    # (and `check --deploy` then warns, as it should).
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1")
    SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD")
    if not SECURE_HSTS_PRELOAD:
        # Silenced on purpose: preloading is a hard-to-undo commitment of the registrable domain
        # (only apex domains are accepted on the browsers' list), a choice for the domain's owner;
        # without it HSTS still protects every visit after the first.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]
# Proxies whose X-Forwarded-For is believed (the same list gunicorn uses), e.g. for the per-client
# rate limits (randwijzer.ops.ratelimit) and the login throttling.
TRUSTED_PROXIES = [a.strip() for a in os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1").split(",") if a.strip()]

# Security headers (randwijzer.ops.security, docs/deployment.md). Pages load scripts and styles
# only from our own static files: no inline <script>, no style="", no <style> in any page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script of ours reads it: forms carry the token in a hidden field
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# A working day: an editor or organisation member logs in again the next morning.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(10 * 60 * 60)))
CSRF_FAILURE_VIEW = "randwijzer.ops.errors.csrf_failure"

# The cache of rendered catalogue pages and Projectwijzer answers (randwijzer.catalogue.page_cache):
# each process's own memory by default, at most CACHE_MAX_ENTRIES entries. With several workers or
# hosts, CACHE_URL (redis://host:6379/0 or memcached://host:11211) shares one cache between them
# (docs/deployment.md). Correctness never depends on it: keys carry the catalogue version.
CACHE_URL = os.environ.get("CACHE_URL", "").strip()
CACHE_MAX_ENTRIES = int(os.environ.get("CACHE_MAX_ENTRIES", "2000"))


def _cache(url: str) -> dict:
    scheme = url.split("://", 1)[0].lower()
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": CACHE_MAX_ENTRIES}}
    if scheme in {"redis", "rediss", "unix"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": "randwijzer"}
    if scheme == "memcached":
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": url.split("://", 1)[1],
                "KEY_PREFIX": "randwijzer"}
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"CACHE_URL {url!r} wordt niet herkend: gebruik redis://host:poort/0 of memcached://host:poort "
                               "(of laat CACHE_URL leeg voor het geheugen van elk proces).")


CACHES = {"default": _cache(CACHE_URL)}
