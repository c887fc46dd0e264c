"""Forms of the engagement pages: they check the shape of the input; the rules live in services.engagement.

A module of its own (not network/forms.py), so each topic of the network app keeps its forms apart."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hvhk.directory.models import House, Membership, Organization
from hvhk.network.services.engagement import SCAN_MAX_MB


def _date(label, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Geef een geldige datum, bijvoorbeeld 13/11/2014.")},
    )


class MembershipForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Rol in het netwerk"), choices=Membership.Role.choices, widget=forms.RadioSelect
    )
    joined_on = _date(_("Lid sinds"), required=False)
    left_on = _date(_("Lid tot"), required=False, help_text=_("Alleen invullen als de partner stopt."))
    houses = forms.ModelMultipleChoiceField(
        label=_("Huizen die de partner mee draagt"),
        queryset=House.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contact_name = forms.CharField(label=_("Contactpersoon voor het netwerk"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("E-mail van de contactpersoon"), required=False)
    contact_phone = forms.CharField(label=_("Telefoon van de contactpersoon"), max_length=40, required=False)

    def __init__(self, *args, network, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["houses"].queryset = House.objects.for_network(network).order_by("name")


class DeclarationForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    text = forms.CharField(label=_("Tekst van de verklaring"), widget=forms.Textarea(attrs={"rows": 16}))
    effective_on = _date(_("Geldt vanaf"), required=False)


class SignForm(forms.Form):
    signer_name = forms.CharField(label=_("Je naam"), max_length=150)
    signer_function = forms.CharField(
        label=_("Je functie"),
        max_length=150,
        help_text=_("Bijvoorbeeld: directeur, coördinator, voorzitter."),
    )
    agree = forms.BooleanField(
        label=_("Ik mag tekenen voor mijn organisatie en onderschrijf deze verklaring."),
        error_messages={"required": _("Vink aan dat je mag tekenen en de verklaring onderschrijft.")},
    )


class PaperSignatureForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organization.objects.none(),
        empty_label=_("Kies een organisatie"),
        error_messages={"invalid_choice": _("Kies een partner die deze versie nog niet tekende.")},
    )
    signer_name = forms.CharField(label=_("Naam van wie tekende"), max_length=150)
    signer_function = forms.CharField(label=_("Functie"), max_length=150)
    signed_on = _date(_("Getekend op"))
    scan = forms.FileField(
        label=_("Scan van de getekende verklaring"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args, organizations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["scan"].help_text = _("Een PDF, JPG of PNG van hoogstens %(mb)d MB.") % {
            "mb": SCAN_MAX_MB
        }
