"""Strings of the moderator's cues: +/- a minute, notes to the presenter (console, board, CLI)."""

MESSAGES = {
    # ready-made notes to the presenter, on the number keys
    "cue.preset.1": ("1 menit lagi", "1 minute left"),
    "cue.preset.2": ("Mohon diakhiri", "Please wrap up"),
    "cue.preset.3": ("Waktu habis", "Time is up"),
    "cue.preset.4": ("Mohon bicara lebih keras", "Please speak up"),
    # console keys
    "cue.key.plus": ("+1 menit", "+1 min"),
    "cue.key.minus": ("−1 menit", "−1 min"),
    "cue.key.presets": ("Pesan cepat", "Ready notes"),
    "cue.key.write": ("Tulis pesan", "Write note"),
    "cue.key.clear": ("Hapus pesan", "Clear note"),
    # the console's feedback
    "cue.adjusted": ("{sign}{minutes} menit untuk {phase}", "{sign}{minutes} min to the {phase}"),
    "cue.sent": ("Pesan di layar: {text}", "On the board: {text}"),
    "cue.cleared": ("Pesan dihapus dari layar", "Note cleared from the board"),
    "cue.message_line": ("Pesan di layar: {text}", "Note on the board: {text}"),
    "cue.dialog.title": ("Pesan untuk penyaji", "Note to the presenter"),
    "cue.dialog.body": (
        "Tampil besar di layar sampai dihapus (0) atau peserta berikutnya dipanggil.",
        "Shown large on the board until cleared (0) or the next entrant is called.",
    ),
    "cue.dialog.ok": ("Tampilkan", "Show"),
    "cue.dialog.empty": ("tulis pesannya dahulu", "type the note first"),
    # store refusals
    "timer.too_short": (
        "waktu tahap ini tidak dapat dikurangi lagi",
        "this phase cannot be made any shorter",
    ),
    "stage.message_too_long": (
        "pesan terlalu panjang ({length} karakter, paling banyak {max})",
        "the note is too long ({length} characters, at most {max})",
    ),
    # ikm-tui stage (CLI)
    "cue.cli.time": (
        "{phase}: sisa {time} (tambahan {extra} menit)",
        "{phase}: {time} left ({extra} min added)",
    ),
    "cue.cli.message": ("Pesan di layar: {text}", "Note on the board: {text}"),
    "cue.cli.no_message": ("Tidak ada pesan di layar", "No note on the board"),
}
