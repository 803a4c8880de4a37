"""The printed minutes, read back with a PDF text extractor as an auditor's tool would."""

from __future__ import annotations

import re

from pypdf import PdfReader

from ikm_tui.export.bundle import gather
from ikm_tui.export.formats import export
from tests.export.conftest import score_event

A4 = (595.28, 841.89)


def read_pdf(bundle, tmp_path):
    reader = PdfReader(export(bundle, "pdf", tmp_path / "minutes.pdf"))
    return reader, [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_winners_amounts_and_total_match_the_engine(scored_store, bundle, tmp_path):
    _, pages = read_pdf(bundle, tmp_path)
    first = flat(pages[0])
    assert "MINUTES OF THE JUDGING" in first and "Test Event" in first
    for standing in scored_store.ranking().winners():
        line = re.search(rf"{standing.prize.label} {standing.rank} .*?Rp [\d.]+", first)
        assert line, standing.entrant.id
        assert line.group(0).endswith(f"Rp {standing.prize.amount:,}".replace(",", "."))
    assert "Total paid out Rp 14.400.000" in first


def test_every_page_has_number_digest_and_provisional_stamp(bundle, tmp_path):
    reader, pages = read_pdf(bundle, tmp_path)
    assert len(pages) >= 3  # minutes, signatures, the full ranking
    for number, text in enumerate(pages, start=1):
        text = flat(text)
        assert f"Page {number} of {len(pages)}" in text
        assert f"Results digest: {bundle.digest}" in text
        assert "PROVISIONAL — results are not finalised" in text
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4


def test_final_minutes_carry_no_provisional_stamp(final_bundle, tmp_path):
    _, pages = read_pdf(final_bundle, tmp_path)
    assert all("PROVISIONAL" not in text for text in pages)
    assert all(final_bundle.digest in flat(text) for text in pages)


def test_full_ranking_and_signatures(scored_store, bundle, tmp_path):
    _, pages = read_pdf(bundle, tmp_path)
    everything = flat(" ".join(pages))
    for judge in scored_store.config.judges:
        assert f"{judge.name}" in everything
    assert "Acknowledged by" in everything and "Head of the office" in everything
    appendix = flat(" ".join(pages[2:]))
    assert "Appendix: the full ranking" in appendix
    for row in bundle.rows:
        assert row["entrant"] in appendix


def test_font_is_embedded_and_unicode_names_survive(bundle, tmp_path):
    reader, pages = read_pdf(bundle, tmp_path)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [
        f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts.values()
    ]
    assert descriptors and all("/FontFile2" in d for d in descriptors)
    assert "DejaVu" in str(descriptors[0]["/FontName"])
    assert "Ni Luh Putu Ayu Lestari" in flat(pages[0])
    assert "Ñoño" in flat(" ".join(pages))


def test_indonesian_minutes(sample_store, tmp_path):
    score_event(sample_store)
    _, pages = read_pdf(gather(sample_store), tmp_path)
    first = flat(pages[0])
    assert "BERITA ACARA PENILAIAN" in first
    assert "Konsultasi Produktivitas IKM Rintisan" in first
    assert "Selasa, 14 Juni 2022 dan Rabu, 15 Juni 2022" in first
    assert "Jumlah insentif yang dibayarkan Rp 14.400.000" in first
    assert "SEMENTARA — hasil belum difinalkan" in first
    assert "Halaman 1 dari" in first
    everything = flat(" ".join(pages))
    assert "Mengetahui," in everything
    assert "Drs. Heru Prasetyo Wibowo, M.Si." in everything
    assert "Kepala Dinas Perindustrian dan Tenaga Kerja" in everything


def test_a_big_panel_signs_over_as_many_pages_as_it_needs(make_event, tmp_path):
    from ikm_tui.domain.config import load_config
    from ikm_tui.store.session import Store

    with Store(load_config(make_event(judges=25, entrants=8))) as store:
        score_event(store)
        reader, pages = read_pdf(gather(store), tmp_path)
    text = flat(" ".join(pages))
    for j in range(1, 26):
        assert text.count(f"{j}. Judge {j} ") == 1
    assert "Acknowledged by" in text
    # page 1 the minutes, pages 2-3 the 13 rows of signatures and the head, page 4 the ranking
    assert len(pages) == 4
    assert "Appendix: the full ranking" in pages[3]
