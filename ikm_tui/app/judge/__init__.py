"""The judge console: sign in, then score the entrants from this judge's own terminal."""
