"""One browser's judge console: an ``ikm-tui judge`` process speaking textual-serve's protocol.

textual-serve's :class:`AppService` starts the app through a shell and, to stop it, asks it to
quit and then waits for as long as it takes. A server that must end every judge console when
the moderator presses Ctrl+C cannot wait forever, and a config path with a space must not be
split by a shell, so this starts the program directly and, if a console does not quit in time,
terminates and finally kills it. A score the judge already submitted is committed in SQLite
before the console says "saved", so ending the process loses nothing that was submitted.
"""

from __future__ import annotations

import asyncio
import contextlib
from asyncio.subprocess import PIPE, Process
from collections.abc import Sequence

from textual_serve.app_service import AppService

QUIT_GRACE_S = 5.0  # a Textual app normally quits in well under a second
TERMINATE_GRACE_S = 2.0


class JudgeProcess(AppService):
    """Runs ``argv`` (the judge console) for one browser connection."""

    def __init__(self, argv: Sequence[str], **kwargs) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = list(argv)

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=PIPE,
            stdout=PIPE,
            stderr=PIPE,
            env=environment,
            start_new_session=True,  # Ctrl+C in the moderator's terminal reaches the server only
        )
        self._stdin = process.stdin
        return process

    async def run(self) -> None:
        """Relay the console's output; when it ends (quit, or failed to start), so does the page."""
        try:
            await super().run()
        finally:
            await self.remote_close()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def stop(self) -> None:
        """Ask the console to quit; terminate it, then kill it, if it does not in time."""
        task, self._task = self._task, None
        process = self._process
        if task is None or process is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            await self.send_meta({"type": "quit"})
        if not await _ended(process, QUIT_GRACE_S):
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
            if not await _ended(process, TERMINATE_GRACE_S):
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(task, TERMINATE_GRACE_S)  # its output pipe is closed now


async def _ended(process: Process, seconds: float) -> bool:
    try:
        await asyncio.wait_for(process.wait(), seconds)
    except asyncio.TimeoutError:
        return False
    return True
