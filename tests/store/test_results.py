"""Decisions, finalise/unlock and the reveal step on a real SQLite file, each audited."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.leaderboard import judge_scores, leaderboard_rows, results_digest
from ikm_tui.store.session import Store

CRITERIA = ("inovasi", "produktivitas", "pasar")


def score_all(store, table, judges=("J1", "J2", "J3")):
    """``table`` maps entrant -> one value every judge gives on every criterion."""
    for entrant, value in table.items():
        for judge in judges:
            store.scores.submit(judge, entrant, {c: Decimal(str(value)) for c in CRITERIA})


# E03 and E04 share places 2-3: a tie across the Juara I | Juara II line
TIED = {"E01": 9, "E02": 8, "E03": 8, "E04": 7, "E05": 6.5, "E06": 6, "E07": 5, "E08": 4}


@pytest.fixture
def store(make_event):
    with Store(load_config(make_event(judges=3, entrants=8))) as store:
        yield store


def actions(store):
    return [e.action for e in store.audit.entries()]


def test_a_boundary_tie_blocks_finalising_until_the_panel_decides(store):
    score_all(store, TIED)
    assert [t.entrants for t in store.ranking().ties] == [("E02", "E03")]
    with pytest.raises(InputError) as refused:
        store.results.finalise(actor="moderator")
    assert refused.value.code == "results.open_ties"
    assert not store.results.locked()

    store.results.decide(["E03", "E02"], "stronger job creation", "panel chair", actor="moderator")
    by = store.ranking().by_entrant()
    assert (by["E03"].rank, by["E03"].prize.label, by["E02"].prize.label) == (2, "Juara I", "Juara II")
    assert by["E03"].decision.decided_by == "panel chair"
    assert actions(store)[-1] == "decision.record"

    frozen = store.results.finalise(actor="moderator")
    assert store.results.locked()
    rows = leaderboard_rows(store.ranking())
    scores = judge_scores(store.config, store.scores.sheets())
    assert frozen.digest == results_digest(rows, scores) == store.results.frozen().digest
    assert frozen.snapshot.decisions[0]["order"] == ["E03", "E02"]
    assert actions(store)[-1] == "results.finalise"


def test_a_decision_must_order_exactly_an_open_tie(store):
    score_all(store, TIED)
    for entrants, code in (
        (["E01", "E02"], "results.not_a_tie"),
        (["E02"], "results.decision_order"),
        (["E02", "E02"], "results.decision_order"),
        (["E02", "E99"], "score.unknown_entrant"),
    ):
        with pytest.raises(InputError) as refused:
            store.results.decide(entrants, "why", "chair", actor="moderator")
        assert refused.value.code == code
    with pytest.raises(InputError) as refused:
        store.results.decide(["E02", "E03"], "  ", "chair", actor="moderator")
    assert refused.value.place == "reason"
    assert store.results.decisions() == []
    assert "decision.record" not in actions(store)


def test_withdrawing_a_decision_reopens_the_tie(store):
    score_all(store, TIED)
    store.results.decide(["E02", "E03"], "pitch", "chair", actor="moderator")
    assert store.ranking().ties == ()
    store.results.revoke_decision(["E03", "E02"], actor="moderator")
    assert [t.entrants for t in store.ranking().ties] == [("E02", "E03")]
    assert actions(store)[-1] == "decision.withdraw"
    with pytest.raises(InputError):
        store.results.revoke_decision(["E03", "E02"], actor="moderator")


def test_missing_sheets_need_an_override_reason(store):
    score_all(store, {e: v for e, v in TIED.items() if e not in ("E03", "E08")} | {"E03": 7.5})
    store.scores.submit("J1", "E08", {c: Decimal(4) for c in CRITERIA})
    store.scores.recuse("J2", "E08", "family business")  # J3 never scores E08
    assert store.results.missing_sheets() == [("J3", "E08")]  # a recusal is not missing
    with pytest.raises(InputError) as refused:
        store.results.finalise(actor="moderator")
    assert refused.value.code == "results.missing_sheets" and refused.value.params["count"] == 1
    frozen = store.results.finalise(actor="moderator", override="J3 left ill; panel agreed")
    assert frozen.override_reason == "J3 left ill; panel agreed"
    entry = store.audit.entries()[-1]
    assert entry.detail["missing"] == ["J3/E08"]


def test_an_entrant_nobody_scored_is_missing_unless_out_of_the_event(store):
    score_all(store, {e: v for e, v in TIED.items() if e not in ("E03", "E08")} | {"E03": 7.5})
    assert store.results.missing_sheets() == [("J1", "E08"), ("J2", "E08"), ("J3", "E08")]
    store.stage.withdraw("E08")
    assert store.results.missing_sheets() == []
    assert store.results.finalise(actor="moderator").snapshot.rows[-1]["status"] == "withdrawn"


def test_locked_scores_refuse_changes_until_unlocked_with_a_reason(store):
    score_all(store, {e: 9 - i * 0.5 for i, e in enumerate(TIED)})
    store.results.finalise(actor="moderator")
    with pytest.raises(InputError) as refused:
        store.scores.submit("J1", "E01", {c: Decimal(1) for c in CRITERIA})
    assert refused.value.code == "results.locked"
    for attempt in (
        lambda: store.results.finalise(actor="m"),
        lambda: store.results.decide(["E01", "E02"], "x", "y", actor="m"),
    ):
        with pytest.raises(InputError):
            attempt()
    with pytest.raises(InputError) as refused:
        store.results.unlock("", actor="moderator")
    assert refused.value.place == "reason" and store.results.locked()

    store.results.unlock("J2 found a typo on E05", actor="moderator")
    assert not store.results.locked() and store.results.frozen() is None
    store.scores.submit("J1", "E01", {c: Decimal(1) for c in CRITERIA})
    history = store.results.finalisations()
    assert history[0].unlock_reason == "J2 found a typo on E05"
    assert actions(store)[-2] == "results.unlock"
    with pytest.raises(InputError) as refused:
        store.results.unlock("again", actor="moderator")
    assert refused.value.code == "results.not_locked"
    assert store.audit.verify().ok


def test_reveal_steps_only_from_a_locked_result_and_unlock_hides_it(store):
    score_all(store, {e: 9 - i * 0.5 for i, e in enumerate(TIED)})
    with pytest.raises(InputError) as refused:
        store.results.reveal(1, actor="moderator")
    assert refused.value.code == "results.reveal_unlocked"
    assert store.results.reveal_state().snapshot is None

    store.results.finalise(actor="moderator")
    for step in (1, 2, 3, 4):
        store.results.reveal(step, actor="moderator")
        state = store.results.reveal_state()
        assert state.step == step and state.snapshot is not None
    with pytest.raises(InputError) as refused:
        store.results.reveal(5, actor="moderator")
    assert refused.value.code == "results.reveal_step"
    store.results.unlock("recount", actor="moderator")
    assert store.results.reveal_state().step == 0
    assert [e.detail["step"] for e in store.audit.entries() if e.action == "reveal.step"] == [1, 2, 3, 4]


def test_another_process_sees_the_reveal(store, make_event):
    score_all(store, {e: 9 - i * 0.5 for i, e in enumerate(TIED)})
    store.results.finalise(actor="moderator")
    with Store(store.config) as board:
        before = board.data_version()
        store.results.reveal(1, actor="moderator")
        assert board.data_version() != before
        state = board.results.reveal_state()
        assert state.step == 1
        assert [r["entrant"] for r in state.snapshot.tier("Juara III")] == ["E05", "E06"]


def test_exports_read_the_frozen_snapshot_while_locked(store):
    from ikm_tui.export.bundle import gather

    score_all(store, {e: 9 - i * 0.5 for i, e in enumerate(TIED)})
    open_bundle = gather(store)
    assert open_bundle.provisional
    frozen = store.results.finalise(actor="moderator")
    # after the lock, a withdrawal that would alter the official result is refused ...
    with pytest.raises(InputError, match="stage.result_locked"):
        store.stage.withdraw("E01")
    store.stage.call("E02")  # ... while the stage goes on
    bundle = gather(store)
    assert not bundle.provisional and bundle.digest == frozen.digest == open_bundle.digest
    assert bundle.rows == frozen.snapshot.rows and bundle.rows[0]["entrant"] == "E01"
    assert bundle.scores == frozen.snapshot.scores
