"""Making a backup copy the session database again — on this laptop or a standby one.

Nothing changes until the copy has proven itself (integrity, audit chain, the right event),
and the current session file is never overwritten: it is set aside under a new name, whole
(its WAL folded in), and only if no console, judge or board still has it open.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ikm_tui.backup.writer import fsync_folder, write_checked
from ikm_tui.domain.config import Config
from ikm_tui.domain.errors import InputError
from ikm_tui.store.copy import CopyFacts, check_copy, fold_for_move, session_event

_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Restored:
    facts: CopyFacts
    session: Path
    set_aside: Path | None  # where the previous session file now is


def _whose(config: Config, session: Path, event_from_copy: bool) -> dict[str, Any]:
    """Whose copy is acceptable: the session's event here; with no session, the config's
    event, or — ``--event-from-copy`` on a standby laptop — the copy's own."""
    event = session_event(session)
    return {"event": event, "match_config": event is None and not event_from_copy}


def examine(copy: Path, config: Config, session: Path, *, event_from_copy: bool = False) -> CopyFacts:
    """Check ``copy`` as a restore would, changing nothing anywhere."""
    return check_copy(copy, config, **_whose(config, session, event_from_copy))


def restore(copy: Path, config: Config, session: Path, *, event_from_copy: bool = False) -> Restored:
    """Prove the copy's bytes where they will live, set the session aside, put them in place."""
    whose = _whose(config, session, event_from_copy)
    if not copy.is_file():
        raise InputError(str(copy), "copy.not_found")
    if session.exists() and copy.resolve() == session.resolve():
        raise InputError(str(copy), "restore.is_session")
    if not session.parent.is_dir():
        raise InputError(str(session.parent), "restore.no_folder")
    staged = session.with_name(f".{session.name}.restore")
    staged.unlink(missing_ok=True)  # a killed earlier restore's leftover, never a session
    proven: list[CopyFacts] = []

    def prove(path: Path) -> None:  # exactly the bytes that become the session, named as the copy
        try:
            proven.append(check_copy(path, config, **whose))
        except InputError as exc:
            raise InputError(str(copy), exc.code, **exc.params) from None

    try:
        image = copy.read_bytes()
    except OSError as exc:
        raise InputError(str(copy), "config.unreadable", detail=exc.strerror or str(exc)) from None
    try:
        write_checked(image, staged, prove)
    except OSError as exc:
        raise InputError(
            str(session.parent), "restore.cannot_write", detail=exc.strerror or str(exc)
        ) from None
    try:
        aside = _set_aside(session) if session.exists() else None
        _place(staged, session)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return Restored(proven[-1], session, aside)


def _set_aside(session: Path) -> Path:
    """Rename the session (and, if it could not be folded, its companions) to a free name."""
    whole = fold_for_move(session)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = session.with_name(f"{session.stem}-before-restore-{stamp}{session.suffix}")
    number = 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", *_COMPANIONS)):
        number += 1
        aside = session.with_name(f"{session.stem}-before-restore-{stamp}-{number}{session.suffix}")
    _move_no_overwrite(session, aside)
    if not whole:
        for suffix in _COMPANIONS:
            companion = Path(f"{session}{suffix}")
            if companion.exists():
                _move_no_overwrite(companion, Path(f"{aside}{suffix}"))
    fsync_folder(session.parent)
    return aside


def _place(staged: Path, session: Path) -> None:
    """The checked copy becomes the session; if a process created a new session meanwhile,
    refuse rather than replace it."""
    for suffix in _COMPANIONS:  # a stale journal beside the new file would be applied to it
        if Path(f"{session}{suffix}").exists():
            raise InputError(str(session), "restore.in_use")
    _move_no_overwrite(staged, session)
    fsync_folder(session.parent)


def _move_no_overwrite(source: Path, target: Path) -> None:
    try:
        os.link(source, target)  # fails if target exists: nothing is ever overwritten
    except FileExistsError:
        raise InputError(str(target), "restore.in_use") from None
    except OSError:
        if target.exists():
            raise InputError(str(target), "restore.in_use") from None
        shutil.move(source, target)  # a filesystem without hard links
        return
    source.unlink()
