"""Forms of decisions, actions and documents. They only collect input: the services check it and who acts."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from hvhk.accounts.models import User
from hvhk.directory.models import Organization
from hvhk.network.models import ActionItem, AgendaItem
from hvhk.network.selectors.access import network_people


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Besluit"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Schrijf het besluit kort en duidelijk op, zoals het in het verslag komt."),
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.full_name} ({obj.email})" if obj.full_name else obj.email


class ActionForm(forms.Form):
    text = forms.CharField(label=_("Actie"), widget=forms.Textarea(attrs={"rows": 3}))
    owner_user = PersonChoiceField(
        label=_("Eigenaar: een persoon"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("(geen persoon)"),
        help_text=_("Kies een persoon óf een organisatie."),
    )
    owner_organization = forms.ModelChoiceField(
        label=_("Eigenaar: een organisatie"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("(geen organisatie)"),
    )
    due_on = forms.DateField(
        label=_("Klaar tegen"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Bijvoorbeeld 31/01/2027. De eigenaar krijgt drie dagen voordien een herinnering."),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
    )

    def __init__(self, *args, network, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_user"].queryset = network_people(network=network)
        self.fields["owner_organization"].queryset = (
            Organization.objects.for_network(network).filter(membership__isnull=False).order_by("name")
        )


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionItem.Status.choices)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    file = forms.FileField(label=_("Bestand"))
    agenda_item = forms.ModelChoiceField(
        label=_("Bij agendapunt"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("(bij de hele vergadering)"),
    )

    def __init__(self, *args, meeting=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Pdf, Word (docx), Excel (xlsx), PowerPoint (pptx), OpenDocument (odt, ods, odp), jpg, png of txt; "
            "ten hoogste {limit}."
        ).format(limit=filesizeformat(settings.HVHK_DOCUMENT_MAX_BYTES))
        if meeting is None:
            del self.fields["agenda_item"]
        else:
            self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by(
                "position", "created_at"
            )
