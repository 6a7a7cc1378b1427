"""The operations on a plan: the only code that writes, each one transaction with its history.

The board, the command line and the tests all change the plan through these functions:

- ``items``: add, edit, move, reorder, delete, restore (and shortcuts for owner, dates, escalation)
- ``undo``: revert an author's operations one by one, across restarts
- ``recurrence``: repeat text, next due dates, and the occurrence a completion adds
- ``people``: clients and people by name
- ``restore``: an export written back into an empty database
- ``journal`` (inside): the transaction, the Operation row and the history events
"""

from actionplan.plan.errors import Conflict, Invalid, NotFound, PlanError
from actionplan.plan.items import (
    add_item,
    add_items,
    deescalate,
    delete_item,
    edit_item,
    escalate,
    move_item,
    reorder_item,
    restore_item,
    set_committed,
    set_due,
    set_owner,
)
from actionplan.plan.people import find_client, find_person, save_person
from actionplan.plan.restore import restore_rows
from actionplan.plan.undo import undo
from actionplan.plan.values import EDITABLE, NewItem, dump_value, load_value, new_item

__all__ = [
    "EDITABLE",
    "Conflict",
    "Invalid",
    "NewItem",
    "NotFound",
    "PlanError",
    "add_item",
    "add_items",
    "deescalate",
    "delete_item",
    "dump_value",
    "edit_item",
    "escalate",
    "find_client",
    "find_person",
    "load_value",
    "move_item",
    "new_item",
    "reorder_item",
    "restore_item",
    "restore_rows",
    "save_person",
    "set_committed",
    "set_due",
    "set_owner",
    "undo",
]
