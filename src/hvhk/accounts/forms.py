from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from hvhk.accounts.models import RoleAssignment


class NewAccountForm(forms.Form):
    """The password of a new, invited account (the e-mail address comes from the invitation)."""

    full_name = forms.CharField(label=_("Je naam"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Kies een wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )
    password2 = forms.CharField(
        label=_("Nog eens hetzelfde wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["password1"].help_text = password_validation.password_validators_help_text_html()

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        elif data.get("password1"):
            from hvhk.accounts.models import User

            try:
                password_validation.validate_password(data["password1"], User(email=self.email))
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"))
    role = forms.ChoiceField(label=_("Rol"), choices=RoleAssignment.Role.choices)
    organization = forms.ModelChoiceField(
        label=_("Organisatie (voor een redacteur of medewerker van een partner)"),
        queryset=None,
        required=False,
    )

    def __init__(self, *args, organizations, **kwargs) -> None:
        """`organizations`: the network's organisations to choose from (accounts reads no directory data)."""
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def clean(self):
        data = super().clean()
        if data.get("role") in RoleAssignment.PARTNER_STAFF and not data.get("organization"):
            self.add_error("organization", _("Kies de organisatie van deze persoon."))
        return data
