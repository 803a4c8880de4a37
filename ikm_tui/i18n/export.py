"""Strings of the staff exports: workbook sheets, the printed minutes, the export screen.

``export.provisional`` (the stamp) lives in ``core.py`` because the CSV used it first.
"""

MESSAGES = {
    # workbook sheets (tab names stay short: Excel allows 31 characters)
    "export.sheet.leaderboard": ("Peringkat", "Leaderboard"),
    "export.sheet.scores": ("Nilai", "Scores"),
    "export.sheet.decisions": ("Keputusan", "Decisions"),
    "export.sheet.audit": ("Audit", "Audit"),
    "export.sheet.about": ("Keterangan", "About"),
    "export.tab_provisional": ("SEMENTARA", "PROVISIONAL"),
    "export.final": ("FINAL — hasil telah difinalkan", "FINAL — results are finalised"),
    # extra columns (the leaderboard's own come from core's col.*)
    "export.col.code": ("Kode", "Code"),
    "export.col.expected": ("Juri seharusnya", "Judges expected"),
    "export.col.decision": ("Keputusan panel", "Panel decision"),
    "export.col.overtime": ("Lewat waktu (detik)", "Overtime (seconds)"),
    "export.col.judge": ("Juri", "Judge"),
    "export.col.judge_name": ("Nama juri", "Judge name"),
    "export.col.judge_total": ("Nilai juri", "Judge total"),
    "export.col.sheet": ("Lembar nilai", "Score sheet"),
    "export.col.reason": ("Alasan", "Reason"),
    "export.col.kind": ("Jenis", "Kind"),
    "export.col.entrants": ("Peserta", "Entrants"),
    "export.col.prizes": ("Hadiah", "Prizes"),
    "export.col.by": ("Oleh", "By"),
    "export.col.at": ("Waktu", "When"),
    "export.col.digest": ("Digest", "Digest"),
    "export.col.seq": ("No.", "No."),
    "export.col.actor": ("Pelaku", "Actor"),
    "export.col.action": ("Tindakan", "Action"),
    "export.col.subject": ("Subjek", "Subject"),
    "export.col.detail": ("Rincian", "Detail"),
    "export.col.hash": ("Hash", "Hash"),
    "export.col.item": ("Butir", "Item"),
    "export.col.value": ("Isi", "Value"),
    "export.col.weight": ("Bobot", "Weight"),
    "export.col.scale": ("Skala", "Scale"),
    "export.col.criterion": ("Kriteria", "Criterion"),
    "export.sheet_state.scored": ("dinilai", "scored"),
    "export.sheet_state.recused": ("tidak menilai", "recused"),
    "export.sheet_state.missing": ("belum masuk", "missing"),
    # decisions sheet
    "export.kind.tie": ("Seri belum diputuskan", "Unresolved tie"),
    "export.kind.decision": ("Keputusan panel", "Panel decision"),
    "export.kind.finalised": ("Difinalkan", "Finalised"),
    "export.kind.unlocked": ("Kunci dibuka", "Unlocked"),
    "export.tie_blocks": (
        "hasil belum dapat difinalkan sampai panel memutuskan",
        "blocks finalising until the panel decides",
    ),
    "export.no_decisions": (
        "Tidak ada seri, keputusan panel, atau pembukaan kunci.",
        "No ties, panel decisions or unlocks.",
    ),
    # about sheet
    "export.about.event": ("Acara", "Event"),
    "export.about.organiser": ("Penyelenggara", "Organiser"),
    "export.about.venue": ("Tempat", "Venue"),
    "export.about.dates": ("Tanggal", "Dates"),
    "export.about.rule": ("Aturan penggabungan nilai", "Aggregate rule"),
    "export.about.judge_total": ("Nilai juri", "Judge total"),
    "export.about.tie_break": ("Penentu urutan bila nilai sama", "Tie-break"),
    "export.about.judges": ("Jumlah juri", "Judges"),
    "export.about.entrants": ("Jumlah peserta", "Entrants"),
    "export.about.prize": ("Hadiah {label}", "Prize {label}"),
    "export.about.total_paid": ("Total insentif", "Total paid out"),
    "export.about.status": ("Status hasil", "Result status"),
    "export.about.finalised": ("Difinalkan", "Finalised"),
    "export.about.digest": ("Digest hasil (SHA-256)", "Results digest (SHA-256)"),
    "export.about.head": ("Head log audit (baris, hash)", "Audit log head (row, hash)"),
    "export.about.generated": ("Dibuat", "Generated"),
    "export.about.program": ("Program", "Program"),
    "export.prize_line": (
        "{count} pemenang × {amount}",
        "{count} winners × {amount}",
    ),
    # the rule, in words
    "export.rule.mean": ("rata-rata nilai juri", "mean of the judges' totals"),
    "export.rule.median": ("median nilai juri", "median of the judges' totals"),
    "export.rule.trimmed_total": (
        "rata-rata terpangkas: {trim} nilai juri terendah dan {trim} tertinggi tidak dihitung",
        "trimmed mean: the {trim} lowest and {trim} highest judge totals are dropped",
    ),
    "export.rule.trimmed_criterion": (
        "rata-rata terpangkas per kriteria: pada tiap kriteria {trim} nilai terendah dan {trim} "
        "tertinggi tidak dihitung",
        "trimmed mean per criterion: on each criterion the {trim} lowest and {trim} highest "
        "scores are dropped",
    ),
    "export.rule.judge_total": (
        "100 × Σ(bobot × nilai) / Σ(bobot × nilai maksimum)",
        "100 × Σ(weight × score) / Σ(weight × criterion maximum)",
    ),
    "export.rule.tie_break": (
        "diurutkan menurut {criteria}",
        "equal totals are ordered by {criteria}",
    ),
    "export.rule.no_tie_break": (
        "tidak ada; peserta dengan nilai total sama berbagi peringkat",
        "no tie-break: entrants with equal totals share the rank",
    ),
    "export.rule.then": (", lalu ", ", then "),
    # dates
    "export.and": (" dan ", " and "),
    "export.months": (
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
        "January February March April May June July August September October November December",
    ),
    "export.weekdays": (
        "Senin Selasa Rabu Kamis Jumat Sabtu Minggu",
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    ),
    # the printed minutes (berita acara)
    "export.pdf.title": ("BERITA ACARA PENILAIAN", "MINUTES OF THE JUDGING"),
    "export.pdf.watermark": ("SEMENTARA", "PROVISIONAL"),
    "export.pdf.intro": (
        "Panel yang terdiri atas {judges} juri telah menilai {entrants} peserta berdasarkan "
        "{criteria} kriteria berikut. Hasil penilaian dan penetapan pemenang adalah sebagai "
        "berikut.",
        "A panel of {judges} judges assessed {entrants} entrants on the {criteria} criteria "
        "below. The result of the judging and the winners are as follows.",
    ),
    "export.pdf.criteria": ("Kriteria penilaian", "Criteria"),
    "export.pdf.rule": ("Aturan perhitungan", "How the totals are computed"),
    "export.pdf.winners": ("Pemenang", "Winners"),
    "export.pdf.total_paid": ("Jumlah insentif yang dibayarkan", "Total paid out"),
    "export.pdf.no_winners": ("Belum ada pemenang.", "No winners yet."),
    "export.pdf.ties": ("Nilai seri dan keputusan panel", "Ties and panel decisions"),
    "export.pdf.no_ties": (
        "Tidak ada nilai seri pada batas hadiah.",
        "No ties at a prize boundary.",
    ),
    "export.pdf.open_tie": (
        "Peringkat {rank}: {entrants} bernilai seri ({prizes}) — {blocks}.",
        "Rank {rank}: {entrants} are tied ({prizes}) — {blocks}.",
    ),
    "export.pdf.decision": (
        "Peringkat {rank}: panel menetapkan urutan {entrants}. Alasan: {reason} (oleh {by}).",
        "Rank {rank}: the panel set the order {entrants}. Reason: {reason} (by {by}).",
    ),
    "export.pdf.history": ("Finalisasi", "Finalising"),
    "export.pdf.finalised": (
        "Difinalkan {at} oleh {by}.",
        "Finalised {at} by {by}.",
    ),
    "export.pdf.unlocked": (
        "Kunci dibuka {at} oleh {by}. Alasan: {reason}",
        "Unlocked {at} by {by}. Reason: {reason}",
    ),
    "export.pdf.override": (" Pengecualian: {reason}", " Override: {reason}"),
    "export.pdf.closing": (
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
        "These minutes are a true record of the judging.",
    ),
    "export.pdf.place_date": ("{venue}, {date}", "{venue}, {date}"),
    "export.pdf.panel": ("Tim Juri", "The judging panel"),
    "export.pdf.acknowledged": ("Mengetahui,", "Acknowledged by"),
    "export.pdf.head_default": ("Kepala Dinas", "Head of the office"),
    "export.pdf.appendix": (
        "Lampiran: Peringkat lengkap",
        "Appendix: the full ranking",
    ),
    "export.pdf.page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "export.pdf.digest": ("Digest hasil: {digest}", "Results digest: {digest}"),
    "export.pdf.head": ("Head log audit: #{seq} {head}", "Audit log head: #{seq} {head}"),
    "export.pdf.generated": ("Dibuat {at}", "Generated {at}"),
    # the export screen
    "export.screen.title": ("Ekspor hasil untuk staf", "Export the results for staff"),
    "export.screen.formats": ("Format", "Formats"),
    "export.screen.folder": ("Folder tujuan", "Folder"),
    "export.screen.run": ("Ekspor", "Export"),
    "export.screen.state_final": (
        "Hasil sudah difinalkan: file membawa digest hasil yang dikunci.",
        "Results are finalised: the files carry the digest of the locked result.",
    ),
    "export.screen.state_provisional": (
        "Hasil belum difinalkan: setiap file diberi cap SEMENTARA.",
        "Results are not finalised: every file is stamped PROVISIONAL.",
    ),
    "export.screen.working": ("Mengekspor…", "Exporting…"),
    "export.screen.failed": ("{fmt}: gagal — {detail}", "{fmt}: failed — {detail}"),
    "export.screen.none_chosen": ("Pilih minimal satu format.", "Choose at least one format."),
    "export.screen.done": (
        "{count} file disimpan di {folder}",
        "{count} files written to {folder}",
    ),
    "export.screen.idle": (
        "Pilih format dan folder, lalu tekan Ekspor (Ctrl+S).",
        "Choose formats and a folder, then press Export (Ctrl+S).",
    ),
    "export.binding.run": ("Ekspor", "Export"),
    "export.format.csv": ("CSV peringkat", "CSV leaderboard"),
    "export.format.scores-csv": ("CSV lembar nilai", "CSV score sheets"),
    "export.format.json": ("JSON", "JSON"),
    "export.format.xlsx": ("Excel (XLSX)", "XLSX workbook"),
    "export.format.pdf": ("PDF berita acara", "PDF minutes"),
    # errors
    "export.cannot_write": (
        "file tidak dapat disimpan ({detail})",
        "cannot write the file ({detail})",
    ),
    "export.not_a_folder": ("bukan folder", "not a folder"),
}
