"""The registration form on an activity's page, and the change form behind the private link.

Free text (names, ages, remarks) is taken as the family types it and escaped wherever it is shown: a name with
"<" in it is refused nowhere. There is no honeypot field: a browser's autofill could fill it, and silently
dropping a family's registration costs too much (the rate limit per address guards the form instead)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hvhk.activities.selectors.registrations_public import SessionRow
from hvhk.activities.templatetags.activities_dates import session_when

MAX_PEOPLE = 20
REMARK_MAX = 1000


def _number(label, *, minimum: int, initial: int, required_message) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=minimum,
        max_value=MAX_PEOPLE,
        initial=initial,
        widget=forms.NumberInput(attrs={"min": minimum, "max": MAX_PEOPLE, "inputmode": "numeric"}),
        error_messages={
            "required": required_message,
            "invalid": _("Vul een getal in."),
            "min_value": _("Vul minstens %(limit_value)s in."),
            "max_value": _("Met meer dan %(limit_value)s? Neem contact op met de organisator."),
        },
    )


class PeopleFields(forms.Form):
    """Who comes: shared by registering and changing a registration."""

    adults = _number(
        _("Aantal volwassenen"), minimum=1, initial=1, required_message=_("Hoeveel volwassenen komen er?")
    )
    children = _number(
        _("Aantal kinderen"), minimum=0, initial=0, required_message=_("Hoeveel kinderen komen er? (0 mag)")
    )
    children_ages = forms.CharField(
        label=_("Leeftijd van de kinderen (niet verplicht)"),
        help_text=_("Bijvoorbeeld: 2 en 4 jaar."),
        max_length=100,
        required=False,
        error_messages={"max_length": _("Schrijf de leeftijden korter: maximaal %(limit_value)d tekens.")},
    )
    remark = forms.CharField(
        label=_("Opmerking (niet verplicht)"),
        help_text=_("Iets wat de organisator moet weten, bijvoorbeeld over voeding of toegankelijkheid."),
        max_length=REMARK_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _(
                "Je opmerking is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d). Maak ze korter."
            )
        },
    )


class RegistrationForm(PeopleFields):
    """Sign up for a session (radio buttons) or for a whole series (no choice to make)."""

    session = forms.ChoiceField(
        label=_("Kies een moment"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een moment."),
            "invalid_choice": _("Dit moment kan je niet (meer) kiezen. Kies een ander moment."),
        },
    )
    name = forms.CharField(
        label=_("Je naam"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Vul je naam in."), "max_length": _("Je naam is te lang.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Je krijgt een bevestiging met een link om te wijzigen of te annuleren."),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk het even na.")},
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        help_text=_("Geef een e-mailadres of een telefoonnummer (of allebei)."),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={"max_length": _("Dit telefoonnummer is te lang.")},
    )
    join_waiting_list = forms.BooleanField(
        label=_("Als er niet genoeg plaatsen zijn, zet ons op de wachtlijst"), required=False
    )
    consent_contact = forms.BooleanField(
        label=_("De organisator mag me contacteren over deze activiteit."),
        error_messages={"required": _("Geef toestemming om je te contacteren over deze activiteit.")},
    )

    field_order = [
        "session",
        "name",
        "email",
        "phone",
        "adults",
        "children",
        "children_ages",
        "remark",
        "join_waiting_list",
        "consent_contact",
    ]

    def __init__(self, *args, activity, rows: list[SessionRow], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.sessions = {str(row.session.pk): row.session for row in rows if row.can_register}
        if activity.per_series:
            del self.fields["session"]
        else:
            self.fields["session"].choices = [
                (str(row.session.pk), self._label(row)) for row in rows if row.can_register
            ]
        if not activity.waiting_list:
            del self.fields["join_waiting_list"]

    @staticmethod
    def _label(row: SessionRow) -> str:
        when = session_when(row.session)
        places = row.availability
        if places.places is None:
            return when
        if places.is_full:
            return f"{when} – {_('volzet: inschrijven op de wachtlijst')}"
        return f"{when} – {row_left_text(places.left)}"

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error("email", _("Geef een e-mailadres of een telefoonnummer."))
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "session": self.sessions.get(data.get("session") or ""),
            "name": data["name"],
            "email": data["email"],
            "phone": data["phone"],
            "adults": data["adults"],
            "children": data["children"],
            "children_ages": data["children_ages"],
            "remark": data["remark"],
            "consent_contact": data["consent_contact"],
            "join_waiting_list": data.get("join_waiting_list", False),
        }

    @staticmethod
    def too_many_message() -> str:
        return str(
            _("Er kwamen te veel inschrijvingen van dit adres. Probeer het over een uur opnieuw, of bel ons.")
        )


class RegistrationChangeForm(PeopleFields):
    """Behind the private link: change who comes, the ages or the remark."""


def row_left_text(left: int) -> str:
    return ngettext("nog %(n)d plaats", "nog %(n)d plaatsen", left) % {"n": left}
