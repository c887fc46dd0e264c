"""Forms of the organiser's pages: attendance after a session, cancelling a session or one registration."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hvhk.activities.models import Registration
from hvhk.activities.services.attendance import REASON_MAX


class AttendanceForm(forms.Form):
    """The number of people present is enough; names are optional (tick "mark names" and who came)."""

    present_count = forms.IntegerField(
        label=_("Aantal aanwezigen (volwassenen en kinderen samen)"), min_value=0, max_value=10000
    )
    present_children = forms.IntegerField(
        label=_("Waarvan kinderen"), min_value=0, max_value=10000, required=False
    )
    mark_names = forms.BooleanField(
        label=_("Ik duid ook aan welke ingeschreven gezinnen er waren"), required=False
    )
    attended = forms.MultipleChoiceField(
        label=_("Aanwezige gezinnen"), required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(
        label=_("Opmerking"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, registrations: list[Registration], series: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (str(r.pk), f"{r.name} ({r.adults} + {r.children})") for r in registrations
        ]
        if series:
            self.fields["attended"].help_text = _(
                "Bij een reeks geldt één vinkje voor de hele reeks: het laatst bewaarde telt."
            )
        if not registrations:
            del self.fields["mark_names"], self.fields["attended"]

    def clean(self) -> dict:
        data = super().clean()
        count, children = data.get("present_count"), data.get("present_children")
        if count is not None and children is not None and children > count:
            self.add_error("present_children", _("Er kunnen niet meer kinderen dan aanwezigen zijn."))
        return data

    def attended_ids(self) -> list[str] | None:
        """The ticked registrations, or None when names are not marked."""
        if not self.cleaned_data.get("mark_names"):
            return None
        return self.cleaned_data.get("attended", [])


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden (de gezinnen lezen die)"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: de begeleider is ziek. Schrijf kort en duidelijk."),
    )
