"""Health-check forms (issue 15): the shipped form loads; a bad form file is one line naming
the file, the line and the field; the user's own forms hide shipped ones of the same name."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.health.catalogue import find_form, list_forms, shipped_dir, user_dir
from actionplan.health.form import FormError
from actionplan.health.loading import load_form, parse_form
from actionplan.plan.errors import NotFound

HEAD = 'title = "Monthly"\n\n[[sections]]\ntitle = "Availability"\n\n[[sections.fields]]\n'
"""Six lines: a field's settings start on line 7."""


def test_the_shipped_form_loads_with_every_field_the_issue_lists() -> None:
    form = load_form(shipped_dir() / "monthly-it-health-check.toml")
    assert (form.key, form.title) == ("monthly-it-health-check", "Monthly IT health check")
    keys = [f.key for f in form.fields]
    for key in (
        "last_good_backup",
        "last_test_restore",
        "restore_result",
        "servers_patched",
        "workstations_patched",
        "endpoint_protection",
        "failed_signins",
        "admin_accounts_reviewed",
        "disk_use",
        "renewals_due",
        "uptime_percent",
        "incidents",
        "recommendations",
        "summary",
        "internal_remarks",
    ):
        assert key in keys
    uptime = form.field("uptime_percent")
    assert uptime is not None and uptime.bounds == (0, 100)
    assert [uptime.colour(v) for v in (99.9, 99.1, 97)] == [None, "amber", "red"]
    signins = form.field("failed_signins")
    assert signins is not None and signins.colour(300) == "red" and signins.colour(10) is None
    assert [f.key for f in form.fields if f.internal] == ["internal_remarks"]


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            'key = "uptime_percent"\nlabel = "Up"\ntype = "number"\nmin = 0\nmax = -1\n',
            10,
            "field 'uptime_percent': min 0 is above max -1",
        ),
        ('key = "uptime"\nlabel = "Up"\ntype = "float"\n', 9, "field 'uptime': type 'float'"),
        ('key = "up"\nlabel = "Up"\ntype = "text"\ncolour = "red"\n', 10, "unknown setting"),
        ('key = "up"\ntype = "text"\n', 7, "field 'up': no label"),
        ('key = "Up Time"\nlabel = "Up"\ntype = "text"\n', 7, "field 'Up Time': key is not"),
        ('key = "up"\nlabel = "Up"\ntype = "choice"\n', 7, "field 'up': choices must be"),
        ('key = "up"\nlabel = "Up"\ntype = "text"\nred_below = 3\n', 10, "red_below is for"),
        ('key = "up"\nlabel = "Up"\ntype = "percent"\nrequired = "yes"\n', 10, "true or false"),
        (
            'key = "up"\nlabel = "Up"\ntype = "text"\n\n[[sections.fields]]\nkey = "up"\n'
            'label = "Again"\ntype = "text"\n',
            7,
            "the form has this key twice",
        ),
        ('key = "up"\nlabel = "Up"\ntype = "text"\nlabel "x"\n', 10, "not valid TOML"),
        (
            'key = "up"\nlabel = "Up"\ntype = "percent"\namber_below = 80\nred_below = 90\n',
            11,
            "field 'up': red_below 90 is above amber_below 80",
        ),
        (
            'key = "recommendations"\nlabel = "Do"\ntype = "list"\ninternal = true\n',
            10,
            "field 'recommendations': recommendations become plan items the client sees",
        ),
        (
            'key = "recommendations"\nlabel = "Do"\ntype = "text"\n',
            9,
            "a list, not internal",
        ),
    ],
)
def test_a_bad_form_is_one_line_naming_file_line_and_field(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    path = tmp_path / "monthly.toml"
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_form(path)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith(f"monthly.toml:{line}: "), text
    assert message in text


def test_a_form_without_a_title_or_fields_is_refused_on_its_first_line(tmp_path: Path) -> None:
    with pytest.raises(FormError, match=r"^x\.toml:1: no title"):
        parse_form('key = "x"\n', path=tmp_path / "x.toml")
    with pytest.raises(FormError, match=r"^x\.toml:1: no fields"):
        parse_form('title = "X"\n', path=tmp_path / "x.toml")


def test_the_users_own_form_hides_a_shipped_one_and_a_broken_one_is_listed() -> None:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "monthly-it-health-check.toml").write_text(
        HEAD.replace("Monthly", "Our monthly") + 'key = "up"\nlabel = "Up"\ntype = "percent"\n',
        encoding="utf-8",
    )
    (folder / "broken.toml").write_text("title = ", encoding="utf-8")
    try:
        entries = {e.name: e for e in list_forms()}
        mine = entries["monthly-it-health-check"]
        assert mine.own and mine.loaded is not None and mine.loaded.title == "Our monthly"
        assert entries["broken"].error is not None
        assert entries["broken"].error.startswith("broken.toml:1: not valid TOML")
        assert find_form("Our monthly").own
        with pytest.raises(FormError, match=r"^broken\.toml:1"):
            find_form("broken")
    finally:
        for path in folder.glob("*.toml"):
            path.unlink()


def test_an_unknown_form_offers_the_nearest() -> None:
    with pytest.raises(NotFound, match="did you mean 'monthly-it-health-check'"):
        find_form("monthly-it-helth-check")
    assert find_form("  MONTHLY IT health check ").key == "monthly-it-health-check"


def test_two_of_your_forms_with_one_key_are_both_refused_and_yours_hides_the_shipped() -> None:
    """Which form a key means never hangs on the order files are read in: yours (one) wins
    over the shipped one whatever its file name; two of yours are both refused."""
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    shipped = (shipped_dir() / "monthly-it-health-check.toml").read_text(encoding="utf-8")
    ours = shipped.replace('title = "Monthly IT health check"', 'title = "Ours"', 1)
    (folder / "a-copy.toml").write_text(ours, encoding="utf-8")
    try:
        assert find_form("monthly-it-health-check").title == "Ours"
        assert [e.own for e in list_forms()] == [True]
        (folder / "b-copy.toml").write_text(ours, encoding="utf-8")
        errors = sorted(str(e.error) for e in list_forms())
        assert errors == [
            "a-copy.toml: 'monthly-it-health-check' is also the name in b-copy.toml (rename one)",
            "b-copy.toml: 'monthly-it-health-check' is also the name in a-copy.toml (rename one)",
        ]
        with pytest.raises(FormError, match="rename one"):
            find_form("monthly-it-health-check")
    finally:
        for path in folder.glob("*.toml"):
            path.unlink()
