"""Headless Chromium (Debian's, with its chromedriver) driving the judges' page as a person would.

Every request the page made (pages, scripts, fetches, WebSockets) and every push frame it
received are read from Chromium's performance log (DevTools protocol events), so a test can
prove nothing went to another host and nothing secret was ever sent.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SKIP_REASON = "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
NOT_A_HOST = "http://127.0.0.1:9"  # a proxy nobody listens on: nothing leaves the machine
PHONE = (360, 640)  # upright, keyboard down
KEYBOARD_UP = (360, 330)  # upright, with the on-screen keyboard taking the lower half


def available() -> bool:
    return bool(CHROMIUM) and shutil.which(CHROMEDRIVER) is not None


def start_chromium(width: int = 360, height: int = 640, *, mobile: bool = True, ratio: float = 2.0):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
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
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    return driver


@dataclass
class PageRecord:
    """What one page asked for and was pushed, collected from Chromium's performance log."""

    driver: object
    requests: list[str] = field(default_factory=list)
    pushed: list[str] = field(default_factory=list)

    def collect(self) -> None:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message["method"], message.get("params", {})
            if method == "Network.requestWillBeSent":
                self.requests.append(params["request"]["url"])
            elif method == "Network.webSocketCreated":
                self.requests.append(params["url"])
            elif method == "Network.webSocketFrameReceived":
                self.pushed.append(params["response"].get("payloadData", ""))

    def foreign_requests(self, origin: str) -> list[str]:
        """Every request to a host other than ``origin`` (host:port) — must stay empty."""
        self.collect()
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != origin
        ]


def wait_until(condition, timeout: float = 15.0, what: str = "condition"):
    """Poll ``condition()`` until it returns something truthy; that value is returned."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def text_of(driver, element_id: str) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id).text


def in_view(driver, element_id: str) -> bool:
    """The element is wholly inside the visible window (not under the keyboard, not scrolled off)."""
    return driver.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight + 0.5;",
        element_id,
    )
