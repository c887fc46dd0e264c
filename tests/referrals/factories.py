"""Support requests made through the real service function (so consent, token and audit are as in production)."""

from hvhk.referrals import services
from hvhk.referrals.models import Consent, SupportRequest

QUESTION = "Mijn zoon van 3 slaapt slecht en ik ben heel moe."


def make_request(network, *, by=None, **overrides) -> tuple[SupportRequest, str]:
    fields = {
        "question": QUESTION,
        "contact_by": SupportRequest.ContactBy.PHONE,
        "name": "Sara Peeters",
        "phone": "0470 12 34 56",
        "ages": ["0-3"],
        "consent_how": Consent.How.ONLINE if by is None else Consent.How.VERBAL,
        "consent_scope": [Consent.Scope.QUESTION, Consent.Scope.CONTACT],
    }
    fields.update(overrides)
    return services.request_create(network=network, acting_user=by, **fields)
