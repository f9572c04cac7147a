"""How long what we store stays valid or kept, read from the code that enforces it, so /privacy/ stays true."""
from django.conf import settings

from randwijzer.accounts.invitations import VALID_FOR
from randwijzer.flash import tokens
from randwijzer.flash.subscriptions import LIMIT_PER_HOUR
from randwijzer.ops.ratelimit import KEEP_BUCKETS

DAY = 24 * 3600


def facts() -> dict:
    return {
        "confirm_days": tokens.MAX_AGE[tokens.CONFIRM] // DAY,
        "preferences_days": tokens.MAX_AGE[tokens.PREFERENCES] // DAY,
        "invitation_days": VALID_FOR.days,
        "reset_days": max(1, settings.PASSWORD_RESET_TIMEOUT // DAY),
        "session_hours": settings.SESSION_COOKIE_AGE // 3600,
        "lockout_minutes": round(settings.AXES_COOLOFF_TIME * 60),
        "login_failures": settings.AXES_FAILURE_LIMIT,
        "rate_buckets_hours": int(KEEP_BUCKETS.total_seconds() // 3600),
        "flash_limit": LIMIT_PER_HOUR,
    }
