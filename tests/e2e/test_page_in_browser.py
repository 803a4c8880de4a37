"""The judges' page around the terminal, in headless Chromium: phone keys, limits, a stop."""

from __future__ import annotations

import pytest

from tests.e2e import browser
from tests.e2e.serving import Served

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not browser.available(), reason=browser.SKIP_REASON),
]


@pytest.fixture
def event(make_event):
    return make_event(judges=2, entrants=6, language="en")


def wait_until(driver, script: str, timeout: float = 15.0):
    """Wait until ``script`` (a JS expression) is truthy in the page; returns its value."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script(f"return {script}")
    )


def tap(driver, selector: str) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, selector).click()


def test_on_a_phone_the_text_is_readable_and_the_key_row_works(event):
    driver = browser.start_chromium(390, 844, mobile=True, ratio=1.0)
    page = browser.PageRecord(driver)
    try:
        with Served(event, "--no-qr") as served:
            driver.get(served.url)
            page.wait_for_text("Sign in as a judge")
            assert (
                int(driver.execute_script("return document.getElementById('terminal').dataset.fontSize"))
                >= 14
            )
            assert (
                driver.execute_script("return getComputedStyle(document.getElementById('keys')).display")
                == "flex"
            )
            assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth")

            tap(driver, '#keys [data-send="tab"]')
            page.wait_for_sent(["stdin", "\t"])
            tap(driver, '#keys [data-send="backtab"]')
            page.wait_for_sent(["stdin", "\x1b[Z"])

            tap(driver, "#keyboard")  # digits for scores
            assert (
                wait_until(
                    driver, "document.querySelector('.xterm-helper-textarea').getAttribute('inputmode')"
                )
                == "decimal"
            )
            assert driver.execute_script("return document.getElementById('keyboard').textContent") == "abc"
            tap(driver, "#keyboard")  # and back to letters for an access code
            assert wait_until(
                driver,
                "document.querySelector('.xterm-helper-textarea').getAttribute('inputmode') === 'text'",
            )
            served.stop()
    finally:
        driver.quit()


def test_a_full_server_and_a_stopped_one_say_so_on_the_page(event):
    driver = browser.start_chromium(1024, 700)
    page = browser.PageRecord(driver)
    try:
        with Served(event, "--no-qr", "--max-sessions", "1") as served:
            driver.get(served.url)
            page.wait_for_text("Sign in as a judge")
            first = driver.current_window_handle

            driver.switch_to.new_window("tab")
            driver.get(served.url)
            wait_until(driver, "document.body.classList.contains('-closed')")
            told = driver.execute_script("return document.getElementById('closed-message').textContent")
            assert "The limit of 1 judge sessions is reached" in told
            served.wait_for_log(r"refused a connection from 127\.0\.0\.1")

            driver.switch_to.window(first)
            assert served.stop() == 0
            wait_until(driver, "document.body.classList.contains('-closed')")
            told = driver.execute_script("return document.getElementById('closed-message').textContent")
            assert told == "The scoring server stopped. Submitted scores are saved."
    finally:
        driver.quit()
