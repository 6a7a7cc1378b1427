"""The operations on a plan: the only code that writes, each one transaction with its history.

The board, the command line and the tests all change the plan through these functions:

- ``items``: add, edit, move, reorder, delete, restore (and shortcuts for owner, dates, escalation)
- ``undo``: revert an author's operations one by one, across restarts
- ``recurrence``: repeat text, next due dates, and the occurrence a completion adds
- ``people``: clients and people by name, contacts bound to their client; rename, merge and
  archive people
- ``contacts``: a person's details (side, client or company, role, e-mail...)
- ``clients``: rename, merge, archive and delete clients
- ``settings``: a client's settings for its summaries (whether vendors are named)
- ``restore``: an export written back into an empty database
- ``journal`` (inside): the transaction, the Operation row and the history events
"""

from actionplan.plan.clients import (
    archive_client,
    delete_client,
    merge_clients,
    rename_client,
    unarchive_client,
)
from actionplan.plan.contacts import save_person
from actionplan.plan.errors import Conflict, Invalid, NotFound, PlanError
from actionplan.plan.items import (
    add_item,
    add_items,
    delete_item,
    edit_item,
    reorder_item,
    restore_item,
)
from actionplan.plan.named import find_client, find_person
from actionplan.plan.one_field import (
    deescalate,
    escalate,
    move_item,
    set_committed,
    set_due,
    set_owner,
)
from actionplan.plan.people import (
    Merged,
    archive_person,
    merge_people,
    rename_person,
    unarchive_person,
)
from actionplan.plan.restore import restore_rows
from actionplan.plan.settings import SummarySettings, set_summary_settings, set_vendor_names
from actionplan.plan.undo import undo
from actionplan.plan.values import EDITABLE, NewItem, dump_value, load_value, new_item

__all__ = [
    "EDITABLE",
    "Conflict",
    "Invalid",
    "Merged",
    "NewItem",
    "NotFound",
    "PlanError",
    "SummarySettings",
    "add_item",
    "add_items",
    "archive_client",
    "archive_person",
    "deescalate",
    "delete_client",
    "delete_item",
    "dump_value",
    "edit_item",
    "escalate",
    "find_client",
    "find_person",
    "load_value",
    "merge_clients",
    "merge_people",
    "move_item",
    "new_item",
    "rename_client",
    "rename_person",
    "reorder_item",
    "restore_item",
    "restore_rows",
    "save_person",
    "set_committed",
    "set_due",
    "set_owner",
    "set_summary_settings",
    "set_vendor_names",
    "unarchive_client",
    "unarchive_person",
    "undo",
]
