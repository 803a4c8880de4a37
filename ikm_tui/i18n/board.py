"""Strings of the projector board: what the audience reads."""

MESSAGES = {
    "board.presenting": ("Sedang presentasi", "Now presenting"),
    "board.phase.ready": ("Bersiap", "Getting ready"),
    "board.phase.presentation": ("Presentasi", "Presentation"),
    "board.phase.qa": ("Tanya jawab", "Questions & answers"),
    "board.phase.over": ("Terima kasih", "Thank you"),
    "board.paused": ("Jeda", "Paused"),
    "board.next_up": ("Berikutnya: {name} — {business}", "Next up: {name} — {business}"),
    "board.idle": ("Mohon tunggu sebentar", "Please wait a moment"),
    "board.idle_next": ("Berikutnya tampil", "Presenting next"),
    "board.idle_end": ("Terima kasih atas perhatian Anda", "Thank you for your attention"),
    "board.day": ("Hari {day} · {venue}", "Day {day} · {venue}"),
    "board.unreachable": (
        "Basis data sesi tidak terjangkau — mencoba lagi…",
        "Session database unreachable — retrying…",
    ),
    "board.unreachable_hint": (
        "Tampilan akan pulih dengan sendirinya.",
        "The board will come back by itself.",
    ),
}
