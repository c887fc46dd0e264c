"""Forms of the portal's activity pages, in plain words for partner staff: an activity, one session, a series of
dates, a recurring pattern (turned into an RRULE), a holiday period and the coordinator's return comment.

The forms check shape (a price in euro with a comma, a date, a time); the services check the domain rules.
"""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from hvhk.activities.models import Activity
from hvhk.directory.form_fields import AGE_FROM, AGE_TO, TRANSLATION_LANGUAGES
from hvhk.directory.form_fields import age_field as _age
from hvhk.directory.form_fields import text_field as _text
from hvhk.directory.languages import LANGUAGE_NAMES

MAX_TEXT = 4000
PER_SESSION, PER_SERIES = "session", "series"
_PRICE = re.compile(r"^\s*(?:€\s*)?(\d{1,4})(?:[.,](\d{1,2}))?\s*(?:€|euro)?\s*$", re.IGNORECASE)


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _offer_age(field, months: int | None) -> None:
    """Add `months` to an age field's choices if the list lacks it, so that saving keeps an odd age."""
    if months is None or any(str(value) == str(months) for value, _label in field.choices):
        return
    if months >= 0 and months % 12 == 0:
        text = ngettext("%(n)d jaar", "%(n)d jaar", months // 12) % {"n": months // 12}
    else:
        text = ngettext("%(n)d maand", "%(n)d maanden", abs(months)) % {"n": months}
    choices = [*field.choices[1:], (months, text)]
    field.choices = [field.choices[0], *sorted(choices, key=lambda choice: int(choice[0]))]


def parse_euro(value: str) -> int | None:
    """Cents from "5", "5,50", "€ 5,5" or "5.50"; None for an empty value; ValueError for anything else."""
    value = (value or "").strip()
    if not value:
        return None
    if value.lower() in ("gratis", "0"):
        return 0
    match = _PRICE.match(value)
    if not match:
        raise ValueError(value)
    euros, cents = match.group(1), (match.group(2) or "0").ljust(2, "0")
    return int(euros) * 100 + int(cents)


def euro_text(cents: int | None) -> str:
    if cents is None:
        return ""
    return f"{cents // 100},{cents % 100:02d}"


class EuroField(forms.CharField):
    default_error_messages = {
        "invalid": _("Geef een bedrag in euro, bijvoorbeeld 5 of 12,50."),
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.widget.attrs.update(inputmode="decimal", size=8, maxlength=20)

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return parse_euro(value)
        except ValueError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%H:%M", **kwargs)


def _date(label, **kwargs):
    return forms.DateField(
        label=label,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"],
        error_messages={
            "required": _("Geef een datum."),
            "invalid": _("Geef een datum, bijvoorbeeld 7/10/2026."),
        },
        **kwargs,
    )


def _time(label, **kwargs):
    return forms.TimeField(
        label=label,
        widget=TimeInput(),
        input_formats=["%H:%M", "%H.%M", "%Hu%M", "%H:%M:%S"],
        error_messages={"required": _("Geef een uur."), "invalid": _("Geef een uur, bijvoorbeeld 19:30.")},
        **kwargs,
    )


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """An aware datetime for a wall-clock `time` on `day` in Brussels."""
    return dt.datetime.combine(day, time).replace(tzinfo=_zone())


class ActivityForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Bij welk aanbod hoort de activiteit?"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": _("Kies een aanbod."),
            "invalid_choice": _("Kies een aanbod uit de lijst."),
        },
    )
    title = _text(
        _("Titel"), required=True, max_length=200, help_text=_("Kort en duidelijk, zoals een ouder het zegt.")
    )
    description = _text(
        _("Wat is het?"),
        max_length=MAX_TEXT,
        rows=6,
        help_text=_("Wat gebeurt er, voor wie, wat breng je mee? Korte zinnen helpen."),
    )
    kind = forms.ChoiceField(label=_("Soort"), choices=Activity.Kind.choices)
    house = forms.ModelChoiceField(
        label=_("In welk huis? (niet verplicht)"),
        queryset=None,
        required=False,
        empty_label=_("Geen huis"),
        error_messages={"invalid_choice": _("Kies een huis uit de lijst.")},
    )
    minimum_age_months = _age(_("Voor wie: vanaf"), AGE_FROM)
    maximum_age_months = _age(
        _("tot"), AGE_TO, help_text=_("Kies 'tot de geboorte' voor een activiteit voor aanstaande ouders.")
    )
    languages = forms.MultipleChoiceField(
        label=_("In welke talen?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=lazy(
            lambda: sorted(((c, str(n)) for c, n in LANGUAGE_NAMES.items()), key=lambda c: c[1]), list
        )(),
    )
    price = EuroField(
        label=_("Prijs in euro"), required=False, help_text=_("Bijvoorbeeld 5 of 12,50. Leeg of 0 is gratis.")
    )
    uitpas_price = EuroField(
        label=_("UiTPAS-kansentarief in euro (niet verplicht)"),
        required=False,
        help_text=_("Wat iemand met een UiTPAS met kansentarief betaalt, bijvoorbeeld 1,50."),
    )
    price_note = _text(_("Uitleg bij de prijs (niet verplicht)"), max_length=200)
    online = forms.BooleanField(label=_("De activiteit is online"), required=False)
    location = forms.ModelChoiceField(
        label=_("Waar?"),
        queryset=None,
        required=False,
        empty_label=_("Kies een plaats"),
        help_text=_(
            "Een plaats van je organisatie of van een Huis van het Kind. Niet nodig als ze online is."
        ),
        error_messages={"invalid_choice": _("Kies een plaats uit de lijst.")},
    )
    online_url = forms.URLField(
        label=_("Link om online deel te nemen (niet verplicht)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Bijvoorbeeld de link naar de videovergadering."),
        error_messages={"invalid": _("Geef een volledige link, bijvoorbeeld https://meet.example.org/abc.")},
    )
    accessibility = _text(
        _("Toegankelijkheid (niet verplicht)"),
        max_length=MAX_TEXT,
        rows=2,
        help_text=_("Bijvoorbeeld: rolstoeltoegankelijk, plaats voor buggy's, tolk op vraag."),
    )
    contact_email = forms.EmailField(
        label=_("E-mail voor vragen (niet verplicht)"),
        required=False,
        error_messages={"invalid": _("Geef een geldig e-mailadres.")},
    )
    registration_mode = forms.ChoiceField(
        label=_("Hoe schrijven gezinnen in?"),
        choices=[
            (PER_SESSION, _("Per moment (elke datum apart)")),
            (PER_SERIES, _("Voor de hele reeks: één inschrijving geldt voor alle momenten")),
        ],
        initial=PER_SESSION,
        widget=forms.RadioSelect,
    )
    registration_required = forms.BooleanField(label=_("Inschrijven is nodig"), required=False, initial=True)
    capacity = forms.IntegerField(
        label=_("Aantal plaatsen (niet verplicht)"),
        required=False,
        min_value=1,
        max_value=10000,
        help_text=_("Leeg: geen grens."),
        error_messages={
            "invalid": _("Geef een getal."),
            "min_value": _("Geef minstens 1 plaats, of laat het leeg."),
            "max_value": _("Dat zijn te veel plaatsen."),
        },
    )
    places_per = forms.ChoiceField(
        label=_("Een plaats is"),
        choices=[
            (Activity.PlacesPer.FAMILY, _("per gezin: één inschrijving is één plaats")),
            (Activity.PlacesPer.PERSON, _("per persoon: elke volwassene en elk kind telt")),
        ],
        initial=Activity.PlacesPer.FAMILY,
        widget=forms.RadioSelect,
    )
    waiting_list = forms.BooleanField(label=_("Een wachtlijst als het vol is"), required=False, initial=True)
    offer_hours = forms.IntegerField(
        label=_("Uren om een vrijgekomen plaats te bevestigen (niet verplicht)"),
        required=False,
        min_value=1,
        max_value=336,
        help_text=_("Leeg: 48 uur. Wie op de wachtlijst staat, krijgt zoveel tijd om de plaats te nemen."),
        error_messages={
            "invalid": _("Geef een aantal uren."),
            "min_value": _("Geef minstens 1 uur."),
            "max_value": _("Hoogstens 336 uur (twee weken)."),
        },
    )

    def __init__(self, *args, services, houses, places, activity: Activity | None = None, **kwargs) -> None:
        if activity is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(activity)
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        self.fields["house"].queryset = houses
        self.fields["location"].queryset = places
        initial = kwargs.get("initial") or {}
        _offer_age(self.fields["minimum_age_months"], initial.get("minimum_age_months"))
        _offer_age(self.fields["maximum_age_months"], initial.get("maximum_age_months"))
        for code, language in TRANSLATION_LANGUAGES:
            for name, label, rows in (
                ("title", _("Titel in het %(language)s"), None),
                ("description", _("Beschrijving in het %(language)s"), 3),
            ):
                field = _text(
                    lazy(
                        lambda label=label, language=language: gettext(label) % {"language": language}, str
                    )(),
                    max_length=MAX_TEXT if rows else 200,
                    rows=rows,
                )
                field.widget.attrs.update(lang=code, dir="rtl" if code == "ar" else "ltr")
                self.fields[f"{name}_{code}"] = field

    def translation_fields(self):
        return [
            (code, language, self[f"title_{code}"], self[f"description_{code}"])
            for code, language in TRANSLATION_LANGUAGES
        ]

    def has_translations(self) -> bool:
        return any(
            self[f"{n}_{c}"].value() for c, _l in TRANSLATION_LANGUAGES for n in ("title", "description")
        )

    @staticmethod
    def initial_from(activity: Activity, values: dict | None = None) -> dict:
        """The form's values for `activity`, with `values` (a pending proposal: {field: value}) on top."""
        values = values if values is not None else (activity.pending_changes or {})
        get = lambda name: values.get(name, getattr(activity, name))  # noqa: E731
        related = lambda name: values.get(name, getattr(activity, f"{name}_id"))  # noqa: E731
        initial = {
            "service": related("service"),
            "house": related("house"),
            "location": related("location"),
            "title": get("title"),
            "description": get("description"),
            "kind": get("kind"),
            "minimum_age_months": get("minimum_age_months"),
            "maximum_age_months": get("maximum_age_months"),
            "languages": get("languages") or [],
            "price": euro_text(get("price_cents")) if get("price_cents") else "",
            "uitpas_price": euro_text(get("uitpas_price_cents")),
            "price_note": get("price_note"),
            "online": get("online"),
            "online_url": get("online_url"),
            "accessibility": get("accessibility"),
            "contact_email": get("contact_email"),
            "registration_mode": PER_SERIES if activity.per_series else PER_SESSION,
            "registration_required": activity.registration_required,
            "capacity": activity.capacity,
            "places_per": activity.places_per,
            "waiting_list": activity.waiting_list,
            "offer_hours": activity.offer_hours,
        }
        translations = get("translations") or {}
        for code, _language in TRANSLATION_LANGUAGES:
            initial[f"title_{code}"] = translations.get(code, {}).get("title", "")
            initial[f"description_{code}"] = translations.get(code, {}).get("description", "")
        return initial

    def clean(self):
        data = super().clean()
        low, high = data.get("minimum_age_months"), data.get("maximum_age_months")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age_months", _("De hoogste leeftijd ligt voor de laagste."))
        if not data.get("online") and not data.get("location") and "location" not in self.errors:
            self.add_error("location", _("Kies een plaats, of duid aan dat de activiteit online is."))
        price, uitpas = data.get("price") or 0, data.get("uitpas_price")
        if uitpas is not None and uitpas > price and "uitpas_price" not in self.errors:
            self.add_error("uitpas_price", _("Het UiTPAS-tarief kan niet hoger zijn dan de gewone prijs."))
        return data

    def service_fields(self, activity: Activity | None = None) -> dict:
        """The keyword arguments of activity_create / activity_update (without `service` for create)."""
        data = self.cleaned_data
        current = activity.schedule if activity is not None else Activity.Schedule.SINGLE
        if data["registration_mode"] == PER_SERIES:
            schedule = Activity.Schedule.SERIES
        elif current == Activity.Schedule.RECURRING or (activity is not None and activity.recurrence):
            schedule = Activity.Schedule.RECURRING
        else:
            schedule = Activity.Schedule.SINGLE
        translations = {
            code: {
                k: v
                for k, v in (("title", data[f"title_{code}"]), ("description", data[f"description_{code}"]))
                if v
            }
            for code, _language in TRANSLATION_LANGUAGES
            if data[f"title_{code}"] or data[f"description_{code}"]
        }
        return {
            "service": data["service"],
            "house": data["house"],
            "title": data["title"],
            "description": data["description"],
            "kind": data["kind"],
            "minimum_age_months": data["minimum_age_months"],
            "maximum_age_months": data["maximum_age_months"],
            "languages": data["languages"],
            "price_cents": data["price"] or 0,
            "uitpas_price_cents": data["uitpas_price"],
            "price_note": data["price_note"],
            "location": data["location"],
            "online": data["online"],
            "online_url": data["online_url"],
            "accessibility": data["accessibility"],
            "contact_email": data["contact_email"],
            "translations": translations,
            "schedule": schedule,
            "registration_required": data["registration_required"],
            "capacity": data["capacity"],
            "places_per": data["places_per"],
            "waiting_list": data["waiting_list"],
            "offer_hours": data["offer_hours"],
        }


class SessionForm(forms.Form):
    day = _date(_("Datum"))
    start = _time(_("Begint om"))
    end = _time(_("Eindigt om"))
    capacity = forms.IntegerField(
        label=_("Aantal plaatsen (niet verplicht)"),
        required=False,
        min_value=1,
        max_value=10000,
        help_text=_("Leeg: het aantal van de activiteit."),
        error_messages={
            "invalid": _("Geef een getal."),
            "min_value": _("Geef minstens 1 plaats, of laat het leeg."),
        },
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("Het einde moet na het begin liggen."))
        return data

    def times(self) -> tuple[dt.datetime, dt.datetime]:
        data = self.cleaned_data
        return local_datetime(data["day"], data["start"]), local_datetime(data["day"], data["end"])


_LINE = re.compile(
    r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s+(\d{1,2})[:.hu](\d{2})\s*[-–]\s*(\d{1,2})[:.hu](\d{2})\s*$"
)
_ISO_LINE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$")


def parse_date_line(line: str) -> tuple[dt.datetime, dt.datetime]:
    """(start, end) from "7/10/2026 19:00-21:00" (or 2026-10-07 19:00-21:00); ValueError otherwise."""
    match = _LINE.match(line)
    if match:
        day, month, year, h1, m1, h2, m2 = map(int, match.groups())
    else:
        match = _ISO_LINE.match(line)
        if not match:
            raise ValueError(line)
        year, month, day, h1, m1, h2, m2 = map(int, match.groups())
    date = dt.date(year, month, day)
    return local_datetime(date, dt.time(h1, m1)), local_datetime(date, dt.time(h2, m2))


class SeriesForm(forms.Form):
    dates = forms.CharField(
        label=_("De data van de reeks, één per regel"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Schrijf zo: 7/10/2026 19:00-21:00. De komende momenten worden precies deze lijst."),
        error_messages={"required": _("Geef minstens één datum.")},
    )

    def clean_dates(self):
        out = []
        lines = [line for line in self.cleaned_data["dates"].splitlines() if line.strip()]
        for number, line in enumerate(lines, start=1):
            try:
                start, end = parse_date_line(line)
            except ValueError as exc:
                raise forms.ValidationError(
                    gettext("Regel %(n)s begrijpen we niet. Schrijf zo: 7/10/2026 19:00-21:00.")
                    % {"n": number}
                ) from exc
            if end <= start:
                raise forms.ValidationError(
                    gettext("Op regel %(n)s ligt het einde voor het begin.") % {"n": number}
                )
            out.append((start, end))
        return out


REPEAT_CHOICES = [
    ("weekly", _("elke week")),
    ("biweekly", _("om de twee weken")),
    ("monthly", _("elke maand op dezelfde weekdag (bv. de tweede woensdag)")),
    ("custom", _("eigen patroon (RRULE)")),
]
WEEKDAYS = [
    ("MO", _("maandag")),
    ("TU", _("dinsdag")),
    ("WE", _("woensdag")),
    ("TH", _("donderdag")),
    ("FR", _("vrijdag")),
    ("SA", _("zaterdag")),
    ("SU", _("zondag")),
]


class RecurringForm(forms.Form):
    first_day = _date(_("Eerste datum"))
    start = _time(_("Begint om"))
    end = _time(_("Eindigt om"))
    repeat = forms.ChoiceField(
        label=_("Hoe vaak?"), choices=REPEAT_CHOICES, initial="weekly", widget=forms.RadioSelect
    )
    weekdays = forms.MultipleChoiceField(
        label=_("Op welke dagen? (bij elke week of om de twee weken)"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangeduid: de weekdag van de eerste datum."),
    )
    rrule = forms.CharField(
        label=_("Eigen patroon (niet verplicht)"),
        required=False,
        max_length=300,
        help_text=_("Alleen bij 'eigen patroon', volgens RFC 5545, bv. FREQ=WEEKLY;BYDAY=MO,TH."),
    )
    until = _date(_("Tot en met"), help_text=_("Hoogstens een jaar na de eerste datum."))
    skip_public_holidays = forms.BooleanField(label=_("Niet op feestdagen"), required=False, initial=True)
    skip_school_holidays = forms.BooleanField(
        label=_("Niet in de vakantieperiodes van het netwerk"), required=False, initial=False
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("Het einde moet na het begin liggen."))
        if data.get("repeat") == "custom" and not data.get("rrule"):
            self.add_error("rrule", _("Geef het patroon, bv. FREQ=WEEKLY;BYDAY=WE."))
        return data

    def rule(self) -> str:
        data = self.cleaned_data
        first: dt.date = data["first_day"]
        days = ",".join(data.get("weekdays") or [WEEKDAYS[first.weekday()][0]])
        if data["repeat"] == "weekly":
            return f"FREQ=WEEKLY;BYDAY={days}"
        if data["repeat"] == "biweekly":
            return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={days}"
        if data["repeat"] == "monthly":
            return f"FREQ=MONTHLY;BYDAY=+{(first.day - 1) // 7 + 1}{WEEKDAYS[first.weekday()][0]}"
        return data["rrule"]

    def arguments(self) -> dict:
        data = self.cleaned_data
        start = local_datetime(data["first_day"], data["start"])
        end = local_datetime(data["first_day"], data["end"])
        return {
            "first_start": start,
            "duration": end.replace(tzinfo=None) - start.replace(tzinfo=None),
            "rrule": self.rule(),
            "until": data["until"],
            "skip_public_holidays": data["skip_public_holidays"],
            "skip_school_holidays": data["skip_school_holidays"],
        }


class HolidayPeriodForm(forms.Form):
    name = forms.CharField(
        label=_("Naam"),
        max_length=120,
        help_text=_("Bijvoorbeeld: Kerstvakantie."),
        error_messages={"required": _("Geef de periode een naam.")},
    )
    starts_on = _date(_("Van"))
    ends_on = _date(_("Tot en met"))

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("De laatste dag ligt voor de eerste."))
        return data


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Je opmerking voor de partner"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Nodig als je terugstuurt: zeg wat er anders moet."),
    )
