"""Strings of the judges' access cards and of the wrong-code brakes (CLI and F2)."""

MESSAGES = {
    "cards.title": ("Kartu akses juri", "Judges' access cards"),
    "cards.heading": ("Kartu akses juri", "Judge's access card"),
    "cards.judge": ("Juri {judge}", "Judge {judge}"),
    "cards.scan": ("Pindai kode QR ini untuk langsung masuk,", "Scan this QR code to sign straight in,"),
    "cards.or_open": ("atau buka alamat ini dan ketik kodenya:", "or open this address and type the code:"),
    "cards.code_label": ("Kode akses", "Access code"),
    "cards.void_note": (
        "Kartu ini tidak berlaku lagi bila kartu atau kode baru diterbitkan. Jangan berikan "
        "kepada orang lain.",
        "This card is void once new cards or codes are issued. Do not hand it to anyone else.",
    ),
    "cards.written": (
        "kartu akses untuk {count} juri disimpan ke {path}; kode dan kartu lama tidak berlaku lagi",
        "access cards for {count} judges written to {path}; earlier codes and cards no longer work",
    ),
    "cards.bad_url": (
        "harus berupa alamat http://… atau https://…, bukan {got}",
        "must be an http://… or https://… address, got {got}",
    ),
    "access.brake_line": (
        "{target}: {failures} kode salah{wait}",
        "{target}: {failures} wrong codes{wait}",
    ),
    "access.brake_wait": (", tunggu {seconds} detik lagi", ", {seconds} s left to wait"),
    "access.unbrake_which": (
        "sebutkan satu juri atau alamat, atau --all (jangan keduanya)",
        "name one judge or address, or --all (not both)",
    ),
    "access.brakes_none": (
        "tidak ada juri atau alamat yang diblokir karena kode salah",
        "no wrong-code brakes",
    ),
    "access.brakes_cleared": ("{count} blokir karena kode salah dibuka", "{count} wrong-code brakes cleared"),
    "progress.key.cards": ("Kartu akses", "Access cards"),
    "progress.key.brakes": ("Buka blokir", "Clear brakes"),
    "progress.cards_question": (
        "Terbitkan kode baru dan cetak kartu akses untuk semua juri? Semua kode dan kartu lama "
        "tidak berlaku lagi; juri yang sedang masuk harus masuk ulang.",
        "Issue new codes and print access cards for every judge? Every earlier code and card "
        "stops working; judges signed in must sign in again.",
    ),
    "progress.cards_written": ("Kartu akses disimpan: {path}", "Access cards written: {path}"),
    "progress.cards_failed": ("Kartu akses GAGAL dibuat: {detail}", "Access cards NOT written: {detail}"),
}
