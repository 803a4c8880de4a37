"""The leaderboard and every judge's scores as JSON, for other programs."""

from __future__ import annotations

import json
from pathlib import Path

from ikm_tui.export.atomic import write_bytes_atomically
from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.export.proof import decision_rows
from ikm_tui.export.wording import total_paid


def results_json(bundle: ResultsBundle) -> dict:
    config = bundle.config
    return {
        "event": {
            "title": config.event.title,
            "organiser": config.event.organiser,
            "venue": config.event.venue,
            "days": [d.isoformat() for d in config.event.days],
        },
        "rule": {"aggregate": config.scoring.aggregate, "trim": config.scoring.trim,
                 "trim_scope": config.scoring.trim_scope,
                 "tie_break": list(config.scoring.tie_break)},
        "provisional": bundle.provisional,
        "digest": bundle.digest,
        "generated_at": bundle.generated_at.isoformat(timespec="seconds"),
        "leaderboard": [
            {**row, "scores": bundle.scores.get(row["entrant"], {})} for row in bundle.rows
        ],
        "total_paid": total_paid(bundle.rows),
        "decisions": [
            {"kind": d.kind, "rank": d.rank, "entrants": list(d.entrants),
             "prizes": list(d.prizes), "reason": d.reason, "by": d.by, "at": d.at,
             "digest": d.digest or None}
            for d in decision_rows(bundle)
        ],
    }


def write_json(bundle: ResultsBundle, path: Path) -> Path:
    text = json.dumps(results_json(bundle), ensure_ascii=False, indent=2) + "\n"
    return write_bytes_atomically(path, text.encode("utf-8"))
