"""Beside the leaderboard: the prize-boundary monitor and the divergence flags."""

from __future__ import annotations

from typing import ClassVar, cast

from rich.text import Text
from textual import events, getters
from textual.binding import Binding, BindingType
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Padding, Visual, visualize
from textual.widgets import Static

from ikm_tui.app.session_app import SessionApp
from ikm_tui.i18n.results import describe_boundary


class BoundaryPanel(Static):
    """Each prize line in four short lines: the sides, the gap and why, the smallest swing.

    The panel keeps the most lines its text has needed at this width (blank lines below a
    shorter text): a new score rewords a line (another criterion, a longer score) and the text
    wraps to one line more or less about once in eight, and a height that followed it would
    move the flag list and relayout the whole screen, the dearest part of a new score's redraw.
    """

    app = getters.app(SessionApp)

    shown: tuple | None = None
    kept: tuple[tuple[int, int], int] | None = None  # ((width, prize lines), lines kept)

    def show(self, lines, config) -> None:
        if self.shown == (tuple(lines), config.path):
            return
        self.shown = (tuple(lines), config.path)
        t = self.app.t
        text = Text()
        for line in lines:
            head, sides, reason, swing = describe_boundary(line, config, t)
            alarm = line.decided_by is None
            text.append(head + "\n", style="bold")
            text.append(sides + "\n")
            text.append(reason + "\n", style="bold reverse" if alarm else "")
            text.append(swing + "\n\n", style="italic")
        if not lines:
            text.append(t("results.cli_no_lines"))
        width, height = self.size
        if not width:  # not laid out yet
            self.update(text)
            return
        needed = visualize(self, text).get_height(cast(RulesMap, self.styles), width)
        key = (width, len(lines))
        kept = needed if self.kept is None or self.kept[0] != key else max(self.kept[1], needed)
        self.kept = (key, kept)
        text.append("\n" * (kept - needed))
        self.update(text, layout=False)
        if kept != height:  # (a relayout of the whole screen: only when the kept height grows)
            self.refresh(layout=True)


class FlagList(ScrollView, can_focus=True):
    """Judge totals far from the rest of the panel; the moderator asks for a re-check (r).

    Drawn line by line (Textual's line API) and looking exactly like the ``OptionList`` it
    replaces, because a new score changes one entrant's flags: an ``OptionList`` forgets every
    line it drew whenever its options change and repaints itself whole, about a third of a new
    score's redraw. Here each flag's wrapped lines are kept by their text, and only the screen
    lines that now show something else are repainted.

    Textual also relayouts and repaints the whole screen whenever a scrollable's virtual size
    changes, and a list whose height followed the flags would change it on most new scores. So
    the list keeps a height: exactly the box while the flags fit (nothing below them but blank
    lines, as before), and once they overflow it, the flags plus a page to grow into, re-chosen
    only when they outgrow it or would leave more than half of it blank.
    """

    app = getters.app(SessionApp)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page(1)", "Page Down", show=False),
        Binding("pageup", "page(-1)", "Page Up", show=False),
        Binding("up", "cursor(-1)", "Up", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "option-list--option",
        "option-list--option-highlighted",
        "option-list--option-disabled",
        "option-list--option-hover",
    }
    # OptionList's own look, restated for this widget (same component names, same rules)
    DEFAULT_CSS = """
    FlagList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .option-list--option-highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        & > .option-list--option-disabled {
            color: $text-disabled;
        }
        & > .option-list--option-hover {
            background: $block-hover-background;
        }
    }
    """

    highlighted: var[int | None] = var(None, init=False)
    """The highlighted line of the list (an index into :attr:`items`), if any."""

    shown: tuple | None = None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[tuple[str, str | None]] = []  # (label, "judge/entrant" or None: not a flag)
        self.kept_height = 0  # lines the list keeps, blank ones below the flags included
        self._starts: list[int] = []  # first screen line of each item
        self._line_items: list[tuple[int, int]] = []  # line -> (item, line within the item)
        self._wrapped: dict[tuple[str, int], int] = {}  # (label, width) -> its line count
        self._drawn: dict[tuple[str, int, str], list[Strip]] = {}  # (label, width, look) -> lines
        self._hover: int | None = None
        self._labels: dict[tuple[object, bool], str] = {}  # (flag, re-check asked) -> its label

    # -- data ------------------------------------------------------------------------------

    def show(self, flags, count: int, asked) -> None:
        """``flags`` come worst first; beyond them only a count (nobody reads 10,000)."""
        if self.shown == (tuple(flags), count, asked):
            return
        self.shown = (tuple(flags), count, asked)
        t = self.app.t
        items: list[tuple[str, str | None]] = []
        labels: dict[tuple[object, bool], str] = {}
        for flag in flags:
            key = (flag, (flag.judge, flag.entrant) in asked)
            label = self._labels.get(key)  # one entrant's flags change with a new score
            if label is None:
                label = t(
                    "results.flag",
                    judge=flag.judge,
                    entrant=flag.entrant,
                    total=t.number(flag.total),
                    median=t.number(flag.others_median),
                )
                if key[1]:
                    label += f" · {t('results.flag_asked')}"
            labels[key] = label
            items.append((label, f"{flag.judge}/{flag.entrant}"))
        self._labels = labels
        if not flags:
            items.append((t("results.flags_none"), None))
        elif count > len(flags):
            items.append((t("results.flags_more", count=count - len(flags)), None))
        before = self._screen_lines()
        self.items = items
        if self.highlighted is not None:
            self.highlighted = min(self.highlighted, len(flags) - 1) if flags else None
        self._lay_out()
        if self.highlighted is None:
            self.scroll_to(y=0, animate=False)
        else:
            self._scroll_to_highlight()
        self._repaint_changed(before)

    @property
    def option_count(self) -> int:
        return len(self.items)

    def label(self, index: int) -> str:
        return self.items[index][0]

    def chosen(self) -> tuple[str, str] | None:
        """(judge, entrant) of the highlighted flag, or the first one."""
        index = self.highlighted if self.highlighted is not None else 0
        if index >= len(self.items) or self.items[index][1] is None:
            return None
        judge, entrant = str(self.items[index][1]).split("/", 1)
        return judge, entrant

    def _selectable(self, index: int) -> bool:
        return 0 <= index < len(self.items) and self.items[index][1] is not None

    # -- layout ----------------------------------------------------------------------------

    def _width(self) -> int:
        padding = self.get_component_styles("option-list--option").padding.width
        return self.scrollable_content_region.width - padding

    def _lay_out(self) -> None:
        """Each item's first line and the height the list keeps (see the class docstring)."""
        width = self._width()
        self._starts, self._line_items = [], []
        if width <= 0:  # not laid out yet: the first resize lays it out again
            return
        for index, (label, _flag) in enumerate(self.items):
            self._starts.append(len(self._line_items))
            height = self._wrapped.get((label, width))
            if height is None:
                height = len(self._render_item(label, width, ""))
                self._wrapped[(label, width)] = height
            self._line_items += [(index, line) for line in range(height)]
        lines, page = len(self._line_items), self.scrollable_content_region.height
        if lines <= page:
            self.kept_height = page  # exactly the box: no scrollbar, as with no padding
        elif not lines <= self.kept_height <= 2 * lines:
            self.kept_height = lines + page  # a page to grow into; at most half of it blank
        # nothing to scroll while the flags fit: no virtual height that a resize could leave
        # behind as a stale scrollbar (Textual re-decides scrollbars on a size change only)
        size = Size(0, self.kept_height if lines > page else 0)
        if size != self.virtual_size:
            self.virtual_size = size
        if len(self._wrapped) > 4 * len(self.items) + 64:  # labels no longer listed
            listed = {label for label, _flag in self.items}
            self._wrapped = {key: n for key, n in self._wrapped.items() if key[0] in listed}
            self._drawn = {key: s for key, s in self._drawn.items() if key[0] in listed}

    def on_resize(self, _event: events.Resize) -> None:
        self._lay_out()
        self.refresh()

    # -- drawing ---------------------------------------------------------------------------

    def _look(self, index: int) -> str:
        if not self._selectable(index):
            return "option-list--option-disabled"
        if index == self.highlighted:
            return "option-list--option-highlighted"
        if index == self._hover:
            return "option-list--option-hover"
        return ""

    def _screen_lines(self) -> list[tuple[str, int, str] | None]:
        """What each line on screen shows now: (label, line within it, look), None if blank."""
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        shown: list[tuple[str, int, str] | None] = []
        for line in range(top, top + height):
            if line < len(self._line_items):
                index, offset = self._line_items[line]
                shown.append((self.items[index][0], offset, self._look(index)))
            else:
                shown.append(None)
        return shown

    def _repaint_changed(self, before: list[tuple[str, int, str] | None]) -> None:
        after = self._screen_lines()
        if len(before) != len(after):
            self.refresh()
            return
        for y, (was, now) in enumerate(zip(before, after)):
            if was != now:
                self.refresh_line(y)

    def _render_item(self, label: str, width: int, look: str) -> list[Strip]:
        """The item's lines at ``width`` in ``look``, as OptionList draws an option."""
        key = (label, width, look)
        strips = self._drawn.get(key)
        if strips is None:
            if look:
                style = self.get_visual_style("option-list--option", look)
            else:
                style = self.get_visual_style("option-list--option")
            visual = visualize(self, label, markup=False)
            padding = self.get_component_styles("option-list--option").padding
            if padding:
                visual = Padding(visual, padding)
            strips = [
                strip.extend_cell_length(width, style.rich_style)
                for strip in Visual.to_strips(self, visual, width + padding.width, None, style)
            ]
            self._drawn[key] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_y) + y
        width = self._width()
        if width <= 0:
            return Strip.blank(self.scrollable_content_region.width)
        if line >= len(self._line_items):  # below the flags: a blank line, greyed like a note
            return self._render_item("", width, "option-list--option-disabled")[0]
        index, offset = self._line_items[line]
        strips = self._render_item(self.items[index][0], width, self._look(index))
        return strips[offset] if offset < len(strips) else Strip.blank(width)

    # -- moving the highlight --------------------------------------------------------------

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            self._refresh_item(index)

    def _refresh_item(self, index: int | None) -> None:
        if index is None or index >= len(self._starts):
            return
        start = self._starts[index]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self._line_items)
        top = int(self.scroll_y)
        for line in range(start, end):
            if 0 <= line - top < self.scrollable_content_region.height:
                self.refresh_line(line - top)

    def _move_to(self, index: int | None) -> None:
        if index is not None and self._selectable(index):
            self.highlighted = index
            self._scroll_to_highlight()

    def _flags(self) -> list[int]:
        return [i for i in range(len(self.items)) if self._selectable(i)]

    def action_cursor(self, step: int) -> None:
        flags = self._flags()
        if not flags:
            return
        if self.highlighted is None:
            self._move_to(flags[0] if step > 0 else flags[-1])
            return
        position = flags.index(self.highlighted) if self.highlighted in flags else 0
        self._move_to(flags[max(0, min(len(flags) - 1, position + step))])

    def action_first(self) -> None:
        flags = self._flags()
        self._move_to(flags[0] if flags else None)

    def action_last(self) -> None:
        flags = self._flags()
        self._move_to(flags[-1] if flags else None)

    def action_page(self, direction: int) -> None:
        if self.highlighted is None or self.highlighted >= len(self._starts):
            self.action_first() if direction < 0 else self.action_last()
            return
        target = self._starts[self.highlighted] + direction * self.scrollable_content_region.height
        target = max(0, min(len(self._line_items) - 1, target))
        index = self._line_items[target][0] if self._line_items else None
        flags = self._flags()
        if index is not None and flags and not self._selectable(index):
            index = flags[-1] if direction > 0 else flags[0]
        self._move_to(index)

    def _scroll_to_highlight(self) -> None:
        index = self.highlighted
        if index is None or index >= len(self._starts):
            return
        start = self._starts[index]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self._line_items)
        page = self.scrollable_content_region.height
        if start < self.scroll_y:
            self.scroll_to(y=start, animate=False)
        elif end > self.scroll_y + page:
            self.scroll_to(y=end - page, animate=False)

    def _item_at(self, y: int) -> int | None:
        line = int(self.scroll_y) + y
        return self._line_items[line][0] if 0 <= line < len(self._line_items) else None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self._move_to(self._item_at(offset.y))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        offset = event.get_content_offset(self)
        index = self._item_at(offset.y) if offset is not None else None
        if index != self._hover:
            old, self._hover = self._hover, index
            self._refresh_item(old)
            self._refresh_item(index)

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            old, self._hover = self._hover, None
            self._refresh_item(old)
