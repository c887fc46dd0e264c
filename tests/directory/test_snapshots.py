"""The readable difference between two snapshots: which fields change, and which words in them."""

from hvhk.directory.snapshots import Piece, diff, word_diff


def _marked(pieces: list[Piece], kind: str) -> list[str]:
    return [p.text for p in pieces if p.kind == kind]


def test_only_the_changed_words_are_marked():
    removed, added = word_diff("Elke dinsdag van 9 tot 12 uur.", "Elke woensdag van 9 tot 12 uur.")

    assert _marked(removed, "del") == ["dinsdag"]
    assert _marked(added, "ins") == ["woensdag"]
    assert "".join(p.text for p in removed) == "Elke dinsdag van 9 tot 12 uur."
    assert "".join(p.text for p in added) == "Elke woensdag van 9 tot 12 uur."


def test_a_mark_does_not_take_the_space_after_the_word():
    removed, added = word_diff("een twee drie", "een vier drie")

    assert removed == [Piece("same", "een "), Piece("del", "twee"), Piece("same", " "), Piece("same", "drie")]
    assert _marked(added, "ins") == ["vier"]


def test_long_unchanged_stretches_are_shortened_around_the_change():
    words = [f"woord{i}" for i in range(60)]
    before = " ".join(words)
    after = " ".join([*words[:30], "nieuw", *words[30:]])

    removed, added = word_diff(before, after, context=4)

    shown = "".join(p.text for p in added)
    assert _marked(added, "ins") == ["nieuw"]
    assert "woord29" in shown and "woord30" in shown  # the words next to the change stay
    assert "woord0 " not in shown and "woord59" not in shown  # the far ends are cut
    assert [p.kind for p in added].count("gap") == 2
    assert not _marked(removed, "del")


def test_a_value_that_was_empty_is_all_new():
    removed, added = word_diff("", "Een nieuwe uitleg")

    assert removed == [Piece("same", "—")]
    assert added == [Piece("ins", "Een nieuwe uitleg")]


def test_a_value_that_is_emptied_is_all_gone():
    removed, added = word_diff("Oude uitleg", "")

    assert removed == [Piece("del", "Oude uitleg")]
    assert added == [Piece("same", "—")]


def test_the_diff_names_each_changed_field_and_marks_its_words():
    before = {"name": "Consultatiebureau Leuven", "description": "Voor baby's.", "walk_in": False}
    after = {"name": "Consultatiebureau Heverlee", "description": "Voor baby's.", "walk_in": True}

    changes = diff(before, after)

    assert [(c.label, c.before, c.after) for c in changes] == [
        ("Naam", "Consultatiebureau Leuven", "Consultatiebureau Heverlee"),
        ("Binnenlopen zonder afspraak", "nee", "ja"),
    ]
    assert _marked(changes[0].removed, "del") == ["Leuven"]
    assert _marked(changes[0].added, "ins") == ["Heverlee"]


def test_markup_stays_text_in_the_pieces():
    _removed, added = word_diff("Kom langs.", "Kom <script>alert(1)</script> langs.")

    assert _marked(added, "ins") == ["<script>alert(1)</script>"]  # plain text: the template escapes it
