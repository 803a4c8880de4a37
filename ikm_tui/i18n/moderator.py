"""Strings of the moderator console's frame: the F-keys between its areas."""

MESSAGES = {
    "mode.stage": ("Panggung", "Stage"),
    "mode.progress": ("Progres", "Progress"),
    "mode.results": ("Hasil", "Results"),
    "mode.export": ("Ekspor", "Export"),
    "app.key.quit": ("Keluar", "Quit"),
    "app.quit_title": ("Keluar dari aplikasi?", "Do you want to quit?"),
    "app.quit_hint": ("Tekan Ctrl+Q untuk keluar dari aplikasi.", "Press Ctrl+Q to quit the app."),
}
