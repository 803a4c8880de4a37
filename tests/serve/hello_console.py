"""A tiny Textual app standing in for the judge console in the server's own tests."""

from textual.app import App, ComposeResult
from textual.widgets import Input, Static


class HelloConsole(App):
    def compose(self) -> ComposeResult:
        yield Static("hello from the console", id="said")
        yield Input(id="typed")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#said", Static).update(f"you typed {event.value}")


if __name__ == "__main__":
    HelloConsole().run()
