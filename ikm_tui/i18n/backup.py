"""Strings of backups and restores: the console's status line, `backup` and `restore`."""

MESSAGES = {
    # what is wrong with a copy or the session file
    "copy.no_session": (
        "belum ada basis data sesi; buka konsol moderator sekali terlebih dahulu",
        "there is no session database yet (open the moderator console once first)",
    ),
    "copy.not_found": ("file salinan tidak ditemukan", "copy not found"),
    "copy.other_event": (
        "salinan ini milik acara lain ('{found}', bukan '{expected}'); untuk laptop cadangan yang"
        " belum punya sesi, gunakan --event-from-copy",
        "this copy belongs to another event ('{found}', expected '{expected}'); on a standby laptop with no session yet, use --event-from-copy",
    ),
    "copy.damaged": ("salinan rusak: {detail}", "the copy is damaged: {detail}"),
    "copy.chain_broken": (
        "rantai audit salinan putus di baris {seq}: salinan telah diubah atau rusak",
        "the copy's audit chain breaks at row {seq}: the copy was altered or damaged",
    ),
    # a backup folder that cannot take a copy
    "backup.problem.missing": (
        "tidak ditemukan (flashdisk dicabut?)",
        "not found (USB stick pulled?)",
    ),
    "backup.problem.full": ("disk penuh", "disk full"),
    "backup.problem.unwritable": ("tidak dapat ditulis ({detail})", "cannot be written ({detail})"),
    "backup.problem.bad_copy": (
        "salinan yang ditulis tidak lolos pemeriksaan ({detail})",
        "the written copy failed its check ({detail})",
    ),
    "backup.problem.failed": ("gagal menyalin ({detail})", "copy failed ({detail})"),
    # the moderator console's status line
    "backup.line.ok": ("cadangan {time} ✓ {folders}", "backup {time} ✓ {folders}"),
    "backup.line.waiting": ("cadangan: menyalin ke {folders} …", "backup: copying to {folders} …"),
    "backup.line.problem": (
        "cadangan ⚠ {folder}: {problem} · terakhir {last}",
        "backup ⚠ {folder}: {problem} · last {last}",
    ),
    "backup.line.also_ok": ("· {time} ✓ {folders}", "· {time} ✓ {folders}"),
    "backup.line.never": ("belum ada", "none yet"),
    "backup.toast.back": (
        "Cadangan berjalan lagi: {folder} — disalin {time} ✓",
        "Backup is back: {folder} — copied {time} ✓",
    ),
    "backup.toast.problem": ("Cadangan ⚠ {folder}: {problem}", "Backup ⚠ {folder}: {problem}"),
    # ikm-tui backup
    "backup.cli.written": (
        "cadangan disimpan dan diperiksa: {path}",
        "backup written and checked: {path}",
    ),
    "backup.cli.holds": (
        "  {changes} perubahan (terakhir {last}), {sheets} lembar nilai, {final}",
        "  {changes} changes (last {last}), {sheets} score sheets, {final}",
    ),
    "backup.cli.no_folder": (
        "folder tidak ditemukan (folder cadangan tidak dibuat otomatis)",
        "folder not found (backup folders are never created automatically)",
    ),
    # ikm-tui restore
    "restore.checked": ("Salinan lolos pemeriksaan: {path}", "The copy passed its checks: {path}"),
    "restore.proof": (
        "  diperiksa sama seperti audit verify (integritas, rantai hash, pemutaran ulang log, "
        "hasil beku): {changes} perubahan, head {head}",
        "  proven as audit verify proves (integrity, chain, log replay, frozen result): {changes} changes, head {head}",
    ),
    "restore.last_change": ("  perubahan terakhir: {time}", "  last change: {time}"),
    "restore.sheets": (
        "  lembar nilai: {sheets} (dari {judges} juri)",
        "  score sheets: {sheets} (from {judges} judges)",
    ),
    "restore.final.yes": ("  hasil: SUDAH difinalkan", "  results: FINALISED"),
    "restore.final.no": ("  hasil: belum difinalkan", "  results: not finalised"),
    "restore.on_stage": ("  di panggung: {entrant}", "  on stage: {entrant}"),
    "restore.check_only": (
        "Hanya diperiksa (--check): tidak ada yang diubah.",
        "Checked only (--check): nothing was changed.",
    ),
    "restore.aside": (
        "Basis data sesi sebelumnya disimpan sebagai: {path}",
        "The previous session database was kept as: {path}",
    ),
    "restore.done": (
        "Sesi dipulihkan ke {path}. Jalankan `ikm-tui` untuk melanjutkan acara.",
        "Session restored to {path}. Run `ikm-tui` to carry on with the event.",
    ),
    "restore.in_use": (
        "basis data sesi sedang dibuka oleh program lain (konsol, juri, layar penonton, serve): "
        "tutup semuanya terlebih dahulu",
        "the session database is open in another process (console, judge, board, serve): close them first",
    ),
    "restore.is_session": (
        "file ini adalah basis data sesi itu sendiri, bukan salinan",
        "this file is the session database itself, not a copy",
    ),
    "restore.no_folder": ("folder basis data sesi tidak ada", "the session database's folder does not exist"),
    "restore.cannot_write": (
        "tidak dapat menulis di folder ini ({detail})",
        "cannot write in this folder ({detail})",
    ),
    "backup.final.yes": ("sudah difinalkan", "finalised"),
    "backup.final.no": ("belum difinalkan", "not finalised"),
}
