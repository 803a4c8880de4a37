"""Strings of the shared dialogs (``app/dialogs.py``)."""

MESSAGES = {
    "dialog.yes": ("Ya (y)", "Yes (y)"),
    "dialog.no": ("Tidak (n)", "No (n)"),
    "dialog.cancel": ("Batal", "Cancel"),
    "dialog.key.yes": ("Ya", "Yes"),
    "dialog.key.no": ("Tidak", "No"),
    "dialog.key.cancel": ("Batal", "Cancel"),
}
