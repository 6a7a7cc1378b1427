"""The leak guard on its own: what it catches, what it leaves alone, and the measured figures.

The corpus figures are the promise in the README: on sentences written for this test (and on a
held-out set written blind, never used to tune the rules or train the model), recall is at
least 90% and the false-positive rate at most 5%.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.guard import Context, fingerprint, scan, sentence_at
from actionplan.guard.normalize import fold
from actionplan.guard.scan import scan_many
from actionplan.summary.denylist import load_deny_list
from tests.support import FIXTURES


def load(name: str) -> tuple[Context, list[tuple[str, str, str]]]:
    header: dict[str, tuple[str, ...]] = {}
    rows = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            key, _, value = line[2:].partition(":")
            header[key.strip()] = tuple(v.strip() for v in value.split("|") if v.strip())
        elif line.strip():
            label, kind, sentence = line.split("\t")
            rows.append((label, kind, sentence))
    context = Context(
        staff=header["staff"],
        staff_emails=header["staff_emails"],
        our_domains=header["our_domains"],
        client_contacts=header["client_contacts"],
        other_contacts=header["other_client_contacts"],
        allow=header["allow"],
        phrases=tuple(load_deny_list()),  # as shipped, as every summary uses it
    )
    return context, rows


def measure(name: str) -> tuple[float, float, list[str]]:
    context, rows = load(name)
    internal = [s for label, _, s in rows if label == "internal"]
    clean = [s for label, _, s in rows if label == "client"]
    missed = [s for s in internal if not scan(s, context)]
    nagged = [s for s in clean if scan(s, context)]
    return 1 - len(missed) / len(internal), len(nagged) / len(clean), missed + nagged


@pytest.mark.parametrize("corpus", ["leak_corpus.tsv", "leak_heldout.tsv"])
def test_the_guard_catches_nine_slips_in_ten_and_nags_on_few_clean_sentences(corpus: str):
    _, rows = load(corpus)
    assert len(rows) >= 400
    assert sum(1 for label, _, _ in rows if label == "internal") >= 200
    recall, false_positives, _ = measure(corpus)
    assert recall >= 0.90, f"recall {recall:.3f}"
    assert false_positives <= 0.05, f"false positives {false_positives:.3f}"


STAFF = Context(
    staff=("Tom Becker", "Priya Shah"),
    staff_emails=("tom.becker@northbeam.io",),
    our_domains=("northbeam.io",),
    client_contacts=("Helen Price",),
    other_contacts=("Greta Holm",),
    allow=("HD-", "kestrel-eng.com"),
)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Not going to fix it this quarter.", "refusal"),
        ("We're parking this one indefinitely.", "refusal"),
        ("Don't tell the client about the outage.", "concealment"),
        ("Keep this off the monthly report.", "concealment"),
        ("Say it's the vendor's fault.", "blame"),
        ("Their admin is clueless.", "judgement"),
        ("Bill them the full day even though it took an hour.", "money"),
        ("We're understaffed until March.", "staffing"),
        ("Sales overpromised on the timeline.", "sales"),
        ("This is a shitshow.", "profanity"),
        ("See INC0012345 for details.", "ticket"),
        ("Rolled back under CHG0045678.", "ticket"),
        ("Customer thread is Zendesk #48213.", "ticket"),
        ("Tracked in OPS-4411.", "ticket"),
        ("Logs are on fs01.corp.", "host"),
        ("Reach the NAS at 10.0.4.12.", "ip"),
        ("Files in \\\\fs01\\finance\\2026.", "path"),
        ("Posted in #noc-alerts.", "chat"),
        ("Ask @tbecker in Teams.", "chat"),
        ("The admin password is Winter2026!", "secret"),
        ("Reset the admin password to Hunter2!Secret99", "secret"),
        ("Changed the door PIN to 4821 after the move.", "secret"),
        ("Ask Priya Shah to sign it off.", "staff"),
        ("Shah, Priya has the keys.", "staff"),
        ("P. Shah will call.", "staff"),
        ("Tom dropped the ball here.", "staff"),
        ("Mail tom.becker@northbeam.io for access.", "email"),
        ("Greta Holm had the same problem.", "other-client"),
    ],
)
def test_each_kind_of_slip_is_found_and_explained(text: str, rule: str) -> None:
    found = scan(text, STAFF)
    assert rule in {f.rule for f in found}, found
    for f in found:
        assert text[f.start : f.end] == f.found  # reported in the original text
        assert f.why


@pytest.mark.parametrize(
    "text",
    [
        "No way around the maintenance window, so we'll do it overnight.",
        "Your reference INC-2231 is with our service desk.",
        "PO-88231 is approved, thanks.",
        "ESX-01 and ESX-02 are patched.",
        "Your helpdesk ticket HD-4411 is closed.",
        "See https://learn.microsoft.com/en-us/exchange/ for the steps.",
        "Your data is confidential and stays in the UK region.",
        "We missed you on Thursday's call.",
        "A blame-free review of the outage is attached.",
        "Helen Price approved the change.",
        "KB5034441 and CVE-2024-21412 are patched.",
        "Passwords will be reset and sent via your secure portal.",
        "The ISO 27001 audit is booked for March.",
        "Mail helpdesk@kestrel-eng.com with any questions.",
    ],
)
def test_ordinary_client_language_is_left_alone(text: str) -> None:
    assert scan(text, STAFF) == []


def test_an_allow_list_lets_a_clients_own_terms_through() -> None:
    text = "Tracked in ACME-123 on acme.local."
    assert {f.rule for f in scan(text, Context())} == {"ticket", "host"}
    assert scan(text, Context(allow=("ACME-", "acme.local"))) == []


# --- ordinary typing must not defeat it --------------------------------------------------------

SLIPS = [
    "there is no way we are fixing this bug now",
    "we won't fix this",
    "don't tell the client",
    "keep this quiet",
    "their admin is clueless",
    "we're understaffed",
    "sales overpromised",
    "blame it on the vendor",
    "bill them the full day",
    "not going to fix it",
]
SPACE = st.sampled_from([" ", "  ", "\u00a0", "\n", "\t", " \n ", "\u2009", "\u3000", "\r\n"])
QUOTES = {"'": st.sampled_from(["'", "\u2019", "\u2018", "\u02bc", "`"])}


@st.composite
def retyped(draw: st.DrawFn, phrase: str) -> str:
    """The phrase as Word, Outlook, a phone or an e-mail wrap might type it."""
    out = []
    for word in phrase.split(" "):
        word = "".join(draw(QUOTES[ch]) if ch in QUOTES else ch for ch in word)
        if draw(st.booleans()):
            word = word.capitalize()
        out.append(word)
    text = out[0]
    for word in out[1:]:
        text += draw(SPACE) + word
    return (
        draw(st.sampled_from(["", "FYI: ", "Note \u2014 "]))
        + text
        + draw(st.sampled_from(["", ".", "!", " \u2013 sorry."]))
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), phrase=st.sampled_from(SLIPS))
def test_line_breaks_odd_spaces_and_curly_quotes_do_not_hide_a_slip(data, phrase) -> None:
    text = data.draw(retyped(phrase))
    found = scan(text)
    assert found, repr(text)
    for f in found:
        assert text[f.start : f.end] == f.found


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("abc XYZ-'\u2019\u00a0\n\t.\u200b\ufb01é"), min_size=0, max_size=40
    )
)
def test_folding_maps_every_position_back_into_the_original(text: str) -> None:
    folded = fold(text)
    for start in range(len(folded.text)):
        a, b = folded.span(start, start + 1)
        assert 0 <= a < b <= len(text)


def test_scanning_many_texts_at_once_finds_what_one_at_a_time_finds() -> None:
    _, rows = load("leak_corpus.tsv")
    texts = [s for _, _, s in rows[:120]]
    assert scan_many(texts, STAFF) == [scan(t, STAFF) for t in texts]


def test_a_reviewed_sentence_is_known_by_its_words_not_its_spacing() -> None:
    note = "All good.  No way we can\u00a0do   that. Thanks"
    sentence = sentence_at(note, note.index("No way"))
    assert sentence.startswith("No way") and sentence.endswith("that.")
    assert fingerprint(sentence) == fingerprint("no way we can do that.")
    assert fingerprint(sentence) != fingerprint("No way we can do this.")


DASHES = st.sampled_from(["-", "\u2013", "\u2014", "\u2011"])


@st.composite
def retyped_any(draw: st.DrawFn, phrase: str) -> str:
    """Any phrase, retyped: its spaces, quotes and dashes as other programs type them."""
    out = ""
    for ch in phrase:
        if ch == " ":
            out += draw(SPACE)
        elif ch == "'":
            out += draw(QUOTES["'"])
        elif ch == "-":
            out += draw(DASHES)
        else:
            out += ch.upper() if draw(st.booleans()) else ch
    return out


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_deny_list_phrase_is_caught_however_it_is_typed(data) -> None:
    phrase = data.draw(st.sampled_from(load_deny_list()))
    text = "Update: " + data.draw(retyped_any(phrase)) + ", as discussed."
    assert scan(text, Context(phrases=tuple(load_deny_list()))), repr(text)


def test_an_allow_list_term_must_start_a_word_so_a_short_one_lets_little_by() -> None:
    context = Context(allow=("ops",))
    assert scan("Tracked in OPS-4411.", context) == []  # the term starts the id
    assert scan("Files on fs01.corp", Context(allow=("rp",))) != []  # "rp" is inside a word


def test_trying_patterns_only_where_they_can_start_finds_what_trying_everywhere_finds() -> None:
    """The pass over words (guard.dispatch) skips a pattern at a word only when the pattern's
    first and second words rule it out: every match a plain search finds, it finds too."""
    from actionplan.guard import dispatch

    context, rows = load("leak_corpus.tsv")
    found_by = dispatch._with_names(context)
    texts = [fold(s).text for label, _, s in rows if label == "internal"][::20]
    texts += ["Mark it as resolved anyway.", "What the f*** happened", "a**hole", "f_ck it"]
    for text in texts:
        expected = set()
        for n, label in enumerate(found_by.labels):
            pattern = found_by._compile(n)
            if n in found_by.anywhere:
                expected |= {(label, m.start(), m.end()) for m in pattern.finditer(text)}
                continue
            for start in range(len(text)):
                m = pattern.match(text, start)
                if m and m.end() > start:
                    expected.add((label, start, m.end()))
        assert set(found_by.finditer(text)) == expected, text
