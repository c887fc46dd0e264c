"""Forms of parents' voice: the public contribution, feedback and sign-up forms, and the portal's forms for
moderating contributions and writing calls. The forms check shape; the services (services/voice.py) check the
rules (personal data in a text, duplicates, places) and their ValidationErrors land on these forms."""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hvhk.activities.forms_authoring import DateInput, TimeInput, local_datetime
from hvhk.core.lib.forms import ContactForm
from hvhk.core.models import Area, Network
from hvhk.directory.selectors import life_domain_list
from hvhk.referrals.models import AGE_CHOICES
from hvhk.signals.models import ParticipationCall, Signal, Theme, VoiceContribution
from hvhk.signals.services import voice as services

# --- public ------------------------------------------------------------------------------------------------------


class VoiceForm(forms.Form):
    text = forms.CharField(
        label=_("Wat mis je? Wat kan beter?"),
        help_text=_(
            "Schrijf in je eigen woorden, in je eigen taal. Schrijf geen namen, e-mailadressen of "
            "telefoonnummers in je tekst."
        ),
        max_length=services.TEXT_MAX,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Schrijf wat je mist of wat beter kan. Een paar woorden is genoeg."),
            "max_length": _(
                "Je tekst is te lang: gebruik maximaal %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    life_domain = forms.ChoiceField(
        label=_("Over welk onderwerp gaat het? (mag je leeg laten)"), required=False
    )
    age_bands = forms.MultipleChoiceField(
        label=_("Leeftijd van je kinderen (mag je leeg laten)"),
        choices=AGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies een leeftijd uit de lijst.")},
    )
    area = forms.ChoiceField(label=_("Waar woon je? (mag je leeg laten)"), required=False)
    email = forms.EmailField(
        label=_("Je e-mailadres, om iets terug te horen (mag je leeg laten)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk het na.")},
    )

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language()
        self.domains = {str(t.pk): t for t in life_domain_list(network=network)}
        self.fields["life_domain"].choices = [("", _("Weet ik niet"))] + [
            (pk, t.translated("name", language)[0]) for pk, t in self.domains.items()
        ]
        self.areas = {
            str(a.pk): a
            for a in Area.objects.for_network(network)
            .filter(kind__in=[Area.Kind.MUNICIPALITY, Area.Kind.SUBMUNICIPALITY])
            .order_by("name")
        }
        self.fields["area"].choices = [("", _("Zeg ik liever niet"))] + [
            (pk, a.name) for pk, a in self.areas.items()
        ]
        days = settings.VOICE_RETENTION_DAYS
        self.fields["email"].help_text = _(
            "Alleen als je een antwoord wilt. We gebruiken het alleen daarvoor en wissen het na %(days)d dagen."
        ) % {"days": days}
        for name, message in (
            ("life_domain", _("Kies een onderwerp uit de lijst.")),
            ("area", _("Kies een gemeente uit de lijst.")),
        ):
            self.fields[name].error_messages["invalid_choice"] = message

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "text": data["text"],
            "life_domain": self.domains.get(data["life_domain"]),
            "age_bands": data["age_bands"],
            "area": self.areas.get(data["area"]),
            "email": data["email"],
        }

    @staticmethod
    def too_many_message() -> str:
        return str(_("Je stuurde kort na elkaar veel berichten. Probeer het over een uur opnieuw."))


class FeedbackForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=200)
    useful = forms.ChoiceField(
        label=_("Had je er iets aan?"),
        choices=VoiceContribution.Useful.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies ja, een beetje of nee."),
            "invalid_choice": _("Kies ja, een beetje of nee."),
        },
    )
    text = forms.CharField(
        label=_("Waarom? (één zin, mag je leeg laten)"),
        max_length=services.FEEDBACK_MAX,
        required=False,
        error_messages={
            "max_length": _("Schrijf korter: maximaal %(limit_value)d tekens (nu %(show_value)d).")
        },
    )


class SignupForm(ContactForm):
    NAME_MAX = services.NAME_MAX

    remark = forms.CharField(
        label=_("Opmerking (mag je leeg laten)"),
        help_text=_("Bijvoorbeeld: ik breng mijn baby mee, of ik heb een tolk nodig."),
        max_length=services.REMARK_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Je opmerking is te lang: maximaal %(limit_value)d tekens.")},
    )

    @staticmethod
    def too_many_message() -> str:
        return str(_("Je stuurde kort na elkaar veel inschrijvingen. Probeer het over een uur opnieuw."))


# --- portal: moderation ------------------------------------------------------------------------------------------


class ToSignalForm(forms.Form):
    title = forms.CharField(
        label=_("Kort: wat is het signaal?"),
        max_length=200,
        error_messages={
            "required": _("Geef het signaal een korte titel."),
            "max_length": _("De titel is te lang: maximaal %(limit_value)d tekens."),
        },
    )
    description = forms.CharField(
        label=_("Wat merkten ouders?"),
        help_text=_(
            "Geen namen of contactgegevens van gezinnen. De bijdrage komt als anoniem citaat bij het signaal."
        ),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf wat ouders merkten."),
            "max_length": _("De tekst is te lang: maximaal %(limit_value)d tekens."),
        },
    )


class LinkForm(forms.Form):
    signal = forms.ChoiceField(
        label=_("Aan welk signaal voeg je ze toe?"),
        error_messages={
            "required": _("Kies een signaal."),
            "invalid_choice": _("Dit signaal bestaat niet (meer) of is niet meer open."),
        },
    )

    def __init__(self, *args, signals, **kwargs):
        super().__init__(*args, **kwargs)
        self.signals = {str(s.pk): s for s in signals}
        self.fields["signal"].choices = [("", _("Kies een signaal"))] + [
            (pk, s.title) for pk, s in self.signals.items()
        ]

    def chosen(self) -> Signal:
        return self.signals[self.cleaned_data["signal"]]


class RejectForm(forms.Form):
    note = forms.CharField(
        label=_("Waarom niet weerhouden?"),
        max_length=services.NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Schrijf kort waarom je ze niet weerhoudt."),
            "max_length": _("Je toelichting is te lang: maximaal %(limit_value)d tekens."),
        },
    )


class ReplyForm(forms.Form):
    message = forms.CharField(
        label=_("Je antwoord aan de ouder (per e-mail)"),
        max_length=services.REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf je antwoord."),
            "max_length": _("Je antwoord is te lang: maximaal %(limit_value)d tekens."),
        },
    )


# --- portal: calls -----------------------------------------------------------------------------------------------


class CallForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        help_text=_("Bijvoorbeeld: Oudergroep over het nieuwe huis"),
        max_length=200,
        error_messages={
            "required": _("Geef de oproep een titel."),
            "max_length": _("De titel is te lang: maximaal %(limit_value)d tekens."),
        },
    )
    description = forms.CharField(
        label=_("Wat gebeurt er?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Schrijf wat er gebeurt."),
            "max_length": _("De tekst is te lang: maximaal %(limit_value)d tekens."),
        },
    )
    day = forms.DateField(
        label=_("Datum"),
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"],
        error_messages={
            "required": _("Geef een datum."),
            "invalid": _("Geef een datum, bijvoorbeeld 12/3/2027."),
        },
    )
    time = forms.TimeField(
        label=_("Uur"),
        widget=TimeInput(),
        input_formats=["%H:%M", "%H.%M", "%Hu%M", "%H:%M:%S"],
        error_messages={"required": _("Geef een uur."), "invalid": _("Geef een uur, bijvoorbeeld 19:30.")},
    )
    place = forms.CharField(label=_("Waar (mag leeg)"), max_length=300, required=False)
    capacity = forms.IntegerField(
        label=_("Aantal plaatsen (leeg: geen grens)"),
        min_value=1,
        max_value=10000,
        required=False,
        error_messages={
            "min_value": _("Geef minstens één plaats, of laat leeg voor geen grens."),
            "max_value": _("Dat zijn te veel plaatsen."),
            "invalid": _("Geef een getal."),
        },
    )
    signup_until = forms.DateField(
        label=_("Inschrijven kan tot en met (mag leeg)"),
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"],
        required=False,
        error_messages={"invalid": _("Geef een datum, bijvoorbeeld 1/3/2027.")},
    )
    theme = forms.ChoiceField(label=_("Thema (mag leeg)"), required=False)

    def __init__(self, *args, network: Network, call: ParticipationCall | None = None, **kwargs):
        if call is not None and not args and "initial" not in kwargs:
            start = timezone.localtime(call.starts_at)
            kwargs["initial"] = {
                "title": call.title,
                "description": call.description,
                "day": start.date(),
                "time": start.time().replace(second=0, microsecond=0),
                "place": call.place,
                "capacity": call.capacity,
                "signup_until": timezone.localtime(call.signup_until).date() if call.signup_until else None,
                "theme": str(call.theme_id or ""),
            }
        super().__init__(*args, **kwargs)
        self.themes = {str(t.pk): t for t in Theme.objects.for_network(network).order_by("title")}
        self.fields["theme"].choices = [("", _("Geen thema"))] + [
            (pk, t.title) for pk, t in self.themes.items()
        ]
        self.fields["theme"].error_messages["invalid_choice"] = _("Dit thema bestaat niet (meer).")

    def service_fields(self) -> dict:
        data = self.cleaned_data
        until = data.get("signup_until")
        starts_at = local_datetime(data["day"], data["time"])
        return {
            "title": data["title"],
            "description": data["description"],
            "starts_at": starts_at,
            "place": data["place"],
            "capacity": data["capacity"],
            # Until the end of that day (or the call's start, when that comes first: the service checks it).
            "signup_until": min(local_datetime(until, dt.time(23, 59)), starts_at) if until else None,
            "theme": self.themes.get(data["theme"]),
        }
