"""Exceptions raised by tidings. The CLI turns each into one line `Error: ...`."""


class TidingsError(Exception):
    """Base class for every error tidings raises on purpose."""


class InputError(TidingsError):
    """An article cannot be analysed: the message says what is wrong and what to do."""

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        super().__init__(message)

    def __str__(self) -> str:  # "file.txt: reason" when we know where it came from
        msg = super().__str__()
        return f"{self.source}: {msg}" if self.source else msg


class ConfigError(TidingsError):
    """A setting has a value tidings cannot use."""
