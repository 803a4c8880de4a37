"""``ikm-tui board``: the projector's own read-only process, following the session database."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult

from ikm_tui.app.board.board import Board
from ikm_tui.app.board.reconnect import ReconnectingStore
from ikm_tui.app.session_app import THEME_CSS, SessionApp
from ikm_tui.domain.timer import SessionClock

BOARD_CSS = Path(__file__).parent / "board.tcss"


class BoardApp(SessionApp):
    """Nothing to press: the moderator drives it from the console (ctrl+q closes it)."""

    CSS_PATH = [THEME_CSS, BOARD_CSS]

    def __init__(self, store, **kwargs) -> None:
        super().__init__(store, **kwargs)
        self.now = SessionClock()

    def compose(self) -> ComposeResult:
        yield Board(self.now)


def run_board(ctx) -> int:
    store = ReconnectingStore(ctx.file_config(), ctx.db_path)
    try:
        BoardApp(store).run()
    finally:
        store.close()
    return 0
