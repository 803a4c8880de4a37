"""Pure domain: config model, scoring, ranking, timer arithmetic. No Textual, no SQLite."""
