"""``ikm-tui stage``: the moderator's cues headless, audited like the console's keys."""

from __future__ import annotations

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm


def test_plus_minus_and_notes_from_the_command_line(make_event):
    config = make_event(entrants=8, language="id")
    assert ikm("queue", "next", config=config).returncode == 0
    plus = ikm("--by", "Sari", "stage", "plus", "--minutes", "2", config=config)
    assert plus.returncode == 0, plus.stderr
    assert "09:00" in plus.stdout and "+2" in plus.stdout
    minus = ikm("stage", "minus", config=config)
    assert minus.returncode == 0 and "08:00" in minus.stdout
    preset = ikm("stage", "message", "--preset", "2", config=config)
    assert preset.returncode == 0 and "Mohon diakhiri" in preset.stdout
    own = ikm("stage", "message", "Slide terakhir", config=config)
    assert "Slide terakhir" in own.stdout
    cleared = ikm("stage", "message", "--clear", config=config)
    assert "Tidak ada pesan" in cleared.stdout
    with Store(load_config(config)) as store:
        cues = [e for e in store.audit.entries() if e.action in ("timer.adjust", "stage.message")]
        assert [(e.actor, e.action) for e in cues][0] == ("Sari", "timer.adjust")
        assert [e.detail.get("seconds", e.detail.get("message")) for e in cues] == [
            120,
            -60,
            "Mohon diakhiri",
            "Slide terakhir",
            "",
        ]
    assert ikm("audit", "verify", config=config).returncode == 0


def test_a_refused_cue_exits_2_and_changes_nothing(make_event):
    config = make_event(entrants=8, language="id")
    nobody = ikm("stage", "plus", config=config)
    assert nobody.returncode == 2 and "belum ada peserta" in nobody.stderr
    assert "Traceback" not in nobody.stderr
    ikm("queue", "next", config=config)
    long = ikm("stage", "message", "x" * 80, config=config)
    assert long.returncode == 2 and "terlalu panjang" in long.stderr
    bad = ikm("stage", "message", "--preset", "9", config=config)
    assert bad.returncode == 2
