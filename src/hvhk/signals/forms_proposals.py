"""The coordinator's answer to a proposal from the figures: accept it (perhaps with a better title) or dismiss it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hvhk.signals.services.proposals import MAX_REASON, MAX_TITLE


class ProposalAcceptForm(forms.Form):
    title = forms.CharField(
        label=_("Titel van het signaal"),
        help_text=_(
            "Laat leeg om de voorgestelde titel te houden. Geen namen of contactgegevens van gezinnen."
        ),
        max_length=MAX_TITLE,
        required=False,
        strip=True,
        error_messages={"max_length": _("De titel is te lang: hoogstens %(limit_value)d tekens.")},
    )


class ProposalDismissForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom neem je dit voorstel niet op?"),
        help_text=_("Bijvoorbeeld: al bekend, een toevallige piek, geen echt probleem."),
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Schrijf kort waarom je dit voorstel niet weerhoudt."),
            "max_length": _("De reden is te lang: hoogstens %(limit_value)d tekens."),
        },
    )


def proposal_forms(
    signal_pk, data=None, *, which: str = ""
) -> tuple[ProposalAcceptForm, ProposalDismissForm]:
    """Both forms of one proposal, with a prefix of their own (a page shows many); `data` binds only `which`."""
    prefix = f"p{str(signal_pk)[:8]}"
    accept = ProposalAcceptForm(data if which == "accept" else None, prefix=f"{prefix}-accept")
    dismiss = ProposalDismissForm(data if which == "dismiss" else None, prefix=f"{prefix}-dismiss")
    return accept, dismiss
