"""Storage faults: the file, and the real cause (see ``ikm_tui.store.faults``)."""

MESSAGES = {
    "db.disk_full": (
        "disk untuk {folder} penuh; tindakan ini tidak disimpan (data sebelumnya aman) — "
        "kosongkan ruang disk lalu coba lagi",
        "the disk holding {folder} is full; nothing of this action was saved (everything before is "
        "safe) — free some space and try again",
    ),
    "db.damaged": (
        "file basis data RUSAK ({detail}); tidak ada yang diubah — jalankan `ikm-tui audit verify` "
        "dan pulihkan dari cadangan",
        "the database file is DAMAGED ({detail}); nothing was changed — run `ikm-tui audit verify` "
        "and restore it from a backup",
    ),
    "db.io_error": (
        "gagal membaca/menulis file ({detail}); tindakan ini tidak disimpan — periksa disk atau "
        "media penyimpanannya",
        "reading or writing the file failed ({detail}); nothing of this action was saved — check the "
        "disk or drive it is on",
    ),
    "db.no_folder": (
        "folder {folder} tidak ada",
        "the folder {folder} does not exist",
    ),
    "db.unreadable_file": (
        "pengguna ini tidak punya izin membaca file ini (izin file)",
        "this user may not read the file (file permissions)",
    ),
    "db.read_only_file": (
        "file hanya dapat dibaca (izin file); tidak ada yang disimpan — beri izin tulis atau salin filenya",
        "the file is read-only (file permissions); nothing was saved — make it writable or copy it",
    ),
    "db.read_only_file_side": (
        "file pendamping {side} hanya dapat dibaca (izin file); tidak ada yang disimpan",
        "its companion file {side} is read-only (file permissions); nothing was saved",
    ),
    "db.read_only_folder": (
        "folder {folder} hanya dapat dibaca: SQLite perlu membuat {name}-wal dan {name}-shm di "
        "samping file; tidak ada yang disimpan — beri izin tulis pada folder atau pindahkan "
        "filenya",
        "the folder {folder} is read-only: SQLite needs to create {name}-wal and {name}-shm beside the "
        "file; nothing was saved — make the folder writable or move the file",
    ),
    "db.wal_deleted": (
        "file {wal} dihapus saat program ikm-tui lain masih membukanya; perubahan yang sudah "
        "tersimpan masih ada di program itu — tutup semua jendela ikm-tui dengan normal "
        "(perubahan ditulis kembali), lalu buka lagi",
        "{wal} was deleted while another ikm-tui process had it open; the saved changes are still in "
        "that process — close every ikm-tui window normally (they write them back), then start again",
    ),
    "db.wal_lost": (
        "file {wal} hilang padahal berisi {frames} halaman perubahan tersimpan; jika dibuka "
        "sekarang, perubahan itu akan hilang. Jika jendela ikm-tui lain masih terbuka, tutup "
        "dengan normal (perubahan ditulis kembali); jika tidak, kembalikan {wal} (dari tempat "
        "sampah/cadangan), atau hapus juga {shm} untuk melanjutkan tanpa perubahan itu. Tidak ada "
        "yang diubah",
        "{wal} is missing although it held {frames} pages of saved changes; opened now, those changes "
        "would be lost. If another ikm-tui window is still open, close it normally (it writes them "
        "back); if not, put {wal} back (trash, backup), or delete {shm} too to go on without those "
        "changes. Nothing was changed",
    ),
}
