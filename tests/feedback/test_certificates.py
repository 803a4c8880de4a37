"""Certificates: only from finalised results; every presenter, every winner, a checkable code."""

from __future__ import annotations

import re

from pypdf import PdfReader

from ikm_tui.domain.certificates import verification_code
from ikm_tui.domain.config import load_config
from ikm_tui.export.bundle import gather
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm
from tests.feedback.conftest import score_with_notes


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_no_certificate_before_finalising(scored, event, tmp_path):
    scored.close()
    target = tmp_path / "sertifikat"
    result = ikm("export", "--format", "certificates", "-o", str(target), config=event)
    assert result.returncode == 2
    assert "hanya dibuat dari hasil yang sudah difinalkan" in result.stderr
    assert not target.exists()


def test_participants_and_winners_from_the_finalised_result(scored, event, tmp_path):
    scored.results.finalise(actor="moderator")
    digest = scored.results.frozen().digest
    winners = scored.ranking().winners()
    scored.close()
    target = tmp_path / "sertifikat"
    result = ikm("export", "--format", "certificates", "-o", str(target), config=event)
    assert result.returncode == 0, result.stderr
    config = load_config(event)
    participants = PdfReader(target / "sertifikat-peserta.pdf")
    texts = [flat(p.extract_text()) for p in participants.pages]
    assert len(texts) == 7  # E08 withdrew: no certificate
    for entrant, text in zip([e for e in config.entrants if e.id != "E08"], texts):
        assert "SERTIFIKAT" in text and entrant.name in text and entrant.business in text
        assert verification_code(digest, "peserta", entrant.id) in text
        assert "Test Office" in text and "Hall" in text and "14 Juni 2022" in text
        assert (target / f"peserta-{entrant.id}-{entrant.business.lower().replace(' ', '-')}.pdf").exists()
    for page in participants.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    awards = [flat(p.extract_text()) for p in PdfReader(target / "piagam-pemenang.pdf").pages]
    assert len(awards) == len(winners) == 6
    for standing, text in zip(winners, awards):
        amount = f"Rp {standing.prize.amount:,}".replace(",", ".")
        assert "PIAGAM PENGHARGAAN" in text and standing.entrant.name in text
        assert f"meraih {standing.prize.label} (peringkat {standing.rank})" in text and amount in text
        assert verification_code(digest, "piagam", standing.entrant.id) in text


def test_the_code_depends_on_the_digest_the_kind_and_the_entrant():
    codes = {
        verification_code(d, k, e)
        for d in ("a" * 64, "b" * 64)
        for k in ("peserta", "piagam")
        for e in ("E01", "E02")
    }
    assert len(codes) == 8
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}", verification_code("a" * 64, "piagam", "E01"))


def test_head_of_office_signs(make_event, tmp_path):
    event = make_event(judges=3, entrants=8, language="id")
    text = event.read_text("utf-8").replace(
        'venue = "Hall"', 'venue = "Hall"\nhead_title = "Kepala Dinas X"\nhead_name = "Drs. Heru"'
    )
    event.write_text(text, "utf-8")
    with Store(load_config(event)) as store:
        from ikm_tui.export.formats import export

        score_with_notes(store)
        store.results.finalise(actor="moderator")
        folder = export(gather(store), "certificates", tmp_path / "c")
    page = flat(PdfReader(folder / "piagam-pemenang.pdf").pages[0].extract_text())
    assert "Kepala Dinas X" in page and "Drs. Heru" in page
