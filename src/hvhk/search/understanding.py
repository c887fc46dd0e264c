"""What a family's question says besides its need: the child's age and the place, in any of the five languages.

"mijn dochter van 4 bijt", "mon fils de 4 ans", "my 6 month old", "4 yaşındaki oğlum", "ابني عمره ٤ سنوات",
"we verwachten een kindje", "kleuter", "in Kessel-Lo": the age becomes the age filter and the place the area
filter (the results page shows each as a chip that says it was read from the question, and removing the chip
keeps it off). A stage word alone ("tiener") is a keyword, not a filter. A number with its unit ("4 jaar", "6 maanden") is taken out of the words searched; a word that
names a stage of life ("zwanger", "kleuter", "tiener") sets the filter and stays searched, because services name
themselves by it too ("Zwangerschapsconsultatie", "Tienerwerking").

Ages are months, both ends inclusive, negative during pregnancy (search.query's AGE_RULE)."""

import re
from dataclasses import dataclass

from hvhk.search.concepts import ALL_STOP
from hvhk.search.text import fold, words

MAX_YEARS = 25
MAX_MONTHS = 36

# Number words up to twelve (a parent writes "drie maanden", "trois ans", "two years old").
_NUMBER_WORDS = {
    "nl": "een twee drie vier vijf zes zeven acht negen tien elf twaalf",
    "fr": "un deux trois quatre cinq six sept huit neuf dix onze douze",
    "en": "one two three four five six seven eight nine ten eleven twelve",
    "tr": "bir iki uc dort bes alti yedi sekiz dokuz on onbir oniki",
}
NUMBERS = {
    fold(word): value
    for spelled in _NUMBER_WORDS.values()
    for value, word in enumerate(spelled.split(), start=1)
}
NUMBERS.update({"une": 1, "anderhalf": 1, "half": 0})
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUMBER = r"(\d{1,2}|" + "|".join(sorted(map(re.escape, NUMBERS), key=len, reverse=True)) + r")"

# A unit after a number: years or months (folded; the Arabic as written, after its own folding).
_YEARS = r"(?:jaar|jarige|jaartje|jr|ans?|annees?|years?|yrs?|year olds?|years olds?|yas|yasinda|yasindaki|yasinda ki|سنوات|سنة|سنه|سنين|اعوام|عام)"
_MONTHS = r"(?:maanden|maand|maandjes|mois|months?|month olds?|aylik|ay|aylık|اشهر|شهور|شهر|شهرا)"
_AGE = re.compile(
    rf"(?<!\w)(?:van |de |aged |age |عمره |عمرها |عمر )?{_NUMBER}[ -]?(?:(?P<years>{_YEARS})|(?P<months>{_MONTHS}))"
    r"(?:[ -]?old)?(?!\w)"
)
# "van 4" / "de 4" alone (no unit) after a word for a child: "mijn dochter van 4", "ma fille de 4".
_CHILD = (
    r"(?:dochter|zoon|kind|kindje|meisje|jongen|baby|kleine|fille|fils|enfant|bebe|daughter|son|child|kid|boy|"
    r"girl|kizim|oglum|cocugum|bebegim)"
)
# Without a unit, "een"/"un"/"one" is an article ("het kind van een vriendin"): only 2 and up, or digits.
_NUMBER_2 = (
    r"(\d{1,2}|"
    + "|".join(sorted((re.escape(w) for w, n in NUMBERS.items() if n > 1), key=len, reverse=True))
    + r")"
)
_CHILD_AGE = re.compile(
    rf"(?<!\w){_CHILD}(?:ske|tje)? (?:van|de|of) {_NUMBER_2}(?!\w)(?! (?:euro|eur|uur|h)\b)"
)
_TURKISH_AGE = re.compile(rf"(?<!\w){_NUMBER} ?(?:yasinda|yasindaki|yas|yasli)\w*")

# Words that name a stage of life, with the age filter they set. Not "baby": a question about a baby is often the
# parent's ("verdriet na het verlies van een baby"), and services for babies often take older children too.
STAGES = {
    **dict.fromkeys(
        ["zwanger", "zwangerschap", "verwachten", "enceinte", "grossesse", "pregnant", "pregnancy", "expecting",
         "hamile", "hamileyim", "حامل", "الحمل", "حمل"],
        "zwanger",
    ),
    **dict.fromkeys(["peuter", "peuters", "toddler", "toddlers"], "1-3"),
    **dict.fromkeys(["kleuter", "kleuters", "preschooler", "maternelle"], "3-6"),
    **dict.fromkeys(
        ["tiener", "tieners", "puber", "pubers", "teenager", "teenagers", "teen", "teens", "adolescent",
         "adolescents", "ado", "ados", "ergen", "مراهق", "المراهق", "مراهقة"],
        "12-18",
    ),
}  # fmt: skip
# "We verwachten een kindje" says pregnancy only with a child after it.
_NEEDS_CHILD = {"verwachten", "expecting"}


@dataclass(frozen=True)
class Understood:
    age: str = ""  # the age filter's value (see age_months); "" when none
    age_months: tuple[int, int] | None = None
    area: str = ""  # an area's slug
    terms: str = ""  # the question without the numbers of an age and without the place


PREGNANCY = (-9, -1)
_RANGE = re.compile(r"^(\d{1,2})-(\d{1,2})$")


def age_months(value: str) -> tuple[int, int] | None:
    """The months (both inclusive) of an age filter's value: "zwanger", whole years ("4"), months ("6m") or years
    from-to ("3-6": from the third birthday up to the sixth); None when the value means nothing."""
    if value == "zwanger":
        return PREGNANCY
    if value.endswith("m") and value[:-1].isdigit() and int(value[:-1]) <= MAX_MONTHS:
        return int(value[:-1]), int(value[:-1])
    if value.isdigit() and int(value) <= MAX_YEARS:
        return int(value) * 12, int(value) * 12 + 11
    found = _RANGE.match(value)
    if found and int(found.group(1)) < int(found.group(2)) <= MAX_YEARS:
        return int(found.group(1)) * 12, int(found.group(2)) * 12 - 1
    return None


def _number(value: str) -> int | None:
    value = value.translate(_ARABIC_DIGITS)
    if value.isdigit():
        return int(value)
    return NUMBERS.get(value)


def _age(folded: str) -> tuple[str, list[tuple[int, int]]]:
    """(age filter value, spans of the text to leave out of the words searched)."""
    for pattern in (_AGE, _TURKISH_AGE):
        match = pattern.search(folded)
        if match:
            n = _number(match.group(1))
            if n is None:
                continue
            months = pattern is _AGE and match.group("months")
            if months and 0 <= n <= MAX_MONTHS:
                return f"{n}m", [match.span()]
            if not months and 0 < n <= MAX_YEARS:
                return str(n), [match.span()]
    match = _CHILD_AGE.search(folded)
    if match:
        n = _number(match.group(1))
        if n is not None and 0 < n <= MAX_YEARS:
            start = match.start(1) - len("van ")
            return str(n), [(max(start, match.start()), match.end())]
    found = words(folded)
    # A stage word alone ("tiener", "ik ben zwanger") is what is searched for, not an age that narrows a need.
    if not any(w not in STAGES and w not in ALL_STOP and len(w) > 1 for w in found):
        return "", []
    for index, word in enumerate(found):
        stage = STAGES.get(word)
        if stage is None:
            continue
        if word in _NEEDS_CHILD and not any(w.startswith(("kind", "baby", "child")) for w in found[index:]):
            continue
        return stage, []
    return "", []


def _place(folded: str, areas: dict[str, str]) -> tuple[str, list[tuple[int, int]]]:
    """The area a question names (its whole name, as words), longest name first."""
    for slug, name in sorted(areas.items(), key=lambda item: -len(item[1])):
        pattern = (
            r"(?<!\w)(?:in |te |a |à |en |near |nahe )?"
            + r"[ -]".join(map(re.escape, words(name)))
            + r"(?!\w)"
        )
        match = re.search(pattern, folded)
        if match and words(name):
            return slug, [match.span()]
    return "", []


def understand(text: str, *, areas: dict[str, str] | None = None) -> Understood:
    """The age and the place a question names, and the words left to search."""
    folded = " ".join(fold(text).translate(_ARABIC_DIGITS).split())
    age, spans = _age(folded)
    months = age_months(age) if age else None
    area, place_spans = _place(folded, areas or {})
    cut = sorted(spans + place_spans)
    if not cut:
        return Understood(age, months, area, text)
    kept, position = [], 0
    for start, end in cut:
        kept.append(folded[position:start])
        position = max(position, end)
    kept.append(folded[position:])
    return Understood(age, months, area, " ".join(" ".join(kept).split()))
