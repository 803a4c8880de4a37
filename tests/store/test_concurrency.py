"""Many judges saving at the same instant into one real SQLite file, from real processes.

Each judge process submits hundreds of sheets as fast as it can, all starting together, while
a reader process follows ``data_version`` like a moderator console does. Afterwards every sheet
must be there exactly once with the values its judge typed, nobody may have seen "database is
locked", and the audit chain must still verify.
"""

from __future__ import annotations

import multiprocessing as mp
import time
import traceback
from decimal import Decimal

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store

JUDGES = 8
ENTRANTS = 150  # sheets per judge process: 8 x 150 = 1,200 concurrent commits
CRITERIA = ("inovasi", "produktivitas", "pasar")

pytestmark = pytest.mark.slow


def value_for(judge: str, entrant: str, criterion: str) -> Decimal:
    """A different, checkable score for every (judge, entrant, criterion)."""
    seed = sum(map(ord, judge + entrant + criterion))
    return Decimal(1) + Decimal(seed % 19) / 2  # 1 .. 10 in steps of 0.5


def judge_process(config_path: str, judge: str, start, results) -> None:
    errors = []
    try:
        with Store(load_config(config_path)) as store:
            start.wait()
            for entrant in store.config.entrants:
                scores = {c: value_for(judge, entrant.id, c) for c in CRITERIA}
                try:
                    store.scores.submit(judge, entrant.id, scores)
                except Exception as exc:  # noqa: BLE001 - collected and asserted on below
                    errors.append(f"{entrant.id}: {type(exc).__name__}: {exc}")
    except Exception:  # noqa: BLE001
        errors.append(traceback.format_exc())
    results.put((judge, errors))


def reader_process(config_path: str, start, stop, results) -> None:
    """Polls like a console: a cheap data_version check, and a count when it moved."""
    errors, seen, counts = [], None, []
    try:
        with Store(load_config(config_path)) as store:
            start.wait()
            while not stop.is_set():
                try:
                    version = store.data_version()
                    if version != seen:
                        seen = version
                        counts.append(len(store.progress.matrix().sheets))
                except Exception as exc:  # noqa: BLE001
                    errors.append(f"{type(exc).__name__}: {exc}")
                time.sleep(0.01)
    except Exception:  # noqa: BLE001
        errors.append(traceback.format_exc())
    results.put(("reader", errors, counts))


def test_eight_judges_saving_at_once_lose_nothing(make_event):
    path = make_event(judges=JUDGES, entrants=ENTRANTS)
    with Store(load_config(path)):
        pass  # the moderator created the session; judges join it
    ctx = mp.get_context("spawn")
    start, stop, results = ctx.Event(), ctx.Event(), ctx.Queue()
    judges = [f"J{i}" for i in range(1, JUDGES + 1)]
    workers = [ctx.Process(target=judge_process, args=(str(path), j, start, results)) for j in judges]
    reader = ctx.Process(target=reader_process, args=(str(path), start, stop, results))
    for process in workers + [reader]:
        process.start()
    began = time.monotonic()
    start.set()
    reports = {}
    for _ in workers:
        judge, errors = results.get(timeout=120)
        reports[judge] = errors
    stop.set()
    _, reader_errors, counts = results.get(timeout=30)
    for process in workers + [reader]:
        process.join(timeout=30)
    elapsed = time.monotonic() - began

    assert reports == {j: [] for j in judges}, reports  # no "database is locked", nothing
    assert reader_errors == []
    assert counts == sorted(counts) and len(counts) > 1  # the reader saw progress as it came

    with Store(load_config(path)) as store:
        sheets = store.scores.all()
        pairs = [(s.judge, s.entrant) for s in sheets]
        assert len(pairs) == len(set(pairs)) == JUDGES * ENTRANTS
        for sheet in sheets:
            assert sheet.revision == 1 and not sheet.recused
            assert sheet.scores == {c: value_for(sheet.judge, sheet.entrant, c) for c in CRITERIA}
        check = store.audit.verify()
        assert check.ok
        submits = [e for e in store.audit.entries() if e.action == "score.submit"]
        assert len(submits) == JUDGES * ENTRANTS
    assert elapsed < 60
