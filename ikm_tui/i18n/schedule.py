"""Strings of the day's schedule: running late or early, the day's end, planned times, breaks."""

MESSAGES = {
    "schedule.late": ("terlambat {minutes} menit", "running {minutes} min late"),
    "schedule.early": ("lebih cepat {minutes} menit", "running {minutes} min early"),
    "schedule.on_time": ("tepat waktu", "on time"),
    "schedule.ends": ("perkiraan selesai {time}", "expected to end at {time}"),
    "schedule.day_done": ("semua presentasi hari ini selesai", "every presentation today is done"),
    "schedule.col.planned": ("Jadwal", "Planned"),
    "schedule.col.planned_short": ("Jam", "Time"),  # the header when the column is narrow
    "schedule.break_row": ("— {label} {start}–{end} —", "— {label} {start}–{end} —"),
    "schedule.about": ("sekitar pukul {time}", "at about {time}"),
}
