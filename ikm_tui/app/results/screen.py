"""PLACEHOLDER — to be replaced by the owner of this area."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class ResultsScreen(Screen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("results: not built yet")
        yield Footer()
