"""Strings of the judge console, access codes and re-check requests."""

MESSAGES = {
    # access codes (store, CLI, code prompt)
    "access.unknown_judge": (
        "juri '{judge}' tidak dikenal (yang ada: {known})",
        "unknown judge '{judge}' (known: {known})",
    ),
    "access.issued": ("kode akses {judge} ({name}): {code}", "access code {judge} ({name}): {code}"),
    "access.issued_note": (
        "Kode hanya ditampilkan sekali. Kode lama (jika ada) tidak berlaku lagi.",
        "Codes are shown only once. Any earlier code no longer works.",
    ),
    "access.issue_which": (
        "sebutkan id juri, atau --all / --missing (jangan keduanya)",
        "name judge ids, or --all / --missing (not both)",
    ),
    "access.none_to_issue": ("semua juri sudah memiliki kode", "every judge already has a code"),
    "access.status_line": ("{judge}  {name}  {state}", "{judge}  {name}  {state}"),
    "access.state_issued": ("kode diterbitkan {at}", "code issued {at}"),
    "access.state_none": ("belum ada kode", "no code yet"),
    "access.revoked": ("kode {judge} dicabut", "code for {judge} revoked"),
    "access.codes_off": (
        "kode akses dimatikan di konfigurasi ([judging] access_codes = false)",
        "access codes are switched off in the config ([judging] access_codes = false)",
    ),
    # the code prompt
    "judge.code_title": ("Masuk sebagai juri", "Sign in as a judge"),
    "judge.code_prompt_any": (
        "Ketik kode akses yang diberikan moderator.",
        "Type the access code the moderator gave you.",
    ),
    "judge.code_prompt_for": (
        "{judge} · {name}: ketik kode akses Anda.",
        "{judge} · {name}: type your access code.",
    ),
    "judge.code_placeholder": ("mis. K7M-4QX", "e.g. K7M-4QX"),
    "judge.code_checking": ("memeriksa…", "checking…"),
    "judge.code_wrong": ("kode salah, coba lagi", "wrong code, try again"),
    "judge.code_wait": (
        "terlalu sering salah kode: tunggu {seconds} detik",
        "too many wrong codes: wait {seconds} s",
    ),
    "judge.code_none": (
        "belum ada kode akses untuk juri ini; minta kepada moderator",
        "no access code has been issued for this judge yet; ask the moderator",
    ),
    "judge.code_none_any": (
        "belum ada kode akses yang diterbitkan; minta kepada moderator",
        "no access codes have been issued yet; ask the moderator",
    ),
    "judge.code_revoked": (
        "kode Anda diganti oleh moderator; masuk lagi dengan kode baru",
        "the moderator replaced your code; sign in again with the new one",
    ),
    "judge.choose_title": ("Pilih juri", "Choose the judge"),
    # the scoring screen
    "judge.header": ("Juri {judge} · {name}", "Judge {judge} · {name}"),
    "judge.list_title": ("Peserta", "Entrants"),
    "judge.on_stage": ("di panggung", "on stage"),
    "judge.not_on_stage": ("", ""),
    "judge.entrant_title": ("{entrant} · {business}", "{entrant} · {business}"),
    "judge.entrant_sub": ("{name} · {category} · hari {day}", "{name} · {category} · day {day}"),
    "judge.scale": (
        "bobot {weight} · {low}–{high}, kelipatan {step}",
        "weight {weight} · {low}–{high}, step {step}",
    ),
    "judge.total": ("Total: {total} / 100", "Total: {total} / 100"),
    "judge.total_partial": (
        "Total: {total} / 100 · {left} kriteria lagi",
        "Total: {total} / 100 · {left} criteria to go",
    ),
    "judge.status_not_scored": ("belum dinilai", "not scored"),
    "judge.status_scored": ("dinilai", "scored"),
    "judge.status_recused": ("tidak menilai", "recused"),
    "judge.status_draft": ("draf", "draft"),
    "judge.status_recheck": ("cek ulang", "re-check"),
    "judge.saved": (
        "✓ tersimpan {entrant} pukul {time} (total {total})",
        "✓ saved {entrant} at {time} (total {total})",
    ),
    "judge.saved_recusal": (
        "✓ tersimpan: Anda tidak menilai {entrant} (pukul {time})",
        "✓ saved: recused from {entrant} at {time}",
    ),
    "judge.saving": ("menyimpan…", "saving…"),
    "judge.locked_banner": (
        "Hasil sudah difinalkan: lembar nilai hanya dapat dibaca.",
        "Results are finalised: score sheets are read-only.",
    ),
    "judge.unsaved": ("belum disimpan", "not saved yet"),
    "judge.stored": ("tersimpan pukul {time}", "saved at {time}"),
    "judge.stored_recused": (
        "Anda tidak menilai peserta ini. Alasan: {reason}",
        "You recused yourself from this entrant: {reason}",
    ),
    "judge.fix_first": (
        "periksa nilai yang ditandai, lalu simpan lagi",
        "check the marked scores, then save again",
    ),
    "judge.offline": (
        "basis data tidak terjangkau — mencoba lagi; nilai yang diketik tetap di layar",
        "the database cannot be reached — retrying; what you typed stays on screen",
    ),
    "judge.not_saved": ("TIDAK tersimpan: {detail}", "NOT saved: {detail}"),
    "judge.stage_moved": (
        "{entrant} sekarang di panggung — tekan Ctrl+G untuk membukanya",
        "{entrant} is now on stage — Ctrl+G to go there",
    ),
    "judge.recheck": (
        "Moderator meminta Anda memeriksa ulang nilai peserta {entrant}.",
        "The moderator asks you to re-check entrant {entrant}.",
    ),
    "judge.recheck_list": (
        "Mohon periksa ulang: {entrants}",
        "Please re-check: {entrants}",
    ),
    "judge.recuse_title": ("Tidak menilai {entrant}", "Recuse from {entrant}"),
    "judge.recuse_prompt": (
        "Mengapa Anda tidak menilai peserta ini? (mis. hubungan keluarga, konflik kepentingan)",
        "Reason (e.g. family tie, conflict of interest):",
    ),
    "judge.recuse_needs_reason": ("alasan wajib diisi", "a reason is required"),
    "judge.button_save": ("Simpan", "Save"),
    "judge.button_recuse": ("Tidak menilai", "Recuse"),
    "judge.button_ok": ("OK", "OK"),
    "judge.button_cancel": ("Batal", "Cancel"),
    # key labels (footer)
    "judge.key.submit": ("Simpan", "Save"),
    "judge.key.recuse": ("Tidak menilai", "Recuse"),
    "judge.key.stage": ("Peserta di panggung", "To stage"),
    "judge.key.list": ("Daftar peserta", "List"),
    "judge.key.revert": ("Batalkan perubahan", "Undo edits"),
    "judge.key.next": ("Yang belum dinilai", "Next unscored"),
    "judge.key.cancel": ("Batal", "Cancel"),
    "judge.key.quit": ("Keluar", "Quit"),
    # CLI
    "judge.cli_unknown": (
        "--judge: juri '{judge}' tidak dikenal (yang ada: {known})",
        "--judge: unknown judge '{judge}' (known: {known})",
    ),
}
