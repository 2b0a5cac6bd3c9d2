"""The one error type users see: a message that says what went wrong and how to fix it."""


class OfstedQAError(Exception):
    """A failure caused by input or environment, reported at the edges without a traceback."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message
