"""Who may open a support request. Only the network's intake workers, and the staff of an organisation a
referral involves (while the family's consent holds), ever see one; everyone else gets a 404."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.core.selectors import scoped_get_or_404
from hvhk.referrals.models import Referral, SupportRequest


def requests(role: ActiveRole) -> QuerySet[SupportRequest]:
    """Whole requests open to intake workers only; a partner reaches a request through its referral."""
    qs = SupportRequest.objects.for_network(role.network)
    return qs if role.is_intake else qs.none()


def referrals(role: ActiveRole) -> QuerySet[Referral]:
    qs = Referral.objects.for_network(role.network).select_related(
        "request", "request__consent", "organization", "service"
    )
    if role.is_intake:
        return qs
    if role.is_editor and role.organization is not None:
        return qs.filter(
            organization=role.organization,
            request__consent__withdrawn_at__isnull=True,
            request__consent__expires_at__gt=timezone.now(),
        )
    return qs.none()


def request_get(role: ActiveRole, pk) -> SupportRequest:
    return scoped_get_or_404(
        requests(role).select_related("consent", "domain", "area", "house", "assigned_to"),
        network=role.network,
        pk=pk,
    )


def referral_get(role: ActiveRole, pk) -> Referral:
    return scoped_get_or_404(referrals(role), network=role.network, pk=pk)


def referral_no_longer_shared(role: ActiveRole, pk) -> Referral | None:
    """A referral to the role's own organisation that the family no longer shares (consent withdrawn or expired).

    Its partner followed the link in the mail they got, so they are told it is no longer shared rather than
    given a bare 404; everyone else (another organisation, another network, a malformed id) gets None: the 404.
    """
    if not (role.is_editor and role.organization is not None):
        return None
    mine = Referral.objects.filter(organization=role.organization)
    try:
        referral = scoped_get_or_404(
            mine.select_related("request", "request__consent"), network=role.network, pk=pk
        )
    except Http404:
        return None
    return None if referral.request.consent.is_active() else referral


def may_see_personal_data(request: SupportRequest) -> bool:
    """Personal data shows only while consent holds (a partner sees only what its scope shares, see views)."""
    return request.consent.is_active()
