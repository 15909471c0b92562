"""Storage: SQLite through sqlite-utils, or a PostgreSQL server; the only layer that speaks SQL."""
