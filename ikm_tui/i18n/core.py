"""Strings of the foundation: config, CSV, database and score-entry errors, CLI output."""

MESSAGES = {
    # config.toml
    "config.not_found": ("file konfigurasi tidak ditemukan", "config file not found"),
    "config.unreadable": ("file tidak dapat dibaca ({detail})", "cannot read the file ({detail})"),
    "config.not_utf8": ("file harus disimpan dengan pengodean UTF-8", "the file must be UTF-8 encoded"),
    "config.syntax": ("TOML tidak valid: {detail}", "invalid TOML: {detail}"),
    "config.unknown_key": ("kunci tidak dikenal '{key}'", "unknown key '{key}'"),
    "config.missing_key": ("kunci '{key}' wajib diisi", "key '{key}' is required"),
    "config.wrong_type": (
        "'{key}' harus bertipe {expected}, bukan {got}",
        "'{key}' must be {expected}, got {got}",
    ),
    "config.bad_value": (
        "'{key}' harus {expected}, bukan {got}",
        "'{key}' must be {expected}, got {got}",
    ),
    "config.bad_folders": (
        "'{key}' harus berisi satu folder atau lebih, bukan {got}",
        "'{key}' must be one or more folders, got {got}",
    ),
    "config.bad_starts": (
        "'{key}' harus berisi {days} jam mulai (HH:MM), satu untuk tiap hari, bukan {got}",
        "'{key}' must be {days} times (HH:MM), one per day, got {got}",
    ),
    "config.bad_time": (
        "'{key}' harus berupa jam HH:MM, bukan {got}",
        "'{key}' must be a time HH:MM, got {got}",
    ),
    "config.break_overlap": (
        "'{key}': jeda tidak boleh mulai sebelum {time} (akhir '{label}'), bukan {got}",
        "'{key}' must be not before {time} (the end of '{label}'), got {got}",
    ),
    "config.break_end": (
        "'{key}' harus setelah {time}, bukan {got}",
        "'{key}' must be after {time}, got {got}",
    ),
    "config.no_label": ("'{key}' wajib diisi (nama jeda), bukan {got}", "'{key}' must be a name, got {got}"),
    "config.no_items": ("'{key}' tidak boleh kosong", "'{key}' must not be empty"),
    "config.duplicate_id": ("'{key}': id '{value}' dipakai dua kali", "'{key}': duplicate id '{value}'"),
    "config.case_duplicate_id": (
        "'{key}': id '{value}' hanya berbeda huruf besar/kecil dengan '{other}'",
        "'{key}': id '{value}' differs from '{other}' only in case",
    ),
    "config.duplicate_label": (
        "'{key}': label '{value}' sudah dipakai oleh hadiah ke-{first}",
        "'{key}': label '{value}' is already used by prize {first}",
    ),
    "config.duplicate_day": (
        "'{key}': tanggal {value} disebut dua kali",
        "'{key}': the date {value} is listed twice",
    ),
    "config.unknown_ref": (
        "'{key}': '{value}' tidak ada di [[{kind}]]",
        "'{key}': '{value}' is not defined in [[{kind}]]",
    ),
    "config.bad_id": (
        "'{key}': id {got} hanya boleh berisi huruf, angka, '_' dan '-'",
        "'{key}': id {got} may only contain letters, digits, '_' and '-'",
    ),
    "config.reserved_id": (
        "'{key}': '{value}' adalah nama kolom CSV, pilih id lain",
        "'{key}': '{value}' is a CSV column name, choose another id",
    ),
    "config.step_not_divide": (
        "'{key}': skala {low}–{high} tidak habis dibagi kelipatan {step}",
        "'{key}': step {step} does not divide the scale {low}–{high}",
    ),
    "config.too_many_prizes": (
        "ada {places} hadiah, tetapi hanya {entrants} peserta",
        "{places} prize places but only {entrants} entrants",
    ),
    "config.roster_and_entrants": (
        "gunakan 'roster' atau [[entrants]], jangan keduanya",
        "use either 'roster' or [[entrants]], not both",
    ),
    # CSV files
    "csv.not_found": ("file CSV tidak ditemukan", "CSV file not found"),
    "csv.unreadable": ("file tidak dapat dibaca ({detail})", "cannot read the file ({detail})"),
    "csv.not_utf8": (
        "bukan UTF-8 (simpan sebagai 'CSV UTF-8' di Excel)",
        "not UTF-8 (save as 'CSV UTF-8' in Excel)",
    ),
    "csv.syntax": ("CSV tidak valid: {detail}", "invalid CSV: {detail}"),
    "csv.empty": ("file CSV kosong", "the CSV file is empty"),
    "csv.missing_columns": (
        "kolom tidak ada: {columns} (seharusnya: {expected})",
        "missing columns: {columns} (expected: {expected})",
    ),
    "csv.unknown_columns": (
        "kolom tidak dikenal: {columns} (seharusnya: {expected})",
        "unknown columns: {columns} (expected: {expected})",
    ),
    "csv.duplicate_column": ("kolom '{column}' muncul dua kali", "column '{column}' appears twice"),
    "csv.too_many_cells": (
        "terlalu banyak sel: {got}, seharusnya {expected}",
        "too many cells: {got}, expected {expected}",
    ),
    "csv.empty_cell": ("kolom '{column}' kosong", "column '{column}' is empty"),
    "csv.not_integer": (
        "kolom '{column}': '{got}' bukan bilangan bulat",
        "column '{column}': '{got}' is not a whole number",
    ),
    "csv.bad_recused": (
        "kolom 'recused' harus 'ya' atau kosong, bukan '{got}'",
        "column 'recused' must be 'yes' or empty, got '{got}'",
    ),
    "csv.recused_with_scores": (
        "baris juri yang tidak menilai ('recused' = yes) harus tanpa nilai",
        "a recused row ('recused' = yes) must have empty scores",
    ),
    "csv.duplicate_pair": (
        "juri {judge} dan peserta {entrant} sudah ada di baris {line}",
        "judge {judge} and entrant {entrant} already appear on line {line}",
    ),
    "csv.no_rows": ("tidak ada baris nilai", "no score rows"),
    # one score
    "score.empty": ("{criterion}: nilai belum diisi", "{criterion}: no score"),
    "score.not_number": ("{criterion}: '{got}' bukan angka", "{criterion}: '{got}' is not a number"),
    "score.out_of_range": (
        "{criterion}: {got} di luar skala {low}–{high}",
        "{criterion}: {got} is outside the scale {low}–{high}",
    ),
    "score.off_step": (
        "{criterion}: {got} bukan kelipatan {step} (mulai dari {low})",
        "{criterion}: {got} is not a multiple of {step} from {low}",
    ),
    "score.unknown_judge": ("juri '{judge}' tidak dikenal", "unknown judge '{judge}'"),
    "score.unknown_entrant": ("peserta '{entrant}' tidak dikenal", "unknown entrant '{entrant}'"),
    "score.missing": ("nilai belum diisi: {criteria}", "scores missing: {criteria}"),
    "score.unknown_criterion": ("kriteria tidak dikenal: {criteria}", "unknown criteria: {criteria}"),
    # session database
    "db.not_sqlite": ("bukan file basis data SQLite", "not an SQLite database file"),
    "db.cannot_open": (
        "basis data tidak dapat dibuka ({detail}); periksa folder dan izinnya",
        "cannot open the database ({detail}); check the folder and its permissions",
    ),
    "db.not_ready": (
        "basis data sesi belum ada; buka konsol moderator terlebih dahulu",
        "the session database does not exist yet; open the moderator console first",
    ),
    "db.needs_upgrade": (
        "basis data sesi versi lama (skema {found}); buka konsol moderator sekali untuk "
        "memperbaruinya ke skema {supported}",
        "the session database is older (schema {found}); open the moderator console once to "
        "bring it to schema {supported}",
    ),
    "db.newer": (
        "dibuat oleh versi ikm-tui yang lebih baru (skema {found}, versi ini mendukung {supported})",
        "made by a newer ikm-tui (schema {found}; this version supports {supported})",
    ),
    "db.foreign": ("bukan basis data sesi ikm-tui", "not an ikm-tui session database"),
    "db.other_event": (
        "basis data milik acara lain ('{found}'), bukan '{expected}'",
        "the database belongs to another event ('{found}'), not '{expected}'",
    ),
    "db.unknown_refs.judge": (
        "basis data berisi nilai dari juri yang tidak ada lagi di konfigurasi: {ids}",
        "the database holds scores from judges the config no longer has: {ids}",
    ),
    "db.unknown_refs.entrant": (
        "basis data berisi nilai untuk peserta yang tidak ada lagi di konfigurasi: {ids}",
        "the database holds scores for entrants the config no longer has: {ids}",
    ),
    "db.unknown_refs.criterion": (
        "basis data berisi nilai untuk kriteria yang tidak ada lagi di konfigurasi: {ids}",
        "the database holds scores for criteria the config no longer has: {ids}",
    ),
    "db.unavailable": (
        "basis data sedang tidak dapat diakses ({detail}); data Anda belum tersimpan, coba lagi",
        "the database is unavailable ({detail}); your data was not saved, try again",
    ),
    "results.locked": (
        "hasil sudah difinalkan; nilai terkunci sampai kunci hasil dibuka dengan alasan",
        "results are finalised; scores are locked until unlocked with a reason",
    ),
    # CLI
    "cli.imported": (
        "{new} lembar nilai baru, {replaced} diganti (dari {path})",
        "{new} new score sheets, {replaced} replaced (from {path})",
    ),
    "export.provisional": (
        "SEMENTARA — hasil belum difinalkan",
        "PROVISIONAL — results are not finalised",
    ),
    "cli.exported": ("disimpan: {path}", "written: {path}"),
    "cli.interrupted": ("dibatalkan", "interrupted"),
    "cli.unexpected": (
        "terjadi kesalahan tak terduga: {detail} (tidak ada yang diubah)",
        "unexpected error: {detail} (nothing was changed)",
    ),
    "cli.needs_terminal": (
        "perintah ini membutuhkan terminal interaktif",
        "this command needs an interactive terminal",
    ),
    # leaderboard columns and statuses
    "col.rank": ("Peringkat", "Rank"),
    "col.entrant": ("Kode", "Entrant"),
    "col.name": ("Nama", "Name"),
    "col.business": ("Usaha", "Business"),
    "col.category": ("Kategori", "Category"),
    "col.total": ("Nilai", "Total"),
    "col.judges": ("Juri", "Judges"),
    "col.prize": ("Hadiah", "Prize"),
    "col.amount": ("Jumlah", "Amount"),
    "col.status": ("Status", "Status"),
    "status.complete": ("lengkap", "complete"),
    "status.incomplete": ("belum lengkap", "incomplete"),
    "status.tie": ("seri", "tie"),
    "status.not_scored": ("belum dinilai", "not scored"),
    "status.forfeit": ("gugur", "forfeit"),
    "status.withdrawn": ("mengundurkan diri", "withdrawn"),
}
