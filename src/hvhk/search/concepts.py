"""A multilingual vocabulary of family support, so that a family's question in Dutch, French, English, Turkish or
Arabic finds the Dutch offering.

Each concept (data/concepts/*.json, one file per life domain) names one need or offer ("borstvoeding",
"huiswerkbegeleiding") with the words parents use for it in the five languages: Belgian Dutch and French
variants, everyday and formal words, common misspellings and transliterations (`variants`). Its Dutch words are
what the offering is searched with. A word that says little about the need ("hulp", "help", "aide", "yardım",
"مساعدة") is a concept with a low `weight`: it still counts, but the words that name the need decide.

Matching is by stems, per language (the Snowball stemmer of each language, so "allaiter" meets "allaitement" and
"emzirme" meets "emziremiyorum"), over phrases of up to MAX_PHRASE words; the longest phrase wins. Variants match
as written (folded). Stop words of every language are skipped on both sides.

A concept may name `broader` concepts: where a family with that need is sent when no service names it ("mijn
dochter bijt" is a question for parenting support, "mijn man slaat mij" for the CAW too). Their Dutch words are
searched as well, at a lower quality, so a service that names the need itself still comes first.

The data is checked when it loads (`ConceptError` says what is wrong and where), and every concept has a test
(tests/search/test_concepts.py): each of its words, in each language, finds it."""

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

from hvhk.search.analysis import stem as dutch_stem
from hvhk.search.text import STOPWORDS, words

LANGUAGES = ("nl", "fr", "en", "tr", "ar")
DATA_DIR = Path(__file__).parent / "data" / "concepts"
MAX_PHRASE = 4
MAX_WORD_LENGTH = 60
ID = re.compile(r"^[a-z][a-z0-9-]{1,40}$")

# Words that carry no need, per language (Dutch: search's own list), skipped in questions and in phrases. A word
# that means something in another language stays out ("son" is "his" in French and a son in English; "pas" is
# "not" in French and a card in Dutch): a question's stop words are those of its own language.
_STOP_TEXT = {
    "fr": """
        le la les l un une des de du d et ou a au aux en dans sur pour par avec sans chez je j me m mon ma mes tu
        te t ton ta tes il elle on nous vous ils elles leur leurs sa ses ce cet cette ces qui que qu quoi
        est sont suis es etre ai as avons avez ont avoir fait faire peut peux pouvez veux voudrais cherche
        chercher trouver comment quel quelle quels quelles y ne plus tres bien aussi s se
    """,
    "en": """
        the a an and or of in on at to for from with without by about my me i we our you your he she it its they
        them their his her this that these those is are am was were be been being have has had do does did can
        could would should will shall may might must want need looking look find where how what which who there
        here please any some so very also just not no
    """,
    "tr": """
        ve veya ile bir bu şu o ben sen biz siz onlar benim senin bizim sizin için gibi da de ki mi mı mu mü ne
        nasıl nerede nereye hangi kim var yok çok daha en ama ya ise olan olarak bana beni bize lütfen istiyorum
        arıyorum lazım gerek
    """,
    "ar": """
        في من الى إلى على عن مع هذا هذه ذلك تلك هو هي انا أنا نحن انت أنت هم هن كيف اين أين ماذا ما متى هل لا
        لم لن قد كان كانت يكون او أو ثم لي لنا عند الذي التي اريد أريد ابحث أبحث عن يوجد
    """,
}


def _fold_all(text: str) -> frozenset[str]:
    return frozenset(w for line in text.split() for w in words(line))


# Words a Dutch question is full of that name no need either (only for questions: the index keeps its own list).
_QUESTION_NL = """
    ander andere anders ons onze jullie hun hem haar zich heel veel erg zo meer niets alles elke altijd soms nu
    toch even echt al beter goed weet weten doen moeten terecht kunnen vinden nodig hebben wat waarom
    wanneer graag misschien zit zitten gaat gaan doe doet deed deden gedaan krijg krijgt krijgen kreeg kregen
    gekregen maak maakt maken gemaakt laat laten zeg zegt zeggen denk denkt denken vindt ga sta staat staan geef
    geeft geven begin beginnen daar daarmee daaraan daarover hier hierover ermee erover normaal helemaal bijna
    sinds omdat na tegen zonder onder tussen tijdens naast iedereen ieder alle sommige hele
"""
STOP = {
    "nl": STOPWORDS | _fold_all(_QUESTION_NL),
    **{lang: _fold_all(text) for lang, text in _STOP_TEXT.items()},
}
ALL_STOP = frozenset().union(*STOP.values())

_SNOWBALL = {"fr": "french", "en": "english", "tr": "turkish", "ar": "arabic"}


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(_SNOWBALL[language])


@lru_cache(maxsize=50_000)
def stem_in(language: str, word: str) -> str:
    """A folded word's stem in `language` (Dutch: search's own stemmer)."""
    if language == "nl":
        return dutch_stem(word)
    if language == "ar" and word.startswith(("وال", "فال")) and len(word) > 5:
        word = word[1:]  # "and the …": the stemmer strips "ال" but not the "و" before it
    return _stemmer(language).stemWord(word)


@lru_cache(maxsize=50_000)
def arabic_root(word: str) -> str:
    """An Arabic word's root (ISRI): "يغضب" (he gets angry) and "الغضب" (anger) both become "غضب", where the
    Snowball stemmer keeps the verb's prefix. Too coarse to match by first; a fallback for a word nothing else
    matched."""
    return _isri().stem(word)


@cache
def _isri():
    from nltk.stem.isri import ISRIStemmer

    return ISRIStemmer()


class ConceptError(ValueError):
    """The concept data cannot be used (the message says which file and concept, and why)."""


@dataclass(frozen=True)
class ConceptEntry:
    id: str
    about: str
    words: dict[str, tuple[str, ...]]  # language -> its words and phrases
    variants: tuple[str, ...] = ()  # misspellings and transliterations, matched as written
    weight: float = 1.0  # below 1: a word that says little about the need ("hulp")
    examples: dict[str, str] = field(default_factory=dict)  # language -> a question that means this concept
    source: str = ""  # the file it came from
    broader: tuple[str, ...] = ()  # ids of the concepts a family with this need is sent to

    @property
    def dutch(self) -> tuple[str, ...]:
        return self.words["nl"]


def _strings(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConceptError(f"{where}: expected a list of words")
    for word in value:
        if len(word) > MAX_WORD_LENGTH:
            raise ConceptError(f"{where}: '{word[:30]}…' is longer than {MAX_WORD_LENGTH} characters")
        if not words(word):
            raise ConceptError(f"{where}: '{word}' has no letters")
    return tuple(dict.fromkeys(v.strip() for v in value))


def _entry(raw, where: str, source: str) -> ConceptEntry:
    if not isinstance(raw, dict):
        raise ConceptError(f"{where}: a concept is an object")
    concept_id = raw.get("id", "")
    if not isinstance(concept_id, str) or not ID.match(concept_id):
        raise ConceptError(f"{where}: 'id' must be lower case letters, digits and '-' (got {concept_id!r})")
    where = f"{where} ({concept_id})"
    unknown = set(raw) - {"id", "about", "weight", "variants", "examples", "broader", *LANGUAGES}
    if unknown:
        raise ConceptError(f"{where}: unknown keys {sorted(unknown)}")
    found = {}
    for language in LANGUAGES:
        if language not in raw:
            raise ConceptError(f"{where}: no words in '{language}'")
        found[language] = _strings(raw[language], f"{where}.{language}")
    weight = raw.get("weight", 1.0)
    if not isinstance(weight, int | float) or not 0 < weight <= 1:
        raise ConceptError(f"{where}: 'weight' must be a number above 0 and at most 1")
    examples = raw.get("examples", {})
    if not isinstance(examples, dict) or not set(examples) <= set(LANGUAGES):
        raise ConceptError(f"{where}: 'examples' maps a language ({', '.join(LANGUAGES)}) to a question")
    broader = raw.get("broader", [])
    if not isinstance(broader, list) or not all(isinstance(b, str) and ID.match(b) for b in broader):
        raise ConceptError(f"{where}: 'broader' is a list of concept ids")
    if concept_id in broader:
        raise ConceptError(f"{where}: a concept is not broader than itself")
    return ConceptEntry(
        id=concept_id,
        about=str(raw.get("about", "")),
        words=found,
        variants=_strings(raw.get("variants", []), f"{where}.variants") if raw.get("variants") else (),
        weight=float(weight),
        examples={k: str(v) for k, v in examples.items()},
        source=source,
        broader=tuple(dict.fromkeys(broader)),
    )


def load_concepts(directory: Path = DATA_DIR) -> list[ConceptEntry]:
    """Every concept of the *.json files in `directory`, checked; ConceptError when one is wrong."""
    entries: list[ConceptEntry] = []
    seen: dict[str, str] = {}
    for path in sorted(Path(directory).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ConceptError(f"{path.name} is not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
            raise ConceptError(f"{path.name}: expected an object with a list of 'concepts'")
        for index, raw in enumerate(data["concepts"]):
            entry = _entry(raw, f"{path.name}, concept {index + 1}", path.name)
            if entry.id in seen:
                raise ConceptError(f"{path.name}: '{entry.id}' is also in {seen[entry.id]}")
            seen[entry.id] = path.name
            entries.append(entry)
    for entry in entries:
        unknown = [b for b in entry.broader if b not in seen]
        if unknown:
            raise ConceptError(
                f"{entry.source} ({entry.id}): 'broader' names no concept: {', '.join(unknown)}"
            )
    return entries


def phrase_key(language: str, phrase: str) -> tuple[str, ...]:
    """The stems of a phrase's words in `language`, stop words left out."""
    return tuple(stem_in(language, w) for w in words(phrase) if w not in STOP[language] and len(w) > 1)


_ARABIC = re.compile("[\u0600-\u06ff]")


def question_language(text: str, *, prefer: str = "nl") -> str:
    """The language a question is most likely written in: Arabic by its script, otherwise the language with the
    most stop words in it ("aide pour payer la garderie" is French), `prefer` (the interface's) on a tie."""
    if _ARABIC.search(text):
        return "ar"
    found = words(text)
    counts = {lang: sum(w in STOP[lang] for w in found) for lang in LANGUAGES if lang != "ar"}
    best = max(counts.values(), default=0)
    if best == 0 or counts.get(prefer, -1) == best:
        return prefer if prefer in LANGUAGES else "nl"
    return next(lang for lang in LANGUAGES if counts.get(lang) == best)


# Particles of Dutch separable verbs: "wie past er op mijn kinderen" asks for "oppassen", "hoe schrijf ik haar in"
# for "inschrijven", "hoe vraag ik het groeipakket aan" for "aanvragen". The particle comes after the verb, a few
# words on; it is a stop word on its own.
PARTICLES = frozenset(
    ["aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "terug", "toe", "uit", "weg"]
)
PARTICLE_REACH = 6  # words from a particle back to its verb


def separable_forms(particle: str, verb: str) -> list[str]:
    """How the verb with its particle may be written as one word: "op" + "past" -> "oppast", "oppas",
    "oppassen"; "in" + "schrijf" -> "inschrijven"; "aan" + "vraag" -> "aanvragen"."""
    joined = particle + verb
    roots = [joined, joined[:-1]] if verb.endswith("t") and len(verb) > 3 else [joined]
    forms = list(roots)
    for root in roots:
        if root.endswith("f"):
            forms.append(root[:-1] + "ven")  # schrijf -> schrijven
        elif root.endswith("s"):
            forms.append(root[:-1] + "zen")  # lees -> lezen
        forms += [root + "en", root + root[-1] + "en"]  # pas -> passen
        if len(root) > 3 and root[-3] == root[-2] and root[-2] in "aeou":
            forms.append(root[:-2] + root[-1] + "en")  # vraag -> vragen
    return forms


def content_words_in(
    text: str, language: str, *, known: Callable[[str], bool] | None = None, limit: int | None = None
) -> list[str]:
    """A question's folded words without the stop words of its language (and of Dutch, the offering's), the
    first `limit` of them when given. In a Dutch question, with `known` (whether a word is one the search knows),
    a separated verb is joined with its particle when the joined word is known ("past ... op" -> "oppas")."""
    stop = STOP.get(language, STOPWORDS) | STOPWORDS
    found = words(text)
    content, position = [], {}  # position: index in `found` -> index in `content`
    for i, word in enumerate(found):
        if limit is not None and len(content) >= limit:
            found = found[: i + PARTICLE_REACH]  # a particle may still follow the last word kept
            break
        if len(word) > 1 and word not in stop:
            position[i] = len(content)
            content.append(word)
    if language != "nl" or known is None:
        return content
    for j, particle in enumerate(found):
        if particle not in PARTICLES:
            continue
        for i in range(j - 1, max(-1, j - 1 - PARTICLE_REACH), -1):
            if i not in position or found[i] != content[position[i]]:
                continue  # a stop word, or a verb already joined
            form = next((f for f in separable_forms(particle, found[i]) if known(f)), None)
            if form:
                content[position[i]] = form
                break
    return content


@dataclass(frozen=True)
class Match:
    """Concepts found in a question: the words they span (positions in `content`) and in which language."""

    start: int
    end: int
    concepts: tuple[ConceptEntry, ...]
    language: str  # the language whose words matched ("" for a variant)


class ConceptIndex:
    """Phrase keys per language (and variants as written) -> the concepts they name."""

    def __init__(self, entries: Iterable[ConceptEntry]) -> None:
        self.entries = {e.id: e for e in entries}
        self.by_key: dict[str, dict[tuple[str, ...], list[str]]] = {
            lang: defaultdict(list) for lang in LANGUAGES
        }
        self.variants: dict[tuple[str, ...], list[str]] = defaultdict(list)
        self.roots: dict[tuple[str, ...], list[str]] = defaultdict(
            list
        )  # Arabic phrases by their words' roots
        for entry in self.entries.values():
            for phrase in entry.words["ar"]:
                key = tuple(arabic_root(w) for w in words(phrase) if w not in STOP["ar"] and len(w) > 1)
                if key and len(key) <= MAX_PHRASE and entry.id not in self.roots[key]:
                    self.roots[key].append(entry.id)
            for language, phrases in entry.words.items():
                for phrase in phrases:
                    key = phrase_key(language, phrase)
                    if key and len(key) <= MAX_PHRASE and entry.id not in self.by_key[language][key]:
                        self.by_key[language][key].append(entry.id)
            for variant in entry.variants:
                key = tuple(w for w in words(variant) if w not in ALL_STOP)
                if key and len(key) <= MAX_PHRASE and entry.id not in self.variants[key]:
                    self.variants[key].append(entry.id)

    def find(self, content: list[str], *, prefer: str = "nl") -> list[Match]:
        """The concepts in `content` (a question's folded words, stop words already left out): at each position
        the longest phrase that names a concept in any language, `prefer` first on a tie, then a variant."""
        order = (
            [prefer, *(lang for lang in LANGUAGES if lang != prefer)] if prefer in LANGUAGES else LANGUAGES
        )
        stems = {lang: [stem_in(lang, w) for w in content] for lang in order}
        matches, position = [], 0
        while position < len(content):
            found = None
            for length in range(min(MAX_PHRASE, len(content) - position), 0, -1):
                for language in order:
                    ids = self.by_key[language].get(tuple(stems[language][position : position + length]))
                    if ids:
                        found = Match(position, position + length, self._entries(ids), language)
                        break
                if found is None:
                    ids = self.variants.get(tuple(content[position : position + length]))
                    if ids:
                        found = Match(position, position + length, self._entries(ids), "")
                if found:
                    break
            if found:
                matches.append(found)
                position = found.end
            else:
                position += 1
        return self._with_roots(content, matches) if any(_ARABIC.search(w) for w in content) else matches

    def _with_roots(self, content: list[str], matches: list[Match]) -> list[Match]:
        """`matches`, and in the Arabic words between them the longest phrases with the same roots as a concept's
        Arabic phrase (verb forms the stemmer keeps apart: "يغضب" for "الغضب"). Only where nothing else matched:
        a root is coarse, and a phrase by roots must not swallow the words of an exact match after it."""
        taken = {i for m in matches for i in range(m.start, m.end)}
        added, position = [], 0
        while position < len(content):
            found = None
            if position not in taken and _ARABIC.search(content[position]):
                free = 0
                while position + free < len(content) and position + free not in taken and free < MAX_PHRASE:
                    free += 1
                roots = [arabic_root(w) for w in content[position : position + free]]
                for length in range(free, 0, -1):
                    ids = self.roots.get(tuple(roots[:length]))
                    if ids:
                        found = Match(position, position + length, self._entries(ids), "ar")
                        break
            if found:
                added.append(found)
                position = found.end
            else:
                position += 1
        return sorted(matches + added, key=lambda m: m.start)

    def _entries(self, ids: list[str]) -> tuple[ConceptEntry, ...]:
        return tuple(self.entries[i] for i in ids)

    def broader(self, entry: ConceptEntry) -> tuple[ConceptEntry, ...]:
        """The concepts a family with `entry`'s need is sent to (one step up: "bijten" is "gedrag", not also
        everything "gedrag" leads to)."""
        return tuple(self.entries[i] for i in entry.broader if i in self.entries)


@cache
def concept_index() -> ConceptIndex:
    """The shipped vocabulary, loaded once per process."""
    return ConceptIndex(load_concepts())
