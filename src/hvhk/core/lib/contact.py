"""Checking the contact details people type on the public forms (a support request, a sign-up for a call or as a
volunteer): one definition of a valid e-mail address and phone number, with the same message everywhere."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

# A phone number as people write it: digits with spaces, dots, slashes, dashes or brackets, an optional +.
PHONE_RE = re.compile(r"^\+?[0-9 ./()-]{8,20}$")


def phone_is_valid(phone: str) -> bool:
    return bool(PHONE_RE.match(phone)) and sum(c.isdigit() for c in phone) >= 8


def phone_message() -> str:
    return _("Dit telefoonnummer klopt niet. Schrijf het zo: 0470 12 34 56.")


def clean_email(value: str, *, field: str = "email") -> str:
    """The address stripped; a ValidationError on `field` when it is not an e-mail address ("" is fine)."""
    email = (value or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise ValidationError({field: _("Dit e-mailadres klopt niet. Kijk het na.")}) from error
    return email


def clean_phone(value: str, *, field: str = "phone") -> str:
    """The number stripped; a ValidationError on `field` when it does not look like a phone number ("" is fine)."""
    phone = (value or "").strip()
    if phone and not phone_is_valid(phone):
        raise ValidationError({field: phone_message()})
    return phone
