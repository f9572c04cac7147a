"""gunicorn settings for `make serve-prod` (gunicorn -c python:randwijzer.ops.gunicorn_conf), from the environment:
HOST (127.0.0.1), PORT (8000), WORKERS (3), TIMEOUT (30 s), FORWARDED_ALLOW_IPS (127.0.0.1: the reverse proxy)."""
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS", "3"))
timeout = int(os.environ.get("TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = None  # the app logs one JSON line per request, with its request id (randwijzer.ops.middleware)
wsgi_app = "randwijzer.wsgi:application"
# gunicorn's own messages (start, workers, timeouts) as JSON lines too.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "randwijzer.ops.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "root": {"level": "INFO", "handlers": ["console"]},
    "loggers": {"gunicorn.error": {"level": "INFO", "handlers": ["console"], "propagate": False}},
}
