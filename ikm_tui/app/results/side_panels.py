"""Beside the leaderboard: the prize-boundary monitor and the divergence flags."""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual import events, getters
from textual.css.styles import RulesMap
from textual.visual import visualize
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ikm_tui.app.session_app import SessionApp
from ikm_tui.i18n.results import describe_boundary


class BoundaryPanel(Static):
    """Each prize line in four short lines: the sides, the gap and why, the smallest swing."""

    app = getters.app(SessionApp)

    shown: tuple | None = None

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
        # a relayout of the whole screen costs more than the rest of a refresh: ask for one
        # only when the new text, wrapped at the panel's width, takes another number of lines
        width, height = self.size
        self.update(text, layout=not width)
        if width and self.get_content_height(self.size, self.size, width) != height:
            self.refresh(layout=True)


class FlagList(OptionList):
    """Judge totals far from the rest of the panel; the moderator asks for a re-check (r).

    Textual relayouts and repaints the whole screen whenever a scrollable's virtual size
    changes (about 11 ms at 30 entrants, more than the rest of a new score's update), and a
    flag list whose line count followed the scores changed it on most new scores. So the list
    is topped up with blank, unselectable lines to a height it keeps: exactly the box while the
    flags fit (they look as before), and once they overflow it, the flags plus a page to grow
    into, re-chosen only when they outgrow it or would leave more than half of it blank.
    A new score then repaints only the list.
    """

    app = getters.app(SessionApp)

    shown: tuple | None = None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reused: dict[tuple[str, str | None], Option] = {}  # (label, flag id) -> its line
        self.kept_height = 0  # lines the list keeps, blank ones included
        self.measured_width = 0
        self.heights: dict[str, int] = {}  # label -> its lines at measured_width

    def show(self, flags, count: int, asked) -> None:
        """``flags`` come worst first; beyond them only a count (nobody reads 10,000)."""
        if self.shown == (tuple(flags), count, asked):
            return
        self.shown = (tuple(flags), count, asked)
        t = self.app.t
        options = []
        for flag in flags:
            label = t(
                "results.flag",
                judge=flag.judge,
                entrant=flag.entrant,
                total=t.number(flag.total),
                median=t.number(flag.others_median),
            )
            if (flag.judge, flag.entrant) in asked:
                label += f" · {t('results.flag_asked')}"
            options.append(self._option(label, f"{flag.judge}/{flag.entrant}"))
        if not flags:
            options.append(self._option(t("results.flags_none")))
        elif count > len(flags):
            options.append(self._option(t("results.flags_more", count=count - len(flags))))
        options += [self._option("", f"-blank-{i}") for i in range(self._blank_lines(options))]
        self.reused = {(str(option.prompt), option.id): option for option in options}
        highlighted = self.highlighted
        # set_options, not clear + add: emptying the list first changes its virtual size twice,
        # and each change relayouts the whole screen; replaced at once, the size mostly stays
        self.set_options(options)
        if flags and highlighted is not None:
            self.highlighted = min(highlighted, len(flags) - 1)

    def _option(self, label: str, flag_id: str | None = None) -> Option:
        """The same Option for the same line as last time: it keeps its wrapped height, so a
        new score re-measures only the lines it changed (up to a hundred are listed)."""
        option = self.reused.get((label, flag_id))
        if option is None:
            selectable = flag_id is not None and not flag_id.startswith("-blank-")
            option = Option(label, id=flag_id, disabled=not selectable)
        return option

    def _blank_lines(self, options: list[Option]) -> int:
        """How many blank lines pad the list to the height it keeps (see the class docstring)."""
        region = self.scrollable_content_region
        width = region.width - self.get_component_styles("option-list--option").padding.width
        if width <= 0 or region.height <= 0:  # not laid out yet: the first resize shows it again
            return 0
        known = self.heights if width == self.measured_width else {}
        self.measured_width, self.heights = width, {}  # only the lines listed now are kept
        for option in options:
            label = str(option.prompt)
            height = known.get(label)
            if height is None:
                height = visualize(self, option.prompt).get_height(cast(RulesMap, self.styles), width)
            self.heights[label] = height
        lines = sum(self.heights[str(option.prompt)] for option in options)
        page = region.height
        if lines <= page:
            self.kept_height = page  # exactly the box: no scrollbar, as with no padding
        elif not lines <= self.kept_height <= 2 * lines:
            self.kept_height = lines + page  # a page to grow into; at most half of it blank
        return self.kept_height - lines

    def on_resize(self, _event: events.Resize) -> None:
        """Measure the blank lines again at the new size."""
        if self.shown is not None:
            flags, count, asked = self.shown
            self.shown = None
            self.show(list(flags), count, asked)

    def chosen(self) -> tuple[str, str] | None:
        """(judge, entrant) of the highlighted flag, or the first one."""
        index = self.highlighted if self.highlighted is not None else 0
        if index >= self.option_count:
            return None
        option = self.get_option_at_index(index)
        if option.disabled or option.id is None:
            return None
        judge, entrant = option.id.split("/", 1)
        return judge, entrant
