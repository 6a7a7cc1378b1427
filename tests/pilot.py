"""Helpers for Pilot tests: wait until the app is quiet, or until something shows."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from actionplan.tui.app import ActionPlanApp

# The app's own workers run as long as the app does: the writer queue and the change watcher.
LONG_RUNNING = ("writer", "watch")


async def settle(pilot: Any, app: ActionPlanApp) -> None:
    """Wait until queued writes are done and no worker is still reading."""
    for _ in range(300):
        await pilot.pause()
        busy = [w for w in app.workers if w.is_running and w.group not in LONG_RUNNING]
        if app.writes_pending == 0 and not busy:
            await pilot.pause()
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the app did not settle")


async def until(pilot: Any, check: Callable[[], object], seconds: float = 2.0) -> float:
    """Wait (letting the app run) until ``check()`` holds; returns the seconds it took.

    The default is issue 6's promise: a change made elsewhere shows within 2 seconds.
    """
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if check():
            return time.monotonic() - start
        await pilot.pause(0.02)
    raise AssertionError(f"not seen within {seconds} s")
