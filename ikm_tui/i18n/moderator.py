"""Strings of the moderator console's frame: the F-keys between its areas."""

MESSAGES = {
    "mode.stage": ("Panggung", "Stage"),
    "mode.progress": ("Progres", "Progress"),
    "mode.results": ("Hasil", "Results"),
    "mode.export": ("Ekspor", "Export"),
}
