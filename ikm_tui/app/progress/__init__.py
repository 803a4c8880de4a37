"""F2 on the moderator console: the judges x entrants progress matrix and access codes."""
