"""The session database: the only place with SQL. Opened through :class:`ikm_tui.store.session.Store`."""
