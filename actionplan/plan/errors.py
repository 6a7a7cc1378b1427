"""What an operation on the plan can refuse with: one-line reasons fit to show a user."""


class PlanError(Exception):
    """An operation was refused; the message is one line, fit to show a user."""


class NotFound(PlanError):
    """The item, client or person named does not exist."""


class Invalid(PlanError):
    """A value cannot be accepted; nothing was saved."""


class Conflict(PlanError):
    """Someone else changed the item first; nothing was saved."""


# Fields an edit may change. owner and client are given by name and stored as ids.
