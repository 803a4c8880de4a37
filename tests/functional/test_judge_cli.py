"""``ikm-tui access ...`` and ``ikm-tui judge`` from the command line, as staff run them."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm

CODE = re.compile(r"\b([2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3})\b")


@pytest.fixture
def event(make_event):
    return make_event(judges=3, entrants=6)


def test_issue_prints_each_code_once_and_only_its_hash_is_kept(event):
    run = ikm("access", "issue", "J2", config=event)
    assert run.returncode == 0, run.stderr
    (code,) = CODE.findall(run.stdout)
    assert "J2" in run.stdout and "shown only once" in run.stdout
    with Store(load_config(event)) as store:
        assert store.access.verify(code, "J2").grant is not None
        assert code.encode() not in store.path.read_bytes()
    again = ikm("access", "issue", "J2", config=event)
    (new,) = CODE.findall(again.stdout)
    with Store(load_config(event)) as store:
        assert store.access.verify(code, "J2").grant is None  # re-issuing revoked the old one
        assert store.access.verify(new, "J2").grant is not None


def test_issue_all_and_missing(event):
    first = ikm("access", "issue", "J1", config=event)
    assert first.returncode == 0
    missing = ikm("access", "issue", "--missing", config=event)
    assert len(CODE.findall(missing.stdout)) == 2 and "J1" not in missing.stdout
    everyone = ikm("access", "issue", "--all", config=event)
    assert len(set(CODE.findall(everyone.stdout))) == 3
    listing = ikm("access", "list", config=event)
    assert listing.returncode == 0 and listing.stdout.count("code issued") == 3
    assert not CODE.findall(listing.stdout)


@pytest.mark.parametrize(
    "args, message",
    [
        (("access", "issue", "J9"), "unknown judge 'J9' (known: J1, J2, J3)"),
        (("access", "issue"), "name judge ids, or --all / --missing"),
        (("access", "issue", "J1", "--all"), "name judge ids, or --all / --missing"),
        (("judge", "--judge", "J9"), "--judge: unknown judge 'J9'"),
    ],
)
def test_bad_input_exits_2_and_issues_nothing(event, args, message):
    run = ikm(*args, config=event)
    assert run.returncode == 2
    assert message in run.stderr
    assert not CODE.findall(run.stdout)
    with Store(load_config(event)) as store:
        assert not any(store.access.issued().values())


def test_judge_console_needs_a_terminal(event):
    run = ikm("judge", "--judge", "J1", config=event)
    assert run.returncode == 2 and "interactive terminal" in run.stderr


def test_progress_and_recheck_headless(event):
    with Store(load_config(event)) as store:
        store.scores.submit("J1", "E01", {c.id: Decimal("9.5") for c in store.config.criteria})
        store.scores.recuse("J2", "E01", "cousin")
        store.stage.call("E01", actor="moderator")
    asked = ikm("recheck", "J1", "E01", config=event)
    assert asked.returncode == 0 and "J1" in asked.stdout
    text = ikm("progress", config=event).stdout
    row = next(line for line in text.splitlines() if "E01" in line)
    assert row.split()[:5] == ["▶", "E01", "✓!", "⊘", "·"]
    assert "9.5" not in text and "95" not in text  # statuses only, never a score
    rows = json.loads(ikm("progress", "--json", config=event).stdout)
    assert rows[0]["judges"]["J1"] == {"status": "scored", "recheck": True}
    assert "J1 → E01" in ikm("recheck", "--list", config=event).stdout
    assert ikm("recheck", "J1", "E01", "--cancel", config=event).returncode == 0
    with Store(load_config(event)) as store:
        assert store.recheck.pending() == []
    bad = ikm("recheck", "J1", config=event)
    assert bad.returncode == 2 and "JUDGE and ENTRANT" in bad.stderr
