"""The key bar every screen shows at the bottom: every active key and what it does.

Textual's Footer is one line and cuts off what does not fit; the moderator's stage screen has
fourteen one-key actions plus the F-keys, and on an 80-column projector most of them vanished.
This bar packs "key label" pairs onto as many lines as the width needs (never splitting a
pair), greys out keys that are disabled right now, and a click on a pair presses that key.
"""

from __future__ import annotations

from textual.app import ScreenStackError
from textual.content import Content
from textual.widgets import Static

from ikm_tui.app.text_update import set_text


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        width: 1fr;
        padding: 0 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.pieces: dict[tuple[str, str, str, bool], Content] = {}
        """Each ``key label`` piece made so far: the bindings change on every focus change and
        screen switch, mostly back to pieces already made (markup parsing is the cost)."""
        self.drawn: tuple[int, tuple[Content, ...]] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self.render_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self.render_keys()

    def _bindings_changed(self, _screen) -> None:
        self.render_keys()

    def pairs(self) -> list[Content]:
        """One ``key label`` piece per action, in binding order (screen's, then the app's)."""
        pieces: list[Content] = []
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            known = (binding.key, key, binding.description, enabled)
            if known not in self.pieces:
                self.pieces[known] = self._piece(binding.key, key, binding.description, enabled)
            pieces.append(self.pieces[known])
        return pieces

    @staticmethod
    def _piece(binding_key: str, key: str, label: str, enabled: bool) -> Content:
        style = "$footer-key-foreground bold" if enabled else "dim"
        piece = Content.from_markup(f"[{style}]$key[/] $label", key=key, label=label)
        if enabled:
            # double quotes outside: the key's own quotes must not end the style, or a
            # key named like a style ("d" dim, "u" underline, "b" bold) restyles the pair
            return piece.stylize(f'link "app.simulate_key({binding_key!r})"')
        return piece.stylize("dim")

    def render_keys(self) -> None:
        width = max(10, self.size.width - 2) if self.size.width else 80
        try:
            pairs = tuple(self.pairs())
        except ScreenStackError:  # the app is closing (a screen built ahead still gets a Resize)
            return
        if self.drawn == (width, pairs):
            return  # the same keys at the same width: nothing to lay out or redraw
        self.drawn = (width, pairs)
        lines: list[list[Content]] = [[]]
        used = 0
        for piece in pairs:
            need = piece.cell_length + (2 if lines[-1] else 0)
            if lines[-1] and used + need > width:
                lines.append([])
                used, need = 0, piece.cell_length
            lines[-1].append(piece)
            used += need
        set_text(self, Content("\n").join(Content("  ").join(line) for line in lines))
