"""Helpers for Pilot tests: wait until the app is quiet (no write queued, no read running)."""

from __future__ import annotations

import asyncio
from typing import Any

from actionplan.app import ActionPlanApp

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
