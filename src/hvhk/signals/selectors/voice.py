"""Reads of parents' voice: the calls on the public voice page, and the portal's queue, calls and sign-ups, always
through the network (and, in the portal, through `access.contributions_for` / `access.calls_for`)."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import User
from hvhk.core.models import Network
from hvhk.core.selectors import scoped_get_or_404
from hvhk.signals.models import CallSignupAccess, ParticipationCall, Signal, VoiceContribution
from hvhk.signals.selectors.access import calls_for, contributions_for, signals_for


def _with_counts(calls: QuerySet[ParticipationCall]) -> QuerySet[ParticipationCall]:
    return calls.annotate(signup_count=Count("signups", filter=Q(signups__cancelled_at__isnull=True)))


def calls_published(*, network: Network) -> QuerySet[ParticipationCall]:
    """The calls on the voice page: published and still to come, the first one first."""
    return _with_counts(
        ParticipationCall.objects.for_network(network).filter(
            status=ParticipationCall.Status.PUBLISHED, starts_at__gt=timezone.now()
        )
    ).order_by("starts_at")


def call_public_get(*, network: Network, pk) -> ParticipationCall:
    """A published or closed call of the network (a closed one says signing up is over: the link in a
    confirmation mail keeps working); a draft, or another network's call, is a 404."""
    calls = _with_counts(
        ParticipationCall.objects.for_network(network).filter(
            status__in=(ParticipationCall.Status.PUBLISHED, ParticipationCall.Status.CLOSED)
        )
    )
    return scoped_get_or_404(calls, network=network, pk=pk)


def contribution_queue(*, role: ActiveRole, user: User, show: str = "new") -> QuerySet[VoiceContribution]:
    """Contributions to moderate (or, with show="done", the ones handled), newest first."""
    contributions = contributions_for(role=role, user=user).select_related(
        "life_domain", "area", "activity", "signal", "moderated_by"
    )
    if show == "done":
        return contributions.exclude(status=VoiceContribution.Status.NEW).order_by(
            "-moderated_at", "-created_at"
        )
    return contributions.filter(status=VoiceContribution.Status.NEW).order_by("-created_at")


def contribution_get(*, role: ActiveRole, user: User, pk) -> VoiceContribution:
    return scoped_get_or_404(contributions_for(role=role, user=user), network=role.network, pk=pk)


def signals_open(*, role: ActiveRole, user: User) -> QuerySet[Signal]:
    """The open signals a contribution can be added to."""
    return signals_for(role=role, user=user).filter(status__in=Signal.OPEN).order_by("title")


def call_list(*, role: ActiveRole, user: User) -> QuerySet[ParticipationCall]:
    return _with_counts(calls_for(role=role, user=user)).select_related("theme").order_by("-starts_at")


def call_get(*, role: ActiveRole, user: User, pk) -> ParticipationCall:
    return scoped_get_or_404(_with_counts(calls_for(role=role, user=user)), network=role.network, pk=pk)


def call_access_log(*, call: ParticipationCall, limit: int = 20) -> QuerySet[CallSignupAccess]:
    return CallSignupAccess.objects.filter(network_id=call.network_id, call_id_value=call.pk)[:limit]
