"""The words of the interface, in the language the briefing is shown in.

Every message the summary and the viewer show is written here once, in
English, and translated in each catalogue; English is the fallback for a
language that has no catalogue. Code asks for a message by its English text:
``interface("Participants")``, ``interface("Saved {path}", path=...)``. A
message missing from a catalogue is a ``KeyError`` at once, and the tests
check that every catalogue holds every message and that no text for the
reader is written outside this module.

No Textual or Rich import here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

RUSSIAN: Mapping[str, str] = {
    # Panels and summary sections.
    "Summary": "Сводка",
    "Participants": "Участники",
    "Priorities": "Приоритеты",
    "Sector priorities": "Отраслевые приоритеты",
    "Figures": "Цифры",
    "Key figures": "Ключевые цифры",
    "Statements": "Заявления",
    "Timeline": "Хроника",
    "Outcomes": "Итоги",
    "Source": "Источник",
    "Tags": "Теги",
    "Evidence from the article": "Подтверждения из статьи",
    # When a part is empty.
    "Nothing here.": "Здесь ничего нет.",
    "No participants are listed.": "Участники не указаны.",
    "No priorities are listed.": "Приоритеты не указаны.",
    "No key figures are given.": "Ключевые цифры не приведены.",
    "No statements are recorded.": "Заявления не записаны.",
    "No timeline is given.": "Хроника не приведена.",
    "No outcomes are listed.": "Итоги не указаны.",
    "No statements by this participant are recorded.": "Заявлений этого участника нет.",
    "Statements ({count})": "Заявления ({count})",
    # Participants: the fields and the kinds.
    "Name": "Имя",
    "Role": "Должность",
    "Organization": "Организация",
    "Country": "Страна",
    "Notes": "Примечания",
    "Id": "Идентификатор",
    "Kind": "Тип",
    "organization": "организация",
    "person": "лицо",
    "delegation": "делегация",
    "group": "группа",
    # Where the facts come from.
    "Source: ": "Источник: ",
    " citing ": " со ссылкой на ",
    ", via ": ", со ссылкой на ",
    "Published ": "Опубликовано ",
    "Outlet": "Издание",
    "Attribution": "Ссылка на",
    "URL": "Адрес",
    "Published": "Опубликовано",
    "Article": "Статья",
    "Article text ": "Текст статьи ",
    "The briefing gives no article text.": "Текст статьи в брифинге не указан.",
    "Shown {language}; also {others}": "Показано {language}; есть также {others}",
    "Shown {language}": "Показано {language}",
    "in Russian": "на русском",
    "in English": "на английском",
    "in Kazakh": "на казахском",
    "in Turkish": "на турецком",
    "in German": "на немецком",
    "in French": "на французском",
    "in Chinese": "на китайском",
    "in {tag}": "на языке {tag}",
    # Numbers: multipliers of thousands.
    "tn": "трлн",
    "bn": "млрд",
    "m": "млн",
    # Keys (footer and help).
    "Language": "Язык",
    "Help": "Справка",
    "Print & quit": "Печать и выход",
    "Quit": "Выход",
    "Panel": "Панель",
    "Go to a panel": "Перейти к панели",
    "Next panel": "Следующая панель",
    "Previous panel": "Предыдущая панель",
    "Search": "Поиск",
    "Next match": "Следующее совпадение",
    "Previous match": "Предыдущее совпадение",
    "Clear search": "Сбросить поиск",
    "Next item / line down": "Следующий пункт / строка вниз",
    "Previous item / line up": "Предыдущий пункт / строка вверх",
    "First item / top": "Первый пункт / в начало",
    "Last item / bottom": "Последний пункт / в конец",
    "Page down": "Страница вниз",
    "Page up": "Страница вверх",
    "Open item": "Открыть пункт",
    "Back": "Назад",
    "Close help": "Закрыть справку",
    "palette": "команды",
    "Command palette": "Палитра команд",
    "Keys": "Клавиши",
    "Everywhere": "Везде",
    "Main screen": "Главный экран",
    "In a panel": "В панели",
    "Participant details": "Сведения об участнике",
    "The mouse works too: click panel names, rows and items.":
        "Работает и мышь: щёлкайте по названиям панелей, строкам и пунктам.",
    # Search.
    "search every panel and language": "поиск по всем панелям и языкам",
    "no matches": "нет совпадений",
    "Press / to search.": "Нажмите /, чтобы искать.",
    # Evidence in the viewer (badges, the passages of the article, `e`).
    "Evidence passage (in Source: the next)": "Отрывок-подтверждение (в «Источнике»: следующий)",
    "Previous evidence passage": "Предыдущий отрывок-подтверждение",
    "Evidence badges": "Значки подтверждений",
    "backed by the article": "подтверждено статьёй",
    "not found in the article": "не найдено в статье",
    "found, but the number differs": "найдено, но число не совпадает",
    "no evidence given": "подтверждение не указано",
    "To the evidence passage, and from it to the claims":
        "К отрывку-подтверждению и от него к утверждениям",
    "The evidence is being checked…": "Подтверждения проверяются…",
    "No passage of the article is evidence.": "Ни один отрывок статьи не служит подтверждением.",
    "Figures, priorities and statements have evidence.":
        "Подтверждения есть у цифр, приоритетов и заявлений.",
    "Not in the article; the closest passage ({score}%) is shown.":
        "В статье этого нет; показан ближайший отрывок ({score}%).",
    "This claim gives no evidence.": "У этого утверждения нет подтверждения.",
    "Its evidence is not in the article, nor anything close to it.":
        "Подтверждения нет в статье, нет и ничего похожего.",
    "Claim {number} of {count} this passage backs (Esc, then Enter: the next).":
        "Утверждение {number} из {count}, подтверждаемых этим отрывком "
        "(Esc, затем Enter: следующее).",
    # Notifications and the palette.
    "This briefing has one language only.": "В этом брифинге только один язык.",
    "The speaker is not among the participants.": "Выступающего нет среди участников.",
    "The participant is no longer in the file.": "Этого участника в файле больше нет.",
    "The file changed but cannot be read; showing the last good version:":
        "Файл изменился, но его нельзя прочитать; показана последняя исправная версия:",
    "… and {count} more": "… и ещё {count}",
    "The file was deleted; showing the last version read:":
        "Файл удалён; показана последняя прочитанная версия:",
    "Saved {path}": "Сохранено: {path}",
    "Go to {title}": "Перейти: {title}",
    "Show the {title} panel": "Показать панель «{title}»",
    "Language: {language}": "Язык: {language}",
    "Show the briefing's text in {language}": "Показать текст брифинга на языке {language}",
    "Toggle dark / light theme": "Тёмная / светлая тема",
    "Theme": "Тема",
    "Search for commands…": "Поиск команды…",
    "Search for themes…": "Поиск темы…",
    "Change the current theme": "Сменить тему оформления",
    "Quit the viewer": "Закрыть программу",
    "Show every key": "Показать все клавиши",
    "Switch between the dark and the light theme": "Переключить тёмную и светлую тему",
    "Print summary and quit": "Напечатать сводку и выйти",
    "Quit and print the briefing's summary in the current language":
        "Выйти и напечатать сводку брифинга на текущем языке",
    "Save screenshot": "Сохранить снимок экрана",
    "Save an SVG picture of the screen in the current folder":
        "Сохранить SVG-снимок экрана в текущую папку",
    # What changed between two versions (`briefing diff`).
    "No differences.": "Различий нет.",
    "Changes: {count} ({details})": "Изменений: {count} ({details})",
    "added {count}": "добавлено {count}",
    "removed {count}": "удалено {count}",
    "changed {count}": "изменено {count}",
    "moved {count}": "перемещено {count}",
    "What changed": "Что изменилось",
    # Exporting (the palette's "Export…").
    "Export…": "Экспорт…",
    "Write the briefing as Markdown, HTML, JSON, text or SVG":
        "Записать брифинг в формате Markdown, HTML, JSON, текста или SVG",
    "Export": "Экспорт",
    "Format": "Формат",
    "File": "Файл",
    "Replace the file if it exists": "Заменить файл, если он есть",
    "Cancel": "Отмена",
    "Markdown": "Markdown",
    "HTML page": "Страница HTML",
    "JSON data": "Данные JSON",
    "Plain text": "Простой текст",
    "SVG picture": "Рисунок SVG",
    "Give the name of a file to write.": "Укажите имя файла.",
    "{path} is a folder; give the name of a file to write in it.":
        "{path} — это папка; укажите имя файла в ней.",
    "{path} is {kind}; only a regular file is ever replaced.":
        "{path}: это {kind}; заменить можно только обычный файл.",
    "{path} exists; tick “Replace” to overwrite it.":
        "{path} уже есть; отметьте «Заменить», чтобы перезаписать.",
    "There is no folder {folder}.": "Папки {folder} нет.",
    "Cannot write {path}: {reason}": "Не удаётся записать {path}: {reason}",
    # Opening an article (`briefing ARTICLE.txt`): the offer to draft a briefing.
    "{article} is an article, not a briefing.": "{article} — это статья, а не брифинг.",
    "A briefing drafted from it is there already: {output}.":
        "Брифинг по ней уже есть: {output}.",
    "Open it": "Открыть его",
    "Draft a briefing from it into {output}? Every claim it drafts quotes the article "
    "as its evidence; read it through before you share it.":
        "Составить по ней черновик брифинга в {output}? Каждое утверждение в нём "
        "подтверждено цитатой из статьи; прочитайте его, прежде чем делиться им.",
    "Draft and open": "Составить и открыть",
    "Drafting…": "Составляется…",
    "{output} appeared meanwhile; nothing was written.":
        "{output} тем временем появился; ничего не записано.",
    # The library (`briefing library DIR`).
    "type to filter; / searches every briefing":
        "введите текст, чтобы отобрать; / ищет во всех брифингах",
    "search every briefing": "поиск во всех брифингах",
    "{count} briefings in {folder}": "Брифингов в {folder}: {count}",
    "{count} briefing in {folder}": "Брифингов в {folder}: {count}",
    "{count} not valid": "с ошибками: {count}",
    "sorted by {what}": "порядок: {what}",
    "date": "по дате",
    "title": "по заголовку",
    "path": "по пути",
    "Title": "Заголовок",
    "Date": "Дата",
    "Location": "Место",
    "Match": "Совпадение",
    "Sort": "Порядок",
    "Clear": "Сбросить",
    "{path} is not a valid briefing: {problem}": "{path} — брифинг с ошибкой: {problem}",
    "{shown} of {count} briefings in {folder}": "Брифингов в {folder}: {shown} из {count}",
    "searching…": "поиск…",
    "Facets": "Отбор",
    "Countries": "Страны",
    "Sectors": "Отрасли",
    "Years": "Годы",
    "Participant": "Участник",
    "Sector": "Отрасль",
    "Tag": "Тег",
    "Year": "Год",
    "Esc clears": "Esc — сбросить",
    # Copying an item (`c`).
    "Copy": "Копировать",
    "Copied: {text}": "Скопировано: {text}",
    "Nothing to copy here.": "Здесь нечего копировать.",
    "Evidence: {excerpt}": "Подтверждение: {excerpt}",
    "The file changed: {changes}": "Файл изменился: {changes}",
}
"""The Russian catalogue: each message's English text and its translation."""

MESSAGES: tuple[str, ...] = tuple(RUSSIAN)
"""Every message of the interface, in English."""

CATALOGUES: Mapping[str, Mapping[str, str]] = {
    "en": {message: message for message in MESSAGES},
    "ru": RUSSIAN,
}
"""Each language's catalogue; English is the fallback."""


LANGUAGE_NAMES: Mapping[str, str] = {
    "ru": "in Russian",
    "en": "in English",
    "kk": "in Kazakh",
    "tr": "in Turkish",
    "de": "in German",
    "fr": "in French",
    "zh": "in Chinese",
}
"""How the interface names a language a briefing is written in."""


FIELD_LABELS: Mapping[str, str] = {
    "name": "Name",
    "role": "Role",
    "organization": "Organization",
    "country": "Country",
    "notes": "Notes",
    "id": "Id",
    "kind": "Kind",
}
"""The label of each field a view names."""


class Interface:
    """The interface's words in one language: ``interface("Participants")``."""

    def __init__(self, language: str) -> None:
        """The words for a briefing shown in ``language`` (a BCP 47 tag; ``ru-RU``
        reads the Russian catalogue), English when there is no catalogue for it."""
        base = language.split("-")[0].lower()
        self.language = base if base in CATALOGUES else "en"
        self._catalogue = CATALOGUES[self.language]

    def __call__(self, message: str, **values: object) -> str:
        """``message`` in this language, with ``{name}`` fields filled from ``values``."""
        text = self._catalogue[message]
        return text.format(**values) if values else text

    def known(self, text: str) -> str:
        """``text`` translated if it is a message of the catalogue, else as it is
        (for words that come from Textual itself, such as its key descriptions)."""
        return self._catalogue.get(text, text)

    def field_label(self, name: str) -> str:
        """The label of the field ``name``; a field declared without one is shown
        by its key (``email`` as ``Email``)."""
        label = FIELD_LABELS.get(name)
        return self(label) if label is not None else name.replace("_", " ").capitalize()

    def languages_line(self, shown: str, languages: Sequence[str]) -> str:
        """Which language is shown, and which others of ``languages`` the briefing has
        (tags from the file, made safe to show)."""
        from .safe_text import visible

        name = visible(self.language_name(shown))
        others = [visible(self.language_name(language)) for language in languages
                  if language != shown]
        if not others:
            return self("Shown {language}", language=name)
        return self("Shown {language}; also {others}", language=name,
                    others=", ".join(others))

    def language_name(self, tag: str) -> str:
        """``in Russian`` for ``ru``; ``in xx`` for a language without a name here."""
        name = LANGUAGE_NAMES.get(tag.split("-")[0].lower())
        return self(name) if name is not None else self("in {tag}", tag=tag)


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's locale (``LC_ALL``, ``LC_MESSAGES`` or ``LANG``, the
    first set: ``ru_RU.UTF-8`` gives ``ru``) when the interface has a catalogue for it,
    else ``en``."""
    import os

    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            language = value.split("_")[0].split(".")[0].split("@")[0].lower()
            return language if language in CATALOGUES else "en"
    return "en"


def interface(language: str) -> Interface:
    """The interface's words for a briefing shown in ``language``."""
    return _INTERFACES.get(language) or _INTERFACES.setdefault(language, Interface(language))


_INTERFACES: dict[str, Interface] = {}
