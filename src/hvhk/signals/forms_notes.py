"""Forms of the policy note and the municipality's answer. They only collect input: the services check it (personal
data, a final note, who acts)."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from hvhk.signals.models import PolicyNote, Theme

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
NO_PERSONAL_DATA = _("Geen namen, e-mailadressen of telefoonnummers van gezinnen.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def _date(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(),
        input_formats=DATE_FORMATS,
        help_text=_("Bijvoorbeeld 31/12/2026."),
        error_messages={"required": _("Vul een datum in."), "invalid": _("Dit is geen geldige datum.")},
    )


def _text(label, max_length: int, *, rows: int = 5, required: bool = False, help_text=NO_PERSONAL_DATA):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
        error_messages={
            "required": _("Vul dit in."),
            "max_length": _("Deze tekst is te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
        },
    )


def last_calendar_year(today: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)


class PeriodMixin:
    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Het einde van de periode ligt voor het begin."))
        return data


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Theme) -> str:
        return f"{obj.title} ({obj.get_status_display()})"


class NoteNewForm(PeriodMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel van de nota"),
        max_length=200,
        error_messages={"required": _("Geef de nota een titel.")},
    )
    themes = ThemeChoiceField(
        label=_("Thema's in de nota"),
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Elk thema wordt een hoofdstuk. De volgorde kun je daarna nog aanpassen."),
        error_messages={"required": _("Kies minstens één thema.")},
    )
    period_start = _date(_("Signalen gemeld vanaf"))
    period_end = _date(_("tot en met"))

    def __init__(self, *args, network, today: dt.date, **kwargs) -> None:
        start, end = last_calendar_year(today)
        kwargs.setdefault(
            "initial",
            {
                "title": _("Beleidsnota %(year)s") % {"year": start.year},
                "period_start": start,
                "period_end": end,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.for_network(network).order_by("title")


class NoteForm(PeriodMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel van de nota"),
        max_length=200,
        error_messages={"required": _("Geef de nota een titel.")},
    )
    addressee = forms.CharField(
        label=_("Aan"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: het college van burgemeester en schepenen."),
    )
    period_start = _date(_("Signalen gemeld vanaf"))
    period_end = _date(_("tot en met"))
    introduction = _text(_("Inleiding"), 8000, rows=6)
    closing = _text(_("Slot"), 8000, rows=4)

    @classmethod
    def for_note(cls, note: PolicyNote, data=None) -> "NoteForm":
        initial = {
            "title": note.title,
            "addressee": note.addressee,
            "period_start": note.period_start,
            "period_end": note.period_end,
            "introduction": note.introduction,
            "closing": note.closing,
        }
        return cls(data, initial=initial, prefix="note")


class SectionForm(forms.Form):
    text = _text(_("Tekst bij dit thema"), 8000, rows=6)
    proposal = _text(_("Voorstel van het netwerk"), 4000, rows=4)


class SectionAddForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Thema toevoegen"),
        queryset=Theme.objects.none(),
        empty_label=_("(kies een thema)"),
        error_messages={
            "required": _("Kies een thema."),
            "invalid_choice": _("Kies een thema uit de lijst."),
        },
    )

    def __init__(self, *args, note: PolicyNote, **kwargs) -> None:
        kwargs.setdefault("prefix", "add")
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = (
            Theme.objects.for_network(note.network).exclude(note_sections__note=note).order_by("title")
        )


class FinaliseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ik heb de nota nagelezen. Maak ze definitief."),
        error_messages={"required": _("Vink aan dat je de nota definitief wilt maken.")},
    )


class NoteChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PolicyNote) -> str:
        return f"{obj.title} ({obj.period_start:%d/%m/%Y} – {obj.period_end:%d/%m/%Y})"


class ThemeAnswerForm(forms.Form):
    answered_on = _date(_("Datum van het antwoord"))
    note = NoteChoiceField(
        label=_("Antwoord op de nota"),
        queryset=PolicyNote.objects.none(),
        required=False,
        empty_label=_("(geen nota)"),
        error_messages={"invalid_choice": _("Kies een nota uit de lijst.")},
    )
    answer = _text(
        _("Antwoord van de gemeente"),
        8000,
        rows=8,
        required=True,
        help_text=_("Vat samen wat de gemeente antwoordde of besliste. Geen gegevens van personen."),
    )

    def __init__(self, *args, notes, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["note"].queryset = notes
