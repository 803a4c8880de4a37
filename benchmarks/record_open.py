"""What running on the recorded definition costs a command at 10,000 entrants.

Every command opens the store, which now decodes the recorded definition, and compares it with
``config.toml`` (the one line on stderr). Printed next to the baseline measured in the same
run: reading and checking ``config.toml`` itself, which every command did before the record
and still does.

    python benchmarks/record_open.py [--entrants 10000] [--judges 5] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.export import write_event  # noqa: E402
from ikm_tui.domain import definition  # noqa: E402
from ikm_tui.domain.config import load_config  # noqa: E402
from ikm_tui.store.session import Store  # noqa: E402


def best(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entrants", type=int, default=10_000)
    parser.add_argument("--judges", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = write_event(Path(folder), args.entrants, args.judges)
        config = load_config(path)
        Store(config, actor="benchmark").close()  # records the definition once

        def open_store() -> None:
            with Store(config):
                pass

        def open_and_compare() -> None:
            with Store(config) as store:
                store.pending()

        with Store(config) as store:
            body = store.revision.body
        baseline = best(lambda: load_config(path), args.repeat)
        rows = [
            ("load_config (baseline)", baseline),
            (
                "decode the recorded definition",
                best(lambda: definition.decode(body, path=path, database=path), args.repeat),
            ),
            ("open the store (decode included)", best(open_store, args.repeat)),
            ("open + compare with config.toml", best(open_and_compare, args.repeat)),
        ]
    print(f"{args.entrants} entrants, {args.judges} judges, best of {args.repeat}")
    for label, seconds in rows:
        print(f"  {label:34} {seconds * 1000:8.1f} ms  {seconds / baseline:5.2f}x baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
