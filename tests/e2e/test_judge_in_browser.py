"""A judge scores from a browser: ``ikm-tui serve`` on 127.0.0.1, driven by headless Chromium.

The whole way a judge goes at the venue: the moderator issues a code on the command line and
calls an entrant on stage; the judge opens the page, types a wrong code (and sees nothing of
the event), then the right one, types a score per criterion and saves. The score must then be
in the session database and on the moderator's leaderboard, and the page must never have asked
any host but the server for anything.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from fractions import Fraction

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm
from tests.e2e import browser
from tests.e2e.serving import Served, processes_running

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not browser.available(), reason=browser.SKIP_REASON),
]

CODE = re.compile(r"\b[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}\b")
ON_STAGE = "E03"


@pytest.fixture
def event(make_event):
    """Three judges, six entrants, access codes on (the default); E03 is on stage."""
    path = make_event(judges=3, entrants=6, language="en")
    with Store(load_config(path)) as store:
        store.stage.call(ON_STAGE, actor="moderator")
    return path


@pytest.fixture
def code(event) -> str:
    """J1's access code, issued as the moderator does it: on the command line."""
    issued = ikm("access", "issue", "J1", config=event)
    assert issued.returncode == 0, issued.stderr
    return CODE.search(issued.stdout).group(0)


@pytest.fixture
def chromium():
    driver = browser.start_chromium(1280, 800)
    yield driver
    driver.quit()


def test_a_judge_signs_in_and_scores_from_the_browser(event, code, chromium, tmp_path):
    from selenium.webdriver.common.keys import Keys

    config = load_config(event)
    names = [n for e in config.entrants for n in (e.name, e.business)]
    page = browser.PageRecord(chromium)
    with Served(event, "--no-qr") as served:
        # A wrong code: the sign-in screen says so, and nothing of the event reaches the page.
        chromium.get(served.url)
        page.wait_for_text("Sign in as a judge")
        served.wait_for_log(r"judge session #1 opened from 127\.0\.0\.1")
        browser.type_keys(chromium, "ABC-DEF", Keys.ENTER)
        page.wait_for_text("wrong code")
        seen = page.text()
        assert not [name for name in names if name in seen]

        # The right code, in a fresh page: this judge's sheet for the entrant on stage.
        chromium.refresh()
        signed_in = page.mark()
        page.wait_for_text("Sign in as a judge", since=signed_in)
        served.wait_for_log(r"judge session #2 opened from 127\.0\.0\.1")
        browser.type_keys(chromium, code.lower(), Keys.ENTER)
        page.wait_for_text("Owner 3", since=signed_in)
        for value, total in (("8", "32.00"), ("7.5", "58.25"), ("9", "80.75")):
            if value != "8":
                moved = page.mark()
                browser.type_keys(chromium, Keys.TAB)
                page.settle(since=moved)
            typed = page.mark()
            browser.type_keys(chromium, value)
            page.wait_for_text(f"Total: {total}", since=typed)
        saving = page.mark()
        browser.press_ctrl(chromium, "s")
        page.wait_for_text("✓ saved", since=saving)
        chromium.save_screenshot(str(tmp_path / "judge-saved.png"))

        # Durable and on the moderator's leaderboard, while the judge's page is still open.
        with Store(config) as store:
            sheet_row = store.scores.for_judge("J1")[ON_STAGE]
            assert sheet_row.scores == {
                "inovasi": Decimal("8"),
                "produktivitas": Decimal("7.5"),
                "pasar": Decimal("9"),
            }
            standing = store.ranking().by_entrant()[ON_STAGE]
            assert standing.total == Fraction(8075, 100) and standing.rank == 1
        board = ikm("leaderboard", "--json", config=event)
        row = next(r for r in json.loads(board.stdout) if r["entrant"] == ON_STAGE)
        assert (row["rank"], row["total"], row["judges"]) == (1, "80.75", 1)

        # Nothing was asked of any other host; the bundled font came from the server.
        assert page.foreign_requests(served.origin) == []
        fonts = [url for url in page.responses if url.endswith(".ttf")]
        assert fonts and all(page.responses[url] == 200 for url in fonts)

        assert served.stop() == 0
    assert "judge session #2 from 127.0.0.1 closed" in "".join(served.log)
    assert processes_running(str(event.resolve())) == []
