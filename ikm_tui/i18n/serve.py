"""Strings of ``ikm-tui serve``: the moderator's terminal, its log, and the judges' web page."""

MESSAGES = {
    # the moderator's terminal
    "serve.banner": (
        "Lembar nilai juri untuk ponsel — {title}",
        "Judges' score sheet for phones — {title}",
    ),
    "serve.type_address": (
        "Juri membuka alamat ini di peramban (Wi-Fi yang sama):",
        "Judges open this address in a browser (same Wi-Fi):",
    ),
    "serve.local_only": (
        "Hanya laptop ini yang dapat terhubung. Untuk ponsel juri: ikm-tui serve --host 0.0.0.0",
        "Only this laptop can connect. For judges' phones: ikm-tui serve --host 0.0.0.0",
    ),
    "serve.scan_or_type": (
        "Juri memindai kode QR ini atau membuka alamatnya (Wi-Fi yang sama):",
        "Judges scan this QR code or open the address (same Wi-Fi):",
    ),
    "serve.board": (
        "Layar penonton untuk proyektor, TV, atau laptop kedua: {board}",
        "Projector board for a TV or a second laptop: {board}",
    ),
    "serve.codes_missing": (
        "Belum ada kode akses: {judges} — ikm-tui access issue --missing",
        "No access code yet: {judges} — ikm-tui access issue --missing",
    ),
    "serve.stop_hint": ("Tekan Ctrl+C untuk berhenti.", "Press Ctrl+C to stop."),
    # log lines
    "serve.log.signed_in": ("juri {judge} masuk dari {peer}", "judge {judge} signed in from {peer}"),
    "serve.log.wrong_code": (
        "kode salah dari {peer} (tunggu {wait} detik)",
        "wrong code from {peer} (wait {wait} s)",
    ),
    "serve.log.stopping": (
        "berhenti (nilai yang sudah dikirim tetap tersimpan)",
        "stopping (submitted scores are saved)",
    ),
    "serve.log.stopped": ("server berhenti", "server stopped"),
    # errors
    "serve.port_busy": (
        "tidak dapat membuka {host}:{port} ({detail}); pilih port lain dengan --port",
        "cannot listen on {host}:{port} ({detail}); choose another port with --port",
    ),
    "serve.open_without_codes": (
        "kode akses dimatikan ([judging] access_codes = false): siapa pun di jaringan dapat "
        "menilai atas nama juri. Aktifkan kode akses, atau jalankan hanya di 127.0.0.1",
        "access codes are off ([judging] access_codes = false): anyone on the network could "
        "score as a judge. Turn access codes on, or serve on 127.0.0.1 only",
    ),
    # the judges' web page
    "serve.page.title": ("Penilaian juri — {title}", "Judges' scoring — {title}"),
    "serve.page.sign_in": ("Masuk", "Sign in"),
    "serve.page.signed_out": (
        "Anda sudah keluar; masuk lagi dengan kode Anda.",
        "Signed out; sign in again with your code.",
    ),
    "serve.page.foreign": (
        "permintaan ditolak: tidak berasal dari halaman ini",
        "request refused: it did not come from this page",
    ),
    "serve.page.bad_request": ("permintaan tidak lengkap", "incomplete request"),
    "serve.page.stage_moved": (
        "{entrant} sekarang di panggung — ketuk untuk membukanya",
        "{entrant} is now on stage — tap to go there",
    ),
    "serve.page.online": ("● tersambung", "● connected"),
    "serve.page.offline": ("○ menyambung lagi…", "○ reconnecting…"),
    "serve.page.not_sent": (
        "TIDAK tersimpan: server tidak terjangkau.",
        "NOT saved: the server cannot be reached.",
    ),
    "serve.page.draft_kept": (
        "Isian Anda tetap tersimpan di ponsel ini.",
        "What you typed stays on this phone.",
    ),
    "serve.page.note": ("Catatan untuk peserta (boleh kosong)", "Note for the start-up (optional)"),
    "serve.page.note_hint": ("saran singkat untuk usaha ini", "a short suggestion for this business"),
    "serve.page.progress": ("{done} dari {total} dinilai", "{done} of {total} scored"),
}
