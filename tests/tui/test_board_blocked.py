"""A blocked card says what it waits for ("after #1") while its blocker is open."""

from __future__ import annotations

from actionplan.db import Database
from actionplan.models import Status
from actionplan.plan.dependencies import block
from tests.support import AUTHOR
from tests.support.pilot import column, press_and_settle, running, settle, until


async def test_a_blocked_card_says_after_which_until_its_blocker_is_done(acme: Database) -> None:
    with acme.session() as s:
        block(session=s, item_id=3, blocked_by=[1, 2], author=AUTHOR)
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        planned = column(app, Status.PLANNED)
        assert "after #1,#2" in planned.card_text(2)
        assert "after" not in planned.card_text(0) + planned.card_text(1)
        await press_and_settle(pilot, app, "x")  # #1 done: #3 now waits for #2 alone
        await until(pilot, lambda: "after #2" in column(app, Status.PLANNED).card_text(1))
        assert "#1" not in column(app, Status.PLANNED).card_text(1)
        await press_and_settle(pilot, app, "u")  # #1 open again: #3 waits for both
        await until(pilot, lambda: "after #1,#2" in column(app, Status.PLANNED).card_text(2))
