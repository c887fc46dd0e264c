"""The coordinator's verdict on a flagged pair: the two services (ids), the verdict and an optional note."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hvhk.insights.models import OverlapReview


class OverlapMarkForm(forms.Form):
    service_a = forms.UUIDField(widget=forms.HiddenInput)
    service_b = forms.UUIDField(widget=forms.HiddenInput)
    verdict = forms.ChoiceField(
        label=_("Besluit"),
        choices=OverlapReview.Verdict.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies 'vullen elkaar aan' of 'te bespreken'.")},
    )
    note = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
