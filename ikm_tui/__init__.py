"""ikm-tui: run a live pitch-judging session from the terminal."""

__version__ = "0.1.0"
