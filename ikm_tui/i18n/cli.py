"""Strings of the command line itself: ``--help`` and argparse's own errors.

``cli.help.<command path>.<option>`` is the help of one option or sub-command (the path is the
chain of sub-command names, ``cli.help.access.issue.all`` for ``access issue --all``); the
parser looks each one up as it is built (:mod:`ikm_tui.cli.parser`).
"""

import re

MESSAGES = {
    # argparse's frame
    "cli.usage": ("cara pakai: ", "usage: "),
    "cli.positionals": ("argumen:", "positional arguments:"),
    "cli.options": ("pilihan:", "options:"),
    "cli.error": ("{prog}: kesalahan: {message}", "{prog}: error: {message}"),
    "cli.help.help": ("tampilkan bantuan ini lalu keluar", "show this help message and exit"),
    # argparse's errors (matched from its English, see ARGPARSE_ERRORS)
    "cli.arg.required": (
        "argumen berikut wajib diisi: {names}",
        "the following arguments are required: {names}",
    ),
    "cli.arg.unrecognised": ("argumen tidak dikenal: {names}", "unrecognized arguments: {names}"),
    "cli.arg.invalid_int": (
        "argumen {name}: '{value}' bukan bilangan bulat",
        "argument {name}: '{value}' is not a whole number",
    ),
    "cli.arg.invalid_choice": (
        "argumen {name}: pilihan '{value}' tidak dikenal (pilih salah satu: {choices})",
        "argument {name}: invalid choice '{value}' (choose from {choices})",
    ),
    "cli.arg.expected_one": (
        "argumen {name}: perlu satu nilai",
        "argument {name}: expected one argument",
    ),
    "cli.arg.other": ("argumen {name}: {detail}", "argument {name}: {detail}"),
    # the program and its global options
    "cli.help.description": (
        "Menjalankan sesi penjurian langsung: panggung, juri, hasil, ekspor.",
        "Run a live pitch-judging session: stage, judges, results, exports.",
    ),
    "cli.help.config": ("file acara (bawaan: ./config.toml)", "event file (default ./config.toml)"),
    "cli.help.db": (
        "basis data sesi (bawaan: yang tertulis di file acara)",
        "session database (default: the one config names)",
    ),
    "cli.help.by": (
        "nama yang dicatat sebagai pelaku (bawaan: nama pengguna sistem operasi)",
        "who is doing this, for the record (default: the operating-system user)",
    ),
    "cli.help.version": ("tampilkan versi program lalu keluar", "show program's version number and exit"),
    # commands
    "cli.help.access": ("kode akses juri", "judges' access codes"),
    "cli.help.access.issue": (
        "terbitkan kode akses (atau terbitkan ulang); kode hanya ditampilkan sekali",
        "issue (or re-issue) access codes; printed once",
    ),
    "cli.help.access.issue.all": ("semua juri di file acara", "every judge in the config"),
    "cli.help.access.issue.missing": ("hanya juri yang belum punya kode", "only judges without a code"),
    "cli.help.access.list": (
        "juri mana yang sudah punya kode (kodenya tidak pernah ditampilkan)",
        "which judges have a code (never the codes)",
    ),
    "cli.help.access.revoke": ("cabut kode seorang juri", "make a judge's code stop working"),
    "cli.help.access.cards": (
        "terbitkan kode baru dan cetak satu kartu akses per juri (PDF)",
        "issue new codes and print one access card per judge (PDF)",
    ),
    "cli.help.access.cards.judges": ("hanya juri ini (bawaan: semua)", "only these judges (default: all)"),
    "cli.help.access.cards.output": (
        "file tujuan (bawaan: di folder basis data)",
        "where to write (default: beside the database)",
    ),
    "cli.help.access.cards.url": (
        "alamat yang dibuka juri (bawaan: alamat laptop ini, port 8000)",
        "the address judges open (default: this laptop's, port 8000)",
    ),
    "cli.help.access.cards.port": (
        "port ikm-tui serve (bawaan 8000)",
        "the port of ikm-tui serve (default 8000)",
    ),
    "cli.help.access.brakes": (
        "juri@alamat yang diblokir karena kode salah, dan sisa waktunya",
        "wrong-code brakes (judge@address) and how long they hold",
    ),
    "cli.help.access.unbrake": (
        "buka blokir kode salah untuk seorang juri, satu alamat, atau semuanya",
        "clear wrong-code brakes of a judge, an address, or all",
    ),
    "cli.help.access.unbrake.all": ("semua blokir", "every brake"),
    "cli.help.audit": ("log audit anti-manipulasi", "the tamper-evident audit log"),
    "cli.help.audit.verify": (
        "periksa keutuhan catatan sesi: integritas SQLite, rantai hash, pemutaran ulang log, hasil beku",
        "prove the record: SQLite integrity, the hash chain, replaying the log, the frozen result",
    ),
    "cli.help.audit.verify.head": (
        "pastikan juga head yang tercetak ini (dari hasil ekspor; minimal 8 digit heksadesimal) "
        "ada di rantai",
        "also confirm that this printed head (from an export; 8+ hex digits) is in the chain",
    ),
    "cli.help.backup": (
        "buat salinan cadangan basis data sesi, lalu periksa salinannya",
        "write a checked copy of the session database",
    ),
    "cli.help.backup.output": (
        "file atau folder tujuan (bawaan: folder di [backup])",
        "file or existing folder (default: the [backup] folders)",
    ),
    "cli.help.restore": (
        "pulihkan sesi dari salinan cadangan (salinan diperiksa dahulu)",
        "make a checked backup copy the session database",
    ),
    "cli.help.restore.file": (
        "salinan cadangan (mis. di flashdisk)",
        "the backup copy (e.g. on the USB stick)",
    ),
    "cli.help.restore.event_from_copy": (
        "ambil data acara dari salinan (untuk laptop cadangan yang hanya punya file acara)",
        "accept the copy's event (a standby laptop that has only the config)",
    ),
    "cli.help.restore.check": (
        "hanya periksa salinan dan tampilkan isinya",
        "only check the copy and show what it holds",
    ),
    "cli.help.stage": (
        "atur waktu panggung dan pesan untuk penyaji tanpa konsol",
        "the stage's clock and notes to the presenter, headless",
    ),
    "cli.help.stage.plus": ("tambah waktu pada tahap yang berjalan", "add time to the current phase"),
    "cli.help.stage.minus": ("kurangi waktu tahap yang berjalan", "take time from it"),
    "cli.help.stage.message": (
        "tampilkan pesan untuk penyaji di layar penonton",
        "show a note to the presenter on the board",
    ),
    "cli.help.forms": (
        "cetak formulir penilaian kosong (atau CSV kosong yang sesuai)",
        "print blank paper score forms (or their empty CSV)",
    ),
    "cli.help.forms.day": (
        "hanya hari yang disebut (bawaan: semua hari)",
        "only this day (default: every day)",
    ),
    "cli.help.forms.csv": ("buat CSV kosong yang sesuai, bukan PDF", "write the matching empty CSV instead"),
    "cli.help.forms.output": ("file tujuan", "file to write"),
    "cli.help.board": (
        "layar penonton di proyektor (mengikuti sesi)",
        "the projector board (follows the session)",
    ),
    "cli.help.event": (
        "data acara yang tercatat dan perubahan dari config.toml",
        "the recorded event, and amendments from config.toml",
    ),
    "cli.help.event.show": (
        "id, judul, dan revisi acara yang tercatat",
        "the event's id, title and recorded revision",
    ),
    "cli.help.event.diff": (
        "perbedaan config.toml dengan catatan acara, dan akibatnya",
        "what config.toml says that the record does not, and its effect",
    ),
    "cli.help.event.diff.json": ("perbedaannya sebagai JSON", "the differences as JSON"),
    "cli.help.event.apply": (
        "terapkan config.toml sebagai satu perubahan yang tercatat di log audit",
        "apply config.toml as one audited amendment",
    ),
    "cli.help.event.apply.reason": (
        "alasan perubahan (dicatat)",
        "why the event changes (recorded)",
    ),
    "cli.help.export": ("ekspor hasil untuk staf", "write the results for staff"),
    "cli.help.export.format": ("format file", "file format"),
    "cli.help.export.output": (
        "file atau folder tujuan (bawaan: nama acara dan waktu, di folder ini)",
        "file or existing folder to write to (default: event name and time, in this folder)",
    ),
    "cli.help.judge": ("buka konsol penilaian juri", "open a judge's scoring console"),
    "cli.help.judge.judge": (
        "id juri (kode akses tetap ditanyakan)",
        "the judge's id (the access code is still asked for)",
    ),
    "cli.help.leaderboard": ("tampilkan peringkat saat ini", "print the current ranking"),
    "cli.help.leaderboard.json": ("daftar JSON urut peringkat", "a JSON list in rank order"),
    "cli.help.progress": (
        "juri × peserta: dinilai / belum / tidak menilai",
        "judges x entrants: scored / pending / recused",
    ),
    "cli.help.progress.json": ("daftar JSON, satu objek per peserta", "a JSON list, one object per entrant"),
    "cli.help.queue": (
        "tampilkan antrean presentasi, atau ubah tanpa konsol",
        "list the presenter queue, or change it headless",
    ),
    "cli.help.queue.day": ("hanya hari yang disebut (bawaan: semua hari)", "only this day (default: all)"),
    "cli.help.queue.withdraw": ("peserta mengundurkan diri", "withdraw an entrant"),
    "cli.help.queue.no-show": ("peserta tidak hadir saat dipanggil", "mark an entrant as a no-show"),
    "cli.help.queue.later": ("tunda peserta ke akhir antrean hari ini", "move an entrant later today"),
    "cli.help.queue.skip": ("dahulukan peserta berikutnya", "let the next entrant go first"),
    "cli.help.queue.call": ("panggil peserta ke panggung", "call an entrant on stage"),
    "cli.help.queue.move": ("pindahkan peserta ke hari lain", "move an entrant to another day"),
    "cli.help.queue.move.to_day": ("hari tujuan", "the day to move to"),
    "cli.help.queue.next": (
        "peserta di panggung selesai; panggil yang berikutnya",
        "the entrant on stage is done; call the next one",
    ),
    "cli.help.queue.undo": ("batalkan aksi antrean terakhir", "undo the last queue action"),
    "cli.help.recheck": (
        "minta juri memeriksa ulang nilai seorang peserta",
        "ask a judge to re-check an entrant",
    ),
    "cli.help.recheck.cancel": ("batalkan permintaan itu", "withdraw the request"),
    "cli.help.recheck.list": ("tampilkan permintaan yang belum dijawab", "show pending requests"),
    "cli.help.decide": (
        "catat urutan yang diputuskan panel untuk nilai seri di batas hadiah",
        "record the panel's order for a boundary tie",
    ),
    "cli.help.decide.entrants": (
        "peserta yang seri, urut dari yang terbaik: E05,E09",
        "the tied entrants, best first: E05,E09",
    ),
    "cli.help.decide.reason": ("alasan panel memilih urutan ini", "why the panel chose this order"),
    "cli.help.decide.by": ("siapa yang memutuskan (mis. ketua panel)", "who decided (e.g. the panel chair)"),
    "cli.help.undecide": ("batalkan keputusan seri yang sudah dicatat", "withdraw a recorded tie decision"),
    "cli.help.undecide.entrants": ("peserta dalam keputusan itu", "the entrants of that decision"),
    "cli.help.finalise": ("kunci nilai dan bekukan hasil", "lock the scores and freeze the result"),
    "cli.help.finalise.override": (
        "tetap finalkan walau masih ada lembar nilai yang belum masuk, dengan alasan ini",
        "finalise although some score sheets are missing, because ...",
    ),
    "cli.help.unlock": (
        "buka kunci hasil yang sudah difinalkan (wajib dengan alasan)",
        "reopen finalised results (needs a reason)",
    ),
    "cli.help.unlock.reason": ("alasan membuka kunci", "why the results are unlocked"),
    "cli.help.reveal": (
        "atur tahap pengumuman di layar penonton (0: sembunyikan)",
        "step the projector board's reveal (0 hides it)",
    ),
    "cli.help.boundaries": (
        "tampilkan pemantau batas hadiah sebagai teks",
        "the prize-boundary monitor as text",
    ),
    "cli.help.scores": ("lembar nilai", "score sheets"),
    "cli.help.scores.import": (
        "impor lembar nilai kertas dari CSV (semua atau tidak sama sekali)",
        "import paper score sheets from CSV (all or nothing)",
    ),
    "cli.help.serve": (
        "jalankan halaman penilaian juri dan layar penonton untuk peramban (tanpa internet)",
        "serve judges' score sheets and the board to browsers (offline)",
    ),
    "cli.help.serve.host": (
        "alamat yang dibuka server; 0.0.0.0 untuk ponsel juri (bawaan 127.0.0.1)",
        "address to listen on; 0.0.0.0 for judges' phones (default 127.0.0.1)",
    ),
    "cli.help.serve.port": (
        "port (bawaan 8000; 0: port kosong mana saja)",
        "port (default 8000; 0: any free)",
    ),
    "cli.help.serve.max_sessions": (
        "jumlah konsol juri yang boleh terbuka sekaligus",
        "judge consoles open at once",
    ),
    "cli.help.serve.no_qr": ("jangan tampilkan kode QR", "do not draw the QR code"),
}

# argparse words its errors in English (through gettext, with no catalogue for Indonesian);
# these are the ones a person can trigger, matched to our own messages.
ARGPARSE_ERRORS = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli.arg.required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "cli.arg.unrecognised"),
    (re.compile(r"argument (?P<name>\S+): invalid int value: '(?P<value>.*)'"), "cli.arg.invalid_int"),
    (
        re.compile(
            r"argument (?P<name>\S+): invalid choice: '(?P<value>.*)' \(choose from (?P<choices>.*)\)"
        ),
        "cli.arg.invalid_choice",
    ),
    (re.compile(r"argument (?P<name>\S+): expected one argument"), "cli.arg.expected_one"),
    (re.compile(r"argument (?P<name>\S+): (?P<detail>.+)"), "cli.arg.other"),
)


def argparse_error(message: str, t) -> str:
    """argparse's English error in the event's language (unknown ones stay as they are)."""
    for pattern, key in ARGPARSE_ERRORS:
        match = pattern.fullmatch(message)
        if match:
            return t(key, **match.groupdict())
    return message
