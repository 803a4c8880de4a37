"""Headless Chromium (Debian's, with its chromedriver) driving the judges' page as a person would.

The browser terminal draws on a canvas, so what the judge sees is read from what the server
sent it: every WebSocket frame and every request the page made are in Chromium's performance
log (DevTools protocol events). Text is searched in the frames' bytes with the terminal's
escape sequences removed; a mark lets a test look only at what came after an action.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SKIP_REASON = "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"

ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, clipboard
    r"|\x1bP.*?\x1b\\"  # DCS
    r"|\x1b[@-Z\\-_=>]"  # two-byte escapes
)
NOT_A_HOST = "http://127.0.0.1:9"  # a proxy nobody listens on: nothing leaves the machine


def available() -> bool:
    return bool(CHROMIUM) and shutil.which(CHROMEDRIVER) is not None


def start_chromium(width: int = 1280, height: int = 800, *, mobile: bool = False, ratio: float = 2.0):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--no-first-run",
        f"--window-size={width},{height}",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
        # Anything not on this machine goes to a dead local proxy; loopback is never proxied.
        f"--proxy-server={NOT_A_HOST}",
        "--proxy-bypass-list=<-loopback>;127.0.0.1;localhost",
    ):
        options.add_argument(argument)
    if mobile:
        options.add_experimental_option(
            "mobileEmulation",
            {
                "deviceMetrics": {
                    "width": width,
                    "height": height,
                    "pixelRatio": ratio,
                    "touch": True,
                    "mobile": True,
                }
            },
        )
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


@dataclass
class PageRecord:
    """What one page asked for and was sent, collected from Chromium's performance log."""

    driver: object
    requests: list[str] = field(default_factory=list)
    responses: dict[str, int] = field(default_factory=dict)
    received: list[str] = field(default_factory=list)  # terminal text, escapes removed
    sent: list[str] = field(default_factory=list)

    def collect(self) -> None:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message["method"], message.get("params", {})
            if method == "Network.requestWillBeSent":
                self.requests.append(params["request"]["url"])
            elif method == "Network.responseReceived":
                self.responses[params["response"]["url"]] = params["response"]["status"]
            elif method == "Network.webSocketCreated":
                self.requests.append(params["url"])
            elif method == "Network.webSocketFrameReceived":
                self.received.append(_frame_text(params["response"]))
            elif method == "Network.webSocketFrameSent":
                self.sent.append(params["response"]["payloadData"])

    def mark(self) -> int:
        """A place in what was received; ``wait_for_text(..., since=mark)`` looks after it."""
        self.collect()
        return len(self.received)

    def text(self, since: int = 0) -> str:
        self.collect()
        return ESCAPES.sub("", "".join(self.received[since:]))

    def wait_for_text(self, *wanted: str, since: int = 0, timeout: float = 20.0) -> str:
        """Wait until the terminal was sent any of ``wanted``; returns the one that came."""
        deadline = time.monotonic() + timeout
        while True:
            seen = self.text(since)
            for text in wanted:
                if text in seen:
                    return text
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"the terminal never showed any of {wanted!r}; it showed: {seen[-1500:]!r}"
                )
            time.sleep(0.1)

    def wait_for_sent(self, message: list, timeout: float = 10.0) -> None:
        """Wait until the page sent ``message`` (one of the protocol's JSON lists)."""
        deadline = time.monotonic() + timeout
        while True:
            self.collect()
            if message in [json.loads(frame) for frame in self.sent]:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"the page never sent {message!r}: {self.sent[-10:]!r}")
            time.sleep(0.05)

    def settle(self, since: int, quiet: float = 0.25, timeout: float = 10.0) -> None:
        """Wait until the console drew something after ``since`` and then went quiet.

        How a person waits after a key whose effect shows only as colour (Tab moving the
        focus): for the screen to react. Textual sends keys typed ahead to the widget that had
        the focus when they arrived, so the next value must wait for the move.
        """
        deadline = time.monotonic() + timeout
        count, changed = self.mark(), time.monotonic()
        while count <= since or time.monotonic() - changed < quiet:
            if time.monotonic() > deadline:
                raise AssertionError("the console did not react and settle in time")
            time.sleep(0.05)
            if (now := self.mark()) != count:
                count, changed = now, time.monotonic()

    def foreign_requests(self, origin: str) -> list[str]:
        """Every request to a host other than ``origin`` (host:port) — must stay empty."""
        self.collect()
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != origin
        ]


def _frame_text(response: dict) -> str:
    payload = response.get("payloadData", "")
    if response.get("opcode") == 2:  # binary: the terminal's bytes, base64-encoded by DevTools
        return base64.b64decode(payload).decode("utf-8", errors="replace")
    return ""  # text frames are the protocol's own JSON (pong, ...), not screen output


def type_keys(driver, *keys: str) -> None:
    """Type into the terminal as a person would: into xterm.js's focused input field."""
    from selenium.webdriver.common.by import By

    field = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    for key in keys:
        field.send_keys(key)


def press_ctrl(driver, key: str) -> None:
    """Ctrl+``key`` in the terminal (xterm.js turns it into the control character)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    ActionChains(driver).key_down(Keys.CONTROL).send_keys(key).key_up(Keys.CONTROL).perform()
