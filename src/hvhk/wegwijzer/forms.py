from django import forms
from django.utils.translation import gettext_lazy as _

from hvhk.core.lib.http import is_local_path
from hvhk.feedback.models import ErrorReport


class ReportForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Wat is er aan de hand?"),
        choices=ErrorReport.Topic.choices,
        initial=ErrorReport.Topic.WRONG,
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Wat klopt er niet?"),
        help_text=_("Schrijf kort wat fout of onduidelijk is. Zet hier geen gegevens over je gezin."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Schrijf wat er fout of onduidelijk is."),
            "max_length": _(
                "Je bericht is te lang: gebruik maximaal %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    reporter_email = forms.EmailField(
        label=_("Je e-mailadres (mag je leeg laten)"),
        help_text=_("Alleen als je een antwoord wilt. We gebruiken het voor niets anders."),
        required=False,
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk het na of laat het leeg.")},
    )
    page_url = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)
    # Honeypot: hidden from people, filled in by bots.
    website = forms.CharField(
        required=False,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Schrijf wat er fout of onduidelijk is."))
        return message

    def clean_page_url(self) -> str:
        value = self.cleaned_data.get("page_url", "").strip()
        return value if is_local_path(value) else ""

    @staticmethod
    def too_many_message() -> str:
        return _("Je stuurde kort na elkaar veel meldingen. Probeer het over een uur opnieuw, of bel ons.")

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
