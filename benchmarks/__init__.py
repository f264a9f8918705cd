"""Benchmarks of briefing; run each ``bench_*.py`` script from the project root."""
