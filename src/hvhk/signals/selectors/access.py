"""Who sees and handles which signals. Signals are internal to the network; nothing of another network is reachable.

- The coordinator (and a platform admin) and every trekker of one of the network's bodies (a working group, the
  stuurgroep) see every signal and triage them: they change statuses, bundle signals into themes, merge duplicates,
  moderate parents' contributions and write the policy note.
- Partner staff (editors and members) and intake staff report signals and see the signals their organisation (or,
  without one, they themselves) reported, and every theme.
- The analyst sees counts only (`signal_counts` in selectors), no signal texts.

Pages use the `*_for(role=, user=)` querysets with `core.selectors.scoped_get_or_404`; services check the person
who acts with `can_*`, whatever role their session is in.
"""

from django.db.models import Q, QuerySet

from hvhk.accounts.access import ANY_ORGANIZATION, ActiveRole, holds_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.network.models import BodyMember
from hvhk.signals.models import ParticipationCall, PolicyNote, Signal, Theme, VoiceContribution

Role = RoleAssignment.Role
REPORTERS = (Role.COORDINATOR, Role.EDITOR, Role.MEMBER, Role.INTAKE)


def is_trekker(user: User | None, *, network) -> bool:
    """`user` is the trekker of one of `network`'s bodies and still holds a role there."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    network_id = getattr(network, "pk", network)
    return (
        BodyMember.objects.filter(body__network_id=network_id, user=user, is_trekker=True).exists()
        and RoleAssignment.objects.filter(user=user, network_id=network_id).exists()
    )


def can_triage(user: User | None, *, network) -> bool:
    """`user` may see every signal of `network` and change it: the coordinator or a trekker."""
    return holds_role(user, network=network, roles=(Role.COORDINATOR,)) or is_trekker(user, network=network)


def can_report(user: User | None, *, network) -> bool:
    """`user` may report a signal in `network`: the coordinator, a trekker, intake staff or a partner's staff."""
    return holds_role(user, network=network, roles=REPORTERS, organization=ANY_ORGANIZATION) or is_trekker(
        user, network=network
    )


def can_see_counts(user: User | None, *, network) -> bool:
    """`user` may see how many signals there are (per status, theme, domain): every staff role of the network."""
    return holds_role(
        user,
        network=network,
        roles=(*REPORTERS, Role.ANALYST),
        organization=ANY_ORGANIZATION,
    )


def triages(*, role: ActiveRole, user: User) -> bool:
    """In the active role, `user` sees every signal and triages: the role is the coordinator's, or the person is a
    trekker of the network."""
    return role.is_coordinator or is_trekker(user, network=role.network)


def _reporter_q(role: ActiveRole, user: User) -> Q:
    if role.organization is not None:
        return Q(organization=role.organization)
    return Q(reported_by=user, organization__isnull=True)


def signals_for(*, role: ActiveRole, user: User) -> QuerySet[Signal]:
    """The signals the role works with: all of the network for the coordinator and trekkers, the organisation's
    own (or the person's own) for reporters, none for the analyst. Proposals from the figures and merged signals
    are part of "all"; pages filter them."""
    signals = Signal.objects.for_network(role.network)
    if triages(role=role, user=user):
        return signals
    if role.role in REPORTERS:
        return signals.filter(_reporter_q(role, user)).exclude(status=Signal.Status.PROPOSED)
    return signals.none()


def themes_for(*, role: ActiveRole, user: User) -> QuerySet[Theme]:
    """Every theme of the network, for everyone who may report or triage; none for the analyst."""
    if role.role in REPORTERS or is_trekker(user, network=role.network):
        return Theme.objects.for_network(role.network)
    return Theme.objects.none()


def contributions_for(*, role: ActiveRole, user: User) -> QuerySet[VoiceContribution]:
    """Parents' contributions: the coordinator and trekkers only (they moderate them)."""
    if triages(role=role, user=user):
        return VoiceContribution.objects.for_network(role.network)
    return VoiceContribution.objects.none()


def calls_for(*, role: ActiveRole, user: User) -> QuerySet[ParticipationCall]:
    """Calls to take part, with their sign-ups: the coordinator and trekkers only."""
    if triages(role=role, user=user):
        return ParticipationCall.objects.for_network(role.network)
    return ParticipationCall.objects.none()


def notes_for(*, role: ActiveRole, user: User) -> QuerySet[PolicyNote]:
    """Policy notes: the coordinator and trekkers write them; partners' staff read the final ones."""
    notes = PolicyNote.objects.for_network(role.network)
    if triages(role=role, user=user):
        return notes
    if role.role in REPORTERS:
        return notes.filter(status=PolicyNote.Status.FINAL)
    return notes.none()
