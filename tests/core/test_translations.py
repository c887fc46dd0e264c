"""The interface is complete in every language: no entry untranslated or fuzzy, and the compiled catalogue (.mo,
what Django reads) holds the same translations as the source (.po)."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.LOCALE_PATHS[0])
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _entries(po: Path) -> list[dict]:
    """The entries of a .po file: msgid, msgid_plural, msgstr (or msgstr[n]) and flags. Enough of gettext's
    format for catalogues written by makemessages and msgcat."""
    entries, current, key = [], None, None
    for line in [*po.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if current and "msgid" in current:
                entries.append(current)
            current, key = None, None
            continue
        current = current or {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            current["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif match := re.match(r'^(msgid|msgid_plural|msgctxt|msgstr(?:\[(\d+)\])?) (".*")$', line):
            name, index, text = match.groups()
            key = ("msgstr", int(index or 0)) if name.startswith("msgstr") else name
            _put(current, key, ast.literal_eval(text))
        elif line.startswith('"') and key:
            _put(current, key, _get(current, key) + ast.literal_eval(line))
    return entries


def _get(entry: dict, key) -> str:
    return entry["msgstr"][key[1]] if isinstance(key, tuple) else entry[key]


def _put(entry: dict, key, text: str) -> None:
    if isinstance(key, tuple):
        entry["msgstr"][key[1]] = text
    else:
        entry[key] = text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_text_is_translated_and_compiled(language):
    folder = LOCALE / language / "LC_MESSAGES"
    entries = [e for e in _entries(folder / "django.po") if e["msgid"]]
    with (folder / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)

    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    stale = [
        e["msgid"]
        for e in entries
        if "msgid_plural" not in e and "msgctxt" not in e and compiled.gettext(e["msgid"]) != e["msgstr"][0]
    ]
    assert len(entries) > 500
    assert (untranslated, fuzzy, stale) == ([], [], []), "run `make messages`, translate, compile"
