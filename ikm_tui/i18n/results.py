"""Strings of the results area: leaderboard screen, boundary monitor, decisions, lock, reveal."""

from decimal import Decimal
from fractions import Fraction

MESSAGES = {
    # refusals from the store and the CLI
    "results.required": ("wajib diisi", "required"),
    "results.decision_order": (
        "urutan keputusan harus berisi paling sedikit dua peserta berbeda, bukan '{got}'",
        "a decision orders at least two different entrants, got '{got}'",
    ),
    "results.not_a_tie": (
        "'{got}' bukan kelompok seri yang menunggu keputusan; seri yang menunggu keputusan: {ties}",
        "'{got}' is not an open tie; open ties: {ties}",
    ),
    "results.no_decision": ("tidak ada keputusan tercatat untuk {got}", "no recorded decision for {got}"),
    "results.open_ties": (
        "belum bisa difinalkan: seri di batas hadiah perlu keputusan panel ({ties})",
        "cannot finalise: ties at a prize boundary need the panel's decision ({ties})",
    ),
    "results.missing_sheets": (
        "belum bisa difinalkan: {count} lembar nilai belum masuk (mis. {examples}); lengkapi dulu "
        "atau finalkan dengan alasan pengecualian",
        "cannot finalise: score sheets missing: {count} (e.g. {examples}); complete them or"
        " finalise with an override reason",
    ),
    "results.already_locked": ("hasil sudah difinalkan", "results are already finalised"),
    "results.not_locked": ("hasil belum difinalkan", "results are not finalised"),
    "results.reveal_step": (
        "tahap pengumuman {got} di luar 0–{last}",
        "reveal step {got} is outside 0–{last}",
    ),
    "results.reveal_unlocked": (
        "hanya hasil yang sudah difinalkan yang dapat diumumkan",
        "only finalised results can be revealed",
    ),
    # CLI output
    "results.cli_decided": ("keputusan dicatat: {order} (oleh {by})", "decision recorded: {order} (by {by})"),
    "results.cli_revoked": ("keputusan dibatalkan: {order}", "decision revoked: {order}"),
    "results.cli_finalised": (
        "hasil difinalkan; digest SHA-256 {digest}",
        "results finalised; SHA-256 digest {digest}",
    ),
    "results.cli_unlocked": ("kunci hasil dibuka", "results unlocked"),
    "results.cli_revealed": ("layar penonton: tahap {step} dari {last}", "board: step {step} of {last}"),
    "results.cli_no_lines": ("belum ada batas hadiah", "no prize boundary yet"),
    # the leaderboard screen
    "results.title": ("Hasil sementara", "Provisional results"),
    "results.title_locked": (
        "Hasil FINAL (terkunci) · digest {digest}",
        "FINAL results (locked) · digest {digest}",
    ),
    "results.filter_all_categories": ("Semua kategori", "All categories"),
    "results.filter_all_days": ("Semua hari", "All days"),
    "results.filter_day": ("Hari {day}", "Day {day}"),
    "results.col_entrant": ("Peserta", "Entrant"),
    "results.status_decided": ("diputuskan panel", "decided by panel"),
    "results.key_category": ("Kategori", "Category"),
    "results.key_day": ("Hari", "Day"),
    "results.key_decide": ("Putuskan seri", "Decide tie"),
    "results.key_finalise": ("Finalkan", "Finalise"),
    "results.key_unlock": ("Buka kunci", "Unlock"),
    "results.key_recheck": ("Cek ulang", "Re-check"),
    "results.key_reveal_hide": ("Sembunyikan hasil", "Hide results"),
    "results.key_reveal_next": ("Umumkan berikutnya", "Reveal next"),
    "results.missing_count": ("lembar nilai belum masuk: {count}", "score sheets missing: {count}"),
    "results.key_reveal_all": ("Semua pemenang", "full table"),
    # boundary monitor
    "results.lines_title": ("Batas hadiah", "Prize boundaries"),
    "results.line_head": ("{place}|{next}: {upper} / {lower}", "{place}|{next}: {upper} / {lower}"),
    "results.line_no_prize": ("tanpa hadiah", "no prize"),
    "results.line_gap": ("selisih {gap}", "gap {gap}"),
    "results.line_by_total": ("ditentukan oleh total", "decided by the total"),
    "results.line_by_criterion": (
        "total sama; ditentukan oleh {criterion}",
        "equal totals; {criterion} decided",
    ),
    "results.line_by_decision": ("SERI; diputuskan panel", "TIE; decided by the panel"),
    "results.line_open_tie": ("SERI — panel harus memutuskan", "TIE — the panel must decide"),
    "results.line_swing": (
        "bertukar bila {judge} mengubah nilai {criterion} {entrant} dari {before} ke {after}",
        "swap if {judge} sets {entrant} {criterion} {before} → {after}",
    ),
    "results.line_no_swing": (
        "tidak ada satu nilai pun yang bisa menukar",
        "no single score can swap them",
    ),
    # divergence flags
    "results.flags_title": (
        "Penilaian menyimpang (>{tolerance} poin)",
        "Divergent totals (>{tolerance} points)",
    ),
    "results.flags_none": ("tidak ada", "none"),
    "results.flag": (
        "{judge} pada {entrant}: {total}, median juri lain {median}",
        "{judge} on {entrant}: {total} vs the others' median {median}",
    ),
    "results.flags_more": ("… dan {count} lagi", "… and {count} more"),
    "results.flag_asked": ("sudah diminta cek ulang", "re-check asked"),
    "results.recheck_sent": (
        "{judge} diminta memeriksa ulang {entrant}",
        "{judge} asked to re-check {entrant}",
    ),
    "results.no_flag": ("tidak ada penilaian menyimpang", "no divergent total"),
    # modals
    "results.decide_title": ("Keputusan panel: seri peringkat {rank}", "Panel decision: tie at rank {rank}"),
    "results.decide_none": ("tidak ada seri yang menunggu keputusan", "no open tie"),
    "results.decide_order": (
        "Urutan (terbaik lebih dulu, kode dipisahkan koma)",
        "Order (best first, codes separated by commas)",
    ),
    "results.decide_reason": ("Alasan", "Reason"),
    "results.decide_by": ("Diputuskan oleh", "Decided by"),
    "results.finalise_title": ("Finalkan hasil?", "Finalise the results?"),
    "results.finalise_body": (
        "Nilai akan dikunci dan hasil dibekukan dengan digest SHA-256.",
        "Scores will be locked and the result frozen with its SHA-256 digest.",
    ),
    "results.finalise_missing": (
        "Lembar nilai belum masuk: {count}. Isi alasan pengecualian untuk tetap memfinalkan.",
        "Score sheets missing: {count}. Give an override reason to finalise anyway.",
    ),
    "results.finalise_flags": (
        "Penilaian menyimpang yang belum ditindaklanjuti: {count}",
        "Open divergence flags: {count}",
    ),
    "results.finalise_rechecks": (
        "Permintaan cek ulang yang belum dijawab: {count}",
        "Re-check requests not answered yet: {count}",
    ),
    "results.override": ("Alasan pengecualian", "Override reason"),
    "results.unlock_title": ("Buka kunci hasil?", "Unlock the results?"),
    "results.unlock_body": (
        "Hasil di layar penonton disembunyikan; alasan dicatat di log audit.",
        "The board goes back to hidden; the reason is audited.",
    ),
    "results.ok": ("Simpan", "Save"),
    "results.confirm": ("Ya", "Confirm"),
    "results.cancel": ("Batal", "Cancel"),
    "results.finalised": ("Hasil difinalkan · {digest}", "Results finalised · {digest}"),
    "results.unlocked": ("Kunci hasil dibuka", "Results unlocked"),
    "results.decided": ("Keputusan panel dicatat", "Panel decision recorded"),
    "results.revealed": ("Layar penonton: {what}", "Board: {what}"),
    "results.reveal_hidden": ("hasil belum ditampilkan", "hidden"),
    # the board's reveal
    "reveal.heading": ("Pemenang", "Winners"),
    "reveal.full_table": ("Para pemenang", "The winners"),
    "reveal.total_paid": ("Total insentif {amount}", "Total incentives {amount}"),
    "reveal.each": ("insentif {amount} untuk setiap pemenang", "an incentive of {amount} each"),
}


def describe_boundary(line, config, t) -> list[str]:
    """A prize line in words (head, gap, what decided it, the swing): CLI and screen share it.

    ``line`` is a :class:`ikm_tui.domain.boundaries.Boundary`; ``t`` a ``Messages``.
    """
    lower = line.lower_prize.label if line.lower_prize else t("results.line_no_prize")
    head = t(
        "results.line_head", place=line.place, next=line.place + 1, upper=line.upper_prize.label, lower=lower
    )
    gap = t("results.line_gap", gap=t.number(line.gap))
    sides = (
        f"{line.above.entrant.id} {t.number(line.above.total)} / "
        f"{line.below.entrant.id} {t.number(line.below.total)} · {gap}"
    )
    if line.decided_by is None:
        decided = t("results.line_open_tie")
    elif line.decided_by == "decision":
        decided = t("results.line_by_decision")
    elif line.decided_by == "total":
        decided = t("results.line_by_total")
    else:
        decided = t("results.line_by_criterion", criterion=config.criterion(line.decided_by).name)
    if line.swing is None:
        swing = t("results.line_no_swing")
    else:
        s = line.swing
        swing = t(
            "results.line_swing",
            judge=s.judge,
            entrant=s.entrant,
            criterion=config.criterion(s.criterion).name,
            before=_score(s.before),
            after=_score(s.after),
        )
    return [head, sides, decided, swing]


def _score(value: Fraction) -> Decimal:
    """A score as the judge types it (``9``, ``7,25`` once the catalogue formats it), not
    rounded to one place."""
    return Decimal(value.numerator) / Decimal(value.denominator)
