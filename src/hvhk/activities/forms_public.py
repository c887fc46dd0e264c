"""The filters of the public activity list: a plain GET form (it works without JavaScript).

A value we do not know is never an error page: the field is left out and the visitor reads why (`problems`).
"""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hvhk.activities.models import Activity
from hvhk.activities.selectors.public import ActivityFilters, FilterChoices

MAX_AGE_YEARS = 18
MIN_YEAR, MAX_YEAR = 2000, 2100
PREGNANCY = "zwanger"
WHEN_CHOICES = [
    ("", gettext_lazy("Alle komende")),
    ("today", gettext_lazy("Vandaag")),
    ("week", gettext_lazy("Deze week")),
    ("month", gettext_lazy("Deze maand")),
]


def _age_choices() -> list[tuple[str, str]]:
    choices = [("", gettext_lazy("Alle leeftijden")), (PREGNANCY, gettext_lazy("Tijdens de zwangerschap"))]
    choices.append(("0", gettext_lazy("Baby (jonger dan 1 jaar)")))
    choices += [(str(n), gettext_lazy("%(n)d jaar") % {"n": n}) for n in range(1, MAX_AGE_YEARS + 1)]
    return choices


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ActivityFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Zoekwoord"), required=False, max_length=100)
    when = forms.ChoiceField(label=gettext_lazy("Wanneer"), choices=WHEN_CHOICES, required=False)
    date_from = forms.DateField(label=gettext_lazy("Vanaf"), required=False, widget=DateInput())
    date_to = forms.DateField(label=gettext_lazy("Tot en met"), required=False, widget=DateInput())
    age = forms.ChoiceField(label=gettext_lazy("Leeftijd van je kind"), choices=(), required=False)
    house = forms.ChoiceField(label=gettext_lazy("Huis"), choices=(), required=False)
    area = forms.ChoiceField(label=gettext_lazy("Gemeente"), choices=(), required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Soort"), choices=(), required=False)
    lang = forms.ChoiceField(label=gettext_lazy("Taal"), choices=(), required=False)
    free = forms.BooleanField(label=gettext_lazy("Alleen gratis"), required=False)
    service = forms.UUIDField(required=False, widget=forms.HiddenInput)

    FIELD_NAMES = (
        "q",
        "when",
        "date_from",
        "date_to",
        "age",
        "house",
        "area",
        "kind",
        "lang",
        "free",
        "service",
    )

    def __init__(self, *args, choices: FilterChoices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.fields["age"].choices = _age_choices()
        self.fields["house"].choices = [("", _("Alle huizen"))] + [(s, n) for s, n, _id in choices.houses]
        self.fields["area"].choices = [("", _("Overal"))] + [(s, n) for s, n, _ids in choices.areas]
        self.fields["kind"].choices = [("", _("Alle soorten")), *Activity.Kind.choices]
        self.fields["lang"].choices = [("", _("Alle talen")), *choices.languages]

    def _clean_day(self, name: str) -> dt.date | None:
        day = self.cleaned_data.get(name)
        if day and not (MIN_YEAR <= day.year <= MAX_YEAR):
            raise forms.ValidationError(
                _("Kies een datum tussen %(a)d en %(b)d.") % {"a": MIN_YEAR, "b": MAX_YEAR}
            )
        return day

    def clean_date_from(self) -> dt.date | None:
        return self._clean_day("date_from")

    def clean_date_to(self) -> dt.date | None:
        return self._clean_day("date_to")

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("De einddatum ligt voor de begindatum."))
        return data

    def problems(self) -> list[str]:
        """One plain sentence per value we left out."""
        out = []
        for name in self.errors:
            if name == "__all__":
                continue
            if name in ("date_from", "date_to"):
                label = self.fields[name].label
                out.append(
                    _("We begrijpen de datum bij ‘%(label)s’ niet en tonen alle data.") % {"label": label}
                )
            elif name == "service":
                out.append(_("We kennen dat aanbod niet en tonen alle activiteiten."))
            else:
                label = self.fields[name].label
                out.append(_("We kennen die keuze bij ‘%(label)s’ niet en tonen alles.") % {"label": label})
        return out

    def valid_data(self) -> dict:
        """The values that passed, the others left out (call after `is_valid()`)."""
        data = dict(getattr(self, "cleaned_data", {}))
        for name in self.errors:
            data.pop(name, None)
        return data

    def filters(self, *, now: dt.datetime | None = None, service_id=None) -> ActivityFilters:
        data = self.valid_data()
        now = timezone.localtime(now or timezone.now())
        today = now.date()
        starts = ends = None
        when = data.get("when") or ""
        if when == "today":
            ends = _midnight(today + dt.timedelta(days=1))
        elif when == "week":
            ends = _midnight(today + dt.timedelta(days=7 - today.weekday()))
        elif when == "month":
            first_next = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            ends = _midnight(first_next)
        if data.get("date_from"):
            starts = _midnight(data["date_from"])
        if data.get("date_to"):
            until = _midnight(data["date_to"] + dt.timedelta(days=1))
            ends = min(ends, until) if ends else until
        age = data.get("age") or ""
        age_months = None
        if age == PREGNANCY:
            age_months = (-9, -1)
        elif age:
            years = int(age)
            age_months = (years * 12, years * 12 + 11)
        houses = {slug: pk for slug, _name, pk in self.choices.houses}
        areas = {slug: ids for slug, _name, ids in self.choices.areas}
        return ActivityFilters(
            starts=starts,
            ends=ends,
            age_months=age_months,
            house_id=houses.get(data.get("house") or ""),
            area_ids=areas.get(data.get("area") or "", frozenset()),
            kind=data.get("kind") or "",
            free=bool(data.get("free")),
            language=data.get("lang") or "",
            text=(data.get("q") or "").strip(),
            service_id=service_id,
        )

    def query_params(self) -> list[tuple[str, str]]:
        """The valid choices as URL parameters (for the page links), in a fixed order."""
        data = self.valid_data()
        pairs = []
        for name in self.FIELD_NAMES:
            value = data.get(name)
            if value in (None, "", False):
                continue
            if value is True:
                value = "1"
            elif isinstance(value, dt.date):
                value = value.isoformat()
            pairs.append((name, str(value)))
        return pairs


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))
