"""Turning every user mistake into one line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable


class CliError(Exception):
    """A failed command; the message is printed as it is."""


def fail(message: str) -> int:
    """Print ``actionplan: message`` on stderr as one terminal-safe line; returns exit code 1."""
    from actionplan.text import one_line

    print(f"actionplan: {one_line(message)}", file=sys.stderr)
    return 1


def handled(run: Callable[[], int]) -> int:
    """Run a command, mapping known failures to one-line messages."""
    from sqlalchemy.exc import SQLAlchemyError

    from actionplan.errors import USER_ERRORS, user_message

    try:
        return run()
    except CliError as exc:
        return fail(str(exc))
    except (*USER_ERRORS, SQLAlchemyError) as exc:
        return fail(user_message(exc))
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error of ours.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return fail("interrupted; nothing half-saved (each change is one transaction)")
