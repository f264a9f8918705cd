"""The interactive viewer: a Textual app showing one briefing.

Only ``briefing.tui`` imports Textual, so the ``summary`` and ``validate``
commands start without it. The entry point is :func:`briefing.tui.app.run`.
"""
