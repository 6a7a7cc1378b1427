"""Where the shipped data files are: inside the installed package, or data/ in a checkout."""

from __future__ import annotations

from pathlib import Path


def data_dir() -> Path:
    """The folder holding demo data, templates and the default deny-list."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "data"
