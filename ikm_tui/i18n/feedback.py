"""Strings of the start-ups' side: judges' notes, feedback reports, paper forms, certificates.

The reports are read by business owners, not staff: plain words, no jargon ("median" is
explained as "the middle of all participants").
"""

MESSAGES = {
    # notes, wherever they are typed
    "note.too_long": (
        "catatan terlalu panjang: {length} karakter (paling banyak {limit})",
        "note too long: {length} characters (at most {limit})",
    ),
    "note.control": (
        "catatan memuat karakter tak terlihat ({char}) pada posisi {position}",
        "note contains an invisible character ({char}) at position {position}",
    ),
    # folders of files written by one export
    "export.folder.feedback": ("umpan-balik", "feedback"),
    "export.folder.certificates": ("sertifikat", "certificates"),
    "export.format.feedback": ("PDF umpan balik tiap peserta", "PDF feedback for every entrant"),
    "export.format.certificates": ("PDF sertifikat dan piagam", "PDF certificates"),
    "export.col.note": ("Catatan untuk peserta", "Note for the start-up"),
    # the judge console's note field
    "judge.note_label": ("Catatan untuk peserta (boleh kosong)", "Note for the start-up (optional)"),
    "judge.note_placeholder": (
        "saran singkat untuk pemilik usaha; dicetak tanpa nama Anda",
        "a short tip for the owner; printed without your name",
    ),
    "judge.note_saved": (
        "✓ catatan tersimpan untuk {entrant} pukul {time}",
        "✓ note saved for {entrant} at {time}",
    ),
    "judge.note_removed": ("✓ catatan untuk {entrant} dihapus", "✓ note for {entrant} removed"),
    # the moderator, before finalising (counts, never the text)
    "results.finalise_notes": (
        "Catatan juri: {notes} catatan untuk {entrants} peserta.",
        "Judges' notes: {notes} notes for {entrants} entrants.",
    ),
    "results.finalise_no_notes": (
        "Belum ada catatan untuk {count} peserta: {ids}.",
        "{count} entrants have no note yet: {ids}.",
    ),
    # the feedback report
    "feedback.title": ("LAPORAN UMPAN BALIK", "FEEDBACK REPORT"),
    "feedback.file_all": ("umpan-balik-semua-peserta", "feedback-all-entrants"),
    "feedback.subtitle": (
        "Bagaimana panel juri menilai usaha Anda, dibandingkan dengan peserta lain",
        "How the judging panel saw your business, compared with the other participants",
    ),
    "feedback.who": (
        "Pemilik: {name}   ·   Kategori: {category}   ·   Kode peserta: {code}   ·   Tampil hari ke-{day} ({date})",
        "Owner: {name}   ·   Category: {category}   ·   Entrant code: {code}   ·   Day {day} ({date})",
    ),
    "feedback.provisional": (
        "SEMENTARA — hasil belum difinalkan oleh panel; angka di laporan ini masih dapat berubah.",
        "PROVISIONAL — the panel has not finalised the results; the figures may still change.",
    ),
    "feedback.total": ("Nilai total Anda", "Your total"),
    "feedback.of_100": ("dari 100", "out of 100"),
    "feedback.rank": ("Peringkat", "Rank"),
    "feedback.of_ranked": ("dari {count} peserta yang dinilai", "of {count} entrants ranked"),
    "feedback.not_ranked": ("tidak masuk peringkat", "not ranked"),
    "feedback.after_final": ("diumumkan setelah hasil final", "announced once results are final"),
    "feedback.prize": ("Hadiah", "Prize"),
    "feedback.no_prize": ("tidak mendapat insentif", "no incentive"),
    "feedback.chart": ("Nilai Anda per kriteria", "Your score on each criterion"),
    "feedback.legend.own": ("Nilai Anda", "Your score"),
    "feedback.legend.median": ("Nilai tengah semua peserta", "Middle of all participants"),
    "feedback.legend.best": ("Nilai tertinggi", "Best score"),
    "feedback.weight": ("bobot {share}% · nilai maksimum {max}", "weight {share}% · maximum {max}"),
    "feedback.strong": ("Yang paling menonjol dari usaha Anda", "Where your business stood out most"),
    "feedback.weak": ("Yang paling perlu Anda tingkatkan", "What you most need to improve"),
    "feedback.compare.above": (
        "{criterion}: nilai Anda {own}, di atas nilai tengah peserta ({median}). Nilai tertinggi {best}.",
        "{criterion}: you scored {own}, above the middle of the participants ({median}). The best was {best}.",
    ),
    "feedback.compare.equal": (
        "{criterion}: nilai Anda {own}, sama dengan nilai tengah peserta. Nilai tertinggi {best}.",
        "{criterion}: you scored {own}, the same as the middle of the participants. The best was {best}.",
    ),
    "feedback.compare.below": (
        "{criterion}: nilai Anda {own}, di bawah nilai tengah peserta ({median}). Nilai tertinggi {best}.",
        "{criterion}: you scored {own}, below the middle of the participants ({median}). The best was {best}.",
    ),
    "feedback.looks_at": ("Yang dinilai juri: {description}", "What the judges look at: {description}"),
    "feedback.continued": ("{who} (lanjutan)", "{who} (continued)"),
    "feedback.notes": ("Catatan dari juri", "Notes from the judges"),
    "feedback.no_notes": (
        "Juri tidak menuliskan catatan untuk usaha Anda.",
        "The judges wrote no notes for your business.",
    ),
    "feedback.explain": (
        "Cara membaca: nilai Anda pada tiap kriteria adalah gabungan nilai para juri menurut aturan "
        "acara ({rule}). Nilai tengah adalah nilai yang berada di tengah bila nilai {field} peserta "
        "yang tampil diurutkan; separuh peserta di atasnya dan separuh di bawahnya. Nilai tertinggi "
        "adalah nilai terbaik di antara peserta tersebut. Catatan juri ditulis apa adanya.",
        "How to read this: your score on each criterion combines the judges' scores by the event's "
        "rule ({rule}). The middle is the score in the middle when the {field} participants who "
        "presented are put in order: half scored above it, half below. The best is the highest "
        "score among them. The judges' notes are printed as they wrote them.",
    ),
    "feedback.absent.title": ("Tidak tampil dalam penilaian", "Did not present"),
    "feedback.absent.body": (
        "Usaha ini tidak tampil di hadapan panel juri pada acara ini, sehingga tidak ada nilai "
        "maupun catatan juri untuk dilaporkan. {reason}",
        "This business did not present to the judging panel at this event, so there are no "
        "scores or judges' notes to report. {reason}",
    ),
    "feedback.absent.withdrawn": ("(Peserta mengundurkan diri.)", "(The entrant withdrew.)"),
    "feedback.absent.forfeit": (
        "(Peserta tidak hadir saat dipanggil.)",
        "(The entrant was absent when called.)",
    ),
    # certificates
    "certificate.title.peserta": ("SERTIFIKAT", "CERTIFICATE OF PARTICIPATION"),
    "certificate.title.piagam": ("PIAGAM PENGHARGAAN", "CERTIFICATE OF AWARD"),
    "certificate.file.peserta": ("sertifikat-peserta", "certificates-participants"),
    "certificate.file.piagam": ("piagam-pemenang", "certificates-winners"),
    "certificate.code": ("Kode verifikasi: {code}", "Verification code: {code}"),
    "certificate.given_to": ("diberikan kepada", "is presented to"),
    "certificate.body.participant": (
        "sebagai PESERTA dalam {title} yang diselenggarakan oleh {organiser} di {venue} pada {dates}.",
        "for taking part in {title}, held by {organiser} at {venue} on {dates}.",
    ),
    "certificate.body.winner": (
        "atas prestasinya meraih {prize} (peringkat {rank}) dengan insentif sebesar {amount} dalam "
        "{title} yang diselenggarakan oleh {organiser} di {venue} pada {dates}.",
        "for winning {prize} (rank {rank}), with an incentive of {amount}, in {title}, held by "
        "{organiser} at {venue} on {dates}.",
    ),
    "certificate.verify": (
        "Kode verifikasi {code} dapat dicocokkan dengan digest hasil penilaian di bawah ini "
        "(lihat berita acara).",
        "The verification code {code} can be checked against the results digest below (see the minutes).",
    ),
    "certificates.not_final": (
        "sertifikat dan piagam hanya dibuat dari hasil yang sudah difinalkan; finalkan hasil dulu "
        "(F3 di konsol moderator atau 'ikm-tui finalise')",
        "certificates are made only from finalised results; finalise the results first (F3 in the "
        "moderator console or 'ikm-tui finalise')",
    ),
    # paper score forms
    "forms.title": ("LEMBAR PENILAIAN JURI", "JUDGE'S SCORE FORM"),
    "forms.day": ("Hari ke-{day}: {date}", "Day {day}: {date}"),
    "forms.judge": ("Juri {id}: {name}", "Judge {id}: {name}"),
    "forms.instructions": (
        "Tulis satu nilai di setiap kotak kriteria, sesuai skala dan kelipatannya (contoh 7,5). "
        "Bila Anda tidak menilai seorang peserta (misalnya karena konflik kepentingan), beri "
        "tanda pada kotak 'Tidak menilai' (di CSV: ya) dan kosongkan nilainya. Catatan untuk "
        "peserta boleh diisi (paling banyak 500 karakter) dan akan dicetak di laporan umpan balik "
        "peserta tanpa nama juri. Kolom lembar ini sama dengan kolom file CSV untuk 'ikm-tui "
        "scores import'.",
        "Write one score in each criterion box, on its scale and step (e.g. 7.5). If you recuse "
        "yourself from an entrant, tick 'Recused' (in the CSV: yes) and leave the scores empty. The note for the "
        "start-up is optional (at most 500 characters) and is printed on its feedback report without "
        "your name. The columns of this form are those of the CSV file for 'ikm-tui scores import'.",
    ),
    "forms.step": ("kelipatan {step}", "step {step}"),
    "forms.col.no": ("No.", "No."),
    "forms.col.entrant": ("Kode", "Code"),
    "forms.col.business": ("Usaha / pemilik", "Business / owner"),
    "forms.col.recused": ("Tidak menilai", "Recused"),
    "forms.col.note": ("Catatan untuk peserta (tanpa nama juri)", "Note for the start-up (unsigned)"),
    "forms.signed_note": (
        "Nilai di atas adalah penilaian saya sendiri.",
        "The scores above are my own judgement.",
    ),
    "forms.place_date": (
        "Tanggal: ............................   Tanda tangan juri:",
        "Date: ............................   Judge's signature:",
    ),
    "forms.footer": ("Kolom CSV: {columns}", "CSV columns: {columns}"),
    "forms.written": ("Formulir disimpan ke {path}", "Forms written to {path}"),
    "forms.page": ("Halaman {page}", "Page {page}"),
    "forms.file": ("formulir-penilaian", "score-forms"),
    "forms.bad_day": (
        "hari {got} tidak ada (acara ini {days} hari)",
        "there is no day {got} (the event has {days} days)",
    ),
}
