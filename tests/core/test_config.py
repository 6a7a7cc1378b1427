"""The settings file: defaults when absent, clear errors when broken, keys remappable."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.config import Config, ConfigError, load_config


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml") == Config()


def test_name_day_first_and_keys_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'name = "Ana"\nday_first = false\n[keys]\n"board.done" = "ctrl+d"\nboard.undo = "ctrl+z"\n'
    )
    config = load_config(path)
    assert (config.name, config.day_first, config.author) == ("Ana", False, "Ana")
    assert config.keys == {"board.done": "ctrl+d", "board.undo": "ctrl+z"}


@pytest.mark.parametrize("text", ["name = ", "day_first = 'yes'", "keys = 3"])
def test_a_broken_file_is_a_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=str(path)):
        load_config(path)


def test_the_author_falls_back_to_the_login_name() -> None:
    assert Config().author
