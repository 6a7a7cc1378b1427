"""Reusable pieces of the UI: board columns and card rendering."""
