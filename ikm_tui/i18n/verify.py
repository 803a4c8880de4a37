"""Strings of ``ikm-tui audit verify`` and of refusing a tampered frozen result."""

MESSAGES = {
    "verify.ok": (
        "catatan terbukti: integritas SQLite baik; rantai {rows} baris utuh, head {head}; "
        "pemutaran ulang log sama dengan tabel ({tables}); hasil beku cocok dengan digest",
        "record verified: SQLite integrity ok; chain of {rows} rows intact, head {head}; "
        "replaying the log gives the tables ({tables}); frozen result matches its digest",
    ),
    "verify.head_found": (
        "head {head} adalah baris #{seq} dari {rows} ({after} baris sesudahnya)",
        "head {head} is row #{seq} of {rows} ({after} rows after it)",
    ),
    "verify.head_unknown": (
        "head {head} TIDAK ada di rantai: log telah ditulis ulang sejak head itu dicetak",
        "head {head} is NOT in the chain: the log was rewritten since that head was printed",
    ),
    "verify.head_format": (
        "seharusnya hash heksadesimal 8 sampai 64 digit, bukan '{got}'",
        "expected a hex hash of 8 to 64 digits, got '{got}'",
    ),
    "verify.integrity": (
        "file basis data RUSAK (pemeriksaan integritas SQLite: {detail}); pulihkan dari cadangan",
        "the database file is DAMAGED (SQLite integrity check: {detail}); restore it from a backup",
    ),
    "verify.chain_gap": (
        "log audit RUSAK: baris #{seq} ditemukan di tempat #{expected} (ada baris yang dihapus)",
        "audit log BROKEN: row #{seq} found where #{expected} should be (rows were deleted)",
    ),
    "verify.chain_broken": (
        "log audit RUSAK: hash baris #{seq} tidak mengikuti baris sebelumnya (baris diubah)",
        "audit log BROKEN: row #{seq}'s hash does not follow from the row before (a row was changed)",
    ),
    "verify.head_missing": (
        "log audit RUSAK: catatan head menyebut baris sampai #{mirrored}, rantai berakhir di #{rows} "
        "(baris terbaru dihapus)",
        "audit log BROKEN: the recorded head says the log reaches row #{mirrored}, the chain ends at "
        "#{rows} (the newest rows were deleted)",
    ),
    "verify.no_handler": (
        "baris audit #{seq} ('{action}') tidak dapat diputar ulang: tindakan tidak dikenal",
        "audit row #{seq} ('{action}') cannot be replayed: unknown action",
    ),
    "verify.bad_detail": (
        "baris audit #{seq} ('{action}') tidak dapat diputar ulang: rinciannya tidak lengkap {detail}",
        "audit row #{seq} ('{action}') cannot be replayed: its detail is incomplete {detail}",
    ),
    "verify.unlock_nothing": (
        "baris audit #{seq} membuka kunci hasil yang tidak pernah difinalkan",
        "audit row #{seq} unlocks results that were never finalised",
    ),
    "verify.differs": (
        "tabel '{table}' TIDAK sama dengan log pada {key}: log memberi [{logged}], tabel berisi "
        "[{live}] (diubah di luar ikm-tui)",
        "table '{table}' does NOT match the log at {key}: the log gives [{logged}], the table holds "
        "[{live}] (changed outside ikm-tui)",
    ),
    "verify.frozen_digest": (
        "hasil beku #{id} TIDAK cocok dengan digest-nya (snapshot diubah)",
        "frozen result #{id} does NOT match its digest (the snapshot was changed)",
    ),
    "verify.frozen_snapshot": (
        "hasil beku #{id} TIDAK sama dengan yang dicatat log saat difinalkan (snapshot diubah)",
        "frozen result #{id} is NOT what the log recorded when it was finalised (the snapshot was changed)",
    ),
    "verify.frozen_log": (
        "hasil beku #{id} TIDAK cocok dengan baris finalisasi di log",
        "frozen result #{id} does NOT match the finalising row in the log",
    ),
    "verify.frozen_replay": (
        "hasil beku #{id} BUKAN hasil dari nilai yang diputar ulang dari log",
        "frozen result #{id} is NOT what the scores replayed from the log give",
    ),
    "results.tampered": (
        "hasil beku DITOLAK: {why}; hasil ini diubah di luar ikm-tui — jalankan `ikm-tui audit verify`",
        "frozen result REFUSED: {why}; it was changed outside ikm-tui — run `ikm-tui audit verify`",
    ),
    "results.tampered.digest": ("tidak cocok dengan digest-nya", "it does not match its digest"),
    "results.tampered.unreadable": ("tidak dapat dibaca", "it cannot be read"),
    "results.tampered.log": (
        "digest-nya tidak sama dengan yang dicatat log",
        "its digest is not the one the log recorded",
    ),
    "results.tampered.snapshot": (
        "isinya tidak sama dengan yang dicatat log",
        "its content is not what the log recorded",
    ),
    "results.title_tampered": (
        "HASIL BEKU DITOLAK — diubah di luar ikm-tui; jalankan audit verify",
        "FROZEN RESULT REFUSED — changed outside ikm-tui; run audit verify",
    ),
}
