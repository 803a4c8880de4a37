"""The prize-boundary monitor on hand-computed cases, and against brute force.

Sample weights 40/35/25 on a 1-10 scale in 0.5 steps: a judge's total is
(40 inovasi + 35 produktivitas + 25 pasar) / 10, so every expected figure below is worked out
by hand in the comment next to it.
"""

from __future__ import annotations

import random
from fractions import Fraction as F

from ikm_tui.domain.boundaries import Swing, boundaries, smallest_swing
from ikm_tui.domain.config import load_config
from ikm_tui.domain.ranking import Decision, rank
from ikm_tui.domain.scoring import Sheet
from tests.unit.rules_as_written import criterion_aggregate, entrant_total


def sheet(judge, entrant, inovasi, produktivitas, pasar, recused=False):
    scores = {} if recused else {"inovasi": F(inovasi), "produktivitas": F(produktivitas), "pasar": F(pasar)}
    return Sheet(judge, entrant, scores, recused)


def panel(entrant, *triples):
    return [sheet(f"J{i}", entrant, *t) for i, t in enumerate(triples, 1)]


def test_mean_gap_only_closable_by_lowering_the_upper_side(make_event):
    config = load_config(make_event(judges=3))
    above = panel("E01", (8, 8, 8), (8, 8, 8), (8, 8, 8))  # 80
    below = panel("E02", (7.5, 7.5, 7.5), (7.5, 7.5, 7.5), (7.5, 7.5, 7.5))  # 75
    # Raising E02: at most +2.5 inovasi = +10/3 on the mean < 5. Lowering E01's inovasi by d
    # takes 4d/3 off its mean: d = 3.75 would tie (off the step), so d = 4 -> 8 to 4.
    assert smallest_swing(config, above, below) == Swing("J1", "E01", "inovasi", F(8), F(4))


def test_total_tie_decided_by_tie_break_criterion(make_event):
    sheets = {
        "E01": panel("E01", (8, 8, 7), (8, 8, 7), (8, 8, 7)),  # 77.5, inovasi 8
        "E02": panel("E02", (7.5, 7.5, 8.5), (7.5, 7.5, 8.5), (7.5, 7.5, 8.5)),  # 77.5, inovasi 7.5
        "E03": panel("E03", (5, 5, 5), (5, 5, 5), (5, 5, 5)),
    }
    # one place per prize, so E01 | E02 is a prize line
    config1 = load_config(
        make_event(judges=3, prizes=[("Juara I", 1, 3_000_000), ("Juara II", 1, 2_000_000)])
    )
    ranking = rank(config1, [s for own in sheets.values() for s in own])
    first, second = boundaries(config1, ranking, sheets)
    assert (first.place, first.above.entrant.id, first.below.entrant.id) == (1, "E01", "E02")
    assert first.gap == 0 and not first.tie and first.decided_by == "inovasi"
    # any one step up on E02 puts it ahead on the total: the first judge, first criterion
    assert first.swing == Swing("J1", "E02", "inovasi", F("7.5"), F(8))
    assert (second.place, second.lower_prize, second.decided_by) == (2, None, "total")
    assert second.gap == F("77.5") - 50


def test_median_only_the_middle_judge_can_move_it(make_event):
    config = load_config(make_event(judges=3, scoring={"aggregate": "median"}))
    above = panel("E01", (8, 8, 8), (8, 8, 8), (8, 8, 8))  # 80, 80, 80 -> 80
    below = panel("E02", (7, 7, 7), (7.5, 8, 8), (9, 9, 9))  # 70, 78, 90 -> 78
    # J2 +0.5 inovasi -> 80: equal total and equal inovasi median (8), a tie, not a swap.
    # J2 +1 inovasi -> 82 > 80. J1 needs +3, J3 moves nothing, lowering one E01 judge neither.
    assert smallest_swing(config, above, below) == Swing("J2", "E02", "inovasi", F("7.5"), F("8.5"))


def test_trimmed_mean_needs_the_judge_inside_the_window(make_event):
    config = load_config(make_event(judges=4, scoring={"aggregate": "trimmed_mean", "trim": 1}))
    above = panel("E01", *[(8, 8, 8)] * 4)  # 80 whatever one judge lowers
    below = panel("E02", (6, 6, 6), (7, 8, 8), (7.5, 8, 8), (9.5, 9.5, 9.5))  # 60 76 78 95 -> 77
    # J2 +1.5 inovasi -> 82: (78+82)/2 = 80 and inovasi trimmed (7.5+8.5)/2 = 8: still a tie.
    # J2 +2 -> 84: 81 > 80. J3 needs the same +2 but comes later; J1 needs +22 points.
    assert smallest_swing(config, above, below) == Swing("J2", "E02", "inovasi", F(7), F(9))


def test_no_single_change_can_swap_a_wide_gap(make_event):
    config = load_config(make_event(judges=3))
    above = panel("E01", *[(10, 10, 10)] * 3)
    below = panel("E02", *[(2, 2, 2)] * 3)
    assert smallest_swing(config, above, below) is None


def test_open_tie_and_panel_decision(make_event):
    config = load_config(make_event(judges=3, entrants=8))
    same = (7, 7, 7)
    sheets = {f"E0{i}": panel(f"E0{i}", *[(9 - i * 0.5,) * 3] * 3) for i in range(1, 3)}
    sheets |= {"E03": panel("E03", *[same] * 3), "E04": panel("E04", *[same] * 3)}
    sheets |= {f"E0{i}": panel(f"E0{i}", *[(5,) * 3] * 3) for i in range(5, 9)}
    flat = [s for own in sheets.values() for s in own]
    ranking = rank(config, flat)
    line = boundaries(config, ranking, sheets)[0]  # 2|3 is E02 | E03, 4|5 ...
    assert line.decided_by == "total"
    line = boundaries(config, ranking, sheets)[1]
    assert (line.place, line.above.entrant.id, line.below.entrant.id) == (4, "E04", "E05")
    # E03 and E04 tie at 70 on places 3-4: same tier, no tie line. Now straddle the 2|3 line:
    sheets["E02"] = panel("E02", *[same] * 3)
    flat = [s for own in sheets.values() for s in own]
    ranking = rank(config, flat)
    line = boundaries(config, ranking, sheets)[0]
    assert line.tie and line.decided_by is None and line.gap == 0
    decided = rank(config, flat, decisions=[Decision(("E04", "E02", "E03"), "pitch", "panel")])
    line = boundaries(config, decided, sheets)[0]
    assert line.tie and line.decided_by == "decision"
    assert (line.above.entrant.id, line.below.entrant.id) == ("E04", "E02")


def test_recused_sheets_are_not_candidates(make_event):
    config = load_config(make_event(judges=3))
    above = panel("E01", (8, 8, 8), (8, 8, 8)) + [sheet("J3", "E01", 0, 0, 0, recused=True)]
    below = panel("E02", (7.5, 7.5, 7.5), (7.5, 7.5, 7.5)) + [sheet("J3", "E02", 0, 0, 0, recused=True)]
    swing = smallest_swing(config, above, below)
    assert swing.judge in {"J1", "J2"}
    # two judges: raising E02 inovasi 7.5 -> 10 adds 10 to J1's total, 5 to the mean: 80 = 80,
    # and the inovasi tie-break (10 + 7.5) / 2 = 8.75 > 8 puts E02 ahead. Share 2.5/9 beats
    # lowering E01 (inovasi by 3: 3/9).
    assert swing == Swing("J1", "E02", "inovasi", F("7.5"), F(10))


def _brute_force(config, above, below):
    """Try every grid value of every score on both sides, with the engine's own functions."""

    def keys(sheets):
        return (entrant_total(sheets, config.scoring, config.criteria),) + tuple(
            criterion_aggregate(sheets, c, config.scoring) for c in config.scoring.tie_break
        )

    upper, lower = keys(above), keys(below)
    best = None
    for order, (sheets, raising) in enumerate(((below, True), (above, False))):
        live = [s for s in sheets if not s.recused]
        for j, original in enumerate(live):
            for c_index, c in enumerate(config.criteria):
                grid = [F(c.min) + k * F(c.step) for k in range(int((c.max - c.min) / c.step) + 1)]
                for value in grid:
                    now = original.scores[c.id]
                    if (value > now) != raising or value == now:
                        continue
                    changed = Sheet(original.judge, original.entrant, {**original.scores, c.id: value})
                    others = [changed if s is original else s for s in sheets]
                    ok = keys(others) > upper if raising else lower > keys(others)
                    if ok:
                        key = (abs(value - now) / (F(c.max) - F(c.min)), order, j, c_index)
                        if best is None or key < best[0]:
                            best = (key, Swing(original.judge, original.entrant, c.id, now, value))
    return best[1] if best else None


def test_matches_brute_force_on_random_panels(make_event):
    rng = random.Random(20221114)
    rules = [
        {"aggregate": "mean"},
        {"aggregate": "median"},
        {"aggregate": "trimmed_mean", "trim": 1, "trim_scope": "total"},
        {"aggregate": "trimmed_mean", "trim": 1, "trim_scope": "criterion"},
    ]
    configs = [load_config(make_event(judges=5, scoring=rule)) for rule in rules]
    grid = [1 + k * F(1, 2) for k in range(19)]
    for case in range(40):
        config = configs[case % len(configs)]
        judges = rng.choice([3, 4, 5])
        centre = rng.randrange(6, 14)

        def random_panel(entrant, config=config, judges=judges, centre=centre):
            return [
                Sheet(
                    f"J{j}",
                    entrant,
                    {c.id: grid[max(0, min(18, centre + rng.randint(-4, 4)))] for c in config.criteria},
                )
                for j in range(1, judges + 1)
            ]

        a, b = random_panel("E01"), random_panel("E02")
        if entrant_total(a, config.scoring, config.criteria) < entrant_total(
            b, config.scoring, config.criteria
        ):
            a, b = b, a
        assert smallest_swing(config, a, b) == _brute_force(config, a, b), (case, a, b)
