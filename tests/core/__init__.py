"""Tests of the core: the plan, its reads, summaries, the guard, dates, the database."""
