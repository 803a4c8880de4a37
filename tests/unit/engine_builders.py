"""Build configs and sheets in Python for engine tests (no TOML: hypothesis needs speed)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from ikm_tui.domain.config import (
    Category,
    Config,
    Criterion,
    Entrant,
    Event,
    Judge,
    Judging,
    Prize,
    Scoring,
    Timer,
)
from ikm_tui.domain.scoring import Sheet


def build_config(
    *,
    entrants: int = 8,
    judges: int = 3,
    criteria=(("inovasi", 40), ("produktivitas", 35), ("pasar", 25)),
    scale=("1", "10", "0.5"),
    aggregate: str = "mean",
    trim: int = 1,
    trim_scope: str = "total",
    tie_break=("inovasi",),
    prizes=(("Juara I", 2, 3_000_000), ("Juara II", 2, 2_400_000), ("Juara III", 2, 1_800_000)),
) -> Config:
    low, high, step = (Decimal(v) for v in scale)
    return Config(
        path=Path("/tmp/config.toml"),
        event=Event(
            "T", "O", "V", (dt.date(2022, 6, 14), dt.date(2022, 6, 15)), "en", Path("/tmp/session.db")
        ),
        timer=Timer(7, 3, 60),
        scoring=Scoring(low, high, step, aggregate, trim, trim_scope, tuple(tie_break)),
        judging=Judging(True, Decimal(15)),
        criteria=tuple(Criterion(cid, cid, Decimal(w), low, high, step) for cid, w in criteria),
        judges=tuple(Judge(f"J{j}", f"Judge {j}") for j in range(1, judges + 1)),
        categories=(Category("jasa", "Jasa"),),
        prizes=tuple(Prize(label, count, amount) for label, count, amount in prizes),
        entrants=tuple(
            Entrant(f"E{e:02d}", f"Owner {e}", f"Biz {e}", "jasa", 1) for e in range(1, entrants + 1)
        ),
    )


def sheet(judge: str, entrant: str, *values, recused: bool = False, config: Config | None = None) -> Sheet:
    ids = [c.id for c in config.criteria] if config else ["inovasi", "produktivitas", "pasar"]
    if recused:
        return Sheet(judge, entrant, {}, True)
    return Sheet(judge, entrant, {cid: Fraction(str(v)) for cid, v in zip(ids, values, strict=True)})


def uniform(config: Config, entrant: str, value, judges=None) -> list[Sheet]:
    """Every judge gives ``value`` on every criterion."""
    ids = [c.id for c in config.criteria]
    return [
        Sheet(j.id, entrant, {cid: Fraction(str(value)) for cid in ids})
        for j in config.judges
        if judges is None or j.id in judges
    ]
