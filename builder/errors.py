"""The builder's exceptions. The CLI turns them into a message and exit code 1."""
from __future__ import annotations


class BuilderError(Exception):
    """Anything the curator must fix before the build can go on."""


class ConfigError(BuilderError):
    """A problem in site_config/ or mkdocs.yml; the message names the file and key."""


class SourceError(BuilderError):
    """One content file cannot become an article (the others still build)."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {reason}")


class WriteError(BuilderError):
    """The output folders cannot be written."""
