"""Turning every user mistake into one line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable


class CliError(Exception):
    """A failed command; the message is printed as it is."""


def fail(message: str) -> int:
    """Print ``actionplan: message`` on stderr; returns exit code 1."""
    print(f"actionplan: {message}", file=sys.stderr)
    return 1


def handled(run: Callable[[], int]) -> int:
    """Run a command, mapping known failures to one-line messages."""
    from sqlalchemy.exc import SQLAlchemyError

    from actionplan.config import ConfigError
    from actionplan.dates import DateError
    from actionplan.db import DatabaseError, describe_error
    from actionplan.plan import PlanError
    from actionplan.text import TextError

    try:
        return run()
    except (CliError, PlanError, DatabaseError, DateError, ConfigError, TextError) as exc:
        return fail(str(exc))
    except SQLAlchemyError as exc:
        return fail(f"database error: {describe_error(exc)}")
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error of ours.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return fail("interrupted; nothing half-saved (each change is one transaction)")
