"""Access codes in the store: a wrong code gets nothing, codes are never kept in clear."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ikm_tui.domain.errors import InputError
from ikm_tui.domain.score_entry import ScoreProblem
from ikm_tui.store.session import Store
from tests.fake_clock import FakeClock


@pytest.fixture
def store(make_event):
    from ikm_tui.domain.config import load_config

    store = Store(load_config(make_event(judges=3, entrants=6)))
    store.access.clock = FakeClock()
    yield store
    store.close()


def wrong(code: str) -> str:
    """A code of the right shape that is not ``code``."""
    return code[:-1] + ("2" if code[-1] != "2" else "3")


def test_the_issued_code_grants_that_judge_and_only_that_judge(store):
    code = store.access.issue("J2", actor="moderator")
    attempt = store.access.verify(code, "J2")
    assert attempt.outcome == "granted" and attempt.grant.judge == "J2"
    assert store.access.verify(code).grant.judge == "J2"  # the code alone names the judge
    store.access.issue("J1", actor="moderator")
    assert store.access.verify(code, "J1").grant is None


def test_a_wrong_code_gets_nothing(store):
    code = store.access.issue("J1", actor="moderator")
    for typed in (wrong(code), "", "hello", code + "X"):
        attempt = store.access.verify(typed, "J1")
        assert attempt.grant is None and attempt.outcome in ("wrong", "wait")
        store.access.clock.now += 120
    assert store.access.verify(wrong(code)).grant is None


def test_no_code_issued_yet_is_said_plainly(store):
    assert store.access.verify("ABC-DEF", "J1").outcome == "no_code"
    assert store.access.verify("ABC-DEF").outcome == "no_code"
    assert store.access.verify("ABC-DEF", "J9").outcome == "unknown_judge"


def test_repeated_wrong_codes_slow_down_even_the_right_code(store):
    code = store.access.issue("J1", actor="moderator")
    outcomes = [store.access.verify(wrong(code), "J1") for _ in range(3)]
    assert [a.wait_s for a in outcomes] == [0, 0, 2]
    blocked = store.access.verify(code, "J1")
    assert blocked.outcome == "wait" and blocked.grant is None and 0 < blocked.wait_s <= 2
    store.access.clock.now += 2.5
    assert store.access.verify(wrong(code), "J1").wait_s == 4  # the brake keeps growing
    store.access.clock.now += 4.5
    assert store.access.verify(code, "J1").outcome == "granted"
    assert store.access.verify(wrong(code), "J1").wait_s == 0  # a success resets the count


def test_the_brake_holds_across_processes(store, make_event):
    code = store.access.issue("J1", actor="moderator")
    for _ in range(3):
        store.access.verify(wrong(code), "J1")
    other = Store(store.config, store.path)  # another judge console on the same file
    other.access.clock = store.access.clock
    try:
        assert other.access.verify(code, "J1").outcome == "wait"
    finally:
        other.close()


def test_reissuing_revokes_the_old_code_and_ends_its_grant(store):
    old = store.access.issue("J1", actor="moderator")
    grant = store.access.verify(old, "J1").grant
    assert store.access.still_valid(grant)
    new = store.access.issue("J1", actor="moderator")
    assert not store.access.still_valid(grant)
    assert store.access.verify(old, "J1").grant is None
    assert store.access.verify(new, "J1").grant is not None
    store.access.revoke("J1", actor="moderator")
    assert store.access.verify(new, "J1").outcome == "no_code"


def test_the_code_is_never_stored_nor_audited(store):
    codes = store.access.issue_all(actor="moderator")
    assert set(codes) == {"J1", "J2", "J3"}
    for code in codes.values():
        store.access.verify(code)
        store.access.verify(wrong(code), "J1")
    raw = store.path.read_bytes() + store.path.with_name(store.path.name + "-wal").read_bytes()
    for code in codes.values():
        for form in (code, code.replace("-", ""), code.lower()):
            assert form.encode() not in raw
    text = repr([e.detail for e in store.audit.entries()] + [e.subject for e in store.audit.entries()])
    assert all(code.replace("-", "") not in text.replace("-", "") for code in codes.values())
    actions = [e.action for e in store.audit.entries()]
    assert {"access.issue", "access.granted", "access.denied"} <= set(actions)
    assert store.audit.verify().ok


def test_issue_only_missing_keeps_existing_codes(store):
    first = store.access.issue("J1", actor="moderator")
    added = store.access.issue_all(actor="moderator", only_missing=True)
    assert set(added) == {"J2", "J3"}
    assert store.access.verify(first, "J1").grant is not None
    assert store.access.issued()["J1"] is not None


def test_unknown_judge_is_refused_with_the_known_ones(store):
    with pytest.raises(InputError) as caught:
        store.access.issue("J9", actor="moderator")
    assert caught.value.params["known"] == "J1, J2, J3"


def test_codes_off_opens_as_the_judge_and_audits_it(store):
    grant = store.access.open("J3", actor="judge:J3")
    assert grant.judge == "J3" and store.access.still_valid(grant)
    assert store.audit.entries()[-1].action == "access.open"


def test_recheck_request_is_pending_until_that_judge_saves_that_entrant(store):
    scores = {c.id: Decimal(7) for c in store.config.criteria}
    store.recheck.request("J1", "E02", actor="moderator")
    store.recheck.request("J1", "E02", actor="moderator")  # asking twice keeps one
    store.recheck.request("J2", "E02", actor="moderator")
    assert [r.entrant for r in store.recheck.pending_for("J1")] == ["E02"]
    store.scores.submit("J1", "E01", scores)
    assert [r.entrant for r in store.recheck.pending_for("J1")] == ["E02"]
    store.scores.submit("J1", "E02", scores)
    assert store.recheck.pending_for("J1") == []
    assert [r.judge for r in store.recheck.pending()] == ["J2"]
    store.scores.recuse("J2", "E02", "family")
    assert store.recheck.pending() == []
    assert "recheck.answered" in [e.action for e in store.audit.entries()]
    assert store.audit.verify().ok


def test_recheck_survives_a_save_that_failed(store):
    store.recheck.request("J1", "E01", actor="moderator")
    with pytest.raises(ScoreProblem):
        store.scores.submit("J1", "E01", {"inovasi": Decimal(7)})  # incomplete sheet
    assert len(store.recheck.pending_for("J1")) == 1
    assert store.recheck.cancel("J1", "E01", actor="moderator")
    assert store.recheck.pending() == []


def test_progress_matrix_shows_statuses_never_scores(store):
    scores = {c.id: Decimal(7) for c in store.config.criteria}
    store.scores.submit("J1", "E01", scores)
    store.scores.recuse("J2", "E01", "conflict")
    store.recheck.request("J1", "E01", actor="moderator")
    matrix = store.progress.matrix()
    assert matrix.status("J1", "E01") == "scored"
    assert matrix.status("J2", "E01") == "recused"
    assert matrix.status("J3", "E01") == "pending"
    assert matrix.recheck_asked("J1", "E01") and not matrix.recheck_asked("J2", "E01")
    assert matrix.count("J1", "pending") == 5 and matrix.done("J2") == 1
    assert "7" not in repr(matrix.sheets)
