"""The session database on a real file: durable writes, audit chain, refusing foreign files."""

from __future__ import annotations

import hashlib
import sqlite3
from decimal import Decimal

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.score_entry import ScoreProblem, SheetEntry
from ikm_tui.i18n import Messages
from ikm_tui.store.schema import CURRENT_VERSION
from ikm_tui.store.session import Store

EN = Messages("en")


def scores(config, value="8"):
    return {c.id: Decimal(value) for c in config.criteria}


@pytest.fixture
def event(make_event):
    return load_config(make_event(judges=3, entrants=8))


@pytest.fixture
def store(event):
    with Store(event) as s:
        yield s


def file_digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_wal_synchronous_full_and_versioned(store):
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert store.db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_submitted_sheet_is_visible_to_a_new_connection(store, event):
    store.scores.submit("J1", "E01", scores(event, "8.5"))
    with Store(event) as other:
        record = other.scores.sheet("J1", "E01")
    assert record.scores == {c.id: Decimal("8.5") for c in event.criteria}
    assert record.revision == 1 and not record.recused


def test_correction_replaces_and_is_audited_with_old_values(store, event):
    store.scores.submit("J1", "E01", scores(event, "8"))
    store.scores.submit("J1", "E01", scores(event, "9"))
    record = store.scores.sheet("J1", "E01")
    assert record.revision == 2 and set(record.scores.values()) == {Decimal("9")}
    last = store.audit.entries()[-1]
    assert last.action == "score.replace" and last.subject == "J1/E01"
    assert set(last.detail["before"]["scores"].values()) == {"8"}
    assert set(last.detail["scores"].values()) == {"9"}


def test_recusal_removes_scores_and_counts_out_of_the_aggregate(store, event):
    store.scores.submit("J2", "E01", scores(event, "9"))
    store.scores.submit("J1", "E01", scores(event, "5"))
    store.scores.recuse("J1", "E01", "family business")
    record = store.scores.sheet("J1", "E01")
    assert record.recused and record.scores == {} and record.reason == "family business"
    standing = store.ranking().by_entrant()["E01"]
    assert standing.total == 90 and (standing.judges, standing.expected) == (1, 2)


def test_invalid_sheet_is_refused_and_nothing_written(store, event):
    bad = scores(event, "8") | {event.criteria[0].id: Decimal("8.25")}
    with pytest.raises(ScoreProblem) as info:
        store.scores.submit("J1", "E01", bad)
    assert info.value.code == "score.off_step"
    with pytest.raises(ScoreProblem):
        store.scores.submit("J9", "E01", scores(event))
    assert store.scores.all() == []
    assert [e.action for e in store.audit.entries()] == [
        "session.create",
        "event.define",
        "session.seed_queue",
    ]


def test_audit_chain_verifies_and_detects_tampering(store, event):
    for judge in ("J1", "J2", "J3"):
        store.scores.submit(judge, "E02", scores(event, "7"))
    check = store.audit.verify()
    assert check.ok and check.rows == 6
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with store.db.write() as conn:
            conn.execute("UPDATE audit SET detail = '{}' WHERE seq = 3")
    # someone with the sqlite3 shell drops the guard and edits history
    raw = sqlite3.connect(store.path)
    raw.execute("DROP TRIGGER audit_append_only_update")
    raw.execute("""UPDATE audit SET detail = replace(detail, '"7"', '"10"') WHERE seq = 5""")
    raw.commit()
    raw.close()
    check = store.audit.verify()
    assert not check.ok and check.first_bad == 5 and check.rows == 4


def test_import_is_all_or_nothing(store, event):
    entries = [SheetEntry("J1", "E01", scores(event, "8")), SheetEntry("J2", "E01", None, "CSV")]
    summary = store.scores.import_sheets(entries, actor="import:test.csv")
    assert (summary.new, summary.replaced) == (2, 0)
    bad = [SheetEntry("J1", "E01", scores(event, "9")), SheetEntry("J1", "E99", scores(event))]
    with pytest.raises(ScoreProblem):
        store.scores.import_sheets(bad, actor="import:bad.csv")
    assert set(store.scores.sheet("J1", "E01").scores.values()) == {Decimal("8")}
    summary = store.scores.import_sheets([SheetEntry("J1", "E01", scores(event, "9"))], actor="x")
    assert (summary.new, summary.replaced) == (0, 1)


def test_an_import_leaves_every_score_with_its_sheet_and_foreign_keys_on(store, event):
    """The import skips SQLite's per-row foreign-key lookups; afterwards, succeeded or refused,
    the connection checks references again and no score lacks its sheet."""
    store.scores.submit("J1", "E01", scores(event, "5"))
    entries = [SheetEntry(j.id, e.id, scores(event, "7")) for e in event.entrants for j in event.judges]
    store.scores.import_sheets(entries, actor="import:a.csv")  # replaces J1/E01 too
    assert store.db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with store.db.write() as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO score VALUES ('J9', 'E99', 'x', '1')")  # no such sheet
    with store.db.write() as conn:  # finalised: the next import is refused inside its write
        conn.execute(
            "INSERT INTO finalisation (finalised_at, finalised_by, digest, snapshot)"
            " VALUES ('now', 'test', 'x', '{}')"
        )
    with pytest.raises(InputError):
        store.scores.import_sheets(entries[:1], actor="import:b.csv")
    assert store.db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert len(store.scores.all()) == len(entries)


def test_scores_are_locked_after_finalising(store, event):
    with store.db.write() as conn:
        conn.execute(
            "INSERT INTO finalisation (finalised_at, finalised_by, digest, snapshot)"
            " VALUES ('now', 'test', 'x', '{}')"
        )
    with pytest.raises(InputError) as info:
        store.scores.submit("J1", "E01", scores(event))
    assert "results are finalised" in info.value.render(EN)
    assert store.scores.all() == []


def test_newer_database_is_refused_unchanged(event):
    Store(event).close()
    raw = sqlite3.connect(event.event.database)
    raw.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    raw.close()
    before = file_digest(event.event.database)
    with pytest.raises(InputError) as info:
        Store(event)
    assert "made by a newer ikm-tui" in info.value.render(EN)
    assert file_digest(event.event.database) == before


def test_foreign_sqlite_file_is_refused_unchanged(event):
    raw = sqlite3.connect(event.event.database)
    raw.execute("CREATE TABLE customers (id INTEGER)")
    raw.commit()
    raw.close()
    before = file_digest(event.event.database)
    with pytest.raises(InputError) as info:
        Store(event)
    assert "not an ikm-tui session database" in info.value.render(EN)
    assert file_digest(event.event.database) == before


def test_a_file_that_is_not_sqlite_is_refused_unchanged(event):
    event.event.database.write_bytes(b"judge,entrant\nJ1,E01\n" * 50)
    before = file_digest(event.event.database)
    with pytest.raises(InputError) as info:
        Store(event)
    assert "not an SQLite database" in info.value.render(EN)
    assert file_digest(event.event.database) == before


def test_database_of_another_event_is_refused(event, make_event):
    """Neither the recorded title nor the recorded days: another event's config, not an edit."""
    Store(event).close()
    other_path = make_event(judges=3, entrants=8)
    other_text = (
        other_path.read_text()
        .replace('title = "Test Event"', 'title = "Other Event"')
        .replace('"2022-06-14", "2022-06-15"', '"2023-01-10", "2023-01-11"')
    )
    other_path.write_text(other_text)
    other = load_config(other_path)
    with pytest.raises(InputError) as info:
        Store(other, event.event.database)
    assert "belongs to another event" in info.value.render(EN)


def test_a_title_typo_fix_is_an_amendment_not_another_event(event, make_event):
    with Store(event) as store:
        event_id = store.event_id
    path = make_event(judges=3, entrants=8)
    path.write_text(path.read_text().replace('title = "Test Event"', 'title = "Test Event 2022"'))
    with Store(load_config(path), event.event.database) as store:
        assert store.event_id == event_id and store.config.event.title == "Test Event"
        assert [(c.key, c.before, c.after) for c in store.pending()] == [
            ("event.title", "Test Event", "Test Event 2022")
        ]


def test_a_judge_the_config_dropped_stays_in_the_record_and_cannot_be_amended_away(event, make_event):
    with Store(event) as store:
        store.scores.submit("J3", "E01", scores(event))
        before = store.ranking().by_entrant()["E01"].total
    fewer = load_config(make_event(judges=2, entrants=8))
    with Store(fewer, event.event.database) as store:
        assert [j.id for j in store.config.judges] == ["J1", "J2", "J3"]
        assert store.ranking().by_entrant()["E01"].total == before
        with pytest.raises(InputError) as info:
            store.amend("J3 left", actor="Sari")
        assert "judge J3 cannot be removed: 1 score sheets exist (J3/E01)" in info.value.render(EN)
        assert [j.id for j in store.config.judges] == ["J1", "J2", "J3"]
        assert store.audit.entries()[-1].action == "score.submit"


def test_queue_is_seeded_from_the_roster(store, event):
    assert store.queue.statuses() == {e.id: "waiting" for e in event.entrants}


@pytest.mark.parametrize(
    "rule",
    [
        'aggregate = "mean"',
        'aggregate = "median"',
        'aggregate = "trimmed_mean"',
        'aggregate = "trimmed_mean"\ntrim_scope = "criterion"',
    ],
)
def test_ranking_from_sql_points_equals_ranking_from_sheets(make_event, rule):
    """The SQL fast path and the plain rules agree, on a 0.25-step scale with recusals."""
    import random
    from fractions import Fraction

    from ikm_tui.domain.ranking import rank

    text = make_event(judges=5, entrants=9).read_text()
    path = make_event(judges=5, entrants=9)
    text = text.replace('trim_scope = "total"\n', "")
    path.write_text(text.replace("step = 0.5", "step = 0.25").replace('aggregate = "mean"', rule))
    config = load_config(path)
    rnd = random.Random(3)
    with Store(config) as store:
        for e in config.entrants:
            for j in config.judges:
                if rnd.random() < 0.1:
                    store.scores.recuse(j.id, e.id, "conflict")
                elif rnd.random() < 0.9:
                    store.scores.submit(
                        j.id, e.id, {c.id: Decimal(1 + rnd.randrange(37) / 4) for c in config.criteria}
                    )
        fast = store.ranking()
        slow = rank(config, store.scores.sheets(), store.queue.statuses())
    assert [(s.entrant.id, s.rank, s.total, s.keys) for s in fast.standings] == [
        (s.entrant.id, s.rank, s.total, s.keys) for s in slow.standings
    ]
    assert any(s.total.denominator != 1 for s in fast.ranked())
    assert all(isinstance(s.total, Fraction) for s in fast.ranked())


def test_read_only_store_never_creates_or_writes(event):
    """The projector board's store: a missing file stays missing; a current one is only read."""
    path = event.event.database
    with pytest.raises(InputError):
        Store(event, read_only=True)
    assert not path.exists()
    with Store(event) as store:
        store.scores.submit("J1", "E01", scores(event, "9"))
    before = file_digest(path)
    with Store(event, read_only=True) as follower:
        assert follower.ranking().by_entrant()["E01"].total == 90
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            follower.scores.submit("J2", "E01", scores(event, "9"))
    assert file_digest(path) == before


def test_a_big_import_is_audited_in_whole_rows_that_replay_to_the_live_sheets(make_event):
    """An import audits its sheets a hundred-odd to a row: every sheet and what it replaced is in
    the log, every row fits a spreadsheet cell, and ``audit verify`` replays it to the tables."""
    import json

    from ikm_tui.store.verify import verify

    config = load_config(make_event(judges=4, entrants=60))
    with Store(config) as store:
        store.scores.submit("J1", "E01", scores(config, "5"))
        entries = [
            SheetEntry(j.id, e.id, scores(config, "7") if (i + k) % 9 else None, "kerabat")
            for i, e in enumerate(config.entrants)
            for k, j in enumerate(config.judges)
        ]
        summary = store.scores.import_sheets(entries, actor="import:big.csv", source="import:big.csv")
        assert (summary.new, summary.replaced) == (239, 1)
        rows = [e for e in store.audit.entries() if e.action == "score.import"]
        logged = [s for row in rows for s in row.detail["sheets"]]
        assert [(s["judge"], s["entrant"]) for s in logged] == [(e.judge, e.entrant) for e in entries]
        assert len(rows) > 1 and all(len(json.dumps(r.detail)) < 32_767 for r in rows)
        replaced = next(s for s in logged if (s["judge"], s["entrant"]) == ("J1", "E01"))
        assert set(replaced["before"]["scores"].values()) == {"5"}
        with store.db.reading() as conn:
            assert verify(conn, store.config).ok
