"""Reading support requests: the intake queue, a partner's referrals, suggestions and the access log."""

from django.db.models import Count, Q, QuerySet

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.models import Network
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory.models import Service
from hvhk.referrals import access
from hvhk.referrals.crypto import token_hash
from hvhk.referrals.models import AccessLog, Referral, SupportRequest
from hvhk.search.query import AGE_BANDS, ServiceQuery
from hvhk.search.selectors import ranked_service_ids

SUGGESTIONS = 8
QUEUE_FILTERS = ("open", "new", "mine", "referred", "closed", "all")


def queue(*, role: ActiveRole, show: str = "open", house_id=None, user=None) -> QuerySet[SupportRequest]:
    """The intake queue of the network (optionally of one house), oldest waiting first."""
    qs = access.requests(role).select_related("house", "domain", "area", "assigned_to", "consent")
    if house_id:
        qs = qs.filter(house_id=house_id)
    match show:
        case "new":
            qs = qs.filter(status=SupportRequest.Status.NEW)
        case "mine":
            qs = qs.filter(assigned_to=user).exclude(status=SupportRequest.Status.CLOSED)
        case "referred":
            qs = qs.filter(status=SupportRequest.Status.REFERRED)
        case "closed":
            qs = qs.filter(status=SupportRequest.Status.CLOSED)
        case "all":
            pass
        case _:
            qs = qs.exclude(status=SupportRequest.Status.CLOSED)
    open_statuses = list(Referral.OPEN)
    return qs.annotate(
        open_referrals=Count("referrals", filter=Q(referrals__status__in=open_statuses)),
        all_referrals=Count("referrals"),
    ).order_by("created_at" if show != "closed" else "-closed_at")


def queue_counts(*, role: ActiveRole, user) -> dict[str, int]:
    """How many requests wait in the intake queue: new ones, the user's own, all open ones (one query)."""
    open_requests = ~Q(status=SupportRequest.Status.CLOSED)
    return access.requests(role).aggregate(
        new_count=Count("pk", filter=Q(status=SupportRequest.Status.NEW)),
        mine_count=Count("pk", filter=open_requests & Q(assigned_to=user)),
        open_count=Count("pk", filter=open_requests),
    )


def request_get_by_token(*, network: Network, token: str) -> SupportRequest | None:
    """The request behind a family's private link, or None."""
    if not token or len(token) > 100:
        return None
    return (
        SupportRequest.objects.for_network(network)
        .select_related("consent")
        .filter(token_hash=token_hash(token))
        .first()
    )


def referral_next_steps(*, referral: Referral) -> tuple[str, ...]:
    """The steps the receiving partner can take now."""
    return Referral.NEXT.get(referral.status, ())


def partner_referrals(*, role: ActiveRole, show: str = "open") -> QuerySet[Referral]:
    qs = access.referrals(role).order_by("created_at")
    if show == "open":
        qs = qs.filter(status__in=Referral.OPEN)
    return qs


def suggestions(
    *, request: SupportRequest, text: str | None = None, limit: int = SUGGESTIONS
) -> list[Service]:
    """Services that fit the request's question (or `text`, the intake's own search words), ages, life domain and
    municipality, found with the wegwijzer's search.

    When the words find nothing, the filters alone are tried; then the filters loosen one by one.
    """
    network = request.network
    ages = [a for a in request.ages if a in AGE_BANDS]
    base = {
        "text": " ".join((text if text is not None else request.question).split())[:200],
        "age": ages[0] if ages else "",
        "age_months": AGE_BANDS[ages[0]] if ages else None,
        "domains": (request.domain.code,) if request.domain else (),
        "area": request.area.slug if request.area else "",
    }
    tries = [
        base,
        {**base, "text": ""},
        {**base, "text": "", "area": ""},
        {**base, "text": "", "area": "", "domains": ()},
    ]
    for fields in tries:
        ids = ranked_service_ids(network=network, query=ServiceQuery(**fields))
        if ids:
            chosen = ids[:limit]
            by_id = {s.pk: s for s in Service.objects.filter(pk__in=chosen).select_related("organization")}
            return [by_id[i] for i in chosen if i in by_id]
    return []


def intake_workers(*, network) -> QuerySet[User]:
    """The network's intake workers: the people a request can be assigned to."""
    return User.objects.filter(
        roles__network=network, roles__role=RoleAssignment.Role.INTAKE, is_active=True
    ).order_by("full_name", "email")


def intake_worker_get(*, network, user_id) -> User:
    """One of the network's intake workers, by id; anyone else, or a malformed id, is a 404."""
    assignment = scoped_get_or_404(
        RoleAssignment.objects.filter(role=RoleAssignment.Role.INTAKE, user__is_active=True).select_related(
            "user"
        ),
        network=network,
        user_id=user_id,
    )
    return assignment.user


def access_log_list(*, role: ActiveRole) -> QuerySet[AccessLog]:
    return AccessLog.objects.for_network(role.network).select_related("user")
