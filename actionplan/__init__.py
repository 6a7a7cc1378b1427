"""actionplan: a keyboard-driven kanban of must-do IT items per client."""

__version__ = "0.1.0"
