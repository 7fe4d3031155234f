"""Every mistake a user can make, as one exception kind each.

Click prints a HandoutError as ``Error: <message>`` with no traceback and exits with its code:
2 for a usage error (like Click's own), 1 for bad content, configuration, images or a failed write.
Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import click


class HandoutError(click.ClickException):
    """Base class: a problem the user can fix, reported in one line."""

    exit_code = 1


class UnknownSectionError(HandoutError):
    """Raised when ``--sections`` names a section that is in no library folder."""

    exit_code = 2


class MissingTranslationError(HandoutError):
    """Raised when a chosen section is not written in the language asked for (and no --fallback)."""

    exit_code = 2


class UnknownPlanError(HandoutError):
    """Raised when ``--plan`` names a plan that is in no plans folder."""

    exit_code = 2


class UsageProblem(HandoutError):
    """Raised for a bad combination of options that Click itself cannot see (an empty selection)."""

    exit_code = 2


class ProblemsError(HandoutError):
    """Several problems found in one pass over the input, printed one ``Error:`` line each."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))

    def show(self, file: IO[Any] | None = None) -> None:
        for problem in self.problems:
            click.echo(f"Error: {problem}", err=True, file=file)


class ContentError(ProblemsError):
    """Raised when section files are malformed or invalid; lists every problem, not just the first."""


class ConfigError(ProblemsError):
    """Raised when the clinic configuration is missing, malformed or invalid."""


class ImageError(HandoutError):
    """Raised when an image file cannot be read or is not an image."""


class OutputError(HandoutError):
    """Raised when the PDF cannot be written where asked, or would replace a file that is not a PDF."""
