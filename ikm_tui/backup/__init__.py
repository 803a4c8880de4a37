"""Copies of the session off the laptop, and bringing one back.

``writer`` puts one checked copy in a folder (temp file, fsync, check, rename, prune);
``service`` is the moderator console's worker that does so after every change or on an
interval; ``restore`` makes a checked copy the session database again. The SQL — taking the
image and proving a copy — lives in :mod:`ikm_tui.store.copy`.
"""
