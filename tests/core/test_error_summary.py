"""The error summary above every form: each error links to its field and reads as one sentence."""

from django import forms
from django.template.loader import render_to_string


class _Form(forms.Form):
    question = forms.CharField(label="Wat is je vraag?")
    name = forms.CharField(label="Naam")
    topics = forms.MultipleChoiceField(
        label="Thema's", choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )


def _summary(data: dict) -> str:
    form = _Form(data)
    assert not form.is_valid()
    return render_to_string("core/_error_summary.html", {"forms_with_errors": [form]})


def test_a_label_that_is_a_question_gets_no_colon_after_its_question_mark():
    html = _summary({"name": "Sara", "topics": ["a"]})
    assert "Wat is je vraag? Dit veld is verplicht." in html
    assert "?:" not in html


def test_a_plain_label_is_followed_by_a_colon_and_each_error_links_to_its_field():
    html = _summary({"question": "Hulp bij slapen", "topics": ["a"]})
    assert '<a href="#id_name">Naam: Dit veld is verplicht.</a>' in html


def test_an_error_on_a_group_of_checkboxes_links_to_the_first_box():
    html = _summary({"question": "Hulp", "name": "Sara"})
    assert 'href="#id_topics_0"' in html


def test_no_summary_without_errors():
    assert render_to_string("core/_error_summary.html", {"forms_with_errors": []}).strip() == ""
