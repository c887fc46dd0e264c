"""Form fields the staff pages share for offering data (services in the portal, activities): ages as a family
reads them, the languages a text is translated into, and a plain text field."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

FROM_YEARS = gettext_noop("vanaf %(years)s jaar")
TO_YEARS = gettext_noop("tot %(years)s jaar")
TRANSLATION_LANGUAGES = [("en", "English"), ("fr", "Français"), ("tr", "Türkçe"), ("ar", "العربية")]


def _years(message: str, years: int):
    """A label in the language of the page that shows it (the lists are built once, at import)."""
    return lazy(lambda: gettext(message) % {"years": years}, str)()


# Ages in months (negative: during pregnancy), as the choices of a "from" and a "to" field.
AGE_FROM = [
    ("", _("geen ondergrens")),
    (-9, _("tijdens de zwangerschap")),
    (-3, _("vanaf de laatste 3 maanden van de zwangerschap")),
    (0, _("vanaf de geboorte")),
    (3, _("vanaf 3 maanden")),
    (6, _("vanaf 6 maanden")),
    (9, _("vanaf 9 maanden")),
    (12, _("vanaf 1 jaar")),
    (18, _("vanaf 1,5 jaar")),
    *[(12 * y, _years(FROM_YEARS, y)) for y in range(2, 25)],
]
AGE_TO = [
    ("", _("geen bovengrens")),
    (0, _("tot de geboorte")),
    (3, _("tot 3 maanden")),
    (6, _("tot 6 maanden")),
    (9, _("tot 9 maanden")),
    (12, _("tot 1 jaar")),
    (18, _("tot 1,5 jaar")),
    *[(12 * y, _years(TO_YEARS, y)) for y in range(2, 25)],
]


def text_field(label, *, required=False, max_length=255, rows=None, help_text=""):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(
        label=label, required=required, max_length=max_length, widget=widget, help_text=help_text, strip=True
    )


def age_field(label, choices, help_text=""):
    return forms.TypedChoiceField(
        label=label, choices=choices, coerce=int, empty_value=None, required=False, help_text=help_text
    )
