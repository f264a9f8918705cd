"""briefing: read structured event briefings in the terminal."""

__version__ = "0.1.0"
