"""Forms for bodies, meetings, the date poll, the agenda, minutes and attendance. They only read and check input;
the services decide and write."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hvhk.accounts.models import User
from hvhk.network.models import AgendaItem, Body

POLL_SLOTS = 4


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["kind", "name", "theme", "description", "is_open", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class BodyMemberForm(forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.none(), required=False, label=_("Persoon"))
    organization = forms.ModelChoiceField(queryset=None, required=False, label=_("of een organisatie"))
    is_trekker = forms.BooleanField(
        required=False,
        label=_("Trekker"),
        help_text=_("De trekker plant de vergaderingen en schrijft het verslag."),
    )

    def __init__(self, *args, people, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people
        self.fields["user"].label_from_instance = lambda u: f"{u.get_full_name()} ({u.email})"
        self.fields["organization"].queryset = organizations

    def clean(self):
        data = super().clean()
        if bool(data.get("user")) == bool(data.get("organization")):
            raise forms.ValidationError(_("Kies een persoon of een organisatie (niet allebei)."))
        if data.get("is_trekker") and not data.get("user"):
            self.add_error("is_trekker", _("Een trekker is een persoon, geen organisatie."))
        return data


def _aware(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    date = forms.DateField(
        label=_("Datum"),
        required=False,
        widget=DateInput(),
        help_text=_("Ligt de datum nog niet vast? Laat dit leeg en stel hieronder datums voor."),
    )
    start = forms.TimeField(label=_("Begint om"), widget=TimeInput(), initial=dt.time(9, 30))
    end = forms.TimeField(label=_("Eindigt om"), widget=TimeInput(), initial=dt.time(11, 30))
    place = forms.CharField(label=pgettext_lazy("venue", "Plaats"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Link om online deel te nemen"), required=False, assume_scheme="https"
    )

    def __init__(self, *args, with_poll: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_poll:
            for index in range(1, POLL_SLOTS + 1):
                self.fields[f"option_{index}"] = forms.DateField(
                    label=_("Voorstel {number}").format(number=index), required=False, widget=DateInput()
                )

    @property
    def poll_fields(self):
        return [self[name] for name in self.fields if name.startswith("option_")]

    @property
    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith("option_")]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("Het einde ligt voor het begin. Kies een later uur."))
        options = sorted(
            {data[name] for name in self.fields if name.startswith("option_") and data.get(name)}
        )
        if not data.get("date") and not options and "date" not in self.errors:
            self.add_error(
                "date", _("Kies de datum, of stel minstens één datum voor in de datumprikker hieronder.")
            )
        today = timezone.localdate()
        for name in self.fields:
            if name.startswith("option_") and data.get(name) and data[name] < today:
                self.add_error(name, _("Deze datum ligt in het verleden. Kies een datum in de toekomst."))
        data["options"] = options
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        fields = {k: data[k] for k in ("title", "description", "place", "online_url")}
        if data.get("date"):
            fields["starts_at"] = _aware(data["date"], data["start"])
            fields["ends_at"] = _aware(data["date"], data["end"])
        else:
            fields["starts_at"] = None
            fields["ends_at"] = None
        return fields

    def date_options(self) -> list[tuple]:
        data = self.cleaned_data
        if data.get("date"):
            return []
        return [(_aware(day, data["start"]), _aware(day, data["end"])) for day in data["options"]]

    @classmethod
    def initial_for(cls, meeting) -> dict:
        initial = {k: getattr(meeting, k) for k in ("title", "description", "place", "online_url")}
        if meeting.starts_at:
            starts = timezone.localtime(meeting.starts_at)
            initial.update(date=starts.date(), start=starts.time().replace(second=0, microsecond=0))
        if meeting.ends_at:
            initial["end"] = timezone.localtime(meeting.ends_at).time().replace(second=0, microsecond=0)
        return initial


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "description", "owner_user", "owner_organization", "duration_minutes"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, people, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_user"].queryset = people
        self.fields["owner_user"].label_from_instance = lambda u: u.get_full_name()
        self.fields["owner_organization"].queryset = organizations


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Verslag"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    version = forms.IntegerField(widget=forms.HiddenInput)
