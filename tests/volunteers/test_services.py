"""The services of volunteers, called directly: who may keep which role, the public sign-up and its refusals (one
row per person, also when the same person signs up twice or twice at once), the coordinator's and partners' work
(status, placements, hours), erasure and anonymisation after the retention period. A refusal leaves every row as
it was."""

import datetime as dt
import threading
from decimal import Decimal
from unittest import mock
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections, models
from django.urls import resolve
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.core.lib.tokens import token_hash
from hvhk.volunteers import selectors, services
from hvhk.volunteers.models import (
    HelpRequest,
    Placement,
    ThankYou,
    Volunteer,
    VolunteerAccess,
    VolunteerHours,
    VolunteerRole,
)
from tests.accounts.factories import RoleFactory as RoleAssignmentFactory
from tests.accounts.factories import UserFactory
from tests.core.factories import AreaFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.volunteers.factories import PlacementFactory, RoleFactory, VolunteerFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
RoleStatus = VolunteerRole.Status
Status = Volunteer.Status
PStatus = Placement.Status
BRUSSELS = ZoneInfo("Europe/Brussels")


# --- personas besides those of tests/conftest.py ----------------------------------------------------------------


@pytest.fixture
def partner_a2(network_a):
    return MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="partner-a2")
    ).organization


@pytest.fixture
def editor_a2(partner_a2):
    """The editor of another partner of the same network."""
    user = UserFactory(email="editor2@a.example")
    RoleAssignmentFactory(user=user, network=partner_a2.network, role=Role.EDITOR, organization=partner_a2)
    return user


@pytest.fixture
def member_a(partner_a):
    user = UserFactory(email="member@a.example")
    RoleAssignmentFactory(user=user, network=partner_a.network, role=Role.MEMBER, organization=partner_a)
    return user


@pytest.fixture
def intake_a(network_a):
    user = UserFactory(email="intake@a.example")
    RoleAssignmentFactory(user=user, network=network_a, role=Role.INTAKE)
    return user


@pytest.fixture
def network_role(network_a):
    """A role of the network itself (no partner)."""
    return RoleFactory(network=network_a, organization=None, title="Onthaal in het Huis")


@pytest.fixture
def partner_role(partner_a):
    return RoleFactory(network=partner_a.network, organization=partner_a, title="Voorlezen bij partner A")


def _persona(request, name: str):
    if name == "anonymous":
        return AnonymousUser()
    if name == "nobody":
        return None
    return request.getfixturevalue(name)


# Who may not keep a role of partner A (the last three: not a keeper of the network role either).
NOT_KEEPERS = ["editor_a2", "member_a", "intake_a", "nobody", "anonymous", "coordinator_b"]


def _role_fields(**extra) -> dict:
    return {"title": "Huiswerkbegeleiding", "description": "Je helpt kinderen met hun huiswerk.", **extra}


# --- access ------------------------------------------------------------------------------------------------------


def test_the_coordinator_and_a_platform_admin_are_coordinators_of_the_network(
    network_a, network_b, coordinator_a, editor_a, platform_admin
):
    assert services.is_coordinator(coordinator_a, network=network_a)
    assert not services.is_coordinator(coordinator_a, network=network_b)
    assert services.is_coordinator(platform_admin, network=network_b)
    assert not services.is_coordinator(editor_a, network=network_a)
    assert not services.is_coordinator(None, network=network_a)
    assert not services.is_coordinator(AnonymousUser(), network=network_a)


def test_a_partner_editor_keeps_only_the_roles_of_their_organisation(
    network_role, partner_role, coordinator_a, editor_a, editor_a2
):
    assert services.can_keep_role(coordinator_a, role=network_role)
    assert services.can_keep_role(coordinator_a, role=partner_role)
    assert services.can_keep_role(editor_a, role=partner_role)
    assert not services.can_keep_role(editor_a, role=network_role)
    assert not services.can_keep_role(editor_a2, role=partner_role)
    assert not services.can_keep_role(None, role=partner_role)


def test_an_inactive_coordinator_keeps_nothing(network_role, coordinator_a):
    coordinator_a.is_active = False
    coordinator_a.save()
    assert not services.can_keep_role(coordinator_a, role=network_role)


# --- roles -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["coordinator_a", "platform_admin"])
def test_the_coordinator_creates_a_network_role_as_a_draft(request, network_a, who):
    acting = _persona(request, who)
    role = services.role_create(network=network_a, acting_user=acting, **_role_fields(title="  Onthaal  "))

    role.refresh_from_db()
    assert role.organization is None and role.network == network_a
    assert role.status == RoleStatus.DRAFT and role.title == "Onthaal" and role.created_by == acting


@pytest.mark.parametrize("who", ["coordinator_a", "editor_a"])
def test_the_coordinator_and_the_partners_editor_create_a_partner_role(request, partner_a, who):
    acting = _persona(request, who)
    role = services.role_create(
        network=partner_a.network,
        organization=partner_a,
        acting_user=acting,
        publish=True,
        interests=["homework", "homework", "reading"],
        languages=["ar", "fr"],
        availability=["wed-pm"],
        **_role_fields(),
    )
    role.refresh_from_db()
    assert role.organization == partner_a and role.status == RoleStatus.OPEN
    assert role.interests == ["homework", "reading"]  # each once
    assert role.languages == ["ar", "fr"] and role.availability == ["wed-pm"]


@pytest.mark.parametrize("who", ["editor_a", *NOT_KEEPERS])
def test_only_the_coordinator_creates_a_network_role(request, network_a, who):
    with pytest.raises(PermissionDenied):
        services.role_create(network=network_a, acting_user=_persona(request, who), **_role_fields())
    assert VolunteerRole.objects.count() == 0


@pytest.mark.parametrize("who", NOT_KEEPERS)
def test_nobody_else_creates_a_partner_role(request, partner_a, who):
    with pytest.raises(PermissionDenied):
        services.role_create(
            network=partner_a.network,
            organization=partner_a,
            acting_user=_persona(request, who),
            **_role_fields(),
        )
    assert VolunteerRole.objects.count() == 0


def test_a_role_for_a_partner_of_another_network_is_refused(network_a, partner_b, coordinator_a):
    with pytest.raises(ValidationError) as caught:
        services.role_create(
            network=network_a, organization=partner_b, acting_user=coordinator_a, **_role_fields()
        )
    assert "organization" in caught.value.message_dict
    assert VolunteerRole.objects.count() == 0


def test_a_role_in_an_area_of_another_network_is_refused(network_a, network_b, coordinator_a):
    with pytest.raises(ValidationError) as caught:
        services.role_create(
            network=network_a,
            acting_user=coordinator_a,
            area=AreaFactory(network=network_b),
            **_role_fields(),
        )
    assert "area" in caught.value.message_dict
    assert VolunteerRole.objects.count() == 0


def test_a_role_in_an_area_of_its_own_network_is_kept(network_a, coordinator_a):
    area = AreaFactory(network=network_a)
    role = services.role_create(network=network_a, acting_user=coordinator_a, area=area, **_role_fields())
    assert role.area == area


@pytest.mark.parametrize(
    ("field", "value"),
    [("interests", ["children", "juggling"]), ("languages", ["nl", "xx"]), ("availability", ["wed-night"])],
)
def test_a_role_with_an_unknown_choice_is_refused(network_a, coordinator_a, field, value):
    with pytest.raises(ValidationError) as caught:
        services.role_create(network=network_a, acting_user=coordinator_a, **{field: value}, **_role_fields())
    assert field in caught.value.message_dict
    assert VolunteerRole.objects.count() == 0


@pytest.mark.parametrize(("field", "value"), [("title", "   "), ("description", ""), ("places", 0)])
def test_a_role_without_a_title_a_description_or_places_is_refused(network_a, coordinator_a, field, value):
    with pytest.raises(ValidationError) as caught:
        services.role_create(network=network_a, acting_user=coordinator_a, **_role_fields(**{field: value}))
    assert field in caught.value.message_dict
    assert VolunteerRole.objects.count() == 0


def test_a_role_description_longer_than_the_field_allows_is_refused(network_a, coordinator_a):
    with pytest.raises(ValidationError):
        services.role_create(
            network=network_a, acting_user=coordinator_a, **_role_fields(description="x" * 3001)
        )
    assert VolunteerRole.objects.count() == 0


@pytest.mark.parametrize(
    ("who", "role_fixture"),
    [
        ("coordinator_a", "network_role"),
        ("coordinator_a", "partner_role"),
        ("editor_a", "partner_role"),
        ("platform_admin", "partner_role"),
    ],
)
def test_keepers_update_a_role(request, who, role_fixture):
    role = request.getfixturevalue(role_fixture)
    updated = services.role_update(
        role=role,
        acting_user=_persona(request, who),
        title="Nieuwe titel",
        languages=["tr"],
        organization=None,
    )
    updated.refresh_from_db()
    assert updated.title == "Nieuwe titel" and updated.languages == ["tr"]
    assert updated.organization == role.organization  # not a field a keeper changes


@pytest.mark.parametrize(
    ("who", "role_fixture"),
    [("editor_a", "network_role")]
    + [(who, "partner_role") for who in NOT_KEEPERS]
    + [(who, "network_role") for who in NOT_KEEPERS],
)
def test_nobody_else_updates_a_role(request, who, role_fixture):
    role = request.getfixturevalue(role_fixture)
    with pytest.raises(PermissionDenied):
        services.role_update(role=role, acting_user=_persona(request, who), title="Gekaapt")
    role.refresh_from_db()
    assert role.title != "Gekaapt"


def test_updating_a_role_refuses_an_area_of_another_network_and_unknown_choices(
    partner_role, network_b, editor_a
):
    for fields, field in (
        ({"area": AreaFactory(network=network_b)}, "area"),
        ({"interests": ["gardening"]}, "interests"),
        ({"languages": ["klingon"]}, "languages"),
        ({"availability": ["mon"]}, "availability"),
        ({"title": ""}, "title"),
    ):
        with pytest.raises(ValidationError) as caught:
            services.role_update(role=partner_role, acting_user=editor_a, **fields)
        assert field in caught.value.message_dict
    partner_role.refresh_from_db()
    assert partner_role.area is None and partner_role.interests == ["children"] and partner_role.title


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (RoleStatus.DRAFT, RoleStatus.OPEN),
        (RoleStatus.DRAFT, RoleStatus.CLOSED),
        (RoleStatus.OPEN, RoleStatus.FILLED),
        (RoleStatus.OPEN, RoleStatus.CLOSED),
        (RoleStatus.FILLED, RoleStatus.OPEN),
        (RoleStatus.CLOSED, RoleStatus.OPEN),
    ],
)
@pytest.mark.parametrize("who", ["coordinator_a", "editor_a"])
def test_keepers_move_a_role_along_its_steps(request, partner_a, who, before, after):
    role = RoleFactory(network=partner_a.network, organization=partner_a, status=before)
    services.role_status_set(role=role, status=after, acting_user=_persona(request, who))
    role.refresh_from_db()
    assert role.status == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (RoleStatus.DRAFT, RoleStatus.FILLED),
        (RoleStatus.OPEN, RoleStatus.DRAFT),
        (RoleStatus.OPEN, RoleStatus.OPEN),
        (RoleStatus.FILLED, RoleStatus.DRAFT),
        (RoleStatus.CLOSED, RoleStatus.FILLED),
        (RoleStatus.CLOSED, RoleStatus.DRAFT),
        (RoleStatus.OPEN, "deleted"),
    ],
)
def test_an_illegal_role_step_is_refused(network_a, coordinator_a, before, after):
    role = RoleFactory(network=network_a, status=before)
    with pytest.raises(ValidationError) as caught:
        services.role_status_set(role=role, status=after, acting_user=coordinator_a)
    assert "status" in caught.value.message_dict
    role.refresh_from_db()
    assert role.status == before


@pytest.mark.parametrize(
    ("who", "role_fixture"),
    [("editor_a", "network_role")]
    + [(who, "partner_role") for who in NOT_KEEPERS]
    + [(who, "network_role") for who in NOT_KEEPERS],
)
def test_nobody_else_publishes_or_closes_a_role(request, who, role_fixture):
    role = request.getfixturevalue(role_fixture)
    with pytest.raises(PermissionDenied):
        services.role_status_set(role=role, status=RoleStatus.CLOSED, acting_user=_persona(request, who))
    role.refresh_from_db()
    assert role.status == RoleStatus.OPEN


# --- sign-up -----------------------------------------------------------------------------------------------------


def signup(network, **kwargs) -> tuple[Volunteer, bool]:
    data = {
        "name": "Sara Peeters",
        "email": "sara@example.org",
        "consent": True,
        "interests": ["children"],
        "languages": ["nl", "ar"],
        "availability": ["wed-pm"],
        "motivation": "Ik speel graag met kinderen.",
        **kwargs,
    }
    return services.volunteer_signup(network=network, **data)


def _refused(field: str, network, **kwargs) -> ValidationError:
    before = Volunteer.objects.count()
    with pytest.raises(ValidationError) as caught:
        signup(network, **kwargs)
    assert field in caught.value.message_dict, caught.value.message_dict
    assert Volunteer.objects.count() == before
    return caught.value


def test_a_sign_up_stores_the_person_with_consent_and_only_the_hash_of_the_private_link(network_a):
    area = AreaFactory(network=network_a)
    volunteer, created = signup(
        network_a, name="  Sara Peeters ", email=" Sara@Example.org ", phone="0470 12 34 56", area=area
    )

    assert created
    volunteer.refresh_from_db()
    assert volunteer.name == "Sara Peeters" and volunteer.email == "Sara@Example.org"
    assert volunteer.contact_key == "sara@example.org" and volunteer.phone == "0470 12 34 56"
    assert volunteer.status == Status.CANDIDATE and volunteer.signups == 1 and volunteer.area == area
    assert volunteer.consent_at is not None and volunteer.anonymised_at is None
    token = services.volunteer_token(volunteer)
    assert volunteer.token_hash == token_hash(token) and token not in volunteer.token_hash
    assert selectors.volunteer_by_token(network=network_a, token=token) == volunteer


@pytest.mark.parametrize("name", ["", "   ", "x" * 121])
def test_a_sign_up_without_a_usable_name_is_refused(network_a, name):
    _refused("name", network_a, name=name)


def test_a_sign_up_without_email_and_phone_is_refused(network_a):
    _refused("email", network_a, email="  ", phone="")


@pytest.mark.parametrize("email", ["sara@", "sara.example.org", "sara@example", "sara @example.org"])
def test_a_sign_up_with_a_wrong_email_address_is_refused(network_a, email):
    _refused("email", network_a, email=email)


@pytest.mark.parametrize("phone", ["0470", "bel me maar", "0470 12 34 56 78 90 12 34", "+32 470 12 ab 56"])
def test_a_sign_up_with_a_wrong_phone_number_is_refused(network_a, phone):
    _refused("phone", network_a, email="", phone=phone)


def test_a_sign_up_without_consent_is_refused(network_a):
    _refused("consent", network_a, consent=False)


@pytest.mark.parametrize(
    "motivation",
    ["Mail me liever op sara.peeters@gmail.com", "Bel me op 0470 12 34 56 na vijf uur", "x" * 2001],
)
def test_a_motivation_with_contact_details_or_too_long_is_refused(network_a, motivation):
    _refused("motivation", network_a, motivation=motivation)


def test_a_sign_up_for_a_role_of_another_network_is_refused(network_a, network_b):
    _refused("role_wanted", network_a, role_wanted=RoleFactory(network=network_b))


@pytest.mark.parametrize("status", [RoleStatus.DRAFT, RoleStatus.FILLED, RoleStatus.CLOSED])
def test_a_sign_up_for_a_role_that_is_not_open_is_refused(network_a, status):
    _refused("role_wanted", network_a, role_wanted=RoleFactory(network=network_a, status=status))


def test_a_sign_up_in_an_area_of_another_network_is_refused(network_a, network_b):
    _refused("area", network_a, area=AreaFactory(network=network_b))


@pytest.mark.parametrize(
    ("field", "value"),
    [("interests", ["children", "skydiving"]), ("languages", ["tlh"]), ("availability", ["wed-night"])],
)
def test_a_sign_up_with_an_unknown_choice_is_refused(network_a, field, value):
    _refused(field, network_a, **{field: value})


def test_a_name_with_markup_is_stored_as_it_was_typed(network_a):
    volunteer, _created = signup(network_a, name="<script>alert(1)</script> Sara")
    volunteer.refresh_from_db()
    assert volunteer.name == "<script>alert(1)</script> Sara"


def test_a_phone_number_alone_is_enough(network_a, coordinator_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        volunteer, created = signup(network_a, email="", phone="+32 470 12 34 56")
    assert created and volunteer.contact_key == "tel:470123456" and volunteer.email == ""
    assert [m.to for m in mail.outbox] == [["coordinator@a.example"]]  # no address: no mail for the volunteer


def test_the_same_person_is_the_same_in_two_networks(network_a, network_b):
    first, _ = signup(network_a)
    second, created = signup(network_b)
    assert created and first.pk != second.pk
    assert Volunteer.objects.count() == 2


def test_a_first_sign_up_mails_the_volunteer_their_private_link(
    network_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        volunteer, _created = signup(network_a)
    assert mail.outbox == []  # nothing before commit
    for callback in callbacks:
        callback()

    [message] = [m for m in mail.outbox if m.to == ["sara@example.org"]]
    assert message.subject == "Bedankt om vrijwilliger te worden bij Huis van het Kind A"
    assert "Sara Peeters" in message.body
    link = next(line for line in message.body.splitlines() if "/volunteer/me/" in line).strip()
    assert link.startswith(django_settings.BASE_URL + "/netwerk-a/volunteer/me/")
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert selectors.volunteer_by_token(network=network_a, token=token) == volunteer
    assert link == services.volunteer_link(volunteer)


def test_a_first_sign_up_tells_the_coordinators_and_the_partner_of_the_role_without_the_persons_data(
    network_a, partner_role, coordinator_a, coordinator_b, editor_a, editor_a2, member_a,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    second = UserFactory(email="coordinator2@a.example")
    RoleAssignmentFactory(user=second, network=network_a, role=Role.COORDINATOR)
    gone = UserFactory(email="gone@a.example", is_active=False)
    RoleAssignmentFactory(user=gone, network=network_a, role=Role.COORDINATOR)

    with django_capture_on_commit_callbacks(execute=True):
        volunteer, _created = signup(network_a, phone="0470 12 34 56", role_wanted=partner_role)

    assert sorted(tuple(m.to) for m in mail.outbox) == [
        ("coordinator2@a.example", "coordinator@a.example", "editor@a.example"),
        ("sara@example.org",),
    ]
    [staff] = [m for m in mail.outbox if "sara@example.org" not in m.to]
    assert staff.subject == "Nieuwe vrijwilliger aangemeld bij Huis van het Kind A"
    assert partner_role.title in staff.body and str(volunteer.pk) in staff.body
    for private in ("Sara", "Peeters", "sara@example.org", "0470 12 34 56", "0470123456", "kinderen"):
        assert private not in staff.subject and private not in staff.body


def test_a_sign_up_for_a_network_role_or_none_tells_only_the_coordinators(
    network_a, network_role, coordinator_a, editor_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signup(network_a, role_wanted=network_role)
        signup(network_a, email="jan@example.org", name="Jan")
    staff = [m for m in mail.outbox if m.subject.startswith("Nieuwe vrijwilliger")]
    assert [m.to for m in staff] == [["coordinator@a.example"], ["coordinator@a.example"]]


def test_a_second_sign_up_with_the_same_address_in_capitals_joins_the_first_and_changes_nothing(
    network_a, partner_role, coordinator_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, _created = signup(network_a)
    before = Volunteer.objects.values().get(pk=first.pk)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        again, created = signup(
            network_a,
            name="Iemand Anders",
            email="  SARA@EXAMPLE.ORG",
            phone="0499 99 99 99",
            interests=["admin"],
            motivation="Ik wil je gegevens veranderen.",
            role_wanted=partner_role,
        )

    assert not created and again.pk == first.pk and again.signups == 2
    assert Volunteer.objects.count() == 1
    after = Volunteer.objects.values().get(pk=first.pk)
    assert after.pop("signups") == 2
    assert after.pop("updated_at") >= before.pop("updated_at")
    before.pop("signups")
    assert after == before  # name, e-mail, phone, choices, motivation, role: all as the first time
    [message] = mail.outbox  # the person only, to the address we had: staff heard of them the first time
    assert message.to == ["sara@example.org"]
    assert message.subject == "Je staat al bij onze vrijwilligers: Huis van het Kind A"
    assert services.volunteer_link(first) in message.body and "Iemand Anders" not in message.body


def test_a_second_sign_up_with_the_same_phone_written_otherwise_joins_the_first(
    network_a, coordinator_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, _created = signup(network_a, email="", phone="0470 12 34 56")
    assert [m.to for m in mail.outbox] == [["coordinator@a.example"]]
    mail.outbox.clear()

    for number, signups in (("+32 470 12 34 56", 2), ("0032 (0)470/12.34.56", 3)):
        with django_capture_on_commit_callbacks(execute=True):
            again, created = signup(network_a, name="Iemand Anders", email="", phone=number)
        assert not created and again.pk == first.pk and again.signups == signups

    stored = Volunteer.objects.get()
    assert stored.name == "Sara Peeters" and stored.phone == "0470 12 34 56" and stored.signups == 3
    assert mail.outbox == []  # no address to mail the link to, and the coordinator knows them already


def test_a_second_sign_up_with_the_address_mails_the_link_also_when_the_first_had_the_phone_only(
    network_a, django_capture_on_commit_callbacks
):
    """The key is the e-mail address, else the phone: with an address now, it is someone else's key."""
    signup(network_a, email="", phone="0470 12 34 56")
    _second, created = signup(network_a, email="sara@example.org", phone="0470 12 34 56")
    assert created and Volunteer.objects.count() == 2


@pytest.mark.parametrize(
    ("email", "phone", "key"),
    [
        (" Sara@Example.ORG ", "", "sara@example.org"),
        ("sara@example.org", "0470 12 34 56", "sara@example.org"),
        ("", "0470 12 34 56", "tel:470123456"),
        ("", "+32 470 12 34 56", "tel:470123456"),
        ("", "0032 470 12 34 56", "tel:470123456"),
        ("", "+32 (0)470 12 34 56", "tel:470123456"),
        ("", "016 12 34 56", "tel:16123456"),
        ("", "", ""),
    ],
)
def test_the_contact_key(email, phone, key):
    assert services.contact_key(email=email, phone=phone) == key


def test_the_private_link_is_the_same_in_every_mail_and_differs_per_volunteer(network_a):
    one, two = VolunteerFactory(network=network_a), VolunteerFactory(network=network_a)
    assert services.volunteer_token(one) == services.volunteer_token(one)
    assert services.volunteer_token(one) != services.volunteer_token(two)
    assert len(services.volunteer_token(one)) == 64


# --- the access log ----------------------------------------------------------------------------------------------


def test_the_access_log_names_who_looked_and_at_whom(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a)
    entry = services.volunteer_access_record(
        network=network_a,
        acting_user=coordinator_a,
        action=VolunteerAccess.Action.VIEW,
        volunteer=volunteer,
        detail="x" * 300,
    )
    assert entry.user == coordinator_a and entry.user_label == coordinator_a.get_full_name()
    assert entry.volunteer_id_value == volunteer.pk and len(entry.detail) == 200
    listed = services.volunteer_access_record(
        network=network_a, acting_user=AnonymousUser(), action=VolunteerAccess.Action.LIST
    )
    assert listed.user is None and listed.user_label == "hvhk" and listed.volunteer_id_value is None


def test_a_volunteer_opening_their_own_data_is_logged(network_a):
    volunteer = VolunteerFactory(network=network_a)
    services.volunteer_export_record(volunteer=volunteer)
    entry = VolunteerAccess.objects.get()
    assert entry.action == VolunteerAccess.Action.EXPORT and entry.volunteer_id_value == volunteer.pk
    assert entry.user is None and entry.network == network_a


# --- the coordinator's work --------------------------------------------------------------------------------------


def test_becoming_active_sets_the_start_date_and_is_logged(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a)
    services.volunteer_update(
        volunteer=volunteer,
        acting_user=coordinator_a,
        status=Status.INTAKE,
        intake_on=dt.date(2025, 3, 1),
        intake_note="Kennismaking goed verlopen.",
    )
    updated = services.volunteer_update(volunteer=volunteer, acting_user=coordinator_a, status=Status.ACTIVE)
    updated.refresh_from_db()
    assert updated.status == Status.ACTIVE and updated.started_on == timezone.localdate()
    assert updated.intake_note == "Kennismaking goed verlopen." and updated.ended_on is None
    details = list(VolunteerAccess.objects.order_by("created_at").values_list("action", "detail"))
    assert details == [("edit", "intake_note, intake_on, status"), ("edit", "status")]


def test_becoming_active_keeps_a_given_start_date(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a)
    services.volunteer_update(
        volunteer=volunteer, acting_user=coordinator_a, status=Status.ACTIVE, started_on=dt.date(2025, 1, 6)
    )
    volunteer.refresh_from_db()
    assert volunteer.started_on == dt.date(2025, 1, 6)


def test_stopping_sets_the_end_date_and_ends_the_open_placements(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a, status=Status.ACTIVE, started_on=dt.date(2024, 1, 1))
    working = PlacementFactory(volunteer=volunteer, status=PStatus.AGREED, started_on=dt.date(2024, 2, 1))
    proposed = PlacementFactory(volunteer=volunteer)
    declined = PlacementFactory(volunteer=volunteer, status=PStatus.DECLINED)

    services.volunteer_update(volunteer=volunteer, acting_user=coordinator_a, status=Status.STOPPED)

    volunteer.refresh_from_db()
    today = timezone.localdate()
    assert volunteer.status == Status.STOPPED and volunteer.ended_on == today
    for placement in (working, proposed):
        placement.refresh_from_db()
        assert placement.status == PStatus.ENDED and placement.ended_on == today
    declined.refresh_from_db()
    assert declined.status == PStatus.DECLINED and declined.ended_on is None


def test_stopping_keeps_a_given_end_date(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a, status=Status.PAUSED, started_on=dt.date(2024, 1, 1))
    services.volunteer_update(
        volunteer=volunteer, acting_user=coordinator_a, status=Status.STOPPED, ended_on=dt.date(2024, 6, 30)
    )
    volunteer.refresh_from_db()
    assert volunteer.ended_on == dt.date(2024, 6, 30)


def test_declining_a_candidate_sets_the_end_date(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a)
    proposed = PlacementFactory(volunteer=volunteer)
    services.volunteer_update(volunteer=volunteer, acting_user=coordinator_a, status=Status.DECLINED)
    volunteer.refresh_from_db()
    proposed.refresh_from_db()
    assert volunteer.status == Status.DECLINED and volunteer.ended_on == timezone.localdate()
    assert proposed.status == PStatus.ENDED


def test_coming_back_clears_the_end_date_and_keeps_the_first_start(network_a, coordinator_a):
    volunteer = VolunteerFactory(
        network=network_a, status=Status.STOPPED, started_on=dt.date(2023, 1, 1), ended_on=dt.date(2024, 1, 1)
    )
    services.volunteer_update(volunteer=volunteer, acting_user=coordinator_a, status=Status.ACTIVE)
    volunteer.refresh_from_db()
    assert volunteer.status == Status.ACTIVE and volunteer.ended_on is None
    assert volunteer.started_on == dt.date(2023, 1, 1)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (Status.CANDIDATE, Status.STOPPED),
        (Status.CANDIDATE, Status.PAUSED),
        (Status.INTAKE, Status.STOPPED),
        (Status.ACTIVE, Status.CANDIDATE),
        (Status.ACTIVE, Status.DECLINED),
        (Status.PAUSED, Status.INTAKE),
        (Status.STOPPED, Status.CANDIDATE),
        (Status.DECLINED, Status.ACTIVE),
        (Status.CANDIDATE, "vanished"),
    ],
)
def test_an_illegal_volunteer_step_is_refused(network_a, coordinator_a, before, after):
    volunteer = VolunteerFactory(network=network_a, status=before)
    placement = PlacementFactory(volunteer=volunteer)
    with pytest.raises(ValidationError) as caught:
        services.volunteer_update(volunteer=volunteer, acting_user=coordinator_a, status=after)
    assert "status" in caught.value.message_dict
    volunteer.refresh_from_db()
    placement.refresh_from_db()
    assert volunteer.status == before and placement.status == PStatus.PROPOSED
    assert VolunteerAccess.objects.count() == 0


def test_an_end_before_the_start_is_refused_and_nothing_ends(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a, status=Status.ACTIVE, started_on=dt.date(2025, 5, 1))
    placement = PlacementFactory(volunteer=volunteer, status=PStatus.AGREED, started_on=dt.date(2025, 5, 1))
    with pytest.raises(ValidationError) as caught:
        services.volunteer_update(
            volunteer=volunteer,
            acting_user=coordinator_a,
            status=Status.STOPPED,
            ended_on=dt.date(2025, 4, 1),
        )
    assert "ended_on" in caught.value.message_dict
    volunteer.refresh_from_db()
    placement.refresh_from_db()
    assert volunteer.status == Status.ACTIVE and volunteer.ended_on is None
    assert placement.status == PStatus.AGREED and placement.ended_on is None
    assert VolunteerAccess.objects.count() == 0


def test_an_end_date_alone_before_the_start_is_refused(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a, status=Status.STOPPED, started_on=dt.date(2025, 5, 1))
    with pytest.raises(ValidationError) as caught:
        services.volunteer_update(
            volunteer=volunteer, acting_user=coordinator_a, ended_on=dt.date(2025, 4, 30)
        )
    assert "ended_on" in caught.value.message_dict


def test_updating_a_volunteer_refuses_unknown_choices_and_areas_of_another_network(
    network_a, network_b, coordinator_a
):
    volunteer = VolunteerFactory(network=network_a)
    for fields, field in (
        ({"languages": ["xx"]}, "languages"),
        ({"availability": ["sun-night"]}, "availability"),
        ({"interests": ["sleeping"]}, "interests"),
        ({"area": AreaFactory(network=network_b)}, "area"),
    ):
        with pytest.raises(ValidationError) as caught:
            services.volunteer_update(volunteer=volunteer, acting_user=coordinator_a, **fields)
        assert field in caught.value.message_dict
    volunteer.refresh_from_db()
    assert volunteer.languages == ["nl"] and volunteer.area is None


def test_updating_ignores_fields_that_are_not_the_coordinators(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a, name="Sara")
    services.volunteer_update(
        volunteer=volunteer, acting_user=coordinator_a, name="Iemand", signups=9, languages=["fr"]
    )
    volunteer.refresh_from_db()
    assert volunteer.name == "Sara" and volunteer.signups == 1 and volunteer.languages == ["fr"]


@pytest.mark.parametrize("who", ["editor_a", "editor_a2", "member_a", "intake_a", "coordinator_b", "nobody"])
def test_only_the_coordinator_updates_a_volunteer(request, network_a, partner_role, who):
    volunteer = VolunteerFactory(network=network_a, role_wanted=partner_role)
    with pytest.raises(PermissionDenied):
        services.volunteer_update(
            volunteer=volunteer, acting_user=_persona(request, who), status=Status.INTAKE
        )
    volunteer.refresh_from_db()
    assert volunteer.status == Status.CANDIDATE and VolunteerAccess.objects.count() == 0


def test_an_erased_volunteer_is_not_updated(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a)
    services.volunteer_erase(volunteer=volunteer)
    with pytest.raises(ValidationError):
        services.volunteer_update(volunteer=volunteer, acting_user=coordinator_a, status=Status.CANDIDATE)


# --- placements --------------------------------------------------------------------------------------------------


def test_the_coordinator_proposes_a_volunteer_for_a_role(network_a, partner_role, coordinator_a):
    volunteer = VolunteerFactory(network=network_a)
    placement = services.placement_propose(
        volunteer=volunteer, role=partner_role, acting_user=coordinator_a, note="  Woont om de hoek. "
    )
    placement.refresh_from_db()
    assert placement.status == PStatus.PROPOSED and placement.note == "Woont om de hoek."
    assert placement.created_by == coordinator_a and placement.network == network_a
    entry = VolunteerAccess.objects.get()
    assert entry.volunteer_id_value == volunteer.pk and entry.detail == f"placement: {partner_role.title}"


@pytest.mark.parametrize("who", ["editor_a", "member_a", "intake_a", "coordinator_b", "nobody", "anonymous"])
def test_only_the_coordinator_proposes(request, network_a, partner_role, who):
    volunteer = VolunteerFactory(network=network_a, role_wanted=partner_role)
    with pytest.raises(PermissionDenied):
        services.placement_propose(volunteer=volunteer, role=partner_role, acting_user=_persona(request, who))
    assert Placement.objects.count() == 0


def test_a_volunteer_is_proposed_once_for_the_same_role(network_a, partner_role, coordinator_a):
    volunteer = VolunteerFactory(network=network_a)
    services.placement_propose(volunteer=volunteer, role=partner_role, acting_user=coordinator_a)
    with pytest.raises(ValidationError) as caught:
        services.placement_propose(volunteer=volunteer, role=partner_role, acting_user=coordinator_a)
    assert "role" in caught.value.message_dict
    assert Placement.objects.count() == 1


def test_after_a_declined_placement_the_volunteer_may_be_proposed_again(
    network_a, partner_role, coordinator_a
):
    volunteer = VolunteerFactory(network=network_a)
    PlacementFactory(volunteer=volunteer, role=partner_role, status=PStatus.DECLINED)
    services.placement_propose(volunteer=volunteer, role=partner_role, acting_user=coordinator_a)
    assert Placement.objects.filter(status=PStatus.PROPOSED).count() == 1


@pytest.mark.parametrize("status", [RoleStatus.DRAFT, RoleStatus.CLOSED])
def test_a_role_that_is_not_open_takes_no_proposal(network_a, coordinator_a, status):
    volunteer = VolunteerFactory(network=network_a)
    role = RoleFactory(network=network_a, status=status)
    with pytest.raises(ValidationError) as caught:
        services.placement_propose(volunteer=volunteer, role=role, acting_user=coordinator_a)
    assert "role" in caught.value.message_dict
    assert Placement.objects.count() == 0


def test_a_filled_role_still_takes_a_proposal(network_a, coordinator_a):
    role = RoleFactory(network=network_a, status=RoleStatus.FILLED)
    services.placement_propose(
        volunteer=VolunteerFactory(network=network_a), role=role, acting_user=coordinator_a
    )
    assert Placement.objects.count() == 1


def test_a_role_of_another_network_takes_no_proposal(network_a, network_b, coordinator_a):
    with pytest.raises(ValidationError) as caught:
        services.placement_propose(
            volunteer=VolunteerFactory(network=network_a),
            role=RoleFactory(network=network_b),
            acting_user=coordinator_a,
        )
    assert "role" in caught.value.message_dict
    assert Placement.objects.count() == 0


def test_an_erased_or_stopped_volunteer_is_not_proposed(network_a, partner_role, coordinator_a):
    erased = VolunteerFactory(network=network_a)
    services.volunteer_erase(volunteer=erased)
    stopped = VolunteerFactory(network=network_a, status=Status.STOPPED)
    for volunteer in (erased, stopped):
        with pytest.raises(ValidationError):
            services.placement_propose(volunteer=volunteer, role=partner_role, acting_user=coordinator_a)
    assert Placement.objects.count() == 0


@pytest.mark.parametrize("who", ["editor_a", "coordinator_a", "platform_admin"])
def test_agreeing_to_a_placement_makes_a_candidate_active(request, network_a, partner_role, who):
    volunteer = VolunteerFactory(network=network_a)
    placement = PlacementFactory(volunteer=volunteer, role=partner_role)

    services.placement_status_set(
        placement=placement, status=PStatus.AGREED, acting_user=_persona(request, who)
    )

    today = timezone.localdate()
    placement.refresh_from_db()
    volunteer.refresh_from_db()
    assert placement.status == PStatus.AGREED and placement.started_on == today
    assert volunteer.status == Status.ACTIVE and volunteer.started_on == today
    assert VolunteerAccess.objects.get().detail == f"placement agreed: {partner_role.title}"


def test_agreeing_keeps_an_active_volunteers_start_date(network_a, partner_role, editor_a):
    volunteer = VolunteerFactory(network=network_a, status=Status.ACTIVE, started_on=dt.date(2024, 9, 1))
    placement = PlacementFactory(volunteer=volunteer, role=partner_role)
    services.placement_status_set(placement=placement, status=PStatus.AGREED, acting_user=editor_a)
    volunteer.refresh_from_db()
    assert volunteer.status == Status.ACTIVE and volunteer.started_on == dt.date(2024, 9, 1)


def test_declining_a_placement_leaves_the_volunteer_a_candidate(network_a, partner_role, editor_a):
    volunteer = VolunteerFactory(network=network_a)
    placement = PlacementFactory(volunteer=volunteer, role=partner_role)
    services.placement_status_set(placement=placement, status=PStatus.DECLINED, acting_user=editor_a)
    placement.refresh_from_db()
    volunteer.refresh_from_db()
    assert placement.status == PStatus.DECLINED and volunteer.status == Status.CANDIDATE


def test_ending_a_placement_sets_its_end_date(network_a, partner_role, editor_a):
    placement = PlacementFactory(
        volunteer=VolunteerFactory(network=network_a, status=Status.ACTIVE),
        role=partner_role,
        status=PStatus.AGREED,
        started_on=dt.date(2025, 1, 1),
    )
    services.placement_status_set(placement=placement, status=PStatus.ENDED, acting_user=editor_a)
    placement.refresh_from_db()
    assert placement.status == PStatus.ENDED and placement.ended_on == timezone.localdate()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (PStatus.PROPOSED, PStatus.ENDED),
        (PStatus.PROPOSED, PStatus.PROPOSED),
        (PStatus.AGREED, PStatus.DECLINED),
        (PStatus.AGREED, PStatus.PROPOSED),
        (PStatus.DECLINED, PStatus.AGREED),
        (PStatus.ENDED, PStatus.AGREED),
        (PStatus.PROPOSED, "married"),
    ],
)
def test_an_illegal_placement_step_is_refused(network_a, partner_role, editor_a, before, after):
    volunteer = VolunteerFactory(network=network_a)
    placement = PlacementFactory(volunteer=volunteer, role=partner_role, status=before)
    with pytest.raises(ValidationError) as caught:
        services.placement_status_set(placement=placement, status=after, acting_user=editor_a)
    assert "status" in caught.value.message_dict
    placement.refresh_from_db()
    volunteer.refresh_from_db()
    assert placement.status == before and volunteer.status == Status.CANDIDATE


@pytest.mark.parametrize(
    ("who", "role_fixture"),
    [("editor_a", "network_role")] + [(who, "partner_role") for who in NOT_KEEPERS],
)
def test_nobody_else_takes_a_placement_step(request, network_a, who, role_fixture):
    volunteer = VolunteerFactory(network=network_a)
    placement = PlacementFactory(volunteer=volunteer, role=request.getfixturevalue(role_fixture))
    with pytest.raises(PermissionDenied):
        services.placement_status_set(
            placement=placement, status=PStatus.AGREED, acting_user=_persona(request, who)
        )
    placement.refresh_from_db()
    volunteer.refresh_from_db()
    assert placement.status == PStatus.PROPOSED and volunteer.status == Status.CANDIDATE


# --- hours -------------------------------------------------------------------------------------------------------


@pytest.fixture
def working(network_a, partner_role):
    """A volunteer working in partner A's role."""
    volunteer = VolunteerFactory(network=network_a, status=Status.ACTIVE, started_on=dt.date(2025, 1, 1))
    PlacementFactory(
        volunteer=volunteer, role=partner_role, status=PStatus.AGREED, started_on=dt.date(2025, 1, 1)
    )
    return volunteer


@pytest.mark.parametrize(("given", "stored"), [("2,5", "2.5"), ("3", "3"), (4, "4"), (Decimal("0.5"), "0.5")])
def test_the_coordinator_records_hours_also_with_a_decimal_comma(working, coordinator_a, given, stored):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    entry = services.hours_record(
        volunteer=working, on=yesterday, hours=given, acting_user=coordinator_a, note=" Speelnamiddag "
    )
    entry.refresh_from_db()
    assert entry.hours == Decimal(stored) and entry.on == yesterday and entry.note == "Speelnamiddag"
    assert entry.role is None and entry.recorded_by == coordinator_a and entry.network == working.network


def test_hours_today_are_taken_and_tomorrow_refused(working, coordinator_a):
    services.hours_record(volunteer=working, on=timezone.localdate(), hours="1", acting_user=coordinator_a)
    with pytest.raises(ValidationError) as caught:
        services.hours_record(
            volunteer=working,
            on=timezone.localdate() + dt.timedelta(days=1),
            hours="1",
            acting_user=coordinator_a,
        )
    assert "on" in caught.value.message_dict
    assert VolunteerHours.objects.count() == 1


@pytest.mark.parametrize(
    "hours", ["0", 0, "-2", "-0,5", "0,25", "2,55", "501", "twee", "", None, "NaN", "1e3"]
)
def test_zero_negative_or_nonsense_hours_are_refused(working, coordinator_a, hours):
    with pytest.raises(ValidationError) as caught:
        services.hours_record(
            volunteer=working, on=timezone.localdate(), hours=hours, acting_user=coordinator_a
        )
    assert "hours" in caught.value.message_dict
    assert VolunteerHours.objects.count() == 0


@pytest.mark.parametrize("status", [PStatus.AGREED, PStatus.ENDED])
def test_the_partner_records_hours_in_a_role_the_volunteer_works_or_worked_in(
    network_a, partner_role, editor_a, status
):
    volunteer = VolunteerFactory(network=network_a, status=Status.ACTIVE)
    PlacementFactory(volunteer=volunteer, role=partner_role, status=status, started_on=dt.date(2025, 1, 1))
    entry = services.hours_record(
        volunteer=volunteer, on=timezone.localdate(), hours="2,5", role=partner_role, acting_user=editor_a
    )
    assert entry.role == partner_role and entry.hours == Decimal("2.5") and entry.recorded_by == editor_a


@pytest.mark.parametrize("status", [PStatus.PROPOSED, PStatus.DECLINED])
def test_the_partner_records_no_hours_for_someone_not_working_in_the_role(
    network_a, partner_role, editor_a, status
):
    volunteer = VolunteerFactory(network=network_a, status=Status.ACTIVE)
    PlacementFactory(volunteer=volunteer, role=partner_role, status=status)
    with pytest.raises(PermissionDenied):
        services.hours_record(
            volunteer=volunteer, on=timezone.localdate(), hours="2", role=partner_role, acting_user=editor_a
        )
    assert VolunteerHours.objects.count() == 0


def test_the_partner_records_no_hours_without_a_role_or_in_another_partners_role(
    working, partner_role, partner_a2, editor_a, editor_a2
):
    other_role = RoleFactory(network=partner_a2.network, organization=partner_a2)
    PlacementFactory(
        volunteer=working, role=other_role, status=PStatus.AGREED, started_on=dt.date(2025, 1, 1)
    )
    today = timezone.localdate()
    for kwargs in (
        {"acting_user": editor_a},  # without a role: the coordinator's
        {"acting_user": editor_a, "role": other_role},
        {"acting_user": editor_a2, "role": partner_role},
    ):
        with pytest.raises(PermissionDenied):
            services.hours_record(volunteer=working, on=today, hours="2", **kwargs)
    assert VolunteerHours.objects.count() == 0


@pytest.mark.parametrize("who", ["member_a", "intake_a", "coordinator_b", "nobody", "anonymous"])
def test_nobody_else_records_hours(request, working, partner_role, who):
    for role in (None, partner_role):
        with pytest.raises(PermissionDenied):
            services.hours_record(
                volunteer=working,
                on=timezone.localdate(),
                hours="2",
                role=role,
                acting_user=_persona(request, who),
            )
    assert VolunteerHours.objects.count() == 0


def test_hours_in_a_role_of_another_network_are_refused(working, network_b, platform_admin):
    with pytest.raises(ValidationError) as caught:
        services.hours_record(
            volunteer=working,
            on=timezone.localdate(),
            hours="2",
            role=RoleFactory(network=network_b),
            acting_user=platform_admin,
        )
    assert "role" in caught.value.message_dict
    assert VolunteerHours.objects.count() == 0


# --- erasure -----------------------------------------------------------------------------------------------------

NAME, EMAIL, PHONE = "Sara Peeters", "sara.peeters@example.org", "0470 12 34 56"


def _strings(row: models.Model) -> list[str]:
    """Every text a row holds: its character fields and the strings inside its JSON fields."""
    found = []
    for field in row._meta.concrete_fields:
        value = getattr(row, field.attname)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list | dict):
            found.append(repr(value))
    return found


def _holds_the_person(row: models.Model) -> list[str]:
    # No short runs of digits: the token hash is hex and could hold one by chance.
    traces = (NAME, "Sara", "Peeters", EMAIL, EMAIL.split("@")[0], PHONE, "470123456", "470 12 34")
    return [text for text in _strings(row) if any(trace.casefold() in text.casefold() for trace in traces)]


def _sara(network, partner_role, coordinator, capture) -> Volunteer:
    """Sara signed up, had her intake, works in partner A's role since March 2025 and gave hours."""
    with capture(execute=True):
        volunteer, _created = signup(
            network,
            name=NAME,
            email=EMAIL,
            phone=PHONE,
            motivation="Ik ben juf geweest en heb tijd op woensdag.",
            role_wanted=partner_role,
            area=AreaFactory(network=network),
        )
    services.volunteer_update(
        volunteer=volunteer,
        acting_user=coordinator,
        status=Status.ACTIVE,
        started_on=dt.date(2025, 3, 1),
        intake_on=dt.date(2025, 2, 20),
        intake_note=f"{NAME} belt liever op {PHONE} dan te mailen naar {EMAIL}.",
    )
    placement = services.placement_propose(
        volunteer=volunteer, role=partner_role, acting_user=coordinator, note=f"Bel {NAME}: {PHONE}"
    )
    services.placement_status_set(placement=placement, status=PStatus.AGREED, acting_user=coordinator)
    Placement.objects.filter(pk=placement.pk).update(started_on=dt.date(2025, 3, 1))
    services.hours_record(
        volunteer=volunteer, on=dt.date(2025, 3, 5), hours="2,5", acting_user=coordinator, note=f"{NAME}"
    )
    services.hours_record(
        volunteer=volunteer, on=dt.date(2025, 4, 2), hours="3", acting_user=coordinator, role=partner_role
    )
    volunteer.refresh_from_db()
    return volunteer


@pytest.fixture
def sara(network_a, partner_role, coordinator_a, django_capture_on_commit_callbacks):
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, 0, tzinfo=BRUSSELS), tick=False):
        return _sara(network_a, partner_role, coordinator_a, django_capture_on_commit_callbacks)


def test_a_volunteers_erasure_request_leaves_only_anonymous_counts(
    network_a, partner_role, coordinator_a, django_capture_on_commit_callbacks
):
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, 0, tzinfo=BRUSSELS), tick=False):
        sara = _sara(network_a, partner_role, coordinator_a, django_capture_on_commit_callbacks)
    token = services.volunteer_token(sara)
    assert selectors.volunteer_by_token(network=network_a, token=token) == sara
    assert _holds_the_person(sara)  # the check below would see her
    counted = selectors.year_count(network=network_a, year=2025)
    assert (counted.active, counted.new, counted.stopped, counted.signups) == (1, 1, 0, 1)
    assert (counted.hours, counted.roles) == (Decimal("5.5"), 1)

    with time_machine.travel(dt.datetime(2025, 6, 15, 12, 0, tzinfo=BRUSSELS), tick=False):
        erased = services.volunteer_erase(volunteer=sara)  # through her private link: nobody signed in

    assert erased.anonymised_at is not None
    for field in ("name", "email", "phone", "contact_key", "motivation", "intake_note"):
        assert getattr(erased, field) == "", field
    assert erased.languages == [] and erased.availability == [] and erased.interests == []
    assert erased.status == Status.STOPPED and erased.ended_on == dt.date(2025, 6, 15)
    assert erased.started_on == dt.date(2025, 3, 1) and erased.area is not None  # what the report counts
    assert erased.token_hash != sara.token_hash
    assert selectors.volunteer_by_token(network=network_a, token=token) is None
    assert str(erased) == "(gewist)"
    [placement] = Placement.objects.filter(volunteer=sara)
    assert placement.status == PStatus.ENDED and placement.ended_on == dt.date(2025, 6, 15)
    rows = [Volunteer.objects.get(pk=sara.pk), *Placement.objects.all(), *VolunteerHours.objects.all()]
    assert len(rows) == 4
    for row in rows:
        assert _holds_the_person(row) == [], row
    for entry in VolunteerAccess.objects.all():  # the log outlives her and names nobody either
        assert _holds_the_person(entry) == [], entry
    entry = VolunteerAccess.objects.get(action=VolunteerAccess.Action.ERASE)
    assert entry.volunteer_id_value == sara.pk and entry.user is None
    assert entry.detail == "asked by the volunteer"

    counted = selectors.year_count(network=network_a, year=2025)
    assert (counted.active, counted.new, counted.stopped, counted.signups) == (1, 1, 1, 1)
    assert (counted.hours, counted.roles) == (Decimal("5.5"), 1)


def test_the_same_address_can_sign_up_again_after_erasure(network_a, sara):
    services.volunteer_erase(volunteer=sara)
    again, created = signup(network_a, name=NAME, email=EMAIL.upper())
    assert created and again.pk != sara.pk
    assert Volunteer.objects.count() == 2 and again.signups == 1


def test_the_coordinator_erases_and_the_log_says_so(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a)
    proposed = PlacementFactory(volunteer=volunteer)
    erased = services.volunteer_erase(volunteer=volunteer, acting_user=coordinator_a)
    assert erased.status == Status.DECLINED and erased.ended_on == timezone.localdate()  # never started
    proposed.refresh_from_db()
    assert proposed.status == PStatus.ENDED
    entry = VolunteerAccess.objects.get()
    assert entry.action == "erase" and entry.user == coordinator_a and entry.detail == "by the coordinator"


def test_erasing_twice_changes_nothing_more(network_a, coordinator_a):
    volunteer = VolunteerFactory(network=network_a)
    first = services.volunteer_erase(volunteer=volunteer)
    second = services.volunteer_erase(volunteer=volunteer, acting_user=coordinator_a)
    assert second.anonymised_at == first.anonymised_at and second.token_hash == first.token_hash
    assert VolunteerAccess.objects.count() == 1


def test_erasing_a_stopped_volunteer_keeps_their_dates(network_a, coordinator_a):
    volunteer = VolunteerFactory(
        network=network_a, status=Status.STOPPED, started_on=dt.date(2023, 1, 1), ended_on=dt.date(2024, 1, 1)
    )
    erased = services.volunteer_erase(volunteer=volunteer, acting_user=coordinator_a)
    assert erased.status == Status.STOPPED and erased.ended_on == dt.date(2024, 1, 1)


@pytest.mark.parametrize("who", ["editor_a", "member_a", "intake_a", "coordinator_b"])
def test_only_the_coordinator_or_the_volunteer_erases(request, network_a, partner_role, who):
    volunteer = VolunteerFactory(network=network_a, role_wanted=partner_role, name="Sara")
    with pytest.raises(PermissionDenied):
        services.volunteer_erase(volunteer=volunteer, acting_user=_persona(request, who))
    volunteer.refresh_from_db()
    assert volunteer.name == "Sara" and volunteer.anonymised_at is None
    assert VolunteerAccess.objects.count() == 0


# --- retention ---------------------------------------------------------------------------------------------------


def _days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def _untouched_since(volunteer: Volunteer, days: int) -> None:
    Volunteer.objects.filter(pk=volunteer.pk).update(updated_at=timezone.now() - dt.timedelta(days=days))


def _snapshot() -> list[dict]:
    return list(Volunteer.objects.order_by("pk").values())


@time_machine.travel(dt.datetime(2025, 6, 15, 12, 0, tzinfo=BRUSSELS), tick=False)
def test_retention_anonymises_who_stopped_long_ago_and_old_candidates(network_a, settings):
    settings.VOLUNTEER_RETENTION_MONTHS = 12
    stopped_long_ago = VolunteerFactory(
        network=network_a, status=Status.STOPPED, started_on=_days_ago(900), ended_on=_days_ago(400)
    )
    declined_long_ago = VolunteerFactory(network=network_a, status=Status.DECLINED, ended_on=_days_ago(370))
    stopped_undated = VolunteerFactory(network=network_a, status=Status.STOPPED)
    _untouched_since(stopped_undated, 400)
    stopped_lately = VolunteerFactory(
        network=network_a, status=Status.STOPPED, started_on=_days_ago(900), ended_on=_days_ago(300)
    )
    old_candidate = VolunteerFactory(network=network_a)
    _untouched_since(old_candidate, 400)
    fresh_candidate = VolunteerFactory(network=network_a)
    _untouched_since(fresh_candidate, 300)
    active_for_years = VolunteerFactory(network=network_a, status=Status.ACTIVE, started_on=_days_ago(2000))
    _untouched_since(active_for_years, 1000)
    paused = VolunteerFactory(network=network_a, status=Status.PAUSED, started_on=_days_ago(2000))
    _untouched_since(paused, 1000)

    assert services.volunteers_retention() == 4

    for volunteer in (stopped_long_ago, declined_long_ago, stopped_undated, old_candidate):
        volunteer.refresh_from_db()
        assert volunteer.anonymised_at is not None and volunteer.name == "" and volunteer.contact_key == ""
    for volunteer in (stopped_lately, fresh_candidate, active_for_years, paused):
        volunteer.refresh_from_db()
        assert volunteer.anonymised_at is None and volunteer.name.startswith("Vrijwilliger")
    assert old_candidate.status == Status.DECLINED and old_candidate.ended_on == dt.date(2025, 6, 15)
    assert stopped_long_ago.status == Status.STOPPED and stopped_long_ago.ended_on == _days_ago(400)
    assert fresh_candidate.status == Status.CANDIDATE
    log = VolunteerAccess.objects.filter(action=VolunteerAccess.Action.ERASE)
    assert log.count() == 4 and set(log.values_list("detail", flat=True)) == {"after 12 months"}
    assert set(log.values_list("volunteer_id_value", flat=True)) == {
        stopped_long_ago.pk,
        declined_long_ago.pk,
        stopped_undated.pk,
        old_candidate.pk,
    }

    before = _snapshot()
    assert services.volunteers_retention() == 0
    assert _snapshot() == before and VolunteerAccess.objects.count() == 4


def test_retention_follows_the_setting(network_a, network_b, settings):
    settings.VOLUNTEER_RETENTION_MONTHS = 1
    gone = VolunteerFactory(network=network_a, status=Status.STOPPED, ended_on=_days_ago(40))
    other_network = VolunteerFactory(network=network_b, status=Status.STOPPED, ended_on=_days_ago(40))
    recent = VolunteerFactory(network=network_a, status=Status.STOPPED, ended_on=_days_ago(10))
    candidate = VolunteerFactory(network=network_a)
    _untouched_since(candidate, 40)
    hours = VolunteerHours.objects.create(
        network=network_a, volunteer=gone, on=_days_ago(60), hours=Decimal(3), note=gone.name
    )

    assert services.volunteers_retention() == 3

    for volunteer, anonymised in ((gone, True), (other_network, True), (recent, False), (candidate, True)):
        volunteer.refresh_from_db()
        assert (volunteer.anonymised_at is not None) is anonymised
    hours.refresh_from_db()
    assert hours.note == "" and hours.hours == Decimal(3)  # still counted
    assert services.volunteers_retention() == 0


def test_retention_with_a_later_clock(network_a, settings):
    settings.VOLUNTEER_RETENTION_MONTHS = 12
    stopped = VolunteerFactory(network=network_a, status=Status.STOPPED, ended_on=_days_ago(10))
    candidate = VolunteerFactory(network=network_a)
    assert services.volunteers_retention() == 0
    later = (timezone.localtime() + dt.timedelta(days=400)).replace(hour=12)
    assert services.volunteers_retention(now=later) == 2
    candidate.refresh_from_db()
    stopped.refresh_from_db()
    assert candidate.status == Status.DECLINED and candidate.ended_on == timezone.localdate(later)
    assert stopped.anonymised_at == later


def test_retention_just_after_midnight_ends_a_forgotten_candidate_today(network_a, settings):
    settings.VOLUNTEER_RETENTION_MONTHS = 12
    just_after_midnight = dt.datetime(2025, 6, 15, 0, 30, tzinfo=BRUSSELS)
    with time_machine.travel(just_after_midnight, tick=False):
        candidate = VolunteerFactory(network=network_a)
        _untouched_since(candidate, 400)
        assert services.volunteers_retention() == 1
    candidate.refresh_from_db()
    assert candidate.ended_on == dt.date(2025, 6, 15)


def test_a_candidate_who_signed_up_again_is_not_forgotten(network_a, settings):
    settings.VOLUNTEER_RETENTION_MONTHS = 12
    first, _created = signup(network_a)
    _untouched_since(first, 400)
    signup(network_a)
    assert services.volunteers_retention() == 0


def test_retention_of_a_candidate_ends_their_open_placements_as_erasure_does(network_a, settings):
    settings.VOLUNTEER_RETENTION_MONTHS = 12
    candidate = VolunteerFactory(network=network_a)
    placement = PlacementFactory(volunteer=candidate)
    _untouched_since(candidate, 400)

    assert services.volunteers_retention() == 1

    placement.refresh_from_db()
    assert placement.status == PStatus.ENDED


def test_retention_of_one_network_leaves_the_other(network_a, network_b, settings):
    settings.VOLUNTEER_RETENTION_MONTHS = 12
    in_a = VolunteerFactory(network=network_a, status=Status.STOPPED, ended_on=_days_ago(400))
    in_b = VolunteerFactory(network=network_b, status=Status.STOPPED, ended_on=_days_ago(400))
    assert services.volunteers_retention(network=network_b) == 1
    in_a.refresh_from_db()
    in_b.refresh_from_db()
    assert in_a.anonymised_at is None and in_b.anonymised_at is not None


# --- asking the pool for a hand ----------------------------------------------------------------------------------


def _next(weekday: int) -> dt.date:
    """The first day after today with this weekday (0 is Monday)."""
    today = timezone.localdate()
    return today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _help(**extra) -> dict:
    return {
        "title": "Helpen op het zomerfeest",
        "description": "Mee opzetten en afbreken, en koffie schenken.",
        "on": _next(2),  # a Wednesday
        "hours": " 14 tot 17 uur ",
        "interests": ["events"],
        **extra,
    }


@pytest.fixture
def pool(network_a, network_b):
    """Active volunteers who may or may not be asked for a hand on a Wednesday at an event."""
    active = {"status": Status.ACTIVE, "started_on": dt.date(2024, 1, 1), "interests": ["events", "children"]}
    p = {
        "wednesday": VolunteerFactory(network=network_a, name="Woensdag", availability=["wed-pm"], **active),
        "any_day": VolunteerFactory(network=network_a, name="Altijd", availability=[], **active),
        "wed_and_sat": VolunteerFactory(
            network=network_a, name="Woensdag en zaterdag", availability=["sat-am", "wed-eve"], **active
        ),
    }
    p["monday"] = VolunteerFactory(network=network_a, name="Maandag", availability=["mon-am"], **active)
    p["phone_only"] = VolunteerFactory(
        network=network_a, name="Telefoon", email="", phone="0470 12 34 56", availability=[], **active
    )
    p["other_task"] = VolunteerFactory(
        network=network_a, name="Liever administratie", **{**active, "interests": ["admin"]}
    )
    p["paused"] = VolunteerFactory(network=network_a, name="Even niet", **{**active, "status": Status.PAUSED})
    p["candidate"] = VolunteerFactory(network=network_a, name="Kandidaat", interests=["events"])
    p["erased"] = VolunteerFactory(network=network_a, name="Gewist", **active)
    p["erased"] = services.volunteer_erase(volunteer=p["erased"])
    p["in_b"] = VolunteerFactory(network=network_b, name="In B", **active)
    return p


def test_the_pool_asked_for_a_hand_is_who_is_active_free_that_day_and_likes_the_task(network_a, pool):
    asked = HelpRequest(network=network_a, title="x", description="x", on=_next(2), interests=["events"])
    assert [v.name for v in services.help_candidates(asked)] == ["Altijd", "Woensdag", "Woensdag en zaterdag"]
    any_task = HelpRequest(network=network_a, title="x", description="x", on=_next(2), interests=[])
    assert [v.name for v in services.help_candidates(any_task)] == [
        "Altijd",
        "Liever administratie",
        "Woensdag",
        "Woensdag en zaterdag",
    ]
    on_monday = HelpRequest(network=network_a, title="x", description="x", on=_next(0), interests=["events"])
    assert [v.name for v in services.help_candidates(on_monday)] == ["Altijd", "Maandag"]


@pytest.mark.parametrize("who", ["editor_a", "coordinator_a"])
def test_a_partner_asks_the_pool_and_the_fitting_volunteers_get_a_link_to_say_yes(
    request, network_a, partner_a, pool, who, django_capture_on_commit_callbacks
):
    acting = _persona(request, who)
    with django_capture_on_commit_callbacks(execute=True):
        help_request = services.help_request_create(
            network=network_a, organization=partner_a, acting_user=acting, **_help()
        )

    help_request.refresh_from_db()
    assert help_request.asked == 3 and help_request.status == "open" and help_request.hours == "14 tot 17 uur"
    assert help_request.created_by == acting and help_request.organization == partner_a
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        pool[key].email for key in ("wednesday", "any_day", "wed_and_sat")
    )
    for message in mail.outbox:
        assert message.subject == "Kun je helpen? Helpen op het zomerfeest"
        link = next(line for line in message.body.splitlines() if "/volunteer/me/" in line).strip()
        match = resolve(urlsplit(link).path)
        assert match.url_name == "help-answer" and match.kwargs["pk"] == help_request.pk
        person = selectors.volunteer_by_token(network=network_a, token=match.kwargs["token"])
        assert person.email == message.to[0]


def test_the_coordinator_asks_for_the_network_itself(network_a, coordinator_a):
    help_request = services.help_request_create(network=network_a, acting_user=coordinator_a, **_help())
    assert help_request.organization is None and help_request.asked == 0


@pytest.mark.parametrize(
    ("who", "for_partner"),
    [("editor_a", False)]
    + [(who, True) for who in ("editor_a2", "member_a", "intake_a", "nobody", "anonymous", "coordinator_b")]
    + [(who, False) for who in ("member_a", "intake_a", "nobody", "coordinator_b")],
)
def test_nobody_else_asks_the_pool(request, network_a, partner_a, pool, who, for_partner):
    with pytest.raises(PermissionDenied):
        services.help_request_create(
            network=network_a,
            organization=partner_a if for_partner else None,
            acting_user=_persona(request, who),
            **_help(),
        )
    assert HelpRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "  "}, "title"),
        ({"description": ""}, "description"),
        ({"on": None}, "on"),
        ({"on": dt.date(2020, 1, 1)}, "on"),
        ({"interests": ["fireworks"]}, "interests"),
        ({"needed": 51}, "needed"),
    ],
)
def test_a_call_for_a_hand_without_what_it_needs_is_refused(network_a, coordinator_a, fields, field):
    with pytest.raises(ValidationError) as caught:
        services.help_request_create(network=network_a, acting_user=coordinator_a, **_help(**fields))
    assert field in caught.value.message_dict
    assert HelpRequest.objects.count() == 0


def test_a_call_for_a_hand_with_another_networks_partner_or_area_is_refused(
    network_a, network_b, partner_b, coordinator_a
):
    for fields, field in (
        ({"organization": partner_b}, "organization"),
        ({"area": AreaFactory(network=network_b)}, "area"),
    ):
        with pytest.raises(ValidationError) as caught:
            services.help_request_create(network=network_a, acting_user=coordinator_a, **_help(), **fields)
        assert field in caught.value.message_dict
    assert HelpRequest.objects.count() == 0


@pytest.fixture
def call_for_two(network_a, partner_a, editor_a):
    return services.help_request_create(
        network=network_a, organization=partner_a, acting_user=editor_a, **_help(needed=2)
    )


def test_a_volunteer_says_yes_once_and_the_call_closes_when_enough_said_yes(call_for_two, pool):
    offer, created = services.help_offer_make(help_request=call_for_two, volunteer=pool["wednesday"])
    assert created and offer.volunteer == pool["wednesday"] and offer.network == call_for_two.network
    again, created = services.help_offer_make(help_request=call_for_two, volunteer=pool["wednesday"])
    assert not created and again == offer
    call_for_two.refresh_from_db()
    assert call_for_two.status == "open"

    services.help_offer_make(help_request=call_for_two, volunteer=pool["monday"])  # not asked, but may
    call_for_two.refresh_from_db()
    assert call_for_two.status == "closed" and call_for_two.offers.count() == 2
    with pytest.raises(ValidationError):
        services.help_offer_make(help_request=call_for_two, volunteer=pool["any_day"])
    assert services.help_offer_make(help_request=call_for_two, volunteer=pool["wednesday"])[1] is False


@pytest.mark.parametrize("who", ["paused", "candidate", "erased", "in_b"])
def test_only_an_active_volunteer_of_the_network_says_yes(call_for_two, pool, who):
    with pytest.raises(ValidationError):
        services.help_offer_make(help_request=call_for_two, volunteer=pool[who])
    assert call_for_two.offers.count() == 0


def test_nobody_says_yes_after_the_day(call_for_two, pool):
    HelpRequest.objects.filter(pk=call_for_two.pk).update(on=timezone.localdate() - dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        services.help_offer_make(help_request=call_for_two, volunteer=pool["wednesday"])
    assert call_for_two.offers.count() == 0


@pytest.mark.parametrize("who", ["editor_a", "coordinator_a", "platform_admin"])
def test_the_asker_or_the_coordinator_closes_a_call(request, call_for_two, who):
    assert services.can_see_help_request(_persona(request, who), help_request=call_for_two)
    closed = services.help_request_close(help_request=call_for_two, acting_user=_persona(request, who))
    closed.refresh_from_db()
    assert closed.status == "closed"


@pytest.mark.parametrize("who", ["editor_a2", "member_a", "intake_a", "coordinator_b", "nobody", "anonymous"])
def test_nobody_else_sees_or_closes_a_call(request, call_for_two, who):
    assert not services.can_see_help_request(_persona(request, who), help_request=call_for_two)
    with pytest.raises(PermissionDenied):
        services.help_request_close(help_request=call_for_two, acting_user=_persona(request, who))
    call_for_two.refresh_from_db()
    assert call_for_two.status == "open"


def test_a_call_of_the_network_is_seen_by_the_coordinator_only(network_a, coordinator_a, editor_a):
    help_request = services.help_request_create(network=network_a, acting_user=coordinator_a, **_help())
    assert services.can_see_help_request(coordinator_a, help_request=help_request)
    assert not services.can_see_help_request(editor_a, help_request=help_request)


# --- thank-you moments -------------------------------------------------------------------------------------------


@pytest.fixture
def this_years(network_a, network_b):
    """Who was active in the current year, and who was not."""
    year = timezone.localdate().year
    jan_1 = dt.date(year, 1, 1)
    return {
        "active": VolunteerFactory(network=network_a, name="Actief", status=Status.ACTIVE, started_on=jan_1),
        "stopped": VolunteerFactory(
            network=network_a,
            name="Gestopt dit jaar",
            status=Status.STOPPED,
            started_on=dt.date(year - 2, 1, 1),
            ended_on=jan_1,
        ),
        "gone": VolunteerFactory(
            network=network_a,
            name="Gestopt vorig jaar",
            status=Status.STOPPED,
            started_on=dt.date(year - 2, 1, 1),
            ended_on=dt.date(year - 1, 12, 31),
        ),
        "phone_only": VolunteerFactory(
            network=network_a,
            name="Telefoon",
            email="",
            phone="0470 12 34 56",
            status=Status.ACTIVE,
            started_on=jan_1,
        ),
        "candidate": VolunteerFactory(network=network_a, name="Kandidaat"),
        "in_b": VolunteerFactory(network=network_b, name="In B", status=Status.ACTIVE, started_on=jan_1),
    }


def test_the_thank_you_goes_to_who_was_active_this_year_with_an_address(network_a, this_years):
    year = timezone.localdate().year
    assert [v.name for v in services.thank_you_recipients(network=network_a, year=year)] == [
        "Actief",
        "Gestopt dit jaar",
    ]
    assert [v.name for v in services.thank_you_recipients(network=network_a, year=year - 1)] == [
        "Gestopt dit jaar",
        "Gestopt vorig jaar",
    ]
    services.volunteer_erase(volunteer=this_years["active"])
    assert [v.name for v in services.thank_you_recipients(network=network_a, year=year)] == [
        "Gestopt dit jaar"
    ]


def test_the_coordinator_sends_a_thank_you_to_each_volunteer(
    network_a, coordinator_a, this_years, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        thanks = services.thank_you_send(
            network=network_a,
            acting_user=coordinator_a,
            title=" Bedankontbijt ",
            message="Kom je mee ontbijten?",
            on=_next(5),
            place="Het Huis",
        )
    thanks.refresh_from_db()
    assert thanks.sent_to == 2 and thanks.title == "Bedankontbijt" and thanks.created_by == coordinator_a
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [this_years["active"].email, this_years["stopped"].email]
    )
    for message in mail.outbox:
        assert message.subject == "Bedankontbijt" and "Kom je mee ontbijten?" in message.body
    [to_active] = [m for m in mail.outbox if m.to == [this_years["active"].email]]
    assert "Dag Actief," in to_active.body


@pytest.mark.parametrize(
    ("fields", "field"), [({"title": " "}, "title"), ({"message": ""}, "message"), ({"on": None}, "on")]
)
def test_a_thank_you_without_title_message_or_date_is_refused(network_a, coordinator_a, fields, field):
    data = {"title": "Bedankontbijt", "message": "Kom je?", "on": _next(5), **fields}
    with pytest.raises(ValidationError) as caught:
        services.thank_you_send(network=network_a, acting_user=coordinator_a, **data)
    assert field in caught.value.message_dict
    assert ThankYou.objects.count() == 0


@pytest.mark.parametrize("who", ["editor_a", "member_a", "intake_a", "coordinator_b", "nobody", "anonymous"])
def test_only_the_coordinator_sends_a_thank_you(request, network_a, this_years, who):
    with pytest.raises(PermissionDenied):
        services.thank_you_send(
            network=network_a, acting_user=_persona(request, who), title="x", message="y", on=_next(5)
        )
    assert ThankYou.objects.count() == 0 and mail.outbox == []


# --- two sign-ups at the same moment (PostgreSQL) ----------------------------------------------------------------


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs two connections waiting on a row lock (PostgreSQL)")


def _at_once(network) -> tuple[list, list]:
    """Two people sign up with the same address (written differently) in two threads, "A" and "B"."""
    results, errors = [], []

    def person(name: str) -> None:
        try:
            volunteer, created = signup(
                network, name=name, email="Sara@example.org" if name == "B" else "sara@example.org"
            )
            results.append((name, volunteer.pk, created))
        except Exception as error:  # pragma: no cover - reported below
            errors.append((name, error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=person, args=(name,), name=name) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_two_sign_ups_with_the_same_address_at_once_end_in_one_row(postgresql_only, network_a):
    """Both pass the check for an existing row and the model's validation before either writes: the database's
    unique constraint lets one in, the other joins it."""
    both_checked = threading.Barrier(2)
    real_full_clean = Volunteer.full_clean

    def full_clean_then_wait(self, *args, **kwargs):
        real_full_clean(self, *args, **kwargs)
        both_checked.wait(timeout=10)

    with mock.patch.object(Volunteer, "full_clean", full_clean_then_wait):
        results, errors = _at_once(network_a)

    assert not errors, errors
    assert Volunteer.objects.count() == 1
    stored = Volunteer.objects.get()
    assert sorted(created for _name, _pk, created in results) == [False, True]
    assert {pk for _name, pk, _created in results} == {stored.pk}
    assert stored.signups == 2 and stored.contact_key == "sara@example.org"


@pytest.mark.django_db(transaction=True)
def test_a_sign_up_whose_twin_commits_first_joins_it(postgresql_only, network_a):
    looked_up = threading.Barrier(2)
    a_done = threading.Event()
    real_token_hash = services.token_hash

    def token_hash_in_order(token):
        """Called right after the look-up of an existing row: B waits until A has committed."""
        if threading.current_thread().name in ("A", "B"):
            looked_up.wait(timeout=10)
            if threading.current_thread().name == "B":
                a_done.wait(timeout=10)
        return real_token_hash(token)

    real_signup = services.volunteer_signup

    def signup_then_tell(**kwargs):
        try:
            return real_signup(**kwargs)
        finally:
            if threading.current_thread().name == "A":
                a_done.set()

    with (
        mock.patch.object(services, "token_hash", token_hash_in_order),
        mock.patch.object(services, "volunteer_signup", signup_then_tell),
    ):
        results, errors = _at_once(network_a)

    assert Volunteer.objects.count() == 1
    assert not errors, errors
    assert sorted(created for _name, _pk, created in results) == [False, True]
