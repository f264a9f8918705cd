"""The combining marks kept in ``briefing.search_marks`` are those Unicode says, so the
search's word pattern is the same whether they are read from it or from
``unicodedata``."""

from __future__ import annotations

import unicodedata

import pytest

from briefing import search_marks, search_words


def test_the_marks_kept_are_those_of_this_unicode() -> None:
    if unicodedata.unidata_version != search_marks.UNICODE_VERSION:
        pytest.skip(f"marks kept for Unicode {search_marks.UNICODE_VERSION}, "
                    f"this Python has {unicodedata.unidata_version}: read, not kept")
    runs = search_words._mark_runs()
    assert list(search_marks.RUNS) == runs, f"RUNS for this version: {runs}"


def test_the_class_is_made_of_the_runs() -> None:
    made = search_words._mark_class()
    expected = "".join(search_words._class_range(first, last)
                       for first, last in search_words._mark_runs())
    assert made == expected
    assert "\u0300-\u036f" in made  # the combining diacritical marks
