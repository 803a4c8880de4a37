"""The two HTML pages, rendered once at start: the event's fixed parts and the words they use.

The words come from the message catalogue (the same keys the terminal console uses), sent
inside the page as a JSON data block the script reads; nothing in the page is fetched from
another host, and the pages carry no secret (the judge's state comes only after sign-in).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from string import Template
from typing import Any

from ikm_tui.domain.config import Config
from ikm_tui.i18n import CATALOGUE, LANGUAGES, Messages
from ikm_tui.serve.sheet_data import event_part

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Catalogue keys the judge's page shows itself (everything else comes worded from the server).
JUDGE_WORDS = (
    "judge.code_title",
    "judge.code_prompt_any",
    "judge.code_placeholder",
    "judge.code_checking",
    "judge.code_revoked",
    "judge.choose_title",
    "judge.on_stage",
    "judge.status_not_scored",
    "judge.status_scored",
    "judge.status_recused",
    "judge.status_draft",
    "judge.status_recheck",
    "judge.saving",
    "judge.unsaved",
    "judge.recheck",
    "judge.recheck_list",
    "judge.recuse_prompt",
    "judge.recuse_needs_reason",
    "judge.button_save",
    "judge.button_recuse",
    "judge.button_ok",
    "judge.button_cancel",
    "judge.key.quit",
    "judge.key.next",
    "results.locked",
    "serve.page.sign_in",
    "serve.page.stage_moved",
    "serve.page.online",
    "serve.page.offline",
    "serve.page.not_sent",
    "serve.page.draft_kept",
    "serve.page.signed_out",
    "serve.page.note",
    "serve.page.note_hint",
    "serve.page.progress",
)
BOARD_WORDS = ("board.unreachable", "board.unreachable_hint")


def render_judge(config: Config, t: Messages, *, notes: bool = False) -> str:
    data: dict[str, Any] = event_part(config, t)
    data |= {
        "lang": t.language,
        "words": _words(JUDGE_WORDS, t),
        "codes": bool(config.judging.access_codes),
        "judges": []
        if config.judging.access_codes
        else [{"id": j.id, "name": j.name} for j in config.judges],
        "notes": notes,
        "event_key": _event_key(config),
    }
    return _render("judge.html", t, t("serve.page.title", title=config.event.title), data)


def render_board(config: Config, t: Messages) -> str:
    data = {"lang": t.language, "title": config.event.title, "words": _words(BOARD_WORDS, t)}
    return _render("board.html", t, config.event.title, data)


def _words(keys: tuple[str, ...], t: Messages) -> dict[str, str]:
    """The catalogue's text for each key, its ``{placeholders}`` left for the page to fill."""
    index = LANGUAGES.index(t.language)
    return {key: CATALOGUE[key][index] for key in keys}


def _render(name: str, t: Messages, title: str, data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    template = Template((TEMPLATES / name).read_text("utf-8"))
    return template.substitute(lang=t.language, title=html.escape(title), data=text)


def _event_key(config: Config) -> str:
    """Names this event's drafts in the browser, so another event's never fill this one's sheet."""
    import hashlib

    return hashlib.sha256(config.fingerprint().encode()).hexdigest()[:12]
