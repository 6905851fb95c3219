"""Typed errors. Each message names the input and says what to do next."""


class BackchannelError(Exception):
    """Base class: anything the CLI should print as one line and exit non-zero on."""


class UnreadableInput(BackchannelError):
    """An input file, record or stream that cannot become a document."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(BackchannelError):
    """The database cannot be opened or migrated."""


class ConfigError(BackchannelError):
    """A setting or a user's actor file is invalid."""


class UnknownActor(BackchannelError):
    """No actor has this id, name or alias."""

    def __init__(self, needle: str):
        super().__init__(f"no actor {needle!r}; list them with: backchannel actors")
        self.needle = needle
