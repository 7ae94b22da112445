"""The words targets are written with, in Vietnamese and English.

Each phrase is a tuple of token keys (lower-cased words and marks), so that
"từ ... trở lên", "/năm" and "or more" are matched token by token.
"""

from __future__ import annotations

__all__ = [
    "DUE",
    "ENGLISH_UNIT_WORDS",
    "MEASURES",
    "MEASURES_AFTER",
    "PER_YEAR",
    "PLAN",
    "PREFIXES",
    "RANGE_JOINERS",
    "RATINGS",
    "SUFFIXES",
    "UNITS",
    "phrase",
]


def phrase(text: str) -> tuple[str, ...]:
    """The token keys of a phrase: "/năm" -> ("/", "năm")."""
    from ._tokenizer import tokenize

    return tuple(token.key for token in tokenize(text))


def _table(entries: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    table = {phrase(text): meaning for meaning, texts in entries.items() for text in texts}
    return dict(sorted(table.items(), key=lambda item: -len(item[0])))  # longest first


# What stands before a figure: the kind of rule it makes.
PREFIXES = {
    "vi": _table({
        "above": ["trên", "hơn", "cao hơn", "lớn hơn", "vượt"],
        "at_least": ["ít nhất", "tối thiểu", "không dưới", "không thấp hơn", "không ít hơn"],
        "below": ["dưới", "thấp hơn", "ít hơn", "nhỏ hơn"],
        "at_most": ["không quá", "tối đa", "không vượt quá", "không cao hơn", "không hơn"],
        "exactly": ["đúng", "bằng"],
        "approximately": ["khoảng", "xấp xỉ", "gần"],
        "attain": ["đạt"],
        "from": ["từ"],
    }),
    "en": _table({
        "above": ["more than", "above", "over", "greater than", "higher than"],
        "at_least": ["at least", "no less than", "not less than", "minimum", "a minimum of",
                     "no fewer than", "not fewer than"],
        "below": ["less than", "below", "under", "fewer than", "lower than"],
        "at_most": ["at most", "no more than", "not more than", "maximum", "a maximum of",
                    "up to", "not above", "not exceeding"],
        "exactly": ["exactly"],
        "approximately": ["about", "around", "approximately", "roughly"],
        "attain": ["reach", "achieve"],
        "between": ["between"],
        "from": ["from"],
    }),
}  # fmt: skip

# What stands after a figure.
SUFFIXES = {
    "vi": _table({"at_least": ["trở lên"], "at_most": ["trở xuống"]}),
    "en": _table({
        "at_least": ["or more", "or above", "or higher", "and above", "and over", "or over",
                     "or better"],
        "at_most": ["or less", "or below", "or lower", "or fewer", "and below", "and under",
                    "or worse"],
    }),
}  # fmt: skip

# What joins the two ends of a range (besides a dash).
RANGE_JOINERS = {"vi": _table({"to": ["đến", "tới"]}), "en": _table({"to": ["to", "and"]})}

PER_YEAR = {
    "vi": _table({"year": ["hằng năm", "hàng năm", "mỗi năm", "/ năm", "/năm", "một năm",
                           "bình quân năm"]}),
    "en": _table({"year": ["each year", "every year", "a year", "per year", "/ year", "/year",
                           "annually", "per annum", "yearly"]}),
}  # fmt: skip

# Term wording; "by YEAR" / "đến năm YEAR" is read by the parser with its year.
DUE = {
    "vi": _table({
        "term": ["trong nhiệm kỳ", "đến cuối nhiệm kỳ", "cuối nhiệm kỳ", "trong cả nhiệm kỳ",
                 "nhiệm kỳ"],
        "year": ["đến năm", "vào năm", "năm"],
        "date": ["đến ngày", "vào ngày", "ngày"],
    }),
    "en": _table({
        "term": ["during the term", "by the end of the term", "over the term", "in the term",
                 "within the term"],
        "year": ["by", "by the end of", "in"],
        "date": ["by", "on"],
    }),
}  # fmt: skip

# Words that say what the figure measures when they stand before it.
MEASURES = {
    "vi": _table({
        "growth": ["tăng", "tăng bình quân", "tăng trưởng", "tăng trưởng bình quân",
                   "tốc độ tăng", "tốc độ tăng trưởng"],
        "decrease": ["giảm", "giảm bình quân", "mức giảm"],
        "level": ["giảm xuống", "xuống", "còn", "giảm còn", "giảm xuống còn"],
    }),
    "en": _table({
        "growth": ["up", "increase", "increase by", "grow", "grow by", "growth", "growth of",
                   "rise", "rise by"],
        "decrease": ["down", "decrease", "decrease by", "cut", "cut by", "reduce", "reduce by",
                     "fall", "fall by"],
        "level": ["cut to", "reduce to", "reduced to", "fall to", "down to", "lower to"],
    }),
}  # fmt: skip

# Words after the figure that say it is a growth rate: "7% growth a year".
MEASURES_AFTER = {
    "vi": _table({"growth": ["tăng trưởng"]}),
    "en": _table({"growth": ["growth", "growth rate", "increase", "rise"]}),
}

PLAN = {
    "vi": _table({"plan": ["kế hoạch", "kh", "so với kế hoạch", "so với kh"]}),
    "en": _table({"plan": ["of plan", "of the plan", "of target"]}),
}

# Rating levels of PARTY_QUALITY as written in targets; "trở lên"/"or better" after them.
RATINGS = {
    "vi": _table({
        "HTXSNV": ["hoàn thành xuất sắc nhiệm vụ", "htxsnv"],
        "HTTNV": ["hoàn thành tốt nhiệm vụ", "httnv"],
        "HTNV": ["hoàn thành nhiệm vụ", "htnv"],
        "KHTNV": ["không hoàn thành nhiệm vụ", "khtnv"],
    }),
    "en": _table({
        "HTXSNV": ["rated excellent", "htxsnv"],
        "HTTNV": ["rated good", "httnv"],
        "HTNV": ["rated completed", "htnv"],
        "KHTNV": ["rated not completed", "khtnv"],
    }),
}  # fmt: skip

# Units written after a figure, and the unit resolmetrics knows them by.
UNITS = _table({
    "percent": ["%", "phần trăm", "percent", "per cent"],
    "permille": ["‰"],
    "percentage points": ["điểm phần trăm", "điểm %", "percentage points", "percentage point",
                          "points", "point", "điểm"],
    "tỷ đồng": ["tỷ đồng", "tỉ đồng", "billion đồng", "billion vnd", "tỷ"],
    "triệu đồng": ["triệu đồng", "million đồng", "million vnd", "triệu"],
    "nghìn đồng": ["nghìn đồng", "ngàn đồng", "thousand đồng"],
    "đồng": ["đồng", "vnd", "vnđ"],
    "USD": ["usd", "đô la mỹ", "us dollars", "dollars"],
    "member": ["đảng viên", "members", "member", "party members"],
    "organisation": ["tổ chức", "organisations", "organizations", "organisation"],
    "enterprise": ["doanh nghiệp", "dn", "enterprises", "enterprise", "firms"],
    "household": ["hộ gia đình", "hộ", "households", "household"],
    "visit": ["lượt người", "visits"],
    "person": ["người", "persons", "people"],
    "hectare": ["ha", "hectares", "hectare", "héc ta"],
    "km": ["km", "kilometres", "kilometers"],
    "kWh": ["kwh"],
})  # fmt: skip

# English words that tell the language of a text when no comparison word does.
ENGLISH_UNIT_WORDS = frozenset(
    word
    for phrase in UNITS
    for word in phrase
    if word.isalpha() and word.isascii() and word not in ("dn", "ha", "km", "kwh", "usd", "vnd")
) | {"billion", "million", "thousand", "of", "units", "the", "a", "year", "rated"}
