"""/healthz: is this worker alive and can it reach its database? For load balancers and monitors."""
import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger("randwijzer.health")


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        log.warning("health check: database unavailable: %s", exc.__class__.__name__)
        # A broken connection must not stay in this worker: the next request opens a new one.
        connection.close_if_unusable_or_obsolete()
        return JsonResponse({"status": "unavailable", "reason": "database unavailable", "database": connection.vendor},
                            status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})
