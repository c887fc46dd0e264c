"""Writes of the annual report: the coordinator's own introduction and closing of one year's report.

Only the network's coordinator writes them (the analyst reads them). A text that is too long or that looks like
it holds someone's e-mail address, phone number or national register number is refused with a message that says
what was found, and nothing is saved."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hvhk.accounts.models import User
from hvhk.accounts.selectors import is_coordinator
from hvhk.core.lib.personal_data import free_text_errors
from hvhk.core.models import Network
from hvhk.insights.models import ReportText


def _check_texts(texts: dict[str, str]) -> None:
    errors = free_text_errors(
        texts,
        ReportText,
        found_message=_(
            "Deze tekst lijkt %(kinds)s te bevatten. Een jaarverslag noemt geen gegevens van personen: "
            "haal het weg en probeer opnieuw."
        ),
    )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_text_save(
    *, network: Network, year: int, introduction: str, closing: str, acting_user: User | None
) -> ReportText:
    """Store the introduction and closing of `network`'s report on `year` (creating the row the first time)."""
    if acting_user is None or not is_coordinator(user=acting_user, network=network):
        raise PermissionDenied("Only the network's coordinator writes the annual report's texts")
    texts = {"introduction": (introduction or "").strip(), "closing": (closing or "").strip()}
    _check_texts(texts)
    text = ReportText.objects.for_network(network).select_for_update().filter(year=year).first()
    if text is None:
        text = ReportText(network=network, year=year)
    text.introduction = texts["introduction"]
    text.closing = texts["closing"]
    text.updated_by = acting_user
    text.full_clean()
    text.save()
    return text
