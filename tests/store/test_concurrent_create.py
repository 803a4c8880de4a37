"""Two processes creating the same new session file at the same instant: both open it."""

from __future__ import annotations

import multiprocessing as mp

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.store.session import Store

ROUNDS = 150


def _worker(config_path: str, folder: str, barrier, results) -> None:
    config = load_config(config_path)
    for round_no in range(ROUNDS):
        barrier.wait(timeout=30)
        try:
            Store(config, f"{folder}/race-{round_no}.db").close()
            results.put((round_no, "ok"))
        except InputError as exc:
            results.put((round_no, exc.code))


@pytest.mark.slow
def test_simultaneous_creation_is_never_refused_as_foreign(make_event, tmp_path):
    path = make_event(judges=3, entrants=8)
    context = mp.get_context("fork")
    barrier = context.Barrier(2)
    results = context.Queue()
    workers = [
        context.Process(target=_worker, args=(str(path), str(tmp_path), barrier, results)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * ROUNDS)]
    for worker in workers:
        worker.join(timeout=30)
    refused = [o for o in outcomes if o[1] != "ok"]
    assert refused == []
    with Store(load_config(path), tmp_path / f"race-{ROUNDS - 1}.db") as store:
        actions = [e.action for e in store.audit.entries()]
        assert actions[0] == "session.create" and actions.count("session.create") == 1
