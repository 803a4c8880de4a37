"""``/board`` on a smart TV's browser: the projector board as a page, read-only, no code.

The reveal must never show — nor even send — a later tier before its step: everything the
page displayed and every frame pushed to it is searched for the later winners' names.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal

import pytest
from selenium.webdriver.common.by import By

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.e2e import browser
from tests.e2e.browser import PageRecord, start_chromium, wait_until
from tests.e2e.serving import Served

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not browser.available(), reason=browser.SKIP_REASON),
]

# Scores 1..6: E06 and E05 win Juara I, E04 and E03 Juara II, E02 and E01 Juara III.
TIERS = {
    "JUARA III": ("Owner 2", "Owner 1"),
    "JUARA II": ("Owner 4", "Owner 3"),
    "JUARA I": ("Owner 6", "Owner 5"),
}


@pytest.fixture
def event(make_event):
    path = make_event(judges=3, entrants=6, language="id")
    with Store(load_config(path)) as store:
        for judge in ("J1", "J2", "J3"):
            for n in range(1, 7):
                store.scores.submit(judge, f"E0{n}", {c.id: Decimal(n) for c in store.config.criteria})
        store.results.finalise(actor="moderator")
    return path


def presenting(driver) -> str:
    """Who the stage view shows as presenting (read in one go: the view is redrawn on push)."""
    return driver.execute_script(
        "const e = document.querySelector('#view.board-stage .name'); return e ? e.textContent : '';"
    )


def view_text(driver) -> str:
    return driver.find_element(By.ID, "view").text


def test_the_reveal_never_shows_or_sends_a_later_tier_early(event):
    driver = start_chromium(1280, 720, mobile=False)
    try:
        with Served(event, "--no-qr") as served, Store(load_config(event)) as moderator:
            driver.get(served.url + "board")
            page = PageRecord(driver)
            wait_until(lambda: "Mohon tunggu" in view_text(driver), what="the idle board")
            moderator.stage.call("E01", actor="moderator")
            wait_until(lambda: "07:00" in view_text(driver), what="the countdown")
            countdown = driver.find_element(By.ID, "countdown").size
            assert countdown["height"] > 720 / 3  # it fills the window
            moderator.stage.call("E02", actor="moderator")
            wait_until(lambda: presenting(driver) == "Owner 2", what="E02 on stage")
            page.collect()
            before_reveal = len(page.pushed)  # the stage showed who is next; the reveal starts now
            order = list(TIERS)
            for step, tier in enumerate(order, start=1):
                moderator.results.reveal(step, actor="moderator")
                wait_until(lambda tier=tier: tier in view_text(driver).split("\n"), what=tier)
                later = [name for t in order[step:] for name in TIERS[t]]
                page.collect()
                seen = view_text(driver) + driver.page_source + "".join(page.pushed[before_reveal:])
                assert not [name for name in later if name in seen], (tier, later)
                assert all(name in view_text(driver) for name in TIERS[tier])
            moderator.results.reveal(len(order) + 1, actor="moderator")
            wait_until(lambda: "Para pemenang" in view_text(driver), what="the full table")
            assert all(name in view_text(driver) for names in TIERS.values() for name in names)
            assert page.foreign_requests(served.origin) == []
    finally:
        driver.quit()


SCHEDULE = """
[schedule]
start = ["08:30", "08:30"]
changeover_minutes = 2
"""
SCREENSHOTS = os.environ.get("IKM_BOARD_SCREENSHOTS")  # a folder: keep what the page looked like


def keep(driver, name: str) -> None:
    if SCREENSHOTS:
        driver.save_screenshot(os.path.join(SCREENSHOTS, f"{name}.png"))


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (800, 600)])
def test_the_page_says_about_when_the_next_one_starts_and_shows_the_note_large(make_event, size):
    path = make_event(judges=3, entrants=6, language="id", extra=SCHEDULE)
    driver = start_chromium(*size, mobile=False, ratio=1.0)
    try:
        with Served(path, "--no-qr") as served, Store(load_config(path)) as moderator:
            driver.get(served.url + "board")
            width, height = driver.execute_script("return [window.innerWidth, window.innerHeight];")
            wait_until(lambda: "Owner 1" in view_text(driver), what="the idle board")
            when = driver.find_element(By.ID, "next-time").text
            assert re.fullmatch(r"sekitar pukul \d\d:\d\d", when), when
            keep(driver, f"board-idle-{size[0]}x{size[1]}")
            moderator.stage.next()
            moderator.stage.toggle_timer()
            moderator.stage.set_message("1 menit lagi")
            wait_until(lambda: driver.find_elements(By.ID, "note"), what="the note")
            note = driver.find_element(By.ID, "note")
            assert note.text == "1 MENIT LAGI"
            countdown = driver.find_element(By.ID, "countdown")
            # both large, both inside the window: the note above a clock a third of the height
            assert note.size["height"] >= height / 10
            assert countdown.size["height"] >= height / 3
            for element in (note, countdown, driver.find_element(By.CSS_SELECTOR, "#view .next")):
                box = element.rect
                assert box["y"] >= 0 and box["y"] + box["height"] <= height, element.text
                assert box["x"] >= 0 and box["x"] + box["width"] <= width, element.text
            keep(driver, f"board-note-{size[0]}x{size[1]}")
            moderator.stage.set_message("")
            wait_until(lambda: not driver.find_elements(By.ID, "note"), what="the note cleared")
    finally:
        driver.quit()
