"""Three-line block glyphs for showing a figure's value large, without Textual."""

from __future__ import annotations

_GLYPHS: dict[str, tuple[str, str, str]] = {
    "0": ("┏━┓", "┃ ┃", "┗━┛"),
    "1": ("╺┓ ", " ┃ ", "╺┻╸"),
    "2": ("╺━┓", "┏━┛", "┗━╸"),
    "3": ("╺━┓", " ━┫", "╺━┛"),
    "4": ("╻ ╻", "┗━┫", "  ╹"),
    "5": ("┏━╸", "┗━┓", "╺━┛"),
    "6": ("┏━╸", "┣━┓", "┗━┛"),
    "7": ("╺━┓", "  ┃", "  ╹"),
    "8": ("┏━┓", "┣━┫", "┗━┛"),
    "9": ("┏━┓", "┗━┫", "╺━┛"),
    "$": ("╭╫╮", "╰╫╮", "╰╫╯"),
    "€": ("╭─╮", "╪═ ", "╰─╯"),
    "%": ("○ ╱", " ╱ ", "╱ ○"),
    "+": ("   ", "╺╋╸", "   "),
    "-": ("   ", "╺━╸", "   "),
    ".": (" ", " ", "."),
    ",": (" ", " ", ","),
    " ": (" ", " ", " "),
    "\u202f": (" ", " ", " "),
}


def split_big(text: str) -> tuple[str, str]:
    """Split ``text`` into the leading part drawable in big glyphs and the rest.

    ``"$35 bn"`` -> ``("$35", " bn")``. Trailing spaces stay with the rest.
    """
    end = 0
    while end < len(text) and text[end] in _GLYPHS:
        end += 1
    head = text[:end].rstrip()
    if not any(char.isdigit() for char in head):
        return "", text
    return head, text[len(head):]


def big_lines(text: str) -> list[str]:
    """The three lines that draw ``text``; every character must be drawable."""
    return ["".join(_GLYPHS[char][row] for char in text) for row in range(3)]
