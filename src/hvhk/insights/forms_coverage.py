"""Forms of the coverage pages: the choice of area (and of domain and age band for the map) in the address, the
cell behind a list of services, and the coordinator's upload of area outlines. They only collect input: the
selectors and the service check the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import Area
from hvhk.directory.models import TaxonomyTerm
from hvhk.insights.bands import AGE_BANDS, BAND_LABELS
from hvhk.insights.services.coverage import MAX_BYTES

WHOLE_NETWORK_LABEL = _("Het hele netwerk")


def _area_choices(areas: list[Area]) -> list[tuple[str, str]]:
    return [("", WHOLE_NETWORK_LABEL)] + [(a.slug, f"{a.name} ({a.get_kind_display()})") for a in areas]


class CoverageForm(forms.Form):
    """GET /portal/insights/coverage/?area=&domain=&band=: which area the matrix is of, and which domain and age
    band the map shows."""

    area = forms.ChoiceField(
        label=_("Gebied"),
        required=False,
        error_messages={"invalid_choice": _("Dit gebied kennen we niet. Kies een gebied uit de lijst.")},
    )
    domain = forms.ChoiceField(
        label=_("Levensdomein op de kaart"),
        required=False,
        error_messages={"invalid_choice": _("Dit levensdomein kennen we niet. Kies er een uit de lijst.")},
    )
    band = forms.ChoiceField(
        label=_("Leeftijd op de kaart"),
        required=False,
        choices=[(b, BAND_LABELS[b]) for b in AGE_BANDS],
        error_messages={"invalid_choice": _("Deze leeftijdsgroep kennen we niet. Kies er een uit de lijst.")},
    )

    def __init__(self, *args, areas: list[Area], domains: list[TaxonomyTerm], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = _area_choices(areas)
        self.fields["domain"].choices = [(d.code, d.name) for d in domains]


class CellForm(forms.Form):
    """GET /portal/insights/coverage/services/?domain=&band=&area=: one cell of the matrix."""

    domain = forms.ChoiceField(
        label=_("Levensdomein"),
        error_messages={
            "required": _("Kies een levensdomein."),
            "invalid_choice": _("Dit levensdomein kennen we niet."),
        },
    )
    band = forms.ChoiceField(
        label=_("Leeftijd"),
        choices=[(b, BAND_LABELS[b]) for b in AGE_BANDS],
        error_messages={
            "required": _("Kies een leeftijdsgroep."),
            "invalid_choice": _("Deze leeftijdsgroep kennen we niet."),
        },
    )
    area = forms.ChoiceField(
        label=_("Gebied"),
        required=False,
        error_messages={"invalid_choice": _("Dit gebied kennen we niet.")},
    )

    def __init__(self, *args, areas: list[Area], domains: list[TaxonomyTerm], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [*_area_choices(areas), ("*", WHOLE_NETWORK_LABEL)]
        self.fields["domain"].choices = [(d.code, d.name) for d in domains]


class BoundariesForm(forms.Form):
    file = forms.FileField(
        label=_("GeoJSON-bestand met de omtrekken"),
        help_text=_(
            "Een FeatureCollection met per gebied een Polygon of MultiPolygon in lengte- en breedtegraad. "
            'Noem het gebied in de properties met "slug" of "name". Hoogstens 5 MB. '
            "De omtrekken in het bestand vervangen alle vorige."
        ),
        error_messages={
            "required": _("Kies een GeoJSON-bestand."),
            "empty": _("Het bestand is leeg."),
            "invalid": _("Kies een GeoJSON-bestand."),
        },
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Het bestand is te groot: hoogstens %(max)d MB."),
                params={"max": MAX_BYTES // (1024 * 1024)},
            )
        return file
