"""The event record: editing config.toml after scores exist never changes a total, a rank or a
prize without an applied, audited amendment, and never breaks a command (PRODUCT.md, "The
event record"). Commands run in-process through ``main`` as staff would type them."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from ikm_tui.cli import main
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import score_csv

CRITERIA = ["inovasi", "produktivitas", "pasar"]
# E01 and E02 clearly ahead, E03..E08 behind; every score on the 0.5 step, some on .5
VALUES = {
    "E01": "9.5",
    "E02": "9",
    "E03": "8.5",
    "E04": "7.5",
    "E05": "7",
    "E06": "6",
    "E07": "5",
    "E08": "4",
}


@pytest.fixture
def event(make_event, tmp_path):
    path = make_event(judges=3, entrants=8)
    rows = [[j, e, v, v, v] for e, v in VALUES.items() for j in ("J1", "J2", "J3")]
    sheet = score_csv(tmp_path / "paper.csv", ["judge", "entrant", *CRITERIA], rows)
    assert run(path, "scores", "import", str(sheet))[0] == 0
    return path


def run(config, *args: str) -> tuple[int, str, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--config", str(config), *args])
    return code, out.getvalue(), err.getvalue()


def edit(config, old: str, new: str) -> None:
    text = config.read_text(encoding="utf-8")
    assert old in text, old
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


def board(config) -> list[tuple]:
    code, out, err = run(config, "leaderboard", "--json")
    assert code == 0, err
    return [(r["entrant"], r["rank"], r["total"], r["prize"]) for r in json.loads(out)]


def db_digest(config) -> str:
    db = load_config(config).event.database
    return hashlib.sha256(db.read_bytes()).hexdigest()


def test_the_whole_definition_is_recorded_and_audited_at_creation(event):
    with Store(load_config(event)) as store:
        first = [e for e in store.audit.entries() if e.action == "event.define"]
        assert len(first) == 1 and first[0].subject == store.event_id
        recorded = first[0].detail["definition"]
        assert recorded["scoring"]["max"] == "10" and recorded["scoring"]["step"] == "0.5"
        assert [c["id"] for c in recorded["criteria"]] == CRITERIA
        assert [e["id"] for e in recorded["entrants"]] == list(VALUES)
        assert [p["label"] for p in recorded["prizes"]] == ["Juara I", "Juara II", "Juara III"]
        assert recorded["event"]["language"] == "en" and recorded["timer"]["presentation_minutes"] == 7
        assert re.fullmatch(r"[0-9a-f-]{36}", store.event_id)


@pytest.mark.parametrize(
    ("old", "new", "refusal"),
    [
        ("max = 10", "max = 5", "does not fit 18 recorded scores (J1/E01=9.5"),
        ("step = 0.5", "step = 1", "for Inovasi does not fit 9 recorded scores (J1/E01=9.5, J1/E03=8.5"),
        (
            '[[judges]]\nid = "J1"',
            '[[criteria]]\nid = "digital"\nname = "Digital"\nweight = 10\n\n[[judges]]\nid = "J1"',
            "criterion Digital cannot be added: 24 score sheets lack it",
        ),
        (
            "weight = 25\n",
            'weight = 25\n\n[[criteria]]\nid = "x"\nname = "X"\nweight = 5\n',
            "criterion X cannot be added",
        ),
    ],
    ids=["max 10 to 5", "step 0.5 to 1", "criterion added", "criterion appended"],
)
def test_an_edit_that_breaks_recorded_scores_changes_nothing_and_is_refused(event, old, new, refusal):
    before = board(event)
    edit(event, old, new)
    code, out, err = run(event, "leaderboard", "--json")
    assert (
        code == 0 and [(r["entrant"], r["rank"], r["total"], r["prize"]) for r in json.loads(out)] == before
    )
    assert len(err.strip().splitlines()) == 1 and "differs from the event record" in err  # one line
    code, out, err = run(event, "event", "diff")
    assert code == 0 and "Cannot be applied:" in out and refusal in out, out
    digest = db_digest(event)
    code, out, err = run(event, "event", "apply", "--reason", "new rubric")
    assert code == 2 and refusal in err
    assert db_digest(event) == digest
    assert run(event, "boundaries")[0] == 0
    code, out, err = run(event, "finalise")
    assert code == 0, err
    assert board(event) == before


def test_an_indonesian_refusal_writes_its_numbers_with_decimal_commas(make_event, tmp_path):
    path = make_event(judges=3, entrants=8, language="id")
    rows = [[j, e, v, v, v] for e, v in VALUES.items() for j in ("J1", "J2", "J3")]
    sheet = score_csv(tmp_path / "paper-id.csv", ["judge", "entrant", *CRITERIA], rows)
    assert run(path, "scores", "import", str(sheet))[0] == 0
    edit(path, "max = 10", "max = 8.5")
    code, out, err = run(path, "event", "apply", "--reason", "skala baru")
    assert code == 2
    refusal = next(line for line in err.splitlines() if "criteria[inovasi]" in line)
    assert "skala 1–8,5 kelipatan 0,5 untuk kriteria Inovasi tidak cocok dengan 6 nilai" in refusal
    assert "(J1/E01=9,5, J1/E02=9, J2/E01=9,5, J2/E02=9, J3/E01=9,5 (+1))" in refusal
    assert "0.5" not in refusal and "9.5" not in refusal


def test_removing_a_scored_judge_or_entrant_is_refused_naming_the_sheets(event):
    edit(event, '[[judges]]\nid = "J3"\nname = "Judge 3"', "")
    code, out, _ = run(event, "event", "diff")
    assert "judges[J3].name: Judge 3 → (absent)" in out
    assert (
        "judge J3 cannot be removed: 8 score sheets exist (J3/E01, J3/E02, J3/E03, J3/E04, J3/E05 (+3))"
        in out
    )


def test_the_entrant_on_stage_removed_from_the_file(event, make_event):
    run(event, "queue", "call", "E08")
    text = event.read_text(encoding="utf-8")
    start = text.index('[[entrants]]\nid = "E08"')
    event.write_text(text[:start], encoding="utf-8")
    code, out, err = run(event, "queue")
    assert code == 0 and "E08" in out
    code, out, err = run(event, "event", "apply", "--reason", "E08 left")
    assert code == 2
    assert "entrant E08 cannot be removed: they are on stage" in err
    assert "entrant E08 cannot be removed: 3 score sheets exist" in err


def test_an_allowed_amendment_shows_its_effect_and_is_applied_once_audited(event):
    before = board(event)
    assert [(e, p) for e, _r, _t, p in before[:2]] == [("E01", "Juara I"), ("E02", "Juara I")]
    edit(event, 'title = "Test Event"', 'title = "Test Event 2022"')
    edit(event, '[[prizes]]\nlabel = "Juara I"\ncount = 2', '[[prizes]]\nlabel = "Juara I"\ncount = 1')
    code, out, err = run(event, "event", "diff")
    assert code == 0 and not err
    assert "event.title: Test Event → Test Event 2022" in out
    assert "prizes[1].count: 2 → 1" in out
    assert "Juara I: E01, E02 → E01" in out and "Juara II: E03, E04 → E02, E03" in out
    assert board(event) == before  # nothing applied yet
    code, out, err = run(event, "event", "apply", "--reason", "one Juara I only", "--by", "Sari")
    assert code == 0, err
    assert "revision 2" in out and "by Sari" in out
    after = board(event)
    assert [(e, p) for e, _r, _t, p in after[:3]] == [
        ("E01", "Juara I"),
        ("E02", "Juara II"),
        ("E03", "Juara II"),
    ]
    assert [t for _e, _r, t, _p in after] == [t for _e, _r, t, _p in before]
    code, out, err = run(event, "leaderboard")
    assert not err  # no difference left to announce
    with Store(load_config(event)) as store:
        amend = store.audit.entries()[-1]
        assert (amend.action, amend.actor, amend.detail["reason"]) == (
            "event.amend",
            "Sari",
            "one Juara I only",
        )
        assert amend.detail["definition"]["prizes"][0]["count"] == 1
        assert {c["key"] for c in amend.detail["changes"]} == {"event.title", "prizes[1].count"}
        assert store.audit.verify().ok and store.config.event.title == "Test Event 2022"
    assert run(event, "event", "apply", "--reason", "again")[0] == 2  # nothing differs now


def test_after_finalising_nothing_that_changes_the_result_is_accepted_until_unlocked(event):
    assert run(event, "finalise", "--by", "Sari")[0] == 0
    before = board(event)
    code, _out, err = run(event, "queue", "withdraw", "E01")
    assert code == 2 and "finalised" in err
    code, _out, err = run(event, "queue", "no-show", "E02")
    assert code == 2 and "finalised" in err
    edit(event, 'title = "Test Event"', 'title = "Test Event 2022"')
    code, _out, err = run(event, "event", "apply", "--reason", "typo")
    assert code == 2 and "no amendment is accepted until they are unlocked" in err
    assert board(event) == before
    assert run(event, "queue", "call", "E05")[0] == 0  # the stage still works
    assert run(event, "queue", "next")[0] == 0
    assert run(event, "unlock", "--reason", "E01 withdrew after the ceremony")[0] == 0
    assert run(event, "queue", "withdraw", "E01")[0] == 0
    assert [e for e, _r, _t, p in board(event) if p == "Juara I"] == ["E02", "E03"]


def test_the_minutes_name_the_person_not_the_program(event):
    assert run(event, "finalise", "--by", "Sari Dewi")[0] == 0
    with Store(load_config(event)) as store:
        assert store.results.finalisations()[0].finalised_by == "Sari Dewi"
        assert {e.actor for e in store.audit.entries()} & {"cli", "moderator"} == set()
