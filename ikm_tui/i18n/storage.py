"""Storage faults: the file, and the real cause (see ``ikm_tui.store.faults``)."""

MESSAGES = {
    "db.disk_full": (
        "disk penuh di {folder}; tidak ada yang disimpan dari tindakan ini (data sebelumnya aman) — "
        "kosongkan ruang lalu coba lagi",
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
        "membaca/menulis file gagal ({detail}); tidak ada yang disimpan dari tindakan ini — periksa "
        "disk atau media penyimpanannya",
        "reading or writing the file failed ({detail}); nothing of this action was saved — check the "
        "disk or drive it is on",
    ),
    "db.no_folder": (
        "folder {folder} tidak ada",
        "the folder {folder} does not exist",
    ),
    "db.unreadable_file": (
        "file tidak boleh dibaca oleh pengguna ini (izin file)",
        "this user may not read the file (file permissions)",
    ),
    "db.read_only_file": (
        "file hanya-baca (izin file); tidak ada yang disimpan — beri izin tulis atau salin file-nya",
        "the file is read-only (file permissions); nothing was saved — make it writable or copy it",
    ),
    "db.read_only_file_side": (
        "file pendamping {side} hanya-baca (izin file); tidak ada yang disimpan",
        "its companion file {side} is read-only (file permissions); nothing was saved",
    ),
    "db.read_only_folder": (
        "folder {folder} hanya-baca: SQLite perlu membuat {name}-wal dan {name}-shm di sebelah file; "
        "tidak ada yang disimpan — beri izin tulis pada folder atau pindahkan file-nya",
        "the folder {folder} is read-only: SQLite needs to create {name}-wal and {name}-shm beside the "
        "file; nothing was saved — make the folder writable or move the file",
    ),
    "db.wal_deleted": (
        "file {wal} dihapus saat ikm-tui lain masih membukanya; perubahan tersimpan masih ada di proses "
        "itu — tutup semua jendela ikm-tui dengan normal (perubahan ditulis kembali), lalu buka lagi",
        "{wal} was deleted while another ikm-tui process had it open; the saved changes are still in "
        "that process — close every ikm-tui window normally (they write them back), then start again",
    ),
    "db.wal_lost": (
        "file {wal} hilang padahal berisi {frames} halaman perubahan tersimpan; dibuka sekarang, "
        "perubahan itu akan hilang. Jika jendela ikm-tui lain masih terbuka, tutup dengan normal "
        "(perubahan ditulis kembali); jika tidak, kembalikan {wal} (tempat sampah/cadangan), atau "
        "hapus juga {shm} untuk melanjutkan tanpa perubahan itu. Tidak ada yang diubah",
        "{wal} is missing although it held {frames} pages of saved changes; opened now, those changes "
        "would be lost. If another ikm-tui window is still open, close it normally (it writes them "
        "back); if not, put {wal} back (trash, backup), or delete {shm} too to go on without those "
        "changes. Nothing was changed",
    ),
}
