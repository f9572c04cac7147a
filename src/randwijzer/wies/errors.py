"""The one error type of the WIES services: bad input, told in Dutch, with the field it concerns."""


class WiesInputError(ValueError):
    """Raised by the calculator and the buyer check; the API answers 422, the CLI exits with 2."""

    def __init__(self, field: str | None, message: str, suggestions: list[str] | None = None):
        self.field, self.message, self.suggestions = field, message, suggestions or []
        super().__init__(message)


class WiesDataError(RuntimeError):
    """The catalogue or the data files lack what the WIES services need (not the user's fault)."""
