"""Per-language texts stored beside the Dutch original, falling back to Dutch when missing."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslatableModel(models.Model):
    """Adds `translations`: {"en": {"name": "...", "description": "..."}, ...} for `translatable_fields`.

    One JSON column rather than a row per language keeps a results page at one query and needs no join.
    """

    translations = models.JSONField(
        _("vertalingen"),
        default=dict,
        blank=True,
        help_text=_(
            "Vertaalde teksten per taal; ontbreekt een vertaling, dan tonen we de Nederlandse tekst."
        ),
    )

    translatable_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def translated(self, field: str, language: str | None) -> tuple[str, bool]:
        """The text of `field` in `language`, and whether it fell back to the original (Dutch)."""
        original = getattr(self, field)
        if not language or language == settings.LANGUAGE_CODE:
            return original, False
        text = (self.translations or {}).get(language, {}).get(field, "")
        if text.strip():
            return text, False
        return original, bool(original)

    def clean(self) -> None:
        super().clean()
        data = self.translations
        if data in (None, ""):
            self.translations = {}
            return
        languages = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
        if not isinstance(data, dict):
            raise ValidationError({"translations": _("Vertalingen moeten per taal gegeven worden.")})
        for language, texts in data.items():
            if language not in languages:
                raise ValidationError(
                    {"translations": _("Onbekende taal %(language)s.") % {"language": language}}
                )
            if not isinstance(texts, dict):
                raise ValidationError({"translations": _("Geef per taal de vertaalde velden.")})
            for field, text in texts.items():
                if field not in self.translatable_fields:
                    raise ValidationError(
                        {"translations": _("Het veld %(field)s kan niet vertaald worden.") % {"field": field}}
                    )
                if not isinstance(text, str):
                    raise ValidationError({"translations": _("Een vertaling moet tekst zijn.")})
