"""The family's question form, the professional's version of it, and the intake's and partner's action forms."""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hvhk.core.lib.contact import phone_is_valid, phone_message
from hvhk.core.models import Area, Network
from hvhk.directory.models import Service
from hvhk.directory.selectors import house_list, life_domain_list
from hvhk.referrals.models import AGE_CHOICES, Consent, Referral, SupportRequest
from hvhk.referrals.services.common import NEEDS_REASON

MAX_QUESTION = 3000


class AskForm(forms.Form):
    question_not_shared = _(
        "Vink aan dat we je vraag mogen delen. Anders kunnen we je niet doorverwijzen. "
        "Wil je dat niet? Bel of bezoek ons dan."
    )
    question = forms.CharField(
        label=_("Wat is je vraag?"),
        help_text=_("Schrijf in je eigen woorden waar je hulp bij zoekt. Dat mag in je eigen taal."),
        max_length=MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Schrijf je vraag. Een paar woorden is genoeg."),
            "max_length": _(
                "Je vraag is te lang: gebruik maximaal %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    domain = forms.ChoiceField(label=_("Over welk onderwerp gaat het? (mag je leeg laten)"), required=False)
    ages = forms.MultipleChoiceField(
        label=_("Leeftijd van je kinderen (mag je leeg laten)"),
        choices=AGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area = forms.ChoiceField(label=_("Waar woon je? (mag je leeg laten)"), required=False)
    house = forms.ChoiceField(label=_("Bij welk Huis van het Kind wil je liefst terecht?"), required=False)
    contact_by = forms.ChoiceField(
        label=_("Hoe mogen we je contacteren?"),
        choices=SupportRequest.ContactBy.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe we je mogen contacteren.")},
    )
    name = forms.CharField(label=_("Je naam (mag je leeg laten)"), max_length=100, required=False)
    phone = forms.CharField(
        label=_("Je telefoonnummer"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk het na.")},
    )
    contact_when = forms.CharField(
        label=_("Wanneer ben je het best bereikbaar? (mag je leeg laten)"),
        help_text=_("Bijvoorbeeld: na 17 uur, of op woensdag."),
        max_length=200,
        required=False,
    )
    language = forms.ChoiceField(
        label=_("In welke taal praten we het liefst met je?"), choices=settings.LANGUAGES
    )
    scope = forms.MultipleChoiceField(
        label=_("Wat mogen we delen?"),
        choices=Consent.Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        language = get_language()
        self.domains = {str(t.pk): t for t in life_domain_list(network=network)}
        self.fields["domain"].choices = [("", _("Weet ik niet"))] + [
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
        self.houses = {str(h.pk): h for h in house_list(network=network)}
        self.fields["house"].choices = [("", _("Maakt niet uit"))] + [
            (pk, h.name) for pk, h in self.houses.items()
        ]
        if not self.houses:
            del self.fields["house"]
        if not self.is_bound:
            # Consent is an active choice: no box is ticked before the family (or the professional, for what
            # the family agreed to) ticks it. A form shown again after an error keeps only what was ticked.
            self.initial.setdefault("language", (language or "nl")[:2])

    def clean_question(self) -> str:
        question = self.cleaned_data["question"].strip()
        if not question:
            raise forms.ValidationError(_("Schrijf je vraag. Een paar woorden is genoeg."))
        return question

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and not phone_is_valid(phone):
            raise forms.ValidationError(phone_message())
        return phone

    def clean_scope(self) -> list[str]:
        scope = self.cleaned_data["scope"]
        if Consent.Scope.QUESTION not in scope:
            raise forms.ValidationError(self.question_not_shared)
        return scope

    def clean(self):
        data = super().clean()
        how = data.get("contact_by")
        by_phone = how in (SupportRequest.ContactBy.PHONE, SupportRequest.ContactBy.SMS)
        if by_phone and not data.get("phone") and "phone" not in self.errors:
            self.add_error("phone", _("Geef je telefoonnummer, dan kunnen we je bellen of een sms sturen."))
        if how == SupportRequest.ContactBy.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Geef je e-mailadres, dan kunnen we je mailen."))
        return data

    def request_fields(self) -> dict:
        """The cleaned data as keyword arguments of services.request_create."""
        data = self.cleaned_data
        return {
            "question": data["question"],
            "contact_by": data["contact_by"],
            "name": data["name"].strip(),
            "phone": data["phone"],
            "email": data["email"],
            "contact_when": data["contact_when"].strip(),
            "ages": data["ages"],
            "domain": self.domains.get(data["domain"]),
            "area": self.areas.get(data["area"]),
            "house": self.houses.get(data.get("house") or ""),
            "language": data["language"],
            "consent_scope": data["scope"],
        }

    @staticmethod
    def too_many_message() -> str:
        return _("Je stuurde kort na elkaar veel vragen. Probeer het over een uur opnieuw, of bel ons.")


class ProfessionalRequestForm(AskForm):
    """A professional registers a family's question; how and when the family gave consent is recorded."""

    question_not_shared = _("Zonder toestemming om de vraag te delen kan het netwerk niet doorverwijzen.")

    consent_how = forms.ChoiceField(
        label=_("Hoe gaf het gezin toestemming?"),
        choices=[
            (Consent.How.VERBAL, Consent.How.VERBAL.label),
            (Consent.How.PAPER, Consent.How.PAPER.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe het gezin toestemming gaf.")},
    )
    consent_date = forms.DateField(
        label=_("Wanneer gaf het gezin toestemming?"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Geef de datum waarop het gezin toestemming gaf."),
            "invalid": _("Geef een geldige datum, bijvoorbeeld 24/11/2026."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in (
            ("question", _("Wat is de vraag van het gezin?")),
            ("name", _("Naam van de ouder (mag leeg)")),
            ("phone", _("Telefoonnummer van het gezin")),
            ("email", _("E-mailadres van het gezin")),
            ("scope", _("Wat mag het netwerk delen met de partners?")),
        ):
            self.fields[name].label = label
        self.fields["question"].help_text = _(
            "Schrijf de vraag zoals het gezin ze stelde. Alleen wat nodig is."
        )
        if not self.is_bound:
            self.initial.setdefault("consent_date", timezone.localdate())

    def clean_consent_date(self) -> dt.date:
        day = self.cleaned_data["consent_date"]
        today = timezone.localdate()
        if day > today:
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        if day < today - dt.timedelta(days=90):
            raise forms.ValidationError(_("Deze toestemming is ouder dan drie maanden: vraag ze opnieuw."))
        return day

    def request_fields(self) -> dict:
        fields = super().request_fields()
        day = self.cleaned_data["consent_date"]
        given = (
            timezone.now()
            if day == timezone.localdate()
            else timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))
        )
        return {**fields, "consent_how": self.cleaned_data["consent_how"], "consent_given_at": given}


class _ServiceChoices(forms.ModelMultipleChoiceField):
    """A malformed id is just another service that is not on offer (Django would speak of UUIDs)."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except forms.ValidationError as error:
            if error.code in ("invalid_choice", "list"):
                raise
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from error


class ReferForm(forms.Form):
    services = _ServiceChoices(
        label=_("Naar welk aanbod verwijs je door?"),
        queryset=Service.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies minstens één aanbod."),
            "invalid_choice": _("Dit aanbod bestaat niet (meer)."),
            "invalid_pk_value": _("Dit aanbod bestaat niet (meer)."),
        },
    )
    message = forms.CharField(
        label=_("Bericht aan de partner"),
        help_text=_("Wat moet de partner weten? Schrijf alleen wat nodig is."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Je bericht is te lang: maximaal %(limit_value)d tekens.")},
    )

    def __init__(
        self, *args, network: Network, offered: list[Service], shares_contact: bool = True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.offered = offered
        if not shares_contact:  # the message reaches the partner: it must not share what the family did not
            self.fields["message"].help_text = _(
                "Wat moet de partner weten? Het gezin deelt geen contactgegevens met de partners: "
                "schrijf ze hier ook niet."
            )
        self.fields["services"].queryset = Service.objects.for_network(network).filter(
            status=Service.Status.ACTIVE
        )
        self.fields["services"].choices = [(s.pk, f"{s.name} – {s.organization.name}") for s in offered]


class AdvanceForm(forms.Form):
    to = forms.ChoiceField(label=_("Nieuwe status"), widget=forms.RadioSelect)
    decline_reason = forms.ChoiceField(
        label=_("Waarom weiger je?"),
        help_text=_(
            "Alleen als je weigert. We tellen de redenen per levensdomein, zonder gegevens van gezinnen."
        ),
        choices=Referral.DeclineReason.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Toelichting"),
        help_text=_("Verplicht als je weigert of afsluit. Schrijf geen gegevens die niet nodig zijn."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Je toelichting is te lang: maximaal %(limit_value)d tekens.")},
    )

    def __init__(self, *args, steps: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [
            (s, Referral.Status(s).label) for s in steps if s != Referral.Status.RECEIVED
        ]
        if Referral.Status.DECLINED not in steps:
            del self.fields["decline_reason"]

    def clean(self) -> dict:
        data = super().clean()
        declining = data.get("to") == Referral.Status.DECLINED
        if (
            data.get("to") in NEEDS_REASON
            and not (data.get("note") or "").strip()
            and "note" not in self.errors
        ):
            self.add_error("note", str(NEEDS_REASON[data["to"]]))  # with the reason's error, in one answer
        if declining and not data.get("decline_reason"):
            self.add_error("decline_reason", _("Kies waarom je de doorverwijzing weigert."))
        if not declining:
            data["decline_reason"] = ""  # a choice left from an earlier try counts only when declining
        return data
