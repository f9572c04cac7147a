"""The status pipeline of a dossier, as data: the one place that says which moves are allowed.

idee -> in voorbereiding -> ingediend -> toegekend | afgewezen; toegekend -> verantwoord.
"""
from django.db import models


class Status(models.TextChoices):
    IDEE = "idee", "Idee"
    IN_VOORBEREIDING = "in_voorbereiding", "In voorbereiding"
    INGEDIEND = "ingediend", "Ingediend"
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    VERANTWOORD = "verantwoord", "Verantwoord"


# status -> the statuses it may move to, in the order the forms offer them.
MOVES: dict[str, tuple[str, ...]] = {
    Status.IDEE: (Status.IN_VOORBEREIDING,),
    Status.IN_VOORBEREIDING: (Status.INGEDIEND,),
    Status.INGEDIEND: (Status.TOEGEKEND, Status.AFGEWEZEN),
    Status.TOEGEKEND: (Status.VERANTWOORD,),
    Status.AFGEWEZEN: (),
    Status.VERANTWOORD: (),
}

# Moves that need a reason in words (the timeline keeps it).
REASON_REQUIRED = {Status.AFGEWEZEN}

# Dossiers still being prepared: the deadline reminders are for these.
BEFORE_SUBMISSION = (Status.IDEE, Status.IN_VOORBEREIDING)


def allowed_moves(status: str) -> tuple[str, ...]:
    return MOVES.get(status, ())


def can_move(current: str, target: str) -> bool:
    return target in allowed_moves(current)


def label(status: str) -> str:
    try:
        return Status(status).label
    except ValueError:
        return status
