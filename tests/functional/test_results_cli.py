"""The headless results commands, run as staff would run them (real subprocesses)."""

from __future__ import annotations

import json

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm, score_csv

# E02 and E03 tie on places 2-3, across the Juara I | Juara II line
VALUES = {"E01": "9", "E02": "8", "E03": "8", "E04": "7", "E05": "6,5", "E06": "6", "E07": "5", "E08": "4"}


def test_decide_finalise_unlock_from_the_command_line(make_event, tmp_path):
    config = make_event(judges=3, entrants=8)
    rows = [[j, e, v, v, v] for e, v in VALUES.items() for j in ("J1", "J2", "J3")]
    sheet = score_csv(
        tmp_path / "paper.csv", ["judge", "entrant", "inovasi", "produktivitas", "pasar"], rows, sep=";"
    )
    assert ikm("scores", "import", str(sheet), config=config).returncode == 0

    refused = ikm("finalise", config=config)
    assert refused.returncode == 2
    assert "need the panel's decision" in refused.stderr and "E02, E03" in refused.stderr

    wrong = ikm("decide", "--entrants", "E03,E01", "--reason", "x", "--by", "chair", config=config)
    assert wrong.returncode == 2 and "not an open tie" in wrong.stderr

    lines = ikm("boundaries", config=config)
    assert "TIE — the panel must decide" in lines.stdout

    ok = ikm(
        "decide",
        "--entrants",
        "E03,E02",
        "--reason",
        "more jobs created",
        "--by",
        "Panel chair",
        config=config,
    )
    assert ok.returncode == 0, ok.stderr
    board = json.loads(ikm("leaderboard", "--json", config=config).stdout)
    assert [(r["entrant"], r["rank"], r["prize"]) for r in board[1:3]] == [
        ("E03", 2, "Juara I"),
        ("E02", 3, "Juara II"),
    ]

    done = ikm("finalise", config=config)
    assert done.returncode == 0, done.stderr
    digest = done.stdout.split()[-1]
    assert len(digest) == 64
    with Store(load_config(config)) as store:
        assert store.results.frozen().digest == digest

    assert ikm("reveal", "9", config=config).returncode == 2
    assert ikm("reveal", "1", config=config).returncode == 0
    assert ikm("unlock", config=config).returncode == 2  # --reason is required
    blank = ikm("unlock", "--reason", " ", config=config)
    assert blank.returncode == 2 and "reason" in blank.stderr
    assert ikm("unlock", "--reason", "typo on E05", config=config).returncode == 0
    with Store(load_config(config)) as store:
        assert not store.results.locked() and store.results.reveal_state().step == 0
        assert [e.action for e in store.audit.entries()][-3:] == [
            "results.finalise",
            "reveal.step",
            "results.unlock",
        ]


def test_the_boundary_swing_shows_scores_as_judges_type_them_in_indonesian(make_event, tmp_path):
    config = make_event(judges=3, entrants=6, language="id", scoring={"step": 0.25})
    values = {"E01": "9.25", "E02": "8.75", "E03": "8.25", "E04": "7.75", "E05": "7.25", "E06": "6.75"}
    rows = [[j, e, v, v, v] for e, v in values.items() for j in ("J1", "J2", "J3")]
    sheet = score_csv(tmp_path / "paper.csv", ["judge", "entrant", "inovasi", "produktivitas", "pasar"], rows)
    assert ikm("scores", "import", str(sheet), config=config).returncode == 0
    lines = ikm("boundaries", config=config).stdout
    # a quarter step is neither rounded to one place (8,8) nor padded (5,0)
    assert "bertukar bila J1 mengubah nilai Inovasi E02 dari 8,75 ke 5\n" in lines
