from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's rule with our own words: Django 5.2 changed the message and its Dutch translation lags."""

    def get_error_message(self) -> str:
        return ngettext(
            "Dit wachtwoord is te kort: gebruik minstens %(count)d teken.",
            "Dit wachtwoord is te kort: gebruik minstens %(count)d tekens.",
            self.min_length,
        ) % {"count": self.min_length}

    def get_help_text(self) -> str:
        return ngettext(
            "Je wachtwoord heeft minstens %(count)d teken.",
            "Je wachtwoord heeft minstens %(count)d tekens.",
            self.min_length,
        ) % {"count": self.min_length}
