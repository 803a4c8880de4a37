"""Judges score on phones: ``ikm-tui serve`` as a real process, headless Chromium at phone sizes.

Everything here is what a judge at the venue does and sees, in Indonesian: sign in from the
access card's link, type a sheet with the keyboard up, save, lose nothing across a server
restart, and never make the phone ask any other host for anything.
"""

from __future__ import annotations

import re
import socket
import threading
from decimal import Decimal

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm
from tests.e2e import browser
from tests.e2e.browser import KEYBOARD_UP, PHONE, PageRecord, in_view, start_chromium, text_of, wait_until
from tests.e2e.serving import Served

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not browser.available(), reason=browser.SKIP_REASON),
]

CODE = re.compile(r"\b([A-Z0-9]+) \(.*?\): ([2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3})\b")
ON_STAGE = "E03"
CRITERIA = ("inovasi", "produktivitas", "pasar")


@pytest.fixture
def event(make_event):
    """Five judges, six entrants, in Indonesian; E03 is on stage."""
    path = make_event(judges=5, entrants=6, language="id")
    with Store(load_config(path)) as store:
        store.stage.call(ON_STAGE, actor="moderator")
    return path


@pytest.fixture
def codes(event) -> dict[str, str]:
    issued = ikm("access", "issue", "--all", config=event)
    assert issued.returncode == 0, issued.stderr
    return dict(CODE.findall(issued.stdout))


def stored(event, judge: str, entrant: str):
    with Store(load_config(event)) as store:
        return store.scores.sheet(judge, entrant)


def signed_in(driver, served: Served, judge: str, code: str) -> None:
    driver.get(f"{served.url}#j={judge}&c={code}")
    wait_until(lambda: driver.find_element(By.ID, "sheet").is_displayed(), what="the sheet")
    assert "#" not in driver.current_url  # the code is wiped from the address bar


def field(driver, criterion: str):
    return driver.find_element(By.ID, f"score-{criterion}")


class TestOneJudge:
    @pytest.mark.parametrize("size", [PHONE, KEYBOARD_UP], ids=["keyboard-down", "keyboard-up"])
    def test_from_the_card_to_tersimpan(self, event, codes, size):
        driver = start_chromium(*size)
        try:
            with Served(event, "--no-qr") as served:
                signed_in(driver, served, "J1", codes["J1"])
                assert driver.find_element(By.ID, "entrant").get_attribute("value") == ON_STAGE
                assert text_of(driver, "entrant-title").startswith("▶ E03")
                for criterion, value in zip(CRITERIA, ("8,5", "7", "11")):
                    box = field(driver, criterion)
                    box.send_keys(value)  # focuses the field first, as a tap does
                    assert box.get_attribute("inputmode") == "decimal"
                    assert in_view(driver, f"score-{criterion}") and in_view(driver, "save")
                problem = wait_until(lambda: text_of(driver, "problem-pasar") or None, what="the problem")
                assert problem == "✗ Pasar: 11 di luar skala 1–10"
                assert text_of(driver, "total") == "Total: 58,50 / 100 · 1 kriteria lagi"
                field(driver, "pasar").clear()
                field(driver, "pasar").send_keys("9")
                wait_until(lambda: not text_of(driver, "problem-pasar"), what="the problem to go")
                driver.find_element(By.ID, "save").click()
                state = wait_until(
                    lambda: "tersimpan" in text_of(driver, "save-state") and text_of(driver, "save-state")
                )
                record = stored(event, "J1", ON_STAGE)  # durable by the time the page said so
                assert state.startswith("✓ tersimpan E03 pukul")
                assert record.scores == {
                    "inovasi": Decimal("8.5"),
                    "produktivitas": Decimal("7"),
                    "pasar": Decimal("9"),
                }
                page = PageRecord(driver)
                assert page.foreign_requests(served.origin) == []
        finally:
            driver.quit()

    def test_the_stage_is_followed_unless_the_judge_is_typing(self, event, codes):
        driver = start_chromium(*PHONE)
        try:
            with Served(event, "--no-qr") as served, Store(load_config(event)) as moderator:
                signed_in(driver, served, "J2", codes["J2"])
                moderator.stage.call("E04", actor="moderator")
                wait_until(lambda: text_of(driver, "entrant-title").startswith("▶ E04"), what="the move")
                field(driver, "inovasi").send_keys("6")
                moderator.stage.call("E05", actor="moderator")
                notice = wait_until(
                    lambda: driver.find_elements(By.CSS_SELECTOR, ".notice.stage"), what="notice"
                )
                assert notice[0].text == "E05 sekarang di panggung — ketuk untuk membukanya"
                assert text_of(driver, "entrant-title").startswith("E04")  # the typing stays put
                assert field(driver, "inovasi").get_attribute("value") == "6"
                notice[0].click()
                wait_until(lambda: text_of(driver, "entrant-title").startswith("▶ E05"), what="the tap")
        finally:
            driver.quit()


class TestManyJudges:
    def test_five_judges_typing_fast_at_once_each_sheet_exactly_as_typed(self, event, codes):
        sheets = {
            "J1": ("8,5", "7", "9"),
            "J2": ("10", "1", "5,5"),
            "J3": ("3", "4.5", "6"),
            "J4": ("9,5", "9,5", "9,5"),
            "J5": ("1", "10", "2"),
        }
        errors: list[BaseException] = []
        with Served(event, "--no-qr") as served:
            drivers = {
                judge: start_chromium(*(KEYBOARD_UP if i % 2 else PHONE)) for i, judge in enumerate(sheets)
            }
            try:
                for judge, driver in drivers.items():
                    signed_in(driver, served, judge, codes[judge])
                ready = threading.Barrier(len(drivers))

                def judge_types(judge: str) -> None:
                    try:
                        driver = drivers[judge]
                        ready.wait(30)
                        # the whole sheet in one burst: value, Tab, value, Tab, value, Enter (saves)
                        field(driver, "inovasi").send_keys(Keys.TAB.join(sheets[judge]) + Keys.ENTER)
                        wait_until(
                            lambda: "tersimpan" in text_of(driver, "save-state"), timeout=30, what=judge
                        )
                    except BaseException as exc:  # noqa: BLE001 - reported below
                        errors.append(exc)

                threads = [threading.Thread(target=judge_types, args=(j,)) for j in sheets]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join(60)
                foreign = [PageRecord(d).foreign_requests(served.origin) for d in drivers.values()]
            finally:
                for driver in drivers.values():
                    driver.quit()
        assert errors == []
        assert foreign == [[]] * len(sheets)
        for judge, values in sheets.items():
            record = stored(event, judge, ON_STAGE)
            typed = {c: Decimal(v.replace(",", ".")) for c, v in zip(CRITERIA, values)}
            assert record is not None and record.scores == typed, judge

    def test_a_wrong_code_flood_from_one_phone_while_a_judge_signs_in(self, event, codes):
        import aiohttp
        import asyncio

        stop = threading.Event()
        refused: list[int] = []

        async def flood(url: str) -> None:
            connector = aiohttp.TCPConnector(local_addr=("127.0.0.2", 0))
            async with aiohttp.ClientSession(connector=connector) as session:
                while not stop.is_set():
                    tries = [
                        session.post(
                            url + "api/sign-in", json={"code": "ZZZ-ZZZ"}, headers={"Origin": url.rstrip("/")}
                        )
                        for _ in range(4)
                    ]
                    for answer in await asyncio.gather(*tries):
                        refused.append(answer.status)
                        answer.release()

        driver = start_chromium(*KEYBOARD_UP)
        try:
            with Served(event, "--no-qr") as served:
                flooding = threading.Thread(target=asyncio.run, args=(flood(served.url),))
                flooding.start()
                wait_until(lambda: len(refused) > 20, what="the flood")
                driver.get(served.url)
                box = wait_until(lambda: driver.find_element(By.ID, "code"), what="the code field")
                box.send_keys(codes["J3"].lower().replace("-", " ") + Keys.ENTER)  # as typed on a phone
                wait_until(
                    lambda: driver.find_element(By.ID, "sheet").is_displayed(), timeout=10, what="signed in"
                )
                stop.set()
                flooding.join(20)
                assert text_of(driver, "who").startswith("Juri J3")
                assert "kode salah dari 127.0.0.2" in "".join(served.log)
        finally:
            stop.set()
            driver.quit()
        assert set(refused) <= {403, 429} and 429 in refused


class TestRestart:
    def test_a_server_restart_mid_sheet_keeps_the_typing_and_reconnects(self, event, codes):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        driver = start_chromium(*KEYBOARD_UP)
        try:
            with Served(event, "--no-qr", "--port", str(port)) as served:
                signed_in(driver, served, "J4", codes["J4"])
                field(driver, "inovasi").send_keys("7,5")
                field(driver, "produktivitas").send_keys("8")
                wait_until(lambda: "tersambung" in text_of(driver, "link"), what="connected")
                assert served.stop() == 0
            wait_until(lambda: "menyambung lagi" in text_of(driver, "link"), what="the page noticing")
            field(driver, "pasar").send_keys("6,5")  # typed while the server is away
            driver.find_element(By.ID, "save").click()
            wait_until(lambda: "TIDAK tersimpan" in text_of(driver, "save-state"), what="not saved")
            assert stored(event, "J4", ON_STAGE) is None
            with Served(event, "--no-qr", "--port", str(port)) as served:
                wait_until(lambda: "tersambung" in text_of(driver, "link"), timeout=30, what="reconnected")
                values = [field(driver, c).get_attribute("value") for c in CRITERIA]
                assert values == ["7,5", "8", "6,5"]
                driver.refresh()  # a reload: still signed in, the draft back in its fields
                wait_until(lambda: "tersambung" in text_of(driver, "link"), what="signed in again")
                values = [field(driver, c).get_attribute("value") for c in CRITERIA]
                assert values == ["7,5", "8", "6,5"]
                driver.find_element(By.ID, "save").click()
                wait_until(lambda: "tersimpan" in text_of(driver, "save-state"), what="saved")
                record = stored(event, "J4", ON_STAGE)
                assert record.scores == {
                    "inovasi": Decimal("7.5"),
                    "produktivitas": Decimal("8"),
                    "pasar": Decimal("6.5"),
                }
                assert (
                    driver.execute_script("return localStorage.length") == 0
                )  # the draft is gone once saved
        finally:
            driver.quit()
