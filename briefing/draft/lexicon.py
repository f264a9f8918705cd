"""The words a draft is found by, in Russian and English: sectors, places and
bodies, roles, reported speech and agreement.

Russian words are given as stems matched at the start of a word (``энерг`` finds
``энергетика``, ``энергией``), so that every case of a word is found without a
morphological dictionary; a term starting with ``=`` is matched as a whole word.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see ..records)
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from ..records import NamedTuple


class Sector(NamedTuple):
    """A sector of the lexicon: its tag, its names and the words that point to it."""

    tag: str
    ru: str
    en: str
    terms: tuple[str, ...]
    """Stems (or ``=`` whole words) in either language; several words are a phrase."""


SECTORS = (
    Sector("transport", "Транспорт и логистика", "Transport and logistics", (
        "транспорт", "логисти", "транзит", "коридор", "маршрут", "железнодорож",
        "железн дорог", "автодорог", "=порт", "=порта", "=портов", "перевоз", "грузопоток",
        "авиа", "transport", "logistic", "transit", "corridor", "=route", "=routes",
        "railway", "=rail", "=port", "=ports", "freight", "shipping", "cargo", "aviation",
    )),
    Sector("energy", "Энергетика", "Energy", (
        "энерг", "электроэнерг", "электростанц", "нефт", "=газ", "=газа", "газопровод",
        "возобновляем", "водород", "атомн", "energy", "electricity", "=oil", "=gas",
        "pipeline", "renewable", "hydrogen", "nuclear", "=solar", "=wind", "power plant",
    )),
    Sector("digital-transformation", "Цифровая трансформация", "Digital transformation", (
        "цифров", "интернет", "искусственн интеллект", "=ит", "телеком", "кибер",
        "digital", "internet", "artificial intelligence", "=ai", "broadband", "telecom",
        "=cyber", "data centre", "data center",
    )),
    Sector("trade", "Торговля", "Trade", (
        "торгов", "товарооборот", "экспорт", "импорт", "тариф", "=trade", "=trading",
        "export", "import", "tariff",
    )),
    Sector("investment", "Инвестиции", "Investment", (
        "инвестиц", "инвестор", "финансирован", "=кредит", "кредитн", "invest",
        "financing", "=loan", "=loans", "funding",
    )),
    Sector("water", "Водные ресурсы", "Water", (
        "водн ресурс", "водоснабжен", "ирригац", "орошен", "=вода", "=воды", "water",
        "irrigation",
    )),
    Sector("climate", "Климат и экология", "Climate and environment", (
        "климат", "эколог", "выброс", "декарбонизац", "climate", "emission",
        "environment", "decarboni",
    )),
    Sector("raw-materials", "Сырьё и критические минералы", "Raw materials", (
        "сырь", "редкоземельн", "критическ минерал", "полезн ископаем", "горнодобыв",
        "raw material", "critical mineral", "rare earth", "=mining", "minerals",
    )),
    Sector("security", "Безопасность", "Security", (
        "безопасност", "оборон", "терроризм", "экстремизм", "security", "defence",
        "defense", "terroris",
    )),
    Sector("education", "Образование", "Education", (
        "образован", "университет", "студент", "=школ", "научн", "education",
        "universit", "student", "scholarship", "research",
    )),
    Sector("health", "Здравоохранение", "Health", (
        "здравоохранен", "медицин", "здоровь", "вакцин", "=health", "healthcare",
        "medic", "hospital", "vaccin",
    )),
    Sector("agriculture", "Сельское хозяйство", "Agriculture", (
        "сельск хозяйств", "сельскохозяйствен", "агро", "=зерн", "зерна", "продовольств",
        "agricultur", "farm", "grain", "food security",
    )),
    Sector("tourism", "Туризм", "Tourism", ("туризм", "турист", "touris")),
)


class Place(NamedTuple):
    """A country, organisation or group a draft names as a participant."""

    tag: str
    ru: str
    en: str
    kind: str
    """``delegation`` (a country), ``organization`` or ``group`` (a region's states)."""
    terms: tuple[str, ...]


PLACES = (
    Place("kazakhstan", "Казахстан", "Kazakhstan", "delegation",
          ("казахстан", "=астана", "=астаны", "=астане", "=астаной", "kazakhstan", "=astana",
           "=kazakh")),
    Place("uzbekistan", "Узбекистан", "Uzbekistan", "delegation",
          ("узбекистан", "ташкент", "uzbekistan", "=tashkent")),
    Place("kyrgyzstan", "Кыргызстан", "Kyrgyzstan", "delegation",
          ("кыргызстан", "киргизи", "бишкек", "kyrgyz", "=bishkek")),
    Place("tajikistan", "Таджикистан", "Tajikistan", "delegation",
          ("таджикистан", "=душанбе", "tajikistan", "=dushanbe")),
    Place("turkmenistan", "Туркменистан", "Turkmenistan", "delegation",
          ("туркменистан", "ашхабад", "turkmenistan", "=ashgabat")),
    Place("azerbaijan", "Азербайджан", "Azerbaijan", "delegation",
          ("азербайджан", "=баку", "azerbaijan", "=baku")),
    Place("georgia", "Грузия", "Georgia", "delegation",
          ("=грузия", "=грузии", "=грузией", "=тбилиси", "=georgia", "=tbilisi")),
    Place("armenia", "Армения", "Armenia", "delegation",
          ("=армения", "=армении", "=арменией", "ереван", "armenia", "=yerevan")),
    Place("turkiye", "Турция", "Türkiye", "delegation",
          ("=турция", "=турции", "=турцией", "=турцию", "=анкара", "=анкары", "türkiye",
           "turkiye", "=turkey", "=ankara")),
    Place("russia", "Россия", "Russia", "delegation",
          ("=россия", "=россии", "=россией", "=россию", "=москва", "=russia", "=moscow")),
    Place("china", "Китай", "China", "delegation",
          ("=китай", "=китая", "=китаем", "=китаю", "=кнр", "=пекин", "=china", "=beijing")),
    Place("germany", "Германия", "Germany", "delegation",
          ("германи", "берлин", "=germany", "=berlin")),
    Place("france", "Франция", "France", "delegation",
          ("=франция", "=франции", "=францией", "=париж", "=france", "=paris")),
    Place("italy", "Италия", "Italy", "delegation",
          ("=италия", "=италии", "=италией", "=рим", "=italy", "=rome")),
    Place("japan", "Япония", "Japan", "delegation",
          ("=япония", "=японии", "=японией", "=токио", "=japan", "=tokyo")),
    Place("south-korea", "Южная Корея", "South Korea", "delegation",
          ("южн корея", "южн кореи", "=сеул", "south korea", "=seoul")),
    Place("india", "Индия", "India", "delegation",
          ("=индия", "=индии", "=индией", "=india", "=delhi")),
    Place("united-kingdom", "Великобритания", "United Kingdom", "delegation",
          ("великобритани", "лондон", "united kingdom", "=britain", "=london")),
    Place("united-states", "США", "United States", "delegation",
          ("=сша", "вашингтон", "united states", "=washington")),
    Place("european-union", "Европейский союз", "European Union", "organization",
          ("европейск союз", "=ес", "=евросоюз", "=евросоюза", "european union", "=eu")),
    Place("european-commission", "Европейская комиссия", "European Commission",
          "organization", ("европейск комисси", "еврокомисси", "european commission")),
    Place("central-asia", "Центральная Азия", "Central Asia", "group",
          ("центральн ази", "central asia")),
    Place("south-caucasus", "Южный Кавказ", "South Caucasus", "group",
          ("южн кавказ", "south caucasus")),
    Place("eastern-partnership", "Восточное партнерство", "Eastern Partnership", "group",
          ("восточн партнерств", "восточн партнёрств", "eastern partnership")),
    Place("un", "ООН", "United Nations", "organization",
          ("=оон", "united nations", "=un")),
    Place("sco", "ШОС", "Shanghai Cooperation Organisation", "organization",
          ("=шос", "shanghai cooperation")),
    Place("eaeu", "ЕАЭС", "Eurasian Economic Union", "organization",
          ("=еаэс", "евразийск экономическ союз", "eurasian economic union")),
    Place("asian-development-bank", "Азиатский банк развития", "Asian Development Bank",
          "organization", ("азиатск банк развит", "asian development bank", "=adb", "=абр")),
    Place("world-bank", "Всемирный банк", "World Bank", "organization",
          ("всемирн банк", "world bank")),
    Place("ebrd", "ЕБРР", "EBRD", "organization",
          ("=еббр", "=ебрр", "=ebrd", "european bank for reconstruction")),
)

ROLE_WORDS = (
    # Russian: the word that starts a title (its stem).
    "заместител", "замминистр", "вице", "министр", "президент", "премьер", "глав",
    "председател", "посол", "послом", "директор", "генеральн", "секретар", "спикер",
    "мэр", "губернатор", "аким", "руководител", "советник", "представител", "комиссар",
    "канцлер", "управляющ", "первый", "первого", "статс", "депутат", "сенатор",
    "постоянн", "чрезвычайн", "верховн", "еврокомиссар", "пресс",
)
"""Russian stems that start a person's title."""

EN_ROLE_WORDS = frozenset({
    "president", "minister", "secretary", "ambassador", "commissioner", "chancellor",
    "governor", "mayor", "ceo", "chair", "chairman", "chairwoman", "chairperson",
    "director", "head", "deputy", "vice", "prime", "envoy", "representative", "spokesman",
    "spokeswoman", "spokesperson", "king", "queen", "premier", "senator", "adviser",
    "advisor", "foreign", "first", "high", "special", "managing",
    "general", "executive", "chief", "undersecretary", "under-secretary",
})
"""English words that make up a person's title."""

EN_ROLE_HEADS = frozenset({
    "president", "minister", "secretary", "ambassador", "commissioner", "chancellor",
    "governor", "mayor", "ceo", "chair", "chairman", "chairwoman", "chairperson",
    "director", "head", "envoy", "representative", "spokesman", "spokeswoman",
    "spokesperson", "king", "queen", "premier", "senator", "adviser", "advisor",
    "undersecretary", "under-secretary",
})
"""English words a title ends with (``Deputy Foreign Minister``)."""

SPEECH = (
    # Russian reported speech: stems of the past tense and "по словам".
    "подчеркнул", "отметил", "заявил", "сказал", "указал", "добавил", "констатировал",
    "выразил", "призвал", "предложил", "напомнил", "подтвердил", "сообщил", "пояснил",
    "убежден", "уверен", "считает", "полагает", "высказал", "обратил внимание",
    "по словам", "пообещал", "акцентировал", "резюмировал",
    # English.
    "=said", "=says", "=stressed", "=noted", "=announced", "=added", "=told",
    "=emphasised", "=emphasized", "=underlined", "=pointed", "=urged", "=warned",
    "=confirmed", "=stated", "=expressed", "=called", "=argued", "=insisted",
    "=according", "=promised", "=pledged", "=welcomed", "=explained", "=reaffirmed",
)
"""Words that report what someone said."""

AGREEMENT = (
    "договорил", "согласовал", "условились", "приняли решение", "принял решение",
    "решили", "подписал", "утвердил", "одобрил", "приняли совместн", "приняли декларац",
    "достигли договоренност", "достигнута договоренност",
    "=agreed", "=decided", "=signed", "=adopted", "=approved", "=endorsed",
    "reached an agreement", "=concluded",
)
"""Words that say something was agreed or decided."""

INITIATIVE_NOUNS = (
    "маршрут", "коридор", "программ", "проект", "инициатив", "стратеги", "соглашени",
    "партнерств", "партнёрств", "=путь", "=план", "форум", "платформ", "фонд", "хаб",
    "corridor", "route", "programme", "program", "project", "initiative", "strategy",
    "agreement", "partnership", "gateway", "plan", "forum", "platform", "fund", "hub",
    "road", "railway", "pipeline", "deal", "compact", "charter",
)
"""The nouns named initiatives end with (``Средний коридор``, ``Global Gateway``)."""

MEASURES = (
    "инвестиц", "товарооборот", "объем", "объём", "стоимост", "бюджет", "кредит", "грант",
    "финансирован", "экспорт", "импорт", "рост", "доля", "долю", "выручк", "прибыл",
    "портфел", "сумм", "средств", "вложени", "помощ", "перевозк", "грузооборот",
    "investment", "trade", "turnover", "volume", "cost", "budget", "loan", "grant",
    "financing", "funding", "export", "import", "growth", "share", "revenue", "profit",
    "portfolio", "aid", "assistance", "package", "capacity", "deal", "contract",
)
"""Nouns that say what an amount measures (``инвестиции ... в размере 35 млрд``)."""

MONTHS = (
    "январ", "феврал", "=март", "=марта", "апрел", "=мая", "=май", "=июнь", "=июня",
    "=июль", "=июля", "август", "сентябр", "октябр", "ноябр", "декабр", "=january",
    "=february", "=march", "=april", "=may", "=june", "=july", "=august", "=september",
    "=october", "=november", "=december",
)
"""Month names (stems), for the numbers of dates that are not figures."""

PATRONYMIC_ENDINGS = ("вич", "вна", "ична", "вича", "вичем", "вичу", "вны", "вной", "вну")

SURNAME_ENDINGS = (
    "ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ина", "ына", "ский", "ская", "цкий",
    "цкая", "енко", "ук", "юк", "ян", "янц", "дзе", "швили", "ли", "ич", "бек", "баев",
    "улы", "кызы", "уулу",
)
"""Nominative endings of Russian and Central Asian surnames."""

CASE_ENDINGS = ("ыми", "ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ым", "им",
                "ом", "ем", "ою", "ую", "ах", "ях", "ов", "а", "я", "у", "ю", "е", "ы", "и")
"""Russian case endings, longest first, taken off a name to compare its forms."""

STOP_NAMES = frozenset({
    "по", "в", "на", "и", "с", "как", "это", "эти", "этот", "он", "она", "они", "при",
    "the", "a", "an", "in", "on", "at", "for", "and", "but", "this", "that", "these",
    "he", "she", "they", "it", "we", "after", "before", "during", "as", "with", "by",
    "ранее", "также", "кроме", "между", "для", "о", "об", "от", "до", "из", "за",
})
"""Words that may start a sentence with a capital but never a name."""
