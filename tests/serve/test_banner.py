"""What the moderator is told to hand out: addresses a phone can reach, and their QR code."""

from __future__ import annotations

import ipaddress

import pytest

from ikm_tui.i18n import Messages
from ikm_tui.serve import addresses
from ikm_tui.serve.banner import banner


@pytest.fixture
def venue_wifi(monkeypatch):
    monkeypatch.setattr(addresses, "lan_addresses", lambda: ["192.168.1.20"])


def show(host: str, **kwargs) -> str:
    options = dict(title="Test Event", host=host, port=8000, qr=True, judges_without_code=[]) | kwargs
    return banner(Messages("en"), **options)


class TestAddresses:
    def test_a_named_host_is_the_address(self):
        assert addresses.urls("127.0.0.1", 8000) == ["http://127.0.0.1:8000/"]
        assert addresses.urls("::1", 8000) == ["http://[::1]:8000/"]

    def test_all_interfaces_means_every_lan_address_then_this_laptop(self, venue_wifi):
        assert addresses.urls("0.0.0.0", 8080) == ["http://192.168.1.20:8080/", "http://127.0.0.1:8080/"]

    def test_this_machines_addresses_are_found_without_sending_anything(self):
        for address in addresses.lan_addresses():
            assert not ipaddress.ip_address(address).is_loopback

    @pytest.mark.parametrize(
        "host, loopback",
        [
            ("127.0.0.1", True),
            ("localhost", True),
            ("::1", True),
            ("0.0.0.0", False),
            ("192.168.1.20", False),
            ("laptop", False),
        ],
    )
    def test_loopback(self, host, loopback):
        assert addresses.is_loopback(host) is loopback


class TestBanner:
    def test_on_the_wifi_it_shows_the_address_and_its_qr_code(self, venue_wifi):
        text = show("0.0.0.0")
        assert text.index("▀") < text.index("http://192.168.1.20:8000/")
        assert "    http://192.168.1.20:8000/" in text
        assert "Judges scan this QR code or open the address" in text and "▀" in text
        assert "Only this laptop" not in text

    def test_bound_to_this_laptop_it_says_how_to_open_it_to_phones(self):
        text = show("127.0.0.1")
        assert "    http://127.0.0.1:8000/" in text
        assert "ikm-tui serve --host 0.0.0.0" in text
        assert "QR" not in text

    def test_no_qr_when_asked(self, venue_wifi):
        assert "QR" not in show("0.0.0.0", qr=False)

    def test_it_names_judges_who_cannot_sign_in_yet(self):
        text = show("127.0.0.1", judges_without_code=["J2", "J3"])
        assert "No access code yet: J2, J3" in text
        assert "ikm-tui access issue --missing" in text

    def test_the_board_address_and_how_to_stop(self):
        text = show("127.0.0.1")
        assert "Projector board for a TV or a second laptop: http://127.0.0.1:8000/board" in text
        assert "Ctrl+C" in text
