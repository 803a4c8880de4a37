"""PLACEHOLDER — to be replaced by the owner of this area."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class ExportScreen(Screen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("export_screen: not built yet")
        yield Footer()
