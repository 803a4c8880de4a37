"""Staff exports: every format reads one :class:`~ikm_tui.export.bundle.ResultsBundle`."""
