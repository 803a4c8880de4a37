"""The event record and its amendments: ``ikm-tui event``, the console's review, refusals."""

from __future__ import annotations

import json
from typing import Any

MESSAGES = {
    "db.no_definition": (
        "basis data sesi tidak berisi definisi acara (file diubah di luar ikm-tui?)",
        "the session database holds no event definition (was the file edited outside ikm-tui?)",
    ),
    "db.bad_definition": (
        "definisi acara yang tercatat tidak dapat dibaca ({detail})",
        "the recorded event definition cannot be read ({detail})",
    ),
    # refusals
    "amend.locked": (
        "hasil sudah difinalkan; perubahan acara baru dapat diterapkan setelah kunci hasil dibuka dengan alasan",
        "results are finalised; no amendment is accepted until they are unlocked with a reason",
    ),
    "amend.nothing": (
        "tidak ada perbedaan dengan catatan acara; tidak ada yang diubah",
        "nothing differs from the event record; nothing changed",
    ),
    "amend.judge_has_sheets": (
        "juri {judge} tidak dapat dihapus: sudah ada {count} lembar nilai ({sheets})",
        "judge {judge} cannot be removed: {count} score sheets exist ({sheets})",
    ),
    "amend.entrant_has_sheets": (
        "peserta {entrant} tidak dapat dihapus: sudah ada {count} lembar nilai ({sheets})",
        "entrant {entrant} cannot be removed: {count} score sheets exist ({sheets})",
    ),
    "amend.entrant_on_stage": (
        "peserta {entrant} tidak dapat dihapus: sedang tampil di panggung",
        "entrant {entrant} cannot be removed: they are on stage",
    ),
    "amend.criterion_unscored": (
        "kriteria {criterion} tidak dapat ditambahkan: {count} lembar nilai yang sudah masuk tidak berisi nilainya ({sheets})",
        "criterion {criterion} cannot be added: {count} score sheets lack it ({sheets})",
    ),
    "amend.criterion_scored": (
        "kriteria {criterion} tidak dapat dihapus: sudah dinilai di {count} lembar nilai ({sheets})",
        "criterion {criterion} cannot be removed: {count} score sheets hold it ({sheets})",
    ),
    "amend.off_scale": (
        "skala {min}–{max} kelipatan {step} untuk kriteria {criterion} tidak cocok dengan {count} nilai yang sudah tercatat ({sheets})",
        "the scale {min}–{max} step {step} for {criterion} does not fit {count} recorded scores ({sheets})",
    ),
    "amend.queue_beyond_days": (
        "acara kini hanya {days} hari, tetapi {entrants} dijadwalkan tampil sesudahnya",
        "the event has {days} days, but the queue places {entrants} after that",
    ),
    # the one line on stderr while a difference is unapplied
    "event.pending_line": (
        "catatan: config.toml berbeda dari catatan acara ({count} perubahan belum diterapkan); "
        "yang dipakai tetap catatan acara — lihat 'ikm-tui event diff'",
        "note: config.toml differs from the event record ({count} changes not applied); "
        "working from the record — see 'ikm-tui event diff'",
    ),
    # ikm-tui event
    "event.cli.same": (
        "config.toml sama dengan catatan acara (revisi {revision})",
        "config.toml matches the event record (revision {revision})",
    ),
    "event.cli.header": (
        "config.toml berbeda dari catatan acara (revisi {revision}) di {count} isian:",
        "config.toml differs from the event record (revision {revision}) in {count} fields:",
    ),
    "event.cli.change": ("  {key}: {before} → {after}", "  {key}: {before} → {after}"),
    "event.cli.absent": ("(tidak ada)", "(absent)"),
    "event.cli.standings": ("Akibatnya bagi pemenang:", "What it does to the winners:"),
    "event.cli.winners_same": (
        "  pemenang tidak berubah",
        "  the winners do not change",
    ),
    "event.cli.winner_line": (
        "  {prize}: {before} → {after}",
        "  {prize}: {before} → {after}",
    ),
    "event.cli.refused": (
        "Tidak dapat diterapkan:",
        "Cannot be applied:",
    ),
    "event.cli.apply_hint": (
        'Terapkan dengan: ikm-tui event apply --reason "..."',
        'Apply with: ikm-tui event apply --reason "..."',
    ),
    "event.cli.applied": (
        "perubahan diterapkan sebagai revisi {revision} ({count} isian), oleh {by}",
        "amendment applied as revision {revision} ({count} fields), by {by}",
    ),
    "event.cli.show": (
        "acara {event_id}: '{title}', revisi {revision} dicatat {at} oleh {by} ({reason})",
        "event {event_id}: '{title}', revision {revision} recorded {at} by {by} ({reason})",
    ),
    "event.reason.session.created": ("sesi dibuat", "session created"),
    "event.reason.session.migrated_from_1": (
        "dicatat saat pembaruan dari skema 1",
        "recorded when upgrading from schema 1",
    ),
    # the moderator console
    "stage.result_locked": (
        "hasil sudah difinalkan dan {entrant} termasuk di dalamnya; buka kunci hasil dengan alasan terlebih dahulu",
        "results are finalised and {entrant} is part of them; unlock the results with a reason first",
    ),
    "event.cli.tie": ("seri, perlu keputusan panel", "tie, needs the panel's decision"),
    "who.title": ("Siapa operatornya?", "Who is at the keyboard?"),
    "who.hint": (
        "Nama Anda dicatat pada setiap tindakan sesi ini (berita acara, log audit).",
        "Your name is recorded with every action in this session (minutes, audit log).",
    ),
    "who.placeholder": ("nama operator", "operator's name"),
    "who.ok": ("Mulai", "Start"),
    "review.title": (
        "config.toml berbeda dari catatan acara",
        "config.toml differs from the event record",
    ),
    "review.intro": (
        "Konsol tetap memakai catatan acara. Perubahan di file baru berlaku setelah diterapkan "
        "dengan alasan:",
        "The console works from the event record. The file's changes apply only when applied with a reason:",
    ),
    "review.reason": ("alasan perubahan", "reason for the amendment"),
    "review.apply": ("Terapkan", "Apply"),
    "review.keep": ("Tetap pakai catatan", "Keep the record"),
    "review.applied": ("Perubahan diterapkan (revisi {revision})", "Amendment applied (revision {revision})"),
}


def describe_change(t, key: str, before: Any, after: Any) -> str:
    return t("event.cli.change", key=key, before=_value(t, before), after=_value(t, after))


def review_lines(t, review) -> list[str]:
    """An amendment for people: each change, then either why it is refused or what it does to
    the winners (``review``: :class:`ikm_tui.domain.amendment.Review`)."""
    from ikm_tui.domain.amendment import winners

    lines = [describe_change(t, c.key, c.before, c.after) for c in review.changes]
    if review.problems:
        return lines + [t("event.cli.refused")] + [f"  {p.render(t)}" for p in review.problems]
    old, new = winners(review.before), winners(review.after)
    lines.append(t("event.cli.standings"))
    if old == new:
        return lines + [t("event.cli.winners_same")]
    labels = list(old) + [label for label in new if label not in old]
    for label in labels:
        lines.append(
            t(
                "event.cli.winner_line",
                prize=label or t("event.cli.tie"),
                before=", ".join(old.get(label, [])) or "–",
                after=", ".join(new.get(label, [])) or "–",
            )
        )
    return lines


def _value(t, value: Any) -> str:
    if value is None:
        return t("event.cli.absent")
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
