"""Spot what looks like a person's contact details or identity number in a free text (a signal, a parent's
contribution), so the form can warn before it is stored: an e-mail address, a phone number (Belgian or
international) or a Belgian national register number (rijksregisternummer, checked with its modulo-97 check).

It finds likely cases, not all: a name is not detected. The forms say in words that names and contact details of
families never belong in these texts."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A national register number: YY.MM.DD-XXX.CC, also written without separators (11 digits).
NATIONAL_NUMBER = re.compile(r"(?<!\d)(\d{2})\.?(\d{2})\.?(\d{2})[-. ]?(\d{3})\.?(\d{2})(?!\d)")
# A phone number: +32 or 0032 or 0, then 8 or 9 more digits, with spaces, dots, slashes or dashes between groups.
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?(?:\d[ ./-]?){8,12}\d(?!\d)")

KINDS = {
    "email": _("een e-mailadres"),
    "phone": _("een telefoonnummer"),
    "national_number": _("een rijksregisternummer"),
}


@dataclass(frozen=True)
class Finding:
    kind: str  # "email", "phone" or "national_number"
    start: int
    end: int

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])


def _valid_national_number(digits: str) -> bool:
    """The last two digits are 97 minus the first nine modulo 97; for people born from 2000 on, a 2 is put in
    front of the nine."""
    body, check = int(digits[:9]), int(digits[9:])
    return check in (97 - body % 97, 97 - int("2" + digits[:9]) % 97)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def find_personal_data(text: str) -> list[Finding]:
    """The places in `text` that look like an e-mail address, a phone number or a national register number, in
    the order they appear. A national register number is not also reported as a phone number."""
    findings: list[Finding] = []
    taken: list[range] = []
    for match in EMAIL.finditer(text or ""):
        findings.append(Finding("email", match.start(), match.end()))
        taken.append(range(match.start(), match.end()))
    for match in NATIONAL_NUMBER.finditer(text or ""):
        digits = "".join(match.groups())
        month = int(digits[2:4])
        if _valid_national_number(digits) and month <= 12 + 40:  # bis numbers add 20 or 40 to the month
            findings.append(Finding("national_number", match.start(), match.end()))
            taken.append(range(match.start(), match.end()))
    for match in PHONE.finditer(text or ""):
        if any(match.start() in span for span in taken):
            continue
        digits = _digits(match.group())
        local = digits[2:] if match.group().startswith("+") else digits
        local = local[4:] if match.group().startswith("00") else local
        if digits.startswith("0") and not match.group().startswith("00"):
            plausible = len(digits) in (9, 10)  # 0x xxx xx xx (fixed) or 04xx xx xx xx (mobile)
        else:
            plausible = 8 <= len(local) <= 11
        if plausible:
            findings.append(Finding("phone", match.start(), match.end()))
    return sorted(findings, key=lambda finding: finding.start)


def personal_data_kinds(text: str) -> list[str]:
    """The kinds found in `text` (each once, as labels for a message): ["een e-mailadres", …]."""
    labels: list[str] = []
    for finding in find_personal_data(text):
        if finding.label not in labels:
            labels.append(finding.label)
    return labels


def personal_data_found(text: str) -> str:
    """What `text` seems to hold, as words for a message ("een e-mailadres en een telefoonnummer"), or "" when
    nothing personal was found. Every form that refuses such a text names it the same way."""
    labels = [str(label) for label in personal_data_kinds(text or "")]
    if len(labels) <= 1:
        return "".join(labels)
    return gettext("%(first)s en %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}


def free_text_errors(texts: dict[str, str], model, *, found_message: str) -> dict[str, str]:
    """Errors of free texts a service is about to save on `model`, by field: longer than the field's max_length
    (full_clean does not check a TextField's length), or holding what looks like someone's contact details or
    national register number (`found_message`, translated, says so with `%(kinds)s`). Empty when all is well."""
    errors = {}
    for field, text in texts.items():
        limit = model._meta.get_field(field).max_length
        found = personal_data_found(text)
        if limit and len(text or "") > limit:
            errors[field] = gettext("Deze tekst is te lang: hoogstens %(limit)d tekens (nu %(length)d).") % {
                "limit": limit,
                "length": len(text),
            }
        elif found:
            errors[field] = found_message % {"kinds": found}
    return errors
