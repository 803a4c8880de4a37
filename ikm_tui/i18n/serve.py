"""Strings of ``ikm-tui serve``: the moderator's terminal, its log, and the judges' web page."""

MESSAGES = {
    # the moderator's terminal
    "serve.banner": (
        "Konsol juri untuk peramban — {title}",
        "Judge console for browsers — {title}",
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
    "serve.limit": (
        "Paling banyak {limit} sesi juri sekaligus (ubah: --max-sessions).",
        "At most {limit} judge sessions at once (change: --max-sessions).",
    ),
    "serve.codes_missing": (
        "Belum ada kode akses: {judges} — ikm-tui access issue --missing",
        "No access code yet: {judges} — ikm-tui access issue --missing",
    ),
    "serve.stop_hint": ("Tekan Ctrl+C untuk berhenti.", "Press Ctrl+C to stop."),
    # log lines, one per judge connection
    "serve.log.opened": (
        "sesi juri #{session} dibuka dari {peer} ({open} dari {limit} aktif)",
        "judge session #{session} opened from {peer} ({open} of {limit} open)",
    ),
    "serve.log.closed": (
        "sesi juri #{session} dari {peer} ditutup setelah {duration} ({open} dari {limit} aktif)",
        "judge session #{session} from {peer} closed after {duration} ({open} of {limit} open)",
    ),
    "serve.log.refused": (
        "koneksi dari {peer} ditolak: sudah {limit} sesi juri aktif",
        "refused a connection from {peer}: {limit} judge sessions already open",
    ),
    "serve.log.stopping": (
        "berhenti: menutup {count} sesi juri (skor yang sudah dikirim tersimpan)",
        "stopping: ending {count} judge sessions (submitted scores are saved)",
    ),
    "serve.log.stopped": ("server berhenti", "server stopped"),
    # errors
    "serve.port_busy": (
        "tidak dapat membuka {host}:{port} ({detail}); pilih port lain dengan --port",
        "cannot listen on {host}:{port} ({detail}); choose another port with --port",
    ),
    "serve.bad_limit": (
        "harus bilangan bulat 1 atau lebih, bukan {got}",
        "must be a whole number of 1 or more, got {got}",
    ),
    "serve.open_without_codes": (
        "kode akses dimatikan ([judging] access_codes = false): siapa pun di jaringan dapat "
        "menilai atas nama juri. Nyalakan kode akses, atau layani hanya di 127.0.0.1",
        "access codes are off ([judging] access_codes = false): anyone on the network could "
        "score as a judge. Turn access codes on, or serve on 127.0.0.1 only",
    ),
    # the judges' web page
    "serve.page.title": ("Penilaian juri — {title}", "Judges' scoring — {title}"),
    "serve.page.connecting": ("Menghubungkan…", "Connecting…"),
    "serve.page.closed": ("Sambungan terputus.", "The connection closed."),
    "serve.page.reconnect": ("Sambung lagi", "Reconnect"),
    "serve.page.full": (
        "Batas {limit} sesi juri tercapai. Coba lagi sebentar lagi.",
        "The limit of {limit} judge sessions is reached. Try again in a moment.",
    ),
    "serve.page.stopped": (
        "Server penilaian berhenti. Skor yang sudah dikirim tersimpan.",
        "The scoring server stopped. Submitted scores are saved.",
    ),
    "serve.page.digits": ("123", "123"),
    "serve.page.letters": ("abc", "abc"),
    "serve.page.keys": ("Tombol", "Keys"),
    "serve.page.rotate": (
        "Putar ponsel mendatar agar lembar nilai lebih lega.",
        "Turn the phone sideways for a roomier score sheet.",
    ),
}
