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
        "rule": {
            "aggregate": config.scoring.aggregate,
            "trim": config.scoring.trim,
            "trim_scope": config.scoring.trim_scope,
            "tie_break": list(config.scoring.tie_break),
        },
        "provisional": bundle.provisional,
        "digest": bundle.digest,
        "audit_head": {"seq": bundle.head.seq, "hash": bundle.head.hash},
        "generated_at": bundle.generated_at.isoformat(timespec="seconds"),
        "leaderboard": [
            {
                **row,
                "overtime_seconds": bundle.overtime.get(row["entrant"], 0),
                "scores": bundle.scores.get(row["entrant"], {}),
                "notes": [{"judge": j, "text": text} for j, text in bundle.notes.get(row["entrant"], [])],
            }
            for row in bundle.rows
        ],
        "total_paid": total_paid(bundle.rows),
        "decisions": [
            {
                "kind": d.kind,
                "rank": d.rank,
                "entrants": list(d.entrants),
                "prizes": list(d.prizes),
                "reason": d.reason,
                "by": d.by,
                "at": d.at,
                "digest": d.digest or None,
            }
            for d in decision_rows(bundle)
        ],
    }


def write_json(bundle: ResultsBundle, path: Path) -> Path:
    return write_bytes_atomically(path, results_json_text(bundle).encode("utf-8"))


def results_json_text(bundle: ResultsBundle) -> str:
    """One entrant per line: readable in a diff, and fast (the C encoder; ``indent`` is not)."""
    data = results_json(bundle)
    rows = data.pop("leaderboard")
    head = json.dumps(data, ensure_ascii=False)
    body = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return f'{head[:-1]}, "leaderboard": [\n{body}\n]}}\n'
