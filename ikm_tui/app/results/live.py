"""What the results screen shows, read from the store in one go (no Textual here).

The leaderboard rows come from the live ranking while results are open, and from the frozen
snapshot once they are locked — the moderator then sees exactly what was finalised, the same
rows the board reveals and the exports print.
"""

from __future__ import annotations

from dataclasses import dataclass

from ikm_tui.domain.boundaries import Boundary, boundaries
from ikm_tui.domain.divergence import Divergence, divergences
from ikm_tui.domain.leaderboard import leaderboard_rows
from ikm_tui.domain.ranking import Ranking
from ikm_tui.store.results import Frozen


@dataclass(frozen=True)
class ResultsView:
    rows: list[dict]  # domain.leaderboard.standing_row, in rank order
    ranking: Ranking  # live
    lines: list[Boundary]
    flags: list[Divergence]
    asked: frozenset[tuple[str, str]]  # (judge, entrant) with a pending re-check request
    frozen: Frozen | None
    reveal_step: int
    missing: int  # score sheets still missing for ranked entrants


def read_results(store) -> ResultsView:
    sheets = store.scores.sheets()
    by_entrant: dict[str, list] = {}
    for sheet in sheets:
        by_entrant.setdefault(sheet.entrant, []).append(sheet)
    ranking = store.ranking()
    frozen = store.results.frozen()
    recheck = getattr(store, "recheck", None)
    asked = frozenset((r.judge, r.entrant) for r in recheck.pending()) if recheck else frozenset()
    return ResultsView(
        rows=frozen.snapshot.rows if frozen else leaderboard_rows(ranking),
        ranking=ranking,
        lines=boundaries(store.config, ranking, by_entrant),
        flags=divergences(store.config, sheets),
        asked=asked,
        frozen=frozen,
        reveal_step=store.results.reveal_state().step,
        missing=len(store.results.missing_sheets(ranking)),
    )
