"""Ranking: tie-breaks, shared ranks, prizes down the list, boundary ties and decisions."""

from __future__ import annotations

from fractions import Fraction as F

from ikm_tui.domain.ranking import Decision, rank
from tests.unit.engine_builders import build_config, sheet, uniform


def ranked(result):
    return [(s.entrant.id, s.rank, s.prize.label if s.prize else None, s.status) for s in result.standings]


def test_prizes_go_down_the_ranking_in_config_order():
    config = build_config(entrants=8)
    sheets = [s for e in range(1, 9) for s in uniform(config, f"E{e:02d}", 10 - e * 0.5)]
    result = rank(config, sheets)
    assert [(s.entrant.id, s.rank) for s in result.ranked()] == [(f"E{e:02d}", e) for e in range(1, 9)]
    assert [s.prize.label if s.prize else None for s in result.standings] == [
        "Juara I",
        "Juara I",
        "Juara II",
        "Juara II",
        "Juara III",
        "Juara III",
        None,
        None,
    ]
    assert [s.prize.amount for s in result.winners()] == [3_000_000] * 2 + [2_400_000] * 2 + [1_800_000] * 2
    assert result.ties == ()


def test_tie_break_criteria_in_order():
    config = build_config(entrants=7, judges=1, tie_break=("inovasi", "produktivitas"))
    # All three total 80: 100 x (40x8 + 35x8 + 25x8) / 1000 = 100 x (40x5 + 35x10 + 25x10) / 1000
    sheets = [sheet("J1", "E01", 8, 8, 8), sheet("J1", "E02", 8, 8, 8), sheet("J1", "E03", 5, 10, 10)]
    sheets += [sheet("J1", f"E{e:02d}", 5, 5, 5) for e in range(4, 8)]
    top = rank(config, sheets).ranked()[:3]
    assert [s.total for s in top] == [80, 80, 80]
    # E03 loses on inovasi (5 < 8); E01 and E02 are equal on every tie-break: they share rank 1
    assert [(s.entrant.id, s.rank) for s in top] == [("E01", 1), ("E02", 1), ("E03", 3)]


def test_second_tie_break_decides_when_the_first_is_equal():
    # Both total 80 with inovasi 8 from each judge; E02 has more produktivitas (mean 9.25 vs 8).
    # E02's judges: 100 x (320 + 332.5 + 162.5) / 1000 = 81.5 and 100 x (320 + 315 + 150) / 1000 = 78.5
    config = build_config(entrants=6, judges=2, tie_break=("inovasi", "produktivitas"))
    sheets = [
        sheet("J1", "E01", 8, 8, 8),
        sheet("J2", "E01", 8, 8, 8),
        sheet("J1", "E02", 8, 9.5, 6.5),
        sheet("J2", "E02", 8, 9, 6),
    ]
    sheets += [
        s for e in range(3, 7) for s in (sheet("J1", f"E{e:02d}", 1, 1, 1), sheet("J2", f"E{e:02d}", 1, 1, 1))
    ]
    top = rank(config, sheets).ranked()[:2]
    assert [s.total for s in top] == [80, 80]
    assert [(s.entrant.id, s.rank) for s in top] == [("E02", 1), ("E01", 2)]


def test_shared_ranks_are_competition_ranks():
    config = build_config(entrants=8, judges=1, tie_break=())
    values = [9, 8, 8, 7, 6, 6, 6, 5]
    sheets = [sheet("J1", f"E{i:02d}", v, v, v) for i, v in enumerate(values, 1)]
    assert [s.rank for s in rank(config, sheets).standings] == [1, 2, 2, 4, 5, 5, 5, 8]


def test_tie_inside_one_tier_is_no_boundary_tie():
    config = build_config(entrants=8, judges=1, tie_break=())
    values = [9, 9, 8, 7, 6, 5, 4, 3]
    result = rank(config, [sheet("J1", f"E{i:02d}", v, v, v) for i, v in enumerate(values, 1)])
    assert ranked(result)[:3] == [
        ("E01", 1, "Juara I", "complete"),
        ("E02", 1, "Juara I", "complete"),
        ("E03", 3, "Juara II", "complete"),
    ]
    assert result.ties == ()


def test_tie_straddling_a_boundary_blocks_until_decided():
    config = build_config(entrants=8, judges=1, tie_break=())
    values = [9, 8, 8, 7, 6, 5, 4, 3]  # E02 and E03 share rank 2 across Juara I | Juara II
    sheets = [sheet("J1", f"E{i:02d}", v, v, v) for i, v in enumerate(values, 1)]
    result = rank(config, sheets)
    assert len(result.ties) == 1
    tie = result.ties[0]
    assert tie.rank == 2 and tie.entrants == ("E02", "E03")
    assert [p.label for p in tie.prizes] == ["Juara I", "Juara II"]
    assert ranked(result)[:4] == [
        ("E01", 1, "Juara I", "complete"),
        ("E02", 2, None, "tie"),
        ("E03", 2, None, "tie"),
        ("E04", 4, "Juara II", "complete"),
    ]

    decided = rank(config, sheets, decisions=[Decision(("E03", "E02"), "pitch quality", "panel")])
    assert decided.ties == ()
    assert ranked(decided)[:4] == [
        ("E01", 1, "Juara I", "complete"),
        ("E03", 2, "Juara I", "complete"),
        ("E02", 3, "Juara II", "complete"),
        ("E04", 4, "Juara II", "complete"),
    ]
    assert decided.by_entrant()["E03"].decision.reason == "pitch quality"


def test_decision_for_another_group_does_not_apply():
    config = build_config(entrants=8, judges=1, tie_break=())
    values = [9, 8, 8, 8, 6, 5, 4, 3]  # three-way tie at rank 2
    sheets = [sheet("J1", f"E{i:02d}", v, v, v) for i, v in enumerate(values, 1)]
    stale = Decision(("E03", "E02"), "earlier", "panel")
    result = rank(config, sheets, decisions=[stale])
    assert result.ties and result.ties[0].entrants == ("E02", "E03", "E04")


def test_tie_at_the_last_prize_boundary():
    config = build_config(entrants=8, judges=1, tie_break=())
    values = [9, 8.5, 8, 7.5, 7, 6, 6, 3]  # ranks 6 and 7 tied: Juara III | nothing
    result = rank(config, [sheet("J1", f"E{i:02d}", v, v, v) for i, v in enumerate(values, 1)])
    assert [t.entrants for t in result.ties] == [("E06", "E07")]
    assert [p.label if p else None for p in result.ties[0].prizes] == ["Juara III", None]


def test_no_shows_and_withdrawn_keep_their_record_but_are_not_ranked():
    config = build_config(entrants=8, judges=1, tie_break=())
    values = [9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5]
    sheets = [sheet("J1", f"E{i:02d}", v, v, v) for i, v in enumerate(values, 1)]
    result = rank(config, sheets, statuses={"E01": "withdrawn", "E03": "forfeit", "E02": "no_show"})
    by = result.by_entrant()
    assert by["E01"].rank is None and by["E01"].status == "withdrawn" and by["E01"].total == 90
    assert by["E03"].rank is None and by["E03"].status == "forfeit"
    assert by["E02"].rank == 1  # a pending no-show (moved later) who was scored still ranks
    assert [s.entrant.id for s in result.winners()] == ["E02", "E04", "E05", "E06", "E07", "E08"]


def test_incomplete_and_unscored_entrants():
    config = build_config(entrants=8, judges=3)
    sheets = uniform(config, "E01", 9) + uniform(config, "E02", 8, judges={"J1"})
    sheets.append(sheet("J2", "E02", recused=True))
    by = rank(config, sheets).by_entrant()
    assert by["E01"].status == "complete" and (by["E01"].judges, by["E01"].expected) == (3, 3)
    assert by["E02"].status == "incomplete" and (by["E02"].judges, by["E02"].expected) == (1, 2)
    assert by["E03"].rank is None and by["E03"].status == "not_scored" and by["E03"].total is None


def test_exact_fractions_decide_not_floats():
    """Totals that floats would call different are equal, and vice versa."""
    config = build_config(
        entrants=6,
        judges=3,
        criteria=(("a", 1),),
        scale=("0", "1", "0.1"),
        tie_break=(),
        prizes=(("P", 1, 100),),
    )
    # E01 judges 0.1,0.2,0.3 -> mean 0.2 exactly; E02 0.2 x3 -> 0.2. Floats: (0.1+0.2+0.3)/3 != 0.2
    assert (0.1 + 0.2 + 0.3) / 3 != 0.2
    sheets = [sheet(f"J{j}", "E01", v, config=config) for j, v in zip((1, 2, 3), ("0.1", "0.2", "0.3"))]
    sheets += [sheet(f"J{j}", "E02", "0.2", config=config) for j in (1, 2, 3)]
    result = rank(config, sheets)
    assert result.by_entrant()["E01"].total == result.by_entrant()["E02"].total == 20
    assert result.ties and set(result.ties[0].entrants) == {"E01", "E02"}


def test_one_judge_nine_judges_and_quarter_steps():
    for judges in (1, 9):
        config = build_config(
            entrants=6,
            judges=judges,
            scale=("0", "5", "0.25"),
            aggregate="trimmed_mean",
            trim=2,
            tie_break=("inovasi",),
        )
        sheets = []
        for e in range(1, 7):
            for j in range(1, judges + 1):
                v = F(e * 3 + j, 4) % 5
                sheets.append(sheet(f"J{j}", f"E{e:02d}", v, v, v, config=config))
        result = rank(config, sheets)
        assert len(result.ranked()) == 6
        for s in result.ranked():
            assert 0 <= s.total <= 100
