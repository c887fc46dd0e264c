"""Forms of the volunteers: the public sign-up (no account), and in the portal a role, a volunteer's follow-up, a
placement and hours. They check the shape of the input; the rules are the services' (their ValidationErrors come
back on the same fields)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hvhk.core.lib.forms import ContactForm
from hvhk.core.models import Area, Network
from hvhk.directory.models import Organization
from hvhk.volunteers import services
from hvhk.volunteers.models import (
    AVAILABILITY,
    DAY_PARTS,
    INTERESTS,
    LANGUAGES,
    WEEKDAYS,
    HelpRequest,
    Placement,
    Volunteer,
    VolunteerRole,
)

INTEREST_CHOICES = list(INTERESTS.items())
LANGUAGE_CHOICES = list(LANGUAGES.items())
AVAILABILITY_CHOICES = [
    (slot, f"{WEEKDAYS[day]} {DAY_PARTS[part]}") for slot, (day, part) in AVAILABILITY.items()
]


def _areas(network: Network):
    return Area.objects.for_network(network).order_by("name")


class AreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class PartnerChoiceField(AreaChoiceField):
    """An organisation by its name."""


class SignupForm(ContactForm):
    """Someone who wants to help. Only a name and one way to reach them are required."""

    NAME_MAX = services.NAME_MAX

    role_wanted = forms.ModelChoiceField(
        label=_("Voor welke rol meld je je aan?"),
        queryset=VolunteerRole.objects.none(),
        required=False,
        empty_label=_("Nog geen keuze: stel me iets voor"),
        error_messages={
            "invalid_choice": _("Voor deze rol zoeken we niemand meer. Kies een andere of geen.")
        },
    )
    interests = forms.MultipleChoiceField(
        label=_("Wat doe je graag?"),
        choices=INTEREST_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.MultipleChoiceField(
        label=_("Wanneer kan je meestal?"),
        choices=AVAILABILITY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Welke talen spreek je?"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area = AreaChoiceField(
        label=_("Waar woon je?"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=_("Zeg ik liever niet"),
    )
    motivation = forms.CharField(
        label=_("Iets over jezelf (mag je leeg laten)"),
        help_text=_("Bijvoorbeeld: wat je al deed, wat je graag leert, of iets waar we rekening mee houden."),
        max_length=services.MOTIVATION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Je tekst is te lang: maximaal %(limit_value)d tekens.")},
    )
    consent = forms.BooleanField(
        label=_("Jullie mogen mijn gegevens bewaren om me te contacteren over vrijwilligerswerk."),
        required=True,
        error_messages={
            "required": _(
                "Vink aan dat we je gegevens mogen bewaren om je te contacteren. Anders kunnen we je niet bereiken."
            )
        },
    )

    def __init__(self, *args, network: Network, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role_wanted"].queryset = (
            roles if roles is not None else VolunteerRole.objects.for_network(network).filter(status="open")
        )
        self.fields["area"].queryset = _areas(network)

    def availability_rows(self) -> list[tuple[str, list]]:
        """The weekday parts as a table: one row a day, a checkbox for each part."""
        boxes = {box.data["value"]: box for box in self["availability"]}
        return [(label, [boxes[f"{day}-{part}"] for part in DAY_PARTS]) for day, label in WEEKDAYS.items()]

    @staticmethod
    def too_many_message() -> str:
        return str(_("Je stuurde kort na elkaar veel aanmeldingen. Probeer het over een uur opnieuw."))


# --- portal ------------------------------------------------------------------------------------------------------


class RoleForm(forms.ModelForm):
    interests = forms.MultipleChoiceField(
        label=_("Soort taak"), choices=INTEREST_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    availability = forms.MultipleChoiceField(
        label=_("Dagdelen"), choices=AVAILABILITY_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Talen die helpen"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area = AreaChoiceField(label=_("Gemeente"), queryset=Area.objects.none(), required=False)

    class Meta:
        model = VolunteerRole
        fields = list(services.ROLE_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "schedule": _("Bijvoorbeeld: elke woensdagnamiddag, of zaterdag 14 juni."),
            "hours": _("Bijvoorbeeld: 2 uur per week."),
            "audience": _("Bijvoorbeeld: kinderen van 6 tot 12 en hun ouders."),
        }

    def __init__(self, *args, network: Network, choose_partner: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = _areas(network)
        if choose_partner:  # the coordinator makes a role for the network or for one of its partners
            self.fields["organization"] = PartnerChoiceField(
                label=_("Van welke partner?"),
                queryset=Organization.objects.for_network(network)
                .filter(membership__isnull=False, membership__left_on__isnull=True)
                .order_by("name"),
                required=False,
                empty_label=_("Het netwerk zelf"),
            )
            self.order_fields(["organization", *self.Meta.fields])

    def service_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if "organization" in self.fields:
            fields["organization"] = self.cleaned_data.get("organization")
        return fields


class VolunteerForm(forms.ModelForm):
    """The coordinator's follow-up of one volunteer."""

    status = forms.ChoiceField(label=_("Status"), choices=Volunteer.Status.choices)
    area = AreaChoiceField(label=_("Gemeente"), queryset=Area.objects.none(), required=False)

    class Meta:
        model = Volunteer
        fields = [
            "status",
            "intake_on",
            "intake_note",
            "agreement_on",
            "insured_on",
            "started_on",
            "ended_on",
            "area",
        ]
        widgets = {
            "intake_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "agreement_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "insured_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ended_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "intake_note": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = _areas(network)

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ProposeForm(forms.Form):
    role = forms.ModelChoiceField(
        label=_("Rol"),
        queryset=VolunteerRole.objects.none(),
        error_messages={"invalid_choice": _("Kies een open rol van dit netwerk.")},
    )
    note = forms.CharField(label=_("Notitie (mag je leeg laten)"), max_length=500, required=False)

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = (
            VolunteerRole.objects.for_network(network).filter(status__in=("open", "filled")).order_by("title")
        )


class PlacementStepForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(s, s) for s in (Placement.Status.AGREED, Placement.Status.DECLINED, Placement.Status.ENDED)]
    )


class HoursForm(forms.Form):
    on = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.DecimalField(
        label=_("Uren"),
        min_value=0.5,
        max_value=500,
        decimal_places=1,
        localize=True,
        error_messages={"invalid": _("Geef een aantal uren, bijvoorbeeld 2,5.")},
    )
    note = forms.CharField(label=_("Wat (mag je leeg laten)"), max_length=200, required=False)

    def __init__(self, *args, roles=None, role_required: bool = False, **kwargs):
        """`roles`: the roles the hours can be for (a partner records hours in their own roles only)."""
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()
        if roles is not None:
            self.fields["role"] = PartnerChoiceField(
                label=_("Voor welke rol"),
                queryset=roles,
                required=role_required,
                empty_label=None if role_required else _("Geen bepaalde rol"),
                error_messages={"invalid_choice": _("Kies een rol waarin deze vrijwilliger werkt.")},
            )
            self.fields["role"].label_from_instance = lambda obj: obj.title


class HelpRequestForm(forms.ModelForm):
    interests = forms.MultipleChoiceField(
        label=_("Soort taak"),
        choices=INTEREST_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen vrijwilligers die dit graag doen, krijgen de vraag. Niets aangevinkt: iedereen."),
    )
    area = AreaChoiceField(label=_("Gemeente"), queryset=Area.objects.none(), required=False)

    class Meta:
        model = HelpRequest
        fields = ["title", "description", "on", "hours", "place", "area", "interests", "needed"]
        widgets = {
            "on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = _areas(network)

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ThankYouForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=150, initial=_("Bedankt, vrijwilligers!"))
    on = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Waar"), max_length=200, required=False)
    message = forms.CharField(
        label=_("Boodschap"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        initial=_("Graag nodigen we je uit voor ons bedankmoment, met een hapje en een drankje."),
    )
