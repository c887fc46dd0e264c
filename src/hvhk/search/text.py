"""Text normalisation shared by indexing and querying: lower case, accents folded, words split."""

import re
import unicodedata

WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOPWORDS_TEXT = """
de het een en of in op aan van voor met bij naar om te tot als is zijn ik je jij u mijn mij me we wij ze zij hij
die dat dit er wat hoe waar wie welke kan kun kunnen wil wilt moet mag niet geen ook nog al dan maar want heb hebt
heeft hebben ben bent was waren wordt worden word over uit door zoeken zoek zoekt vinden vind graag nodig iemand
iets
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def _latin_table() -> dict[int, str]:
    """Accented Latin letters to their plain letters ("é" -> "e", "ß" -> "ss"); other scripts stay as they are."""
    table = {}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char.casefold()) if not unicodedata.combining(c)
        )
        if base != char:
            table[code] = base
    table[ord("ı")] = "i"  # Turkish dotless i: "yardım" meets "yardim", as parents type it without the letter
    return table


_FOLD = str.maketrans(_latin_table())
# Combining marks of the scripts our users write (Latin accents, Arabic vowel signs, …), removed after NFKD, and
# the Arabic tatweel (a stretch of the line that changes nothing).
_COMBINING = re.compile(
    "[\u0640\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def fold(text: str) -> str:
    """'Crèche' -> 'creche': lower case without accents, so both spellings meet (table lookups: fast)."""
    folded = text.casefold().translate(_FOLD)
    if folded.isascii():
        return folded
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def query_words(text: str) -> list[str]:
    """The words of a query that carry meaning (stop words and one-letter words dropped)."""
    return [w for w in words(text) if len(w) > 1 and w not in STOPWORDS]
