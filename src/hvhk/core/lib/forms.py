"""A service's refusal shown on the form that sent it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: each message on the field it names when the form has that
    field, else above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class ContactForm(forms.Form):
    """The start of a public sign-up form (a call to take part, volunteering): a name, and an e-mail address or a
    phone number so the person can be reached. A subclass sets NAME_MAX and adds its own fields after these."""

    NAME_MAX = 120

    name = forms.CharField(
        label=_("Je naam"),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Geef je naam (een voornaam is genoeg).")},
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk het na.")},
    )
    phone = forms.CharField(
        label=_("Of je telefoonnummer"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["maxlength"] = str(self.NAME_MAX)

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        if len(name) > self.NAME_MAX:
            raise ValidationError(
                _("Je naam is te lang: maximaal %(limit_value)d tekens."),
                params={"limit_value": self.NAME_MAX},
            )
        return name

    def clean(self):
        data = super().clean()
        if not data.get("email") and not (data.get("phone") or "").strip() and "email" not in self.errors:
            self.add_error(
                "email", _("Geef een e-mailadres of een telefoonnummer, zodat we je kunnen bereiken.")
            )
        return data
