"""Portal forms: they read and write snapshots (see directory/snapshots.py), in plain words for partner staff."""

import uuid
from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hvhk.directory import models as m
from hvhk.directory import snapshots
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE, TARGET_GROUPS_CODE
from hvhk.directory.form_fields import AGE_FROM, AGE_TO, TRANSLATION_LANGUAGES
from hvhk.directory.form_fields import age_field as _age
from hvhk.directory.form_fields import text_field as _text
from hvhk.directory.languages import LANGUAGE_NAMES
from hvhk.directory.models.validators import web_url_validator

MAX_TEXT = 4000
DAYS = [
    ("MO", _("maandag")),
    ("TU", _("dinsdag")),
    ("WE", _("woensdag")),
    ("TH", _("donderdag")),
    ("FR", _("vrijdag")),
    ("SA", _("zaterdag")),
    ("SU", _("zondag")),
]


def _offer_age(field, months: int | None, label: str) -> None:
    """Add `months` to an age field's choices if the list lacks it, in the words of the public pages."""
    if months is None or any(str(value) == str(months) for value, _label in field.choices):
        return
    if months % 12 == 0:
        text = ngettext("%(n)d jaar", "%(n)d jaar", months // 12) % {"n": months // 12}
    else:
        text = ngettext("%(n)d maand", "%(n)d maanden", abs(months)) % {"n": months}
    choices = [*field.choices[1:], (months, label % {"start": text})]
    field.choices = [field.choices[0], *sorted(choices, key=lambda choice: choice[0])]


class _TranslatedTexts:
    """A name and a description per interface language besides Dutch, as optional fields of a form."""

    def _add_translation_fields(self) -> None:
        for code, language in TRANSLATION_LANGUAGES:
            self.fields[f"name_{code}"] = _text(_("Naam in het %(language)s") % {"language": language})
            self.fields[f"description_{code}"] = _text(
                _("Beschrijving in het %(language)s") % {"language": language}, max_length=MAX_TEXT, rows=3
            )
            for name in (f"name_{code}", f"description_{code}"):
                self.fields[name].widget.attrs.update(lang=code, dir="rtl" if code == "ar" else "ltr")

    def translation_fields(self):
        return [
            (code, language, self[f"name_{code}"], self[f"description_{code}"])
            for code, language in TRANSLATION_LANGUAGES
        ]

    @staticmethod
    def translations_initial(snapshot: dict) -> dict:
        initial = {}
        for code, _language in TRANSLATION_LANGUAGES:
            texts = snapshot.get("translations", {}).get(code, {})
            initial[f"name_{code}"] = texts.get("name", "")
            initial[f"description_{code}"] = texts.get("description", "")
        return initial

    def translations_snapshot(self) -> dict:
        data = self.cleaned_data
        return {
            code: {"name": data[f"name_{code}"], "description": data[f"description_{code}"]}
            for code, _language in TRANSLATION_LANGUAGES
            if data[f"name_{code}"] or data[f"description_{code}"]
        }


class ServiceForm(_TranslatedTexts, forms.Form):
    name = _text(_("Naam van het aanbod"), required=True, help_text=_("Zoals een ouder het zou zeggen."))
    alternate_name = _text(_("Andere naam (niet verplicht)"))
    description = _text(
        _("Wat is het?"),
        required=True,
        max_length=MAX_TEXT,
        rows=6,
        help_text=_("Leg in gewone woorden uit wat een gezin hier krijgt. Korte zinnen helpen."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=m.Service.Status.choices)
    alert = _text(
        _("Tijdelijke melding (niet verplicht)"),
        max_length=500,
        rows=2,
        help_text=_("Bijvoorbeeld: gesloten tijdens de kerstvakantie."),
    )
    minimum_age_months = _age(_("Voor wie: vanaf"), AGE_FROM)
    maximum_age_months = _age(_("tot"), AGE_TO)
    eligibility_description = _text(_("Voorwaarden (niet verplicht)"), max_length=MAX_TEXT, rows=3)
    at_location = forms.BooleanField(label=_("Op een locatie"), required=False)
    at_home = forms.BooleanField(label=_("Aan huis"), required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    by_phone = forms.BooleanField(label=_("Telefonisch"), required=False)
    walk_in = forms.BooleanField(label=_("Binnenlopen zonder afspraak kan"), required=False)
    application_process = _text(_("Hoe meld je je aan?"), max_length=MAX_TEXT, rows=3)
    fees_description = _text(_("Uitleg over de kosten (niet verplicht)"), max_length=MAX_TEXT, rows=2)
    interpretation_services = _text(_("Tolken (niet verplicht)"), max_length=MAX_TEXT, rows=2)
    url = forms.URLField(
        label=_("Website (niet verplicht)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[web_url_validator],  # as the model: only http(s), never javascript: or ftp:
    )
    email = forms.EmailField(label=_("E-mail (niet verplicht)"), required=False)
    domains = forms.MultipleChoiceField(
        label=_("Levensdomeinen"), required=False, widget=forms.CheckboxSelectMultiple
    )
    groups = forms.MultipleChoiceField(
        label=_("Doelgroepen"), required=False, widget=forms.CheckboxSelectMultiple
    )
    locations = forms.MultipleChoiceField(
        label=_("Waar?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("In welke talen?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=sorted(((code, name) for code, name in LANGUAGE_NAMES.items()), key=lambda c: str(c[1])),
    )
    pillars = forms.MultipleChoiceField(
        label=_("Pijlers van het Huis van het Kind die dit aanbod invult"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args, network, organization, current_locations=(), current_ages=(None, None), **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        # An age the lists do not have (the model takes any month) is offered too, so that saving keeps it.
        low, high = current_ages
        _offer_age(self.fields["minimum_age_months"], low, _("vanaf %(start)s"))
        _offer_age(self.fields["maximum_age_months"], high, "%(start)s")
        terms = (
            m.TaxonomyTerm.objects.for_network(network)
            .select_related("taxonomy")
            .order_by("position", "name")
        )
        self.fields["domains"].choices = [
            (str(t.pk), t.name) for t in terms if t.taxonomy.code == LIFE_DOMAINS_CODE
        ]
        self.fields["groups"].choices = [
            (str(t.pk), t.name) for t in terms if t.taxonomy.code == TARGET_GROUPS_CODE
        ]
        # The organisation's own places, and the places the service is at already: a partner often works in
        # another organisation's building (a Huis van het Kind), and that place must stay checked and kept.
        current = [pk for pk in map(_uuid, current_locations) if pk]
        places = (
            m.Location.objects.for_network(network)
            .filter(Q(organization=organization) | Q(pk__in=current))
            .order_by("name")
        )
        self.fields["locations"].choices = [(str(p.pk), p.name or str(p.pk)) for p in places]
        pillars = (
            m.Pillar.objects.for_network(network).select_related("house").order_by("house__name", "position")
        )
        self.fields["pillars"].choices = [(str(p.pk), f"{p.house.name}: {p.title}") for p in pillars]
        self._add_translation_fields()

    def clean(self):
        data = super().clean()
        if not any(data.get(k) for k in ("at_location", "at_home", "online", "by_phone")):
            self.add_error(
                "at_location", _("Kies minstens één manier: op een locatie, aan huis, online of telefonisch.")
            )
        low, high = data.get("minimum_age_months"), data.get("maximum_age_months")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age_months", _("De hoogste leeftijd ligt voor de laagste."))
        if data.get("at_location") and not data.get("locations") and self.fields["locations"].choices:
            self.add_error("locations", _("Kies waar het aanbod doorgaat, of vink 'Op een locatie' uit."))
        return data

    @classmethod
    def initial_from(cls, snapshot: dict, network) -> dict:
        terms = dict(m.TaxonomyTerm.objects.for_network(network).values_list("pk", "taxonomy__code"))
        initial = {name: snapshot.get(name) for name in snapshots.SERVICE_FIELDS}
        initial["domains"] = [
            t for t in snapshot.get("terms", []) if terms.get(_uuid(t)) == LIFE_DOMAINS_CODE
        ]
        initial["groups"] = [
            t for t in snapshot.get("terms", []) if terms.get(_uuid(t)) == TARGET_GROUPS_CODE
        ]
        for name in ("locations", "languages", "pillars"):
            initial[name] = snapshot.get(name, [])
        initial.update(_TranslatedTexts.translations_initial(snapshot))
        return initial

    @staticmethod
    def terms_not_edited(snapshot: dict, network) -> list[str]:
        """The snapshot's terms of taxonomies this form does not show (an import's own categories, say): a
        partner's edit keeps them rather than dropping them unseen."""
        shown = (LIFE_DOMAINS_CODE, TARGET_GROUPS_CODE)
        terms = dict(m.TaxonomyTerm.objects.for_network(network).values_list("pk", "taxonomy__code"))
        return [t for t in snapshot.get("terms", []) if terms.get(_uuid(t)) not in (None, *shown)]

    def snapshot_part(self) -> dict:
        data = self.cleaned_data
        snapshot = {name: data.get(name) for name in snapshots.SERVICE_FIELDS}
        for name in ("alternate_name", "alert", "eligibility_description", "application_process",
                     "fees_description", "interpretation_services", "url", "email", "description"):  # fmt: skip
            snapshot[name] = snapshot[name] or ""
        snapshot["terms"] = sorted([*data["domains"], *data["groups"]])
        snapshot["locations"] = sorted(data["locations"])
        snapshot["languages"] = sorted(data["languages"])
        snapshot["pillars"] = sorted(data["pillars"])
        snapshot["translations"] = self.translations_snapshot()
        return snapshot


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


class HoursForm(forms.Form):
    days = forms.MultipleChoiceField(
        label=_("Dagen"), choices=DAYS, required=False, widget=forms.CheckboxSelectMultiple
    )
    opens_at = forms.TimeField(
        label=_("Van"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    closes_at = forms.TimeField(
        label=_("Tot"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    description = _text(
        _("Uitleg (niet verplicht)"), max_length=200, help_text=_("Bijvoorbeeld: enkel op afspraak.")
    )

    def clean(self):
        data = super().clean()
        filled = data.get("opens_at") or data.get("closes_at") or data.get("description")
        if filled and not data.get("days"):
            self.add_error("days", _("Kies de dagen."))
        if data.get("opens_at") and data.get("closes_at") and data["opens_at"] >= data["closes_at"]:
            self.add_error("closes_at", _("Het sluitingsuur moet na het openingsuur liggen."))
        return data

    def row(self) -> dict | None:
        data = self.cleaned_data
        if not data or not data.get("days"):
            return None
        order = [code for code, _label in DAYS]
        return {
            "byday": ",".join(sorted(data["days"], key=order.index)),
            "opens_at": data["opens_at"].strftime("%H:%M") if data.get("opens_at") else "",
            "closes_at": data["closes_at"].strftime("%H:%M") if data.get("closes_at") else "",
            "description": data.get("description", ""),
        }


class CostForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Prijs"), choices=[("", "—"), *m.CostOption.Kind.choices], required=False
    )
    option = _text(
        _("Voor wie of wat (niet verplicht)"), help_text=_("Bijvoorbeeld: per sessie, met UiTPAS.")
    )
    amount = forms.DecimalField(
        label=_("Bedrag in euro (niet verplicht)"),
        required=False,
        min_value=Decimal(0),
        max_digits=9,
        decimal_places=2,
    )

    def clean(self):
        data = super().clean()
        if (data.get("option") or data.get("amount") is not None) and not data.get("kind"):
            self.add_error("kind", _("Kies gratis, verminderd tarief of betalend."))
        if data.get("kind") == m.CostOption.Kind.FREE and data.get("amount"):
            self.add_error("amount", _("Gratis aanbod heeft geen bedrag."))
        return data

    def row(self) -> dict | None:
        data = self.cleaned_data
        if not data or not data.get("kind"):
            return None
        amount = data.get("amount")
        return {
            "kind": data["kind"],
            "option": data.get("option", ""),
            "amount": "" if amount is None else str(amount),
        }


HoursFormSet = forms.formset_factory(HoursForm, extra=2, max_num=14, validate_max=True)
CostFormSet = forms.formset_factory(CostForm, extra=1, max_num=6, validate_max=True)


def hours_initial(snapshot: dict) -> list[dict]:
    return [
        {
            "days": row["byday"].split(",") if row.get("byday") else [],
            "opens_at": row.get("opens_at") or None,
            "closes_at": row.get("closes_at") or None,
            "description": row.get("description", ""),
        }
        for row in snapshot.get("hours", [])
    ]


def costs_initial(snapshot: dict) -> list[dict]:
    return [
        {"kind": c["kind"], "option": c.get("option", ""), "amount": c.get("amount") or None}
        for c in snapshot.get("costs", [])
    ]


class OrganizationForm(_TranslatedTexts, forms.Form):
    name = _text(_("Naam"), required=True)
    alternate_name = _text(_("Andere naam (niet verplicht)"))
    description = _text(_("Wat doet de organisatie?"), required=True, max_length=MAX_TEXT, rows=5)
    email = forms.EmailField(label=_("E-mail (niet verplicht)"), required=False)
    website = forms.URLField(
        label=_("Website (niet verplicht)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[web_url_validator],  # as the model: only http(s), never javascript: or ftp:
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._add_translation_fields()

    @staticmethod
    def initial_from(snapshot: dict) -> dict:
        initial = {name: snapshot.get(name, "") for name in snapshots.ORGANIZATION_FIELDS}
        initial.update(_TranslatedTexts.translations_initial(snapshot))
        return initial

    def snapshot(self) -> dict:
        data = self.cleaned_data
        snapshot = {name: data.get(name) or "" for name in snapshots.ORGANIZATION_FIELDS}
        snapshot["translations"] = self.translations_snapshot()
        return snapshot


class LocationForm(forms.Form):
    name = _text(_("Naam van de plek"), required=True)
    address_1 = _text(_("Straat en nummer"), required=True)
    postal_code = forms.RegexField(
        label=_("Postcode"),
        regex=r"^\d{4}$",
        error_messages={"invalid": _("Geef een postcode van vier cijfers.")},
    )
    city = _text(_("Gemeente"), required=True, max_length=120)
    description = _text(_("Hoe vind je de ingang? (niet verplicht)"), max_length=MAX_TEXT, rows=2)
    transportation = _text(
        _("Bereikbaarheid (niet verplicht)"),
        max_length=MAX_TEXT,
        rows=2,
        help_text=_("Bus, tram, parking, fietsenstalling."),
    )
    latitude = forms.DecimalField(
        label=_("Breedtegraad (niet verplicht)"),
        required=False,
        min_value=-90,
        max_value=90,
        decimal_places=6,
    )
    longitude = forms.DecimalField(
        label=_("Lengtegraad (niet verplicht)"),
        required=False,
        min_value=-180,
        max_value=180,
        decimal_places=6,
    )
    accessibility = forms.MultipleChoiceField(
        label=_("Toegankelijkheid"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=m.Accessibility.Feature.choices,
    )

    def clean(self):
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Geef zowel breedte- als lengtegraad, of geen van beide."))
        return data

    @staticmethod
    def initial_from(snapshot: dict) -> dict:
        return dict(snapshot)

    def snapshot(self) -> dict:
        data = self.cleaned_data
        return {
            **{
                name: data.get(name) or ""
                for name in ("name", "description", "transportation", "address_1", "postal_code", "city")
            },
            "latitude": "" if data.get("latitude") is None else str(data["latitude"]),
            "longitude": "" if data.get("longitude") is None else str(data["longitude"]),
            "accessibility": sorted(data.get("accessibility", [])),
        }


class ReviewForm(forms.Form):
    comment = _text(
        _("Opmerking voor de partner"),
        max_length=2000,
        rows=3,
        help_text=_("Verplicht als je het voorstel terugstuurt: zeg wat er anders moet."),
    )

    def clean(self):
        data = super().clean()
        if self.data.get("action") == "return" and not data.get("comment"):
            self.add_error("comment", _("Zeg wat er anders moet, zodat de partner het kan aanpassen."))
        return data
