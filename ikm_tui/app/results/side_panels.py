"""Beside the leaderboard: the prize-boundary monitor and the divergence flags."""

from __future__ import annotations

from rich.text import Text
from textual import getters
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
    """Judge totals far from the rest of the panel; the moderator asks for a re-check (r)."""

    app = getters.app(SessionApp)

    shown: tuple | None = None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reused: dict[tuple[str, str | None], Option] = {}  # (label, flag id) -> its line

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
        return option if option is not None else Option(label, id=flag_id, disabled=flag_id is None)

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
