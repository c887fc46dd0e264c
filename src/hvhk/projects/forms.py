"""Forms of funding calls and applications (the portal). They check the shape of the input; the rules are the
services' (their ValidationErrors come back on the same fields)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import Network
from hvhk.directory.models import Organization
from hvhk.directory.selectors import life_domain_list, target_group_list
from hvhk.projects.models import Application, ApplicationPartner, FundingCall

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TermChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


def _partners(network: Network):
    return (
        Organization.objects.for_network(network)
        .filter(membership__isnull=False, membership__left_on__isnull=True)
        .order_by("name")
    )


class CallForm(forms.ModelForm):
    life_domains = TermChoiceField(
        label=_("Levensdomeinen"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    target_groups = TermChoiceField(
        label=_("Doelgroepen"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = FundingCall
        fields = [
            "funder",
            "funder_kind",
            "title",
            "url",
            "deadline",
            "amount_min",
            "amount_max",
            "description",
            "eligibility",
            "life_domains",
            "target_groups",
        ]
        widgets = {
            "deadline": DATE,
            "description": forms.Textarea(attrs={"rows": 5}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "funder": _("Bijvoorbeeld: Koning Boudewijnstichting, Provincie Vlaams-Brabant, Stad Leuven."),
            "life_domains": _("Partners met aanbod in deze thema's krijgen een e-mail, als ze dat willen."),
        }
        error_messages = {
            "funder": {"required": _("Zeg wie het geld geeft (de financier).")},
            "title": {"required": _("Geef de oproep een titel.")},
            "deadline": {
                "required": _("Geef de datum tot wanneer je kunt indienen."),
                "invalid": _("Deze datum klopt niet. Schrijf hem zo: 31-03-2027."),
            },
            "url": {"invalid": _("Deze link klopt niet. Kopieer hem uit je browser.")},
        }

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["life_domains"].queryset = life_domain_list(network=network)
        self.fields["target_groups"].queryset = target_group_list(network=network)
        for name in ("amount_min", "amount_max"):
            self.fields[name].localize = True
            self.fields[name].widget.is_localized = True
            self.fields[name].error_messages["invalid"] = _("Geef een bedrag in euro, bijvoorbeeld 15000.")
            self.fields[name].help_text = _("In euro, zonder punten: 15000 of 2500,50.")

    def clean(self):
        data = super().clean()
        low, high = data.get("amount_min"), data.get("amount_max")
        if low is not None and high is not None and low > high:
            # On the field, before the model's check constraint would say the same in database words.
            self.add_error("amount_max", _("Het hoogste bedrag is kleiner dan het laagste."))
        return data

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class StartForm(forms.Form):
    title = forms.CharField(
        label=_("Werktitel"),
        max_length=200,
        error_messages={"required": _("Geef de aanvraag een werktitel.")},
    )
    summary = forms.CharField(
        label=_("Ons idee in het kort (mag je leeg laten)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    organization = OrganizationChoiceField(
        label=_("Trekker (indiener)"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Nog niet gekozen"),
    )

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _partners(network)


class TextForm(forms.Form):
    version = forms.CharField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Werktitel"), max_length=200)
    summary = forms.CharField(
        label=_("Ons idee in het kort"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text = forms.CharField(
        label=_("Gedeelde tekst"),
        max_length=50000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Alle partners die meedoen, kunnen deze tekst aanpassen."),
    )
    amount_asked = forms.DecimalField(
        label=_("Gevraagd bedrag (euro)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        localize=True,
        error_messages={"invalid": _("Geef een bedrag in euro, bijvoorbeeld 15000.")},
    )


class InviteForm(forms.Form):
    organization = OrganizationChoiceField(
        label=_("Partner"),
        queryset=Organization.objects.none(),
        error_messages={"invalid_choice": _("Kies een partner van dit netwerk.")},
    )
    role = forms.ChoiceField(label=_("Rol"), choices=ApplicationPartner.Role.choices, initial="partner")

    def __init__(self, *args, network: Network, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        taken = application.partners.values_list("organization_id", flat=True)
        self.fields["organization"].queryset = _partners(network).exclude(pk__in=list(taken))


class AnswerForm(forms.Form):
    accept = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1")
    role = forms.ChoiceField(label=_("Onze rol"), choices=ApplicationPartner.Role.choices, required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), choices=Application.Status.choices)
    on = forms.DateField(label=_("Op"), required=False, widget=DATE)
    amount_granted = forms.DecimalField(
        label=_("Toegekend bedrag (euro)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        localize=True,
        error_messages={"invalid": _("Geef een bedrag in euro, bijvoorbeeld 15000.")},
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    file = forms.FileField(label=_("Bestand"), error_messages={"required": _("Kies een bestand.")})


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Mijlpaal"), max_length=200)
    due_on = forms.DateField(label=_("Tegen"), widget=DATE)


class ReportForm(forms.Form):
    report = forms.CharField(
        label=_("Kort verslag van het project"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
