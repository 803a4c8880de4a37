"""SQLite pre-sums points for speed in one builder (``ScoreSheets.points``); it must give
exactly what the domain's rule gives on the same sheets read into Python."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ikm_tui.domain.config import load_config
from ikm_tui.domain.ranking import as_points, order, rank, score_panel
from ikm_tui.domain.scoring import Panel
from ikm_tui.domain.score_entry import SheetEntry
from ikm_tui.domain.units import ScoreUnits
from ikm_tui.store.session import Store

RULES = [
    {"aggregate": "mean"},
    {"aggregate": "median"},
    {"aggregate": "trimmed_mean", "trim_scope": "total"},
    {"aggregate": "trimmed_mean", "trim_scope": "criterion"},
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rule=st.sampled_from(RULES), data=st.data())
def test_sql_points_rank_exactly_like_the_domain_rule(make_event, rule, data):
    config = load_config(make_event(judges=4, entrants=8, scoring=rule))
    steps = st.integers(0, 18).map(lambda k: Decimal(1) + Decimal(k) / 2)
    with Store(config) as store:
        entries = []
        for e in config.entrants:
            for j in config.judges:
                kind = data.draw(st.sampled_from(["scored", "scored", "missing", "recused"]))
                if kind == "scored":
                    entries.append(SheetEntry(j.id, e.id, {c.id: data.draw(steps) for c in config.criteria}))
                elif kind == "recused":
                    entries.append(SheetEntry(j.id, e.id, None, "conflict of interest"))
        if entries:
            store.scores.import_sheets(entries, actor="test")
        units = ScoreUnits.of(config)
        sheets = store.scores.sheets()
        by_domain = rank(config, [as_points(s, config, units) for s in sheets])
        for per_sheet in (False, True):
            by_sql = rank(config, store.scores.points(units, per_sheet=per_sheet))
            assert [(s.entrant.id, s.rank, s.keys, s.judges, s.expected) for s in by_sql.standings] == [
                (s.entrant.id, s.rank, s.keys, s.judges, s.expected) for s in by_domain.standings
            ]
        per_sheet_points = {
            (p.judge, p.entrant): p.points
            for p in store.scores.points(units, per_sheet=True)
            if not p.recused
        }
        assert per_sheet_points == {
            (s.judge, s.entrant): units.points(s.scores) for s in sheets if not s.recused
        }
        # F3's read: one row per entrant, the sheets as columns (panels), ranked and flagged
        panels = store.scores.panels(units)
        scores = {e.id: score_panel(config, units, panels.get(e.id, Panel(e.id))) for e in config.entrants}
        by_panels = order(config, scores)
        assert [(s.entrant.id, s.rank, s.keys, s.judges, s.expected) for s in by_panels.standings] == [
            (s.entrant.id, s.rank, s.keys, s.judges, s.expected) for s in by_domain.standings
        ]
        assert {(j, p.entrant): pts for p in panels.values() for j, pts in zip(p.judges, p.points)} == (
            per_sheet_points
        )
        assert {e: p.recused for e, p in panels.items() if p.recused} == {
            e: n
            for e in {s.entrant for s in sheets}
            if (n := sum(1 for s in sheets if s.entrant == e and s.recused))
        }
