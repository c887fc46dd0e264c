"""Names of the languages services are offered in (ISO 639 codes), in the visitor's language."""

from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {
    "nl": _("Nederlands"),
    "fr": _("Frans"),
    "en": _("Engels"),
    "de": _("Duits"),
    "ar": _("Arabisch"),
    "tr": _("Turks"),
    "es": _("Spaans"),
    "it": _("Italiaans"),
    "pl": _("Pools"),
    "ro": _("Roemeens"),
    "bg": _("Bulgaars"),
    "ru": _("Russisch"),
    "uk": _("Oekraïens"),
    "sq": _("Albanees"),
    "so": _("Somalisch"),
    "ti": _("Tigrinya"),
    "am": _("Amhaars"),
    "prs": _("Dari"),
    "fa": _("Perzisch"),
    "ps": _("Pasjtoe"),
    "ber": _("Berbers"),
    "ku": _("Koerdisch"),
    "pt": _("Portugees"),
    "vgt": _("Vlaamse Gebarentaal"),
}


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))
