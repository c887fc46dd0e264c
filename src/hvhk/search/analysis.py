"""Dutch text analysis, applied identically when indexing and when querying.

1. fold: lower case, accents removed ("Crèche" → "creche")
2. split into words, drop stop words and single letters
3. split compounds against the vocabulary ("opvoedingsondersteuning" → "opvoeding" + "ondersteuning"); the
   compound itself is kept too
4. stem with the Snowball Dutch (Porter) stemmer ("borstvoeding" → "borstvoed")

The vocabulary is the set of words that occur in indexed documents plus a small lexicon of family-support words,
so splitting works from the first document on.
"""

from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

from hvhk.search.text import STOPWORDS, fold, words

# The classic Snowball Dutch stemmer: the newer "dutch" one strips ge- inside words ("geboorte" → "boor").
_STEMMER = snowballstemmer.stemmer("dutch_porter")
MIN_PART = 3  # shortest compound part ("bad", "kind", "zorg")
MIN_COMPOUND = 7
LINKS = ("s", "en", "e", "n")  # linking sounds between compound parts (opvoeding-s-ondersteuning)

_LEXICON_TEXT = """
    kind kinderen baby peuter kleuter tiener jongere jongeren ouder ouders moeder vader gezin gezinnen zwanger
    zwangerschap geboorte borst voeding borstvoeding fles opvoeding ondersteuning opvang kinderopvang school huis
    werk huiswerk begeleiding hulp steun advies groep praat spel speel ontmoeting consultatie bureau zorg thuis
    geld budget schuld armoede taal les cursus café cafe punt winkel lijn telefoon avond weekend vakantie sport
    cultuur muziek lezen boek bibliotheek massage yoga bad slaap eten gedrag grens ruzie scheiding pest pesten
    rouw verdriet stress angst gezondheid arts vroedvrouw verpleging psycholoog pleeg jeugd welzijn wonen woning
    energie premie toelage toeslag schoolreis studie keuze leren leer problemen probleem vragen vraag dienst
    centrum plein tuin buurt wijk uur dag week maand jaar tweedehands beurs kleding speelgoed kinder reis kosten
    tarief kansen voorbereiding tijd vrije gebaren zitdag onthaal inloop team klas activiteiten activiteit kleding
    kleren spullen moment chat coaching cursus kamp kampen factuur loket lijn sit pas uitstap uitstappen
"""
LEXICON = frozenset(_LEXICON_TEXT.split())


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:  # ruzies → ruzie: a plural the Porter stemmer leaves alone
        word = word[:-1]
    return _STEMMER.stemWord(word)


def _known(part: str, vocabulary: frozenset[str] | set[str]) -> bool:
    return len(part) >= MIN_PART and (part in vocabulary or part in LEXICON)


def split_compound(word: str, vocabulary: frozenset[str] | set[str], depth: int = 0) -> list[str]:
    """The parts of a compound word, longest known left part first, or [] when it does not split.

    Both parts known is best ("opvoeding" + "ondersteuning"); otherwise a long known head with any tail of
    three letters or more still yields the head ("huiswerk" + "klas").
    """
    if len(word) < MIN_COMPOUND or depth > 2:
        return []
    fallback: list[str] = []
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        left, right = word[:cut], word[cut:]
        lefts = [left] + [
            left[: -len(link)] for link in LINKS if left.endswith(link) and len(left) > len(link)
        ]
        for candidate in lefts:
            if not _known(candidate, vocabulary):
                continue
            if _known(right, vocabulary):
                return [candidate, right]
            rest = split_compound(right, vocabulary, depth + 1)
            if rest:
                return [candidate, *rest]
            if not fallback and len(candidate) >= 5:
                fallback = [candidate, right]
    return fallback


def content_words(text: str) -> list[str]:
    """Folded words that carry meaning, in order (stop words and one-letter words dropped)."""
    return [w for w in words(text) if len(w) > 1 and w not in STOPWORDS]


# Compound parts are indexed with this mark ("qz" starts no Dutch word), so a part counts for less than a whole
# word: "school" finds "Gepest op school" before "schooltoeslag".
PART_MARK = "qz"


def part_token(token: str) -> str:
    return PART_MARK + token


def analyse_word(word: str, vocabulary: frozenset[str] | set[str]) -> list[str]:
    """Index tokens for one folded word: its stem, plus the marked stems of its compound parts."""
    tokens = [stem(word)]
    for part in split_compound(word, vocabulary):
        token = part_token(stem(part))
        if token not in tokens:
            tokens.append(token)
    return tokens


def analyse(text: str, vocabulary: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Index tokens of a text: the same function runs on documents and on queries."""
    tokens: list[str] = []
    for word in content_words(text):
        tokens.extend(analyse_word(word, vocabulary))
    return tokens


def analyse_all(texts: Iterable[str], vocabulary: frozenset[str] | set[str] = frozenset()) -> str:
    return " ".join(token for text in texts for token in analyse(text, vocabulary))


__all__ = [
    "PART_MARK",
    "analyse",
    "analyse_all",
    "analyse_word",
    "content_words",
    "fold",
    "part_token",
    "split_compound",
    "stem",
]
