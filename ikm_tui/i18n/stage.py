"""Strings of the stage: the moderator's console, queue statuses, timer and queue errors."""

MESSAGES = {
    # queue statuses: a no-show says what happens next, not what already happened
    "stage.status.waiting": ("menunggu", "waiting"),
    "stage.status.on_stage": ("di panggung", "on stage"),
    "stage.status.done": ("selesai", "done"),
    "stage.status.no_show": (
        "tidak hadir ×{count} — dipanggil nanti",
        "no-show ×{count} — called again later",
    ),
    "stage.status.moved": ("ditunda", "moved"),
    "stage.status.withdrawn": ("mengundurkan diri", "withdrawn"),
    "stage.status.forfeit": ("gugur", "forfeit"),
    # where the next no-show sends an entrant
    "stage.path.later_today": (
        "dipanggil lagi di akhir antrean hari ini",
        "called again at the end of today's queue",
    ),
    "stage.path.next_day": ("dipanggil lagi pada hari {day}", "called again on day {day}"),
    "stage.path.forfeit": ("gugur dan tidak masuk peringkat", "forfeits and is not ranked"),
    # phases
    "stage.phase.ready": ("bersiap", "ready"),
    "stage.phase.presentation": ("presentasi", "presentation"),
    "stage.phase.qa": ("tanya jawab", "Q&A"),
    "stage.phase.over": ("waktu habis", "over"),
    "stage.paused": ("DIJEDA", "PAUSED"),
    # the console
    "stage.queue_title": ("Antrean hari {day} — {date}", "Queue, day {day} — {date}"),
    "stage.col.order": ("No", "#"),
    "stage.col.overtime": ("Lewat waktu", "Overtime"),
    "stage.col.overtime_short": ("Lewat", "Over"),  # the header when the column is narrow
    "stage.on_stage": ("Di panggung", "On stage"),
    "stage.nobody": ("Panggung kosong", "Nobody on stage"),
    "stage.next_up": ("Berikutnya", "Next up"),
    "stage.none_waiting": ("tidak ada yang menunggu hari ini", "nobody waiting today"),
    "stage.judges": ("Juri", "Judges"),
    "stage.judges_legend": (
        "✓ terkirim  ⊘ tidak menilai  · belum",
        "✓ submitted  ⊘ recused  · pending",
    ),
    "stage.overtime_total": ("lewat waktu {time}", "overtime {time}"),
    "stage.overtime_presentation": (
        "presentasi lewat waktu {time}",
        "the presentation ran over {time}",
    ),
    "stage.undo_hint": (
        "u: batalkan {action} {entrant}",
        "u undoes: {action} {entrant}",
    ),
    "stage.undone": ("dibatalkan: {action} {entrant}", "undone: {action} {entrant}"),
    "stage.no_target": ("pilih peserta di antrean dahulu", "select an entrant in the queue first"),
    "stage.skipped": (
        "{entrant} dilewati: {other} {other_name} tampil lebih dulu",
        "{entrant} skipped: {other} {other_name} goes first",
    ),
    "stage.day_switched": ("Sekarang hari {day}", "Now on day {day}"),
    # bindings: short, and each says what the key does
    "stage.key.timer": ("Mulai/Jeda", "Start/Pause"),
    "stage.key.end_phase": ("Akhiri tahap", "End phase"),
    "stage.key.next": ("Berikutnya", "Next"),
    "stage.key.call": ("Panggil", "Call"),
    "stage.key.skip": ("Lewati", "Skip"),
    "stage.key.no_show": ("Tidak hadir", "No-show"),
    "stage.key.later": ("Tunda", "Later"),
    "stage.key.day2": ("Pindah hari", "Move day"),
    "stage.key.withdraw": ("Undur diri", "Withdraw"),
    "stage.key.undo": ("Batalkan aksi", "Undo"),
    "stage.key.day": ("Ganti hari", "Switch day"),
    "stage.key.board": ("Layar penonton", "Audience board"),
    "stage.key.projector": ("Proyektor", "Projector"),
    "stage.key.calm": ("Layar jeda", "Calm screen"),
    "stage.key.yes": ("Ya", "Yes"),
    "stage.key.no": ("Tidak", "No"),
    "stage.key.close": ("Tutup", "Close"),
    "stage.key.console": ("Kembali ke konsol", "Back to the console"),
    # queue actions, as named in undo and confirmations
    "stage.action.queue.call": ("panggil", "call"),
    "stage.action.queue.next": ("panggil berikutnya", "next"),
    "stage.action.queue.skip": ("lewati", "skip"),
    "stage.action.queue.no_show": ("tidak hadir", "no-show"),
    "stage.action.queue.move_later": ("tunda", "move later"),
    "stage.action.queue.move_to_day": ("pindah hari", "move day"),
    "stage.action.queue.withdraw": ("undur diri", "withdraw"),
    # confirmations
    "stage.confirm.next": (
        "{entrant} {name} sedang {phase}. Hentikan sekarang dan panggil {next}?",
        "{entrant} {name} is in the {phase}. Stop now and call {next}?",
    ),
    "stage.confirm.next_empty": (
        "{entrant} {name} sedang {phase}. Hentikan sekarang? Panggung akan kosong.",
        "{entrant} {name} is in the {phase}. Stop now? The stage will be empty.",
    ),
    "stage.confirm.no_show": (
        "Catat {entrant} {name} tidak hadir? Selanjutnya: {path}.",
        "Mark {entrant} {name} as a no-show? Then: {path}.",
    ),
    "stage.confirm.later": (
        "Tunda {entrant} {name} ke akhir antrean hari ini?",
        "Move {entrant} {name} to the end of today's queue?",
    ),
    "stage.confirm.day": (
        "Pindahkan {entrant} {name} ke hari {day}?",
        "Move {entrant} {name} to day {day}?",
    ),
    "stage.confirm.withdraw": (
        "{entrant} {name} mengundurkan diri? Peserta ini tidak akan masuk peringkat.",
        "Withdraw {entrant} {name}? They will not be ranked.",
    ),
    "stage.confirm.yes": ("Ya (y)", "Yes (y)"),
    "stage.confirm.no": ("Tidak (n)", "No (n)"),
    "stage.projector.title": ("Kendali proyektor", "Projector controls"),
    "stage.projector.board": ("Tampilkan layar penonton di sini (b)", "Show the board here (b)"),
    "stage.projector.calm_on": ("Layar jeda: NYALA (c)", "Calm screen: ON (c)"),
    "stage.projector.calm_off": ("Layar jeda: MATI (c)", "Calm screen: OFF (c)"),
    "stage.projector.close": ("Tutup (esc)", "Close (esc)"),
    "stage.board_close": ("Kembali ke konsol (esc)", "Back to the console (esc)"),
    # errors of queue and timer actions
    "queue.unknown_entrant": ("peserta '{entrant}' tidak dikenal", "unknown entrant '{entrant}'"),
    "queue.not_callable": (
        "{entrant} tidak sedang menunggu, jadi tidak dapat dipanggil",
        "{entrant} is not waiting, so cannot be called",
    ),
    "queue.not_movable": (
        "{entrant} sudah selesai atau keluar dari antrean, tidak dapat dipindahkan",
        "{entrant} is done or out of the queue, so cannot be moved",
    ),
    "queue.already_out": (
        "{entrant} sudah keluar dari antrean",
        "{entrant} is already out of the queue",
    ),
    "queue.same_day": ("{entrant} sudah di hari {day}", "{entrant} is already on day {day}"),
    "queue.not_skippable": (
        "{entrant} tidak sedang menunggu, jadi tidak dapat dilewati; pilih peserta yang menunggu",
        "{entrant} is not waiting, so cannot be skipped; select a waiting entrant",
    ),
    "queue.nothing_after": (
        "tidak ada peserta menunggu setelah {entrant}",
        "nobody is waiting after {entrant}",
    ),
    "queue.nobody_waiting": ("tidak ada yang menunggu di hari {day}", "nobody is waiting on day {day}"),
    "queue.nothing_to_undo": ("tidak ada aksi antrean yang bisa dibatalkan", "no queue action to undo"),
    "stage.busy": (
        "{entrant} masih tampil; tunggu sampai waktunya habis atau akhiri tahapnya dahulu",
        "{entrant} is still presenting; end the phase until the time is up first",
    ),
    "stage.no_such_day": (
        "hari {day} tidak ada (acara ini {days} hari)",
        "there is no day {day} (the event has {days} days)",
    ),
    "timer.already_started": ("waktu sudah berjalan", "the timer has already started"),
    "timer.not_running": ("waktu tidak sedang berjalan", "the timer is not running"),
    "timer.not_paused": ("waktu tidak sedang dijeda", "the timer is not paused"),
    "timer.not_started": ("waktu belum dimulai", "the timer has not started"),
    "timer.already_over": (
        "waktu presentasi sudah habis; panggil peserta berikutnya",
        "the presentation is over; call the next entrant",
    ),
    "timer.nobody_on_stage": ("belum ada peserta di panggung", "nobody is on stage"),
    # ikm-tui queue (CLI)
    "queue.cli.done": ("{action}: {entrant} — {status}", "{action}: {entrant} — {status}"),
    "queue.cli.undone": ("dibatalkan: {action} {entrant}", "undone: {action} {entrant}"),
    "queue.cli.on_stage": (
        "Di panggung: {entrant} ({phase}, {time})",
        "On stage: {entrant} ({phase}, {time})",
    ),
    "queue.cli.day": ("Hari {day} — {date}", "Day {day} — {date}"),
}
