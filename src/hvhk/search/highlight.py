"""Why a result matched: the words of a service's name that the search matched, marked for the visitor.

The search's words are stems (Dutch, and the stems of the typed words in the question's language, so a name in the
visitor's language is marked too); a word of the name is marked when its own stem or a compound part's stem is
one of them ("Borstvoedingscafé" for "breastfeeding")."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hvhk.core.models import Network
from hvhk.search.analysis import PART_MARK, analyse_word
from hvhk.search.concepts import stem_in
from hvhk.search.engine import planned_query
from hvhk.search.indexing import Vocabulary, vocabulary
from hvhk.search.text import fold

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def match_terms(*, network: Network, text: str, language: str = "nl") -> frozenset[str]:
    """The stems a search for `text` matches on (every alternative of every concept that names a need, and the
    typed words' stems in the question's language); empty when nothing is searched."""
    plan = planned_query(network, text, language=language)
    terms: set[str] = set()
    for concept in plan.concepts:
        if concept.weight < 0.5:  # "hulp", "mijn kind": marking them would explain nothing
            continue
        for phrase in concept.alternatives:
            terms.update(t.removeprefix(PART_MARK) for t in phrase)
        terms.update(stem_in(plan.language, w) for w in concept.word.split())
    return frozenset(terms)


WORDS_KEPT = 50_000
_stems: dict[str, frozenset[str]] = {}
_stems_of: list = [None]  # the word list the stems were split with


def _for_word_list(vocab: Vocabulary) -> None:
    """A new word list splits compounds anew: forget what was worked out with the old one."""
    if _stems_of[0] is not vocab:
        _stems.clear()
        _names.clear()
        _stems_of[0] = vocab


def _word_stems(word: str, vocab: Vocabulary) -> frozenset[str]:
    """The stems a folded word of a name can match: its own and its compound parts' (Dutch), and its stem in each
    other language. Names repeat from page to page: kept per process for the current word list."""
    _for_word_list(vocab)
    found = _stems.get(word)
    if found is None:
        found = frozenset(
            {t.removeprefix(PART_MARK) for t in analyse_word(word, vocab.splitting)}
            | {stem_in(lang, word) for lang in ("fr", "en", "tr", "ar")}
        )
        if len(_stems) >= WORDS_KEPT:
            _stems.clear()
        _stems[word] = found
    return found


NAMES_KEPT = 20_000
_names: dict[str, tuple[list[tuple[str, str, frozenset[str]]], str]] = {}


def _pieces(text: str, vocab: Vocabulary) -> tuple[list[tuple[str, str, frozenset[str]]], str]:
    """`text` cut into (escaped text before a word, the escaped word, the stems it can match), and the escaped
    rest; names come back page after page, so they are cut once per process and word list."""
    _for_word_list(vocab)
    found = _names.get(text)
    if found is None:
        pieces, position = [], 0
        for match in _WORD.finditer(text):
            word = fold(match.group())
            stems = _word_stems(word, vocab) if len(word) > 2 else frozenset()
            pieces.append((escape(text[position : match.start()]), escape(match.group()), stems))
            position = match.end()
        found = (pieces, escape(text[position:]))
        if len(_names) >= NAMES_KEPT:
            _names.clear()
        _names[text] = found
    return found


def mark_words(text: str, terms: frozenset[str]) -> SafeString:
    """`text` escaped, each word the search matched in <mark>."""
    if not terms:
        return escape(text)
    pieces, rest = _pieces(text, vocabulary())
    out = []
    for before, word, stems in pieces:
        out.append(before)
        out.append(f"<mark>{word}</mark>" if stems & terms else word)
    out.append(rest)
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above
