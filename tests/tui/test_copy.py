"""``c`` copies the item under the cursor to the clipboard as plain text, and says so."""

from __future__ import annotations

from .conftest import make_app


def notes(app: object) -> list[str]:
    return [str(notification.message) for notification in app._notifications]  # type: ignore[attr-defined]


async def test_c_copies_a_figure_with_its_value_and_evidence() -> None:
    app = make_app(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "c")
        await pilot.pause()
        lines = app.clipboard.splitlines()
        assert lines[0] == ("35 bn — Kazakhstan's investments in developing transport and "
                            "logistics infrastructure")
        assert lines[1] == "35\u202f000\u202f000\u202f000 USD"
        assert lines[-1].startswith("Evidence: “") and "35 миллиардов" in lines[-1]
        assert any(note.startswith("Copied: 35 bn — ") for note in notes(app))


async def test_c_copies_a_statement_with_its_speaker_in_russian() -> None:
    app = make_app(language="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "j", "c")
        await pilot.pause()
        lines = app.clipboard.splitlines()
        assert lines[0] == "Арман Исетов, Заместитель министра иностранных дел Республики " \
            "Казахстан:"
        assert lines[1].startswith("В декабре этого года")
        assert lines[-1].startswith("Подтверждение: “")
        assert any(note.startswith("Скопировано: Арман Исетов") for note in notes(app))


async def test_c_copies_a_participant_row() -> None:
    app = make_app(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "j", "c")
        await pilot.pause()
        assert app.clipboard.splitlines()[0] == "Kazakhstan (Astana) (delegation) — Kazakhstan"
