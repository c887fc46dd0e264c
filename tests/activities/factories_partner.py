"""Activities, sessions and registrations for the partner pages' tests (helper "partner"), built on the models
directly. The lead merges the helpers' factories later."""

import datetime as dt

import factory
from django.utils import timezone

from hvhk.activities.models import Activity, Registration, Session
from hvhk.core.lib.tokens import token_hash, token_new
from tests.directory.factories import ServiceFactory


def in_days(days: float, hour: int = 14) -> dt.datetime:
    """A moment `days` from now at `hour` o'clock (Brussels time)."""
    day = timezone.localtime() + dt.timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    service = factory.SubFactory(ServiceFactory)
    network = factory.SelfAttribute("service.network")
    title = factory.Sequence(lambda n: f"Babymassage {n}")
    kind = Activity.Kind.WORKSHOP
    online = True
    online_url = "https://meet.example.org/babymassage"
    capacity = 10
    contact_email = "activiteiten@partner.example"
    status = Activity.Status.PUBLISHED


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    network = factory.SelfAttribute("activity.network")
    starts_at = factory.LazyFunction(lambda: in_days(7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1, minutes=30))


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration of one session (pass `session=None` and an `activity` for a series)."""

    class Meta:
        model = Registration

    session = factory.SubFactory(SessionFactory)
    activity = factory.LazyAttribute(lambda o: o.session.activity)
    network = factory.LazyAttribute(lambda o: o.activity.network)
    name = factory.Sequence(lambda n: f"Ouder {n}")
    email = factory.Sequence(lambda n: f"ouder{n}@gezin.example")
    adults = 1
    children = 1
    children_ages = "2"
    consent_contact = True
    language = "nl"
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
    token_hash = factory.LazyFunction(lambda: token_hash(token_new()))


def waiting(session: Session | None = None, *, activity: Activity | None = None, **fields) -> Registration:
    """A registration on the waiting list (queued now, so later calls queue behind earlier ones)."""
    return RegistrationFactory(
        session=session,
        activity=activity or session.activity,
        status=Registration.Status.WAITING,
        confirmed_at=None,
        queued_at=timezone.now(),
        **fields,
    )


def offered(session: Session | None = None, *, activity: Activity | None = None, **fields) -> Registration:
    """A freed place offered to a family, open for two days."""
    now = timezone.now()
    return RegistrationFactory(
        session=session,
        activity=activity or session.activity,
        status=Registration.Status.OFFERED,
        confirmed_at=None,
        queued_at=now - dt.timedelta(days=1),
        offered_at=now,
        offer_expires_at=now + dt.timedelta(hours=48),
        **fields,
    )


def anonymised(session: Session, **fields) -> Registration:
    """A registration whose personal fields were emptied (the counts stay)."""
    return RegistrationFactory(
        session=session,
        name="",
        email="",
        phone="",
        children_ages="",
        remark="",
        anonymised_at=timezone.now(),
        **fields,
    )


# --- the world of the partner tests: who is who, and whose activity is what ----------------------------------------

SEES = ("coordinator_a", "editor_a", "member_a")
STRANGERS = ("other_editor_a", "analyst_a", "intake_a", "coordinator_b", "editor_b")


def person(network, role, organization=None):
    """A signed-in person with one role and a second factor (registrations open only with one)."""
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.accounts.factories import RoleFactory, UserFactory
    from tests.conftest import TOTP_SECRET

    user = UserFactory()
    RoleFactory(user=user, network=network, role=role, organization=organization)
    TOTP.activate(user, TOTP_SECRET)
    return user


def make_world(*, network_a, network_b, partner_a, service_a, coordinator_a, coordinator_b, editor_a) -> dict:
    """Network A's partner organises an activity with a past and a coming session; another partner of A and
    network B each have one too. Every persona of the role matrix."""
    from hvhk.accounts.models import RoleAssignment
    from tests.directory.factories import OrganizationFactory

    Role = RoleAssignment.Role
    other_org = OrganizationFactory(network=network_a)
    org_b = OrganizationFactory(network=network_b)
    activity = ActivityFactory(service=service_a, title="Babymassage")
    coming = SessionFactory(activity=activity, starts_at=in_days(7))
    past = SessionFactory(activity=activity, starts_at=in_days(-3))
    other_activity = ActivityFactory(service=ServiceFactory(organization=other_org))
    activity_b = ActivityFactory(service=ServiceFactory(organization=org_b))
    people = {
        "coordinator_a": coordinator_a,
        "editor_a": editor_a,  # with a second factor (tests/activities/conftest.py)
        "member_a": person(network_a, Role.MEMBER, partner_a),
        "other_editor_a": person(network_a, Role.EDITOR, other_org),
        "analyst_a": person(network_a, Role.ANALYST),
        "intake_a": person(network_a, Role.INTAKE),
        "coordinator_b": coordinator_b,
        "editor_b": person(network_b, Role.EDITOR, org_b),
    }
    return {
        "activity": activity,
        "coming": coming,
        "past": past,
        "confirmed": RegistrationFactory(session=coming, name="Sara Peeters"),
        "attended": RegistrationFactory(session=past, name="Tom Janssens"),
        "other_activity": other_activity,
        "other_session": SessionFactory(activity=other_activity, starts_at=in_days(5)),
        "activity_b": activity_b,
        "session_b": SessionFactory(activity=activity_b, starts_at=in_days(5)),
        "people": people,
    }
