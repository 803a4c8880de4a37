"""Strings of the shared dialogs (``app/dialogs.py``)."""

MESSAGES = {
    "dialog.yes": ("Ya (y)", "Yes (y)"),
    "dialog.no": ("Batal (n)", "Cancel (n)"),
    "dialog.cancel": ("Batal", "Cancel"),
    "dialog.key.yes": ("Ya", "Yes"),
    "dialog.key.no": ("Batal", "Cancel"),
    "dialog.key.cancel": ("Batal", "Cancel"),
}
