"""One module per command; each defines ``register(subparsers)`` and sets ``run=...``.

``COMMANDS`` names the module behind every command word, so ``ikm-tui leaderboard`` imports one
module and ``ikm-tui`` alone (the moderator console) imports none of them. A test checks that it
lists exactly what the modules register: add a new command here too.
"""

COMMANDS: dict[str, str] = {
    "access": "access",
    "audit": "audit",
    "backup": "backup",
    "board": "board",
    "boundaries": "results",
    "decide": "results",
    "event": "event",
    "export": "export",
    "finalise": "results",
    "forms": "forms",
    "judge": "judge",
    "leaderboard": "leaderboard",
    "progress": "progress",
    "queue": "queue",
    "recheck": "recheck",
    "restore": "restore",
    "reveal": "results",
    "scores": "scores",
    "serve": "serve",
    "stage": "stage",
    "undecide": "results",
    "unlock": "results",
}
