"""``audit verify`` proves the record: a whole session verifies, and each insider edit made with
plain sqlite3 (triggers dropped) is caught and named."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.store.results import TamperedResult
from ikm_tui.store.session import Store
from ikm_tui.store.verify import Verdict, verify

# E02 and E03 tie on places 2-3 (across the Juara I | Juara II line) until the panel decides
VALUES = {"E01": "9", "E02": "8", "E03": "8", "E04": "7", "E05": "6.5", "E06": "6", "E07": "5", "E08": "4"}


def sheet(config, value: str) -> dict[str, Decimal]:
    return {c.id: Decimal(value) for c in config.criteria}


def check(store: Store) -> Verdict:
    with store.db.reading() as conn:
        return verify(conn, store.config)


def play_a_session(store: Store) -> None:
    """Everything the app audits: stage, scores (a correction, a recusal), a re-check, access
    codes, a decision taken back and taken again, finalise, reveal, unlock, finalise again."""
    config = store.config
    store.stage.call("E01")
    store.stage.toggle_timer()
    store.stage.end_phase()
    store.stage.next()
    store.stage.no_show("E02")
    store.stage.move_later("E03")
    store.stage.undo()
    store.stage.set_calm(True)
    store.access.issue("J1", actor="moderator")
    store.access.issue("J1", actor="moderator")
    store.access.issue("J2", actor="moderator")
    store.access.revoke("J2", actor="moderator")
    for entrant, value in VALUES.items():
        for judge in ("J1", "J2", "J3"):
            store.scores.submit(judge, entrant, sheet(config, value))
    store.recheck.request("J1", "E05", "moderator")
    store.scores.submit("J1", "E05", sheet(config, "6.5"))  # answers the re-check
    store.recheck.request("J2", "E06", "moderator")
    store.recheck.cancel("J2", "E06", "moderator")
    store.recheck.request("J3", "E07", "moderator")
    store.scores.recuse("J3", "E08", "family business")
    store.results.decide(["E02", "E03"], "first try", "chair", actor="moderator")
    store.results.revoke_decision(["E02", "E03"], actor="moderator")
    store.results.decide(["E03", "E02"], "more jobs created", "chair", actor="moderator")
    store.results.finalise(actor="moderator")
    store.results.reveal(1, actor="moderator")
    store.results.unlock("typo on E04", actor="moderator")
    store.scores.submit("J2", "E04", sheet(config, "7.5"))
    store.results.finalise(actor="moderator")
    store.results.reveal(2, actor="moderator")


@pytest.fixture
def played(make_event):
    path = make_event(judges=3, entrants=8)
    with Store(load_config(path)) as store:
        play_a_session(store)
    return path


def reopen(path) -> Store:
    return Store(load_config(path))


def insider(path, *statements: str) -> None:
    """Someone with the sqlite3 shell: drops the guards and edits the file directly."""
    raw = sqlite3.connect(path.parent / "session.db")
    raw.execute("DROP TRIGGER IF EXISTS audit_append_only_update")
    raw.execute("DROP TRIGGER IF EXISTS audit_append_only_delete")
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    raw.close()


def test_a_whole_session_verifies(played):
    with reopen(played) as store:
        verdict = check(store)
        assert verdict.ok, verdict.problem
        assert verdict.rows == len(store.audit.entries())
        assert verdict.head == store.audit.head().hash
        for table in ("score_sheet", "queue_entry", "stage", "decision", "finalisation", "reveal"):
            assert table in verdict.checked


def test_updating_a_score_is_named_by_the_replay(played):
    insider(
        played, "UPDATE score SET value = '10' WHERE judge = 'J1' AND entrant = 'E04' AND criterion = 'pasar'"
    )
    with reopen(played) as store:
        problem = check(store).problem
    assert problem is not None and problem.code == "verify.differs"
    assert problem.params["table"] == "score_sheet" and problem.params["key"] == "J1/E04"
    assert "pasar=7" in problem.params["logged"] and "pasar=10" in problem.params["live"]


def test_a_score_changed_before_finalising_is_caught_even_if_the_snapshot_agrees(make_event):
    """The insider edits a score while results are open; the live tables then disagree with the
    log — the very first check after the chain."""
    path = make_event(judges=3, entrants=8)
    with Store(load_config(path)) as store:
        for entrant, value in VALUES.items():
            for judge in ("J1", "J2", "J3"):
                store.scores.submit(judge, entrant, sheet(store.config, value))
    insider(path, "UPDATE score SET value = '10' WHERE entrant = 'E08'")
    with reopen(path) as store:
        problem = check(store).problem
    assert problem.code == "verify.differs" and problem.params["key"] == "J1/E08"


def test_a_queue_change_outside_the_app_is_named(played):
    insider(played, "UPDATE queue_entry SET status = 'withdrawn' WHERE entrant = 'E01'")
    with reopen(played) as store:
        problem = check(store).problem
    assert problem.code == "verify.differs"
    assert problem.params["table"] == "queue_entry" and problem.params["key"] == "E01"


def test_a_decision_rewritten_outside_the_app_is_named(played):
    insider(played, "UPDATE decision SET reason = 'coin toss' WHERE withdrawn_at IS NULL")
    with reopen(played) as store:
        problem = check(store).problem
    assert problem.code == "verify.differs" and problem.params["table"] == "decision"


def swap_winners_sql() -> str:
    """Rewrite the frozen snapshot so E08 (last) takes E01's place and prize — digest untouched."""
    return (
        "UPDATE finalisation SET snapshot = replace(replace(replace(snapshot,"
        ' \'"entrant": "E01"\', \'"entrant": "TMP"\'),'
        ' \'"entrant": "E08"\', \'"entrant": "E01"\'),'
        ' \'"entrant": "TMP"\', \'"entrant": "E08"\') WHERE unlocked_at IS NULL'
    )


def test_rewriting_the_frozen_snapshot_is_caught_and_refused(played):
    insider(played, swap_winners_sql())
    with reopen(played) as store:
        assert check(store).problem.code == "verify.frozen_digest"
        with pytest.raises(TamperedResult):
            store.results.frozen()
        assert store.results.reveal_state().refused
        assert store.results.reveal_state().snapshot is None
        with pytest.raises(TamperedResult):
            store.results.reveal(1, actor="moderator")


def test_rewriting_the_snapshot_and_its_digest_is_caught_by_the_log(played):
    with reopen(played) as store:
        frozen = store.results.frozen()
    from ikm_tui.domain.snapshot import Snapshot

    rows = [dict(r) for r in frozen.snapshot.rows]
    rows[0]["entrant"], rows[-1]["entrant"] = rows[-1]["entrant"], rows[0]["entrant"]
    forged = Snapshot(rows, frozen.snapshot.scores, frozen.snapshot.prizes, frozen.snapshot.decisions)
    text = forged.to_json().replace("'", "''")
    insider(
        played,
        f"UPDATE finalisation SET snapshot = '{text}', digest = '{forged.digest}' WHERE unlocked_at IS NULL",
    )
    with reopen(played) as store:
        assert check(store).problem.code == "verify.differs"  # the finalisation row's digest
        with pytest.raises(TamperedResult) as refused:
            store.results.frozen()
        assert refused.value.params["why"] == "log"


def test_changing_only_the_prize_tiers_of_the_snapshot_is_refused(played):
    insider(
        played,
        "UPDATE finalisation SET snapshot = replace(snapshot,"
        """ '{"amount": 3000000, "count": 2, "label": "Juara I"}',"""
        """ '{"amount": 9000000, "count": 2, "label": "Juara I"}') WHERE unlocked_at IS NULL""",
    )
    with reopen(played) as store:
        assert check(store).problem.code == "verify.frozen_snapshot"
        with pytest.raises(TamperedResult) as refused:
            store.results.frozen()
    assert refused.value.params["why"] == "snapshot"


def test_deleting_the_newest_audit_row_is_caught(played):
    insider(played, "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
    with reopen(played) as store:
        problem = check(store).problem
    assert problem.code == "verify.head_missing"


def test_deleting_the_newest_row_and_its_mirror_is_still_caught_by_the_replay(played):
    insider(
        played,
        "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)",
        "UPDATE meta SET value = (SELECT max(seq) || ' ' || hash FROM audit"
        " WHERE seq = (SELECT max(seq) FROM audit)) WHERE key = 'audit_head'",
    )
    with reopen(played) as store:
        problem = check(store).problem
    assert problem.code == "verify.differs" and problem.params["table"] == "reveal"


def test_deleting_a_row_in_the_middle_is_a_gap(played):
    insider(played, "DELETE FROM audit WHERE seq = 5")
    with reopen(played) as store:
        problem = check(store).problem
    assert problem.code == "verify.chain_gap" and problem.params == {"seq": 6, "expected": 5}


def test_an_unknown_action_cannot_be_replayed(played):
    """A new audited action without a replay handler is reported, so none can be forgotten."""
    with reopen(played) as store:
        from ikm_tui.store import audit

        with store.db.write() as conn:
            audit.append(conn, "someone", "gadget.invent", "x", {})
        problem = check(store).problem
    assert problem.code == "verify.no_handler" and problem.params["action"] == "gadget.invent"


def test_a_frozen_result_is_checked_against_ranking_the_replayed_scores(played):
    """Judged on another scale (a config edited after finalising), the same replayed scores no
    longer give the stored snapshot: verify says so rather than passing it."""
    text = played.read_text(encoding="utf-8").replace("max = 10", "max = 20")
    changed = played.with_name("changed.toml")
    changed.write_text(text, encoding="utf-8")
    with reopen(played) as store, store.db.reading() as conn:
        assert verify(conn, store.config).ok
        problem = verify(conn, load_config(changed)).problem
    assert problem.code == "verify.frozen_replay"
