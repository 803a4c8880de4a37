"""The stage reading: what the stage looks like right now, read once per change and shared by
the console and the board. (Not a *snapshot*: that word means the frozen result.)"""

from __future__ import annotations

from dataclasses import dataclass

from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain.config import Entrant
from ikm_tui.domain.queue_rules import Lineup
from ikm_tui.store.stage import StageState


@dataclass(frozen=True)
class StageReading:
    state: StageState
    lineup: Lineup
    presenting: Entrant | None
    next_up: Entrant | None

    @classmethod
    def read(cls, store) -> StageReading:
        state = store.stage.state()
        lineup = store.queue.lineup()
        up = rules.next_up(lineup, state.day)
        entrant = store.config.entrant
        return cls(
            state,
            lineup,
            entrant(state.entrant) if state.entrant else None,
            entrant(up.entrant) if up else None,
        )
