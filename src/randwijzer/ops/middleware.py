"""Request ids: taken from a trusted proxy's X-Request-ID (when well-formed) or made here, put on
every log record of the request, answered in the X-Request-ID header, and one access-log line."""
import logging
import re
import time
import uuid

from .logs import request_id_var

log = logging.getLogger("randwijzer.request")
VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            log.info("%s %s %s", request.method, request.path, response.status_code, extra={
                "method": request.method, "path": request.path, "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "remote_addr": request.META.get("REMOTE_ADDR", ""),
            })
            return response
        finally:
            request_id_var.reset(token)
