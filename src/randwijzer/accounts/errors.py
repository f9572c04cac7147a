"""What can go wrong in the accounts services, each with the Dutch sentence a user reads."""


class AccountsError(Exception):
    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(AccountsError):
    status = 403


class LastAdmin(AccountsError):
    status = 409


class MailNotSent(AccountsError):
    status = 503


class InvitationProblem(AccountsError):
    """A link that cannot be used (any more): kind is unknown, used, expired or wrong_account."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.status = 404 if kind == "unknown" else 410 if kind in {"used", "expired"} else 403
