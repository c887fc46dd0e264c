"""The form of the annual report's own texts. It only collects input: the service checks it (personal data, who
acts, length)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hvhk.insights.models import ReportText

NO_PERSONAL_DATA = _("Geen namen, e-mailadressen of telefoonnummers van gezinnen of collega's.")


def _text(label, help_text) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=ReportText._meta.get_field("introduction").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=help_text,
        error_messages={
            "max_length": _("Deze tekst is te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
        },
    )


class ReportTextForm(forms.Form):
    introduction = _text(_("Inleiding"), _("Staat vooraan in het verslag. ") + NO_PERSONAL_DATA)
    closing = _text(_("Tot slot"), _("Staat achteraan in het verslag. ") + NO_PERSONAL_DATA)
