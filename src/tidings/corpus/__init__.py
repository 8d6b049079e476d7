"""The corpus: many articles in one SQLite file, with events linked across reports."""
