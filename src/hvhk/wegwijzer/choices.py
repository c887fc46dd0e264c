"""Labels of the search filters, in the visitor's language."""

from django.utils.translation import gettext_lazy as _

AGE_LABELS = {
    "zwanger": _("Zwanger"),
    "0-3": _("0 tot 3 jaar"),
    "3-6": _("3 tot 6 jaar"),
    "6-12": _("6 tot 12 jaar"),
    "12-18": _("12 tot 18 jaar"),
    "18-24": _("18 tot 24 jaar"),
}
COST_LABELS = {"free": _("Gratis"), "reduced": _("Verminderd tarief"), "paid": _("Betalend")}
WHEN_LABELS = {
    "MO": _("Maandag"),
    "TU": _("Dinsdag"),
    "WE": _("Woensdag"),
    "TH": _("Donderdag"),
    "FR": _("Vrijdag"),
    "SA": _("Zaterdag"),
    "SU": _("Zondag"),
    "evening": _("'s Avonds"),
    "weekend": _("In het weekend"),
}
HOW_LABELS = {
    "location": _("Op een locatie"),
    "home": _("Aan huis"),
    "online": _("Online"),
    "phone": _("Telefonisch"),
}
SORT_LABELS = {"relevance": _("Best passend"), "distance": _("Dichtstbij"), "name": _("Naam (A–Z)")}
