"""``ikm-tui access cards`` and the wrong-code brakes from the command line."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from ikm_tui.cli import main
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store

CODE = re.compile(r"\b[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}\b")


@pytest.fixture
def event(make_event):
    return make_event(judges=3, entrants=6, language="en")


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


class TestCards:
    def test_one_card_per_judge_whose_code_works_and_voids_the_old_one(self, event, tmp_path, capsys):
        assert main(["--config", str(event), "access", "issue", "J1"]) == 0
        old = CODE.search(capsys.readouterr().out).group(0)
        target = tmp_path / "cards.pdf"
        assert (
            main(
                [
                    "--config",
                    str(event),
                    "access",
                    "cards",
                    "-o",
                    str(target),
                    "--url",
                    "http://10.0.0.5:8000",
                ]
            )
            == 0
        )
        assert capsys.readouterr().out.startswith("access cards for 3 judges written to")
        text = pdf_text(target)
        codes = CODE.findall(text)
        assert len(codes) == 3 and old not in codes
        assert text.count("http://10.0.0.5:8000/") == 3
        for judge in ("Judge 1", "Judge 2", "Judge 3"):
            assert judge in text
        with Store(load_config(event)) as store:
            assert [store.access.verify(code).grant.judge for code in codes] == ["J1", "J2", "J3"]
            assert store.access.verify(old, "J1").outcome == "wrong"

    def test_printing_again_voids_the_earlier_cards(self, event, tmp_path):
        first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
        for target in (first, second):
            assert main(["--config", str(event), "access", "cards", "J2", "-o", str(target)]) == 0
        old, new = CODE.findall(pdf_text(first)), CODE.findall(pdf_text(second))
        with Store(load_config(event)) as store:
            assert store.access.verify(old[0], "J2").outcome == "wrong"
            assert store.access.verify(new[0], "J2").outcome == "granted"

    def test_a_wrong_address_or_judge_changes_nothing(self, event, tmp_path, capsys):
        assert (
            main(
                [
                    "--config",
                    str(event),
                    "access",
                    "cards",
                    "-o",
                    str(tmp_path / "c.pdf"),
                    "--url",
                    "10.0.0.5",
                ]
            )
            == 2
        )
        assert "--url: must be an http://… or https://… address, got 10.0.0.5" in capsys.readouterr().err
        assert main(["--config", str(event), "access", "cards", "J9", "-o", str(tmp_path / "c.pdf")]) == 2
        assert "unknown judge 'J9'" in capsys.readouterr().err
        assert not (tmp_path / "c.pdf").exists()


class TestBrakes:
    def test_listing_and_clearing_the_brake_of_one_phone(self, event, capsys):
        with Store(load_config(event)) as store:
            store.access.issue_all(actor="test")
            for _ in range(3):
                store.access.verify("ZZZ-ZZZ", "J1", address="10.0.0.9")
            store.access.verify("ZZZ-ZZZ", "J2", address="10.0.0.7")
        assert main(["--config", str(event), "access", "brakes"]) == 0
        listed = capsys.readouterr().out
        assert re.search(r"J1@10\.0\.0\.9: 3 wrong codes, \d+ s left to wait", listed)
        assert "J2@10.0.0.7: 1 wrong codes\n" in listed
        assert main(["--config", str(event), "access", "unbrake", "10.0.0.9"]) == 0
        assert capsys.readouterr().out == "1 wrong-code brakes cleared\n"
        with Store(load_config(event)) as store:
            assert [b.target for b in store.access.brakes()] == ["J2@10.0.0.7"]
        assert main(["--config", str(event), "access", "unbrake", "J2"]) == 0
        assert main(["--config", str(event), "access", "brakes"]) == 0
        assert capsys.readouterr().out.endswith("no wrong-code brakes\n")

    def test_unbrake_needs_one_target_or_all(self, event, capsys):
        assert main(["--config", str(event), "access", "unbrake"]) == 2
        assert "name one judge or address, or --all" in capsys.readouterr().err
