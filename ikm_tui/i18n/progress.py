"""Strings of the moderator's judge-progress screen (F2) and its access-code dialogs."""

MESSAGES = {
    "progress.title": ("Progres juri", "Judge progress"),
    "progress.legend": (
        "✓ dinilai   · belum   ⊘ tidak menilai   – mengundurkan diri/gugur   ! diminta cek ulang   "
        "▶ di panggung",
        "✓ scored   · pending   ⊘ recused   – entrant withdrawn/forfeit   ! re-check requested   ▶ on stage",
    ),
    "progress.col.judge": ("Juri", "Judge"),
    "progress.col.name": ("Nama", "Name"),
    "progress.col.code": ("Kode akses", "Access code"),
    "progress.col.scored": ("Dinilai", "Scored"),
    "progress.col.recused": ("Tidak menilai", "Recused"),
    "progress.col.pending": ("Belum", "Pending"),
    "progress.col.recheck": ("Cek ulang", "Re-check"),
    "progress.col.entrant": ("Peserta", "Entrant"),
    "progress.col.business": ("Usaha", "Business"),
    "progress.col.notes": ("Catatan", "Notes"),
    "progress.code_issued": ("terbit {time}", "issued · {time}"),
    "progress.code_none": ("belum ada", "none yet"),
    "progress.code_off": ("tidak dipakai", "not used"),
    "progress.pick_judge": (
        "pilih juri terlebih dahulu (baris di tabel juri, atau kolom juri di matriks)",
        "pick a judge first (a row of the judges table, or a judge column of the matrix)",
    ),
    "progress.pick_cell": (
        "pilih sel juri × peserta di matriks",
        "pick a judge x entrant cell in the matrix",
    ),
    "progress.reissue_question": (
        "Terbitkan kode baru untuk {judge} ({name})? Kode lama langsung tidak berlaku dan juri "
        "tersebut harus masuk ulang.",
        "Issue a new code for {judge} ({name})? The old code stops working at once and that "
        "judge's console must sign in again.",
    ),
    "progress.codes_title": ("Kode akses baru", "New access codes"),
    "progress.codes_note": (
        "Catat atau bacakan sekarang: kode hanya ditampilkan sekali.",
        "Write them down or read them out now: codes are shown only once.",
    ),
    "progress.none_missing": ("semua juri sudah memiliki kode", "every judge already has a code"),
    "progress.recheck_asked": (
        "{judge} diminta memeriksa ulang {entrant}",
        "{judge} asked to re-check {entrant}",
    ),
    "progress.recheck_cancelled": (
        "permintaan cek ulang {judge}/{entrant} dibatalkan",
        "re-check request {judge}/{entrant} withdrawn",
    ),
    "recheck.which": (
        "sebutkan JURI dan PESERTA (mis. recheck J1 E03), atau --list",
        "name JUDGE and ENTRANT (e.g. recheck J1 E03), or --list",
    ),
    "recheck.pending_line": (
        "{judge} → {entrant} (diminta oleh {by})",
        "{judge} → {entrant} (asked by {by})",
    ),
    "progress.key.code": ("Kode baru", "Judge code"),
    "progress.key.codes_missing": ("Lengkapi kode", "Codes for all"),
    "progress.key.recheck": ("Minta cek ulang", "Ask re-check"),
    "progress.key.close": ("Tutup", "Close"),
    "progress.key.yes": ("Ya", "Yes"),
    "progress.key.no": ("Tidak", "No"),
    "progress.button_yes": ("Ya, terbitkan", "Yes, issue"),
    "progress.button_no": ("Batal", "Cancel"),
    "progress.button_close": ("Tutup", "Close"),
}
