"""The network's week at a glance on each person's start page: one line per kind of work, with its count and a
link to where the work is done.

Each line's link is built only when a page shows it."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import User
from hvhk.directory.models import Membership
from hvhk.network.models import ActionItem, Declaration, Meeting, Signature
from hvhk.network.selectors.access import managed_bodies_for, managed_meetings_for, visible_meetings_for
from hvhk.network.selectors.news import published_this_week_count

UPCOMING_DAYS = 14


@dataclass(frozen=True)
class Line:
    key: str
    label: str | Promise
    count: int
    url_name: str
    args: tuple = ()
    query: str = ""

    @property
    def url(self) -> str:
        """The page where this line's work is done."""
        path = reverse(self.url_name, args=self.args)
        return f"{path}?{self.query}" if self.query else path


def _actions(role: ActiveRole, user: User):
    actions = ActionItem.objects.for_network(role.network).filter(status=ActionItem.Status.OPEN)
    if role.is_coordinator:
        return actions
    mine = Q(owner_user=user)
    if role.organization is not None:
        mine |= Q(owner_organization=role.organization)
    return actions.filter(mine)


def _partners_to_sign(role: ActiveRole, declaration: Declaration):
    today = timezone.localdate()
    signed = Signature.objects.for_network(role.network).filter(
        declaration=declaration, organization=OuterRef("organization")
    )
    return (
        Membership.objects.for_network(role.network)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=today))
        .exclude(Exists(signed))
    )


def week_at_a_glance(*, role: ActiveRole, user: User) -> list[Line]:
    """The lines of the role's start page: meetings coming up, minutes to approve (for who manages meetings),
    open and overdue actions (the network's for the coordinator, else the person's and their organisation's),
    the engagement declaration to sign (the coordinator: partners who have not signed the newest version; an
    editor: whether their organisation still must) and the news published this week."""
    now = timezone.now()
    today = timezone.localdate()
    meetings = (
        visible_meetings_for(role=role, user=user)
        .filter(
            status=Meeting.Status.PLANNED,
            starts_at__gte=now,
            starts_at__lt=now + dt.timedelta(days=UPCOMING_DAYS),
        )
        .count()
    )
    lines = [
        Line(
            "meetings",
            ngettext_lazy(
                "vergadering in de komende twee weken", "vergaderingen in de komende twee weken", meetings
            ),
            meetings,
            "network:meetings",
        )
    ]
    if role.is_coordinator or managed_bodies_for(role=role, user=user).exists():
        drafts = (
            managed_meetings_for(role=role, user=user)
            .filter(starts_at__lt=now, minutes_status=Meeting.Minutes.DRAFT)
            .count()
        )
        lines.append(
            Line(
                "minutes",
                ngettext_lazy("verslag om goed te keuren", "verslagen om goed te keuren", drafts),
                drafts,
                "network:meetings",
            )
        )
    actions = _actions(role, user).aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today))
    )
    query = "" if role.is_coordinator else "mine=1"
    lines += [
        Line(
            "actions_open",
            ngettext_lazy("open actie", "open acties", actions["open"]),
            actions["open"],
            "network:actions",
            query=query,
        ),
        Line(
            "actions_overdue",
            ngettext_lazy("actie over tijd", "acties over tijd", actions["overdue"]),
            actions["overdue"],
            "network:actions",
            query=f"{query}&overdue=1" if query else "overdue=1",
        ),
    ]
    declaration = (
        Declaration.objects.for_network(role.network)
        .filter(published_at__isnull=False, published_at__lte=now)
        .order_by("-version")
        .first()
    )
    if declaration is not None and role.is_coordinator:
        unsigned = _partners_to_sign(role, declaration).count()
        lines.append(
            Line(
                "declarations",
                ngettext_lazy(
                    "partner die de nieuwste engagementsverklaring nog niet tekende",
                    "partners die de nieuwste engagementsverklaring nog niet tekenden",
                    unsigned,
                ),
                unsigned,
                "network:declarations",
            )
        )
    elif declaration is not None and role.is_editor and role.organization is not None:
        lines.append(
            Line(
                "declarations",
                _("engagementsverklaring die jullie organisatie nog moet tekenen"),
                _partners_to_sign(role, declaration).filter(organization=role.organization).count(),
                "network:declaration-sign",
                args=(declaration.pk,),
            )
        )
    news = published_this_week_count(network=role.network)
    lines.append(
        Line(
            "news",
            ngettext_lazy("nieuwsbericht deze week", "nieuwsberichten deze week", news),
            news,
            "network:news-portal",
        )
    )
    return lines
