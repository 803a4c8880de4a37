"""One browser's judge console: ``ikm-tui --config ... judge``, which ends with its server.

The server ends its consoles when it stops. If it dies without doing so (``kill -9``, out of
memory), nothing reads a console's output and no browser can reach it again, yet left alone it
would keep polling the session database for the rest of the event. So each console watches its
parent and exits once the parent is gone. Exiting abruptly loses nothing: every submitted score
was committed before the console said "saved", and SQLite rolls back a half-done write.
"""

from __future__ import annotations

import os
import threading
import time

PARENT_CHECK_S = 1.0


def watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(0)


def run() -> int:
    from ikm_tui.cli import main

    threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True, name="watch-server").start()
    return main()


if __name__ == "__main__":
    raise SystemExit(run())
