"""Forms of the signals register, in plain words for partner staff: a signal, the triage forms (status, theme,
merge) and a theme. The forms check shape; the services check the rules (and personal data in the texts)."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from hvhk.referrals.models import AGE_CHOICES
from hvhk.signals.models import Signal, Theme
from hvhk.signals.models.signals import TargetGroup

MAX_TEXT = 4000


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _text(label, *, required=False, max_length=MAX_TEXT, rows=None, help_text="", messages=None):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=widget,
        help_text=help_text,
        strip=True,
        error_messages={
            "required": _("Vul dit in."),
            "max_length": _("Maak het korter: hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
            **(messages or {}),
        },
    )


class SignalForm(forms.Form):
    title = _text(
        _("Kort: wat is het signaal?"),
        required=True,
        max_length=200,
        help_text=_("Eén zin, bijvoorbeeld: Ouders vinden geen opvang voor de avonduren."),
        messages={"required": _("Geef het signaal een korte titel.")},
    )
    description = _text(
        _("Wat merkten jullie?"),
        required=True,
        rows=6,
        help_text=_("Wat komt vaker terug? Bij welke gezinnen? Wat lukt hen niet?"),
        messages={"required": _("Beschrijf wat jullie merkten.")},
    )
    noticed_since = forms.DateField(
        label=_("Sinds wanneer? (niet verplicht)"),
        required=False,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"],
        error_messages={"invalid": _("Geef een datum, bijvoorbeeld 1/9/2026.")},
    )
    frequency = forms.ChoiceField(label=_("Hoe vaak? (schatting)"), choices=Signal.Frequency.choices)
    families_estimate = forms.IntegerField(
        label=_("Hoeveel gezinnen? (schatting, niet verplicht)"),
        required=False,
        min_value=1,
        max_value=100000,
        error_messages={
            "invalid": _("Geef een getal, bijvoorbeeld 12."),
            "min_value": _("Geef een getal vanaf 1, of laat leeg."),
            "max_value": _("Dat is meer dan 100000; geef een schatting die kan kloppen."),
        },
    )
    age_bands = forms.MultipleChoiceField(
        label=_("Leeftijd van de kinderen"),
        required=False,
        choices=AGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies een leeftijd uit de lijst.")},
    )
    area = forms.ModelChoiceField(
        label=_("Gemeente of wijk (niet verplicht)"),
        queryset=None,
        required=False,
        empty_label=_("heel het netwerk"),
        error_messages={"invalid_choice": _("Kies een gemeente uit de lijst.")},
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Welke gezinnen?"),
        required=False,
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies een groep uit de lijst.")},
    )
    life_domain = forms.ModelChoiceField(
        label=_("Levensdomein (niet verplicht)"),
        queryset=None,
        required=False,
        empty_label=_("weet ik niet"),
        error_messages={"invalid_choice": _("Kies een levensdomein uit de lijst.")},
    )
    source = forms.ChoiceField(
        label=_("Van wie komt het signaal?"),
        choices=Signal.Source.choices,
        error_messages={"invalid_choice": _("Kies een bron uit de lijst.")},
    )
    evidence = _text(
        _("Onderbouwing: cijfers en anonieme citaten (niet verplicht)"),
        rows=4,
        help_text=_("Bijvoorbeeld: 12 gezinnen op de wachtlijst; “We wachten al een half jaar.”"),
    )

    def __init__(self, *args, areas, life_domains, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas
        self.fields["life_domain"].queryset = life_domains

    @classmethod
    def initial_from(cls, signal: Signal) -> dict:
        return {
            "title": signal.title,
            "description": signal.description,
            "noticed_since": signal.noticed_since,
            "frequency": signal.frequency,
            "families_estimate": signal.families_estimate,
            "age_bands": signal.age_bands,
            "area": signal.area_id,
            "target_groups": signal.target_groups,
            "life_domain": signal.life_domain_id,
            "source": signal.source,
            "evidence": signal.evidence,
        }


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=(),
        error_messages={
            "required": _("Kies een status."),
            "invalid_choice": _("Die stap kan niet vanuit de huidige status."),
        },
    )
    note = _text(_("Toelichting (niet verplicht)"), max_length=2000, rows=2)

    def __init__(self, *args, signal: Signal, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # "Bundled in a theme" needs a theme: without one, the theme form does it.
        nexts = [
            status
            for status in Signal.NEXT.get(signal.status, ())
            if status != Signal.Status.THEMED or signal.theme_id
        ]
        self.fields["status"].choices = [(s, capfirst(Signal.Status(s).label)) for s in nexts]


class ThemeSetForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=None,
        required=False,
        empty_label=_("geen thema"),
        error_messages={"invalid_choice": _("Kies een thema uit de lijst.")},
    )
    note = _text(_("Toelichting (niet verplicht)"), max_length=2000, rows=2)

    def __init__(self, *args, themes, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Samenvoegen met"),
        queryset=None,
        empty_label=_("kies een open signaal"),
        help_text=_(
            "Dit signaal wordt een dubbel van het gekozen signaal; de melders tellen mee bij dat signaal."
        ),
        error_messages={
            "required": _("Kies het signaal om mee samen te voegen."),
            "invalid_choice": _("Kies een open signaal uit de lijst."),
        },
    )
    note = _text(_("Toelichting (niet verplicht)"), max_length=2000, rows=2)

    def __init__(self, *args, targets, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets


class ThemeForm(forms.Form):
    title = _text(
        _("Titel"),
        required=True,
        max_length=200,
        help_text=_("Bijvoorbeeld: Wachtlijsten in de kinderopvang."),
        messages={"required": _("Geef het thema een titel.")},
    )
    description = _text(_("Waarover gaat het?"), rows=4)
    proposal = _text(
        _("Voorstel van het netwerk (niet verplicht)"),
        rows=4,
        help_text=_("Wat vraagt het netwerk aan de gemeente?"),
    )
    body = forms.ModelChoiceField(
        label=_("Werkgroep die het opvolgt (niet verplicht)"),
        queryset=None,
        required=False,
        empty_label=_("geen"),
        error_messages={"invalid_choice": _("Kies een werkgroep uit de lijst.")},
    )

    def __init__(self, *args, bodies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


class ThemeStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status van het thema"),
        choices=[(value, capfirst(label)) for value, label in Theme.Status.choices],
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )
