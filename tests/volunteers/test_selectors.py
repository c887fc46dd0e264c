"""Reading volunteers' data through the network and the active role: the public roles, what the coordinator and a
partner's editor see (and every other role does not), the suggestions for a role, and the yearly count. Erased
volunteers are counted, never listed."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.http import Http404

from hvhk.accounts.access import ActiveRole, roles_of
from hvhk.accounts.models import RoleAssignment
from hvhk.volunteers import selectors, services
from hvhk.volunteers.models import (
    HelpOffer,
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


def _active(user) -> ActiveRole:
    [role] = roles_of(user)
    return role


@pytest.fixture
def partner_a2(network_a):
    return MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="partner-a2")
    ).organization


@pytest.fixture
def as_coordinator(coordinator_a) -> ActiveRole:
    return _active(coordinator_a)


@pytest.fixture
def as_coordinator_b(coordinator_b) -> ActiveRole:
    return _active(coordinator_b)


@pytest.fixture
def as_editor(editor_a) -> ActiveRole:
    return _active(editor_a)


@pytest.fixture
def world(network_a, network_b, partner_a, partner_a2):
    """Roles and volunteers of both networks, each linked to partner A in another way (or not at all)."""
    w = {
        "network_role": RoleFactory(network=network_a, organization=None, title="Onthaal"),
        "own_role": RoleFactory(network=network_a, organization=partner_a, title="Voorlezen"),
        "own_draft": RoleFactory(
            network=network_a, organization=partner_a, title="Knutselen", status=RoleStatus.DRAFT
        ),
        "other_partner_role": RoleFactory(network=network_a, organization=partner_a2, title="Fietsen"),
        "b_role": RoleFactory(network=network_b, title="Rol in B"),
    }
    w["proposed"] = VolunteerFactory(network=network_a, name="Ann voorgesteld")
    PlacementFactory(volunteer=w["proposed"], role=w["own_role"])
    w["working"] = VolunteerFactory(network=network_a, name="Bart aan de slag", status=Status.ACTIVE)
    PlacementFactory(volunteer=w["working"], role=w["own_role"], status=PStatus.AGREED)
    PlacementFactory(volunteer=w["working"], role=w["own_draft"], status=PStatus.AGREED)  # listed once
    w["asked"] = VolunteerFactory(network=network_a, name="Chris vroeg erom", role_wanted=w["own_role"])
    w["ended"] = VolunteerFactory(network=network_a, name="Dirk gestopt")
    PlacementFactory(volunteer=w["ended"], role=w["own_role"], status=PStatus.ENDED)
    w["declined"] = VolunteerFactory(network=network_a, name="Els niet doorgegaan")
    PlacementFactory(volunteer=w["declined"], role=w["own_role"], status=PStatus.DECLINED)
    w["elsewhere"] = VolunteerFactory(network=network_a, name="Fien bij een ander")
    PlacementFactory(volunteer=w["elsewhere"], role=w["other_partner_role"])
    w["network_only"] = VolunteerFactory(
        network=network_a, name="Gert bij het netwerk", role_wanted=w["network_role"]
    )
    w["erased"] = VolunteerFactory(network=network_a, name="Hanne gewist", role_wanted=w["own_role"])
    w["erased_placement"] = PlacementFactory(volunteer=w["erased"], role=w["own_role"])
    services.volunteer_erase(volunteer=w["erased"])
    w["in_b"] = VolunteerFactory(network=network_b, name="Ilse in B")
    w["b_placement"] = PlacementFactory(volunteer=w["in_b"], role=w["b_role"])
    return w


def _names(volunteers) -> list[str]:
    return [v.name for v in volunteers]


# --- public ------------------------------------------------------------------------------------------------------


def test_the_public_page_shows_only_the_open_roles_of_its_network(network_a, network_b, partner_a):
    open_network = RoleFactory(network=network_a, title="B: onthaal")
    open_partner = RoleFactory(network=network_a, organization=partner_a, title="A: voorlezen")
    for status in (RoleStatus.DRAFT, RoleStatus.FILLED, RoleStatus.CLOSED):
        RoleFactory(network=network_a, status=status)
    RoleFactory(network=network_b, title="Open in B")

    assert list(selectors.roles_public(network=network_a)) == [open_partner, open_network]
    assert selectors.role_public_get(network=network_a, pk=open_network.pk) == open_network


def test_a_role_that_is_not_open_or_of_another_network_is_not_public(network_a, network_b):
    draft = RoleFactory(network=network_a, status=RoleStatus.DRAFT)
    elsewhere = RoleFactory(network=network_b)
    for pk in (draft.pk, elsewhere.pk):
        with pytest.raises(Http404):
            selectors.role_public_get(network=network_a, pk=pk)


def test_the_private_link_finds_only_its_own_volunteer(network_a, network_b):
    volunteer = VolunteerFactory(network=network_a)
    token = services.volunteer_token(volunteer)
    assert selectors.volunteer_by_token(network=network_a, token=token) == volunteer
    assert selectors.volunteer_by_token(network=network_b, token=token) is None
    other = services.volunteer_token(VolunteerFactory(network=network_b))
    assert selectors.volunteer_by_token(network=network_a, token=other) is None
    assert selectors.volunteer_by_token(network=network_a, token="") is None
    assert selectors.volunteer_by_token(network=network_a, token="x" * 201) is None
    assert selectors.volunteer_by_token(network=network_a, token="niet-de-juiste") is None


# --- the coordinator ---------------------------------------------------------------------------------------------


def test_the_coordinator_sees_every_role_of_the_network_and_none_of_another(world, as_coordinator):
    roles = selectors.roles_for(role=as_coordinator)
    assert set(roles) == {
        world["network_role"],
        world["own_role"],
        world["own_draft"],
        world["other_partner_role"],
    }
    own = roles.get(pk=world["own_role"].pk)
    assert (own.working, own.proposed) == (1, 1)
    assert selectors.role_get(role=as_coordinator, pk=world["network_role"].pk) == world["network_role"]
    with pytest.raises(Http404):
        selectors.role_get(role=as_coordinator, pk=world["b_role"].pk)


def test_the_coordinator_sees_every_volunteer_of_the_network_except_the_erased(world, as_coordinator):
    assert _names(selectors.volunteers_for(role=as_coordinator)) == [
        "Ann voorgesteld",
        "Bart aan de slag",
        "Chris vroeg erom",
        "Dirk gestopt",
        "Els niet doorgegaan",
        "Fien bij een ander",
        "Gert bij het netwerk",
    ]
    assert _names(selectors.volunteers_for(role=as_coordinator, status=Status.ACTIVE)) == ["Bart aan de slag"]
    assert _names(selectors.volunteers_for(role=as_coordinator, search="  vroeg ")) == ["Chris vroeg erom"]
    assert (
        len(selectors.volunteers_for(role=as_coordinator, status="nonsense")) == 7
    )  # an unknown filter: all
    assert selectors.volunteer_get(role=as_coordinator, pk=world["elsewhere"].pk) == world["elsewhere"]
    for pk in (world["erased"].pk, world["in_b"].pk):
        with pytest.raises(Http404):
            selectors.volunteer_get(role=as_coordinator, pk=pk)


def test_the_coordinator_of_the_other_network_sees_nothing_of_this_one(world, as_coordinator_b):
    assert set(selectors.roles_for(role=as_coordinator_b)) == {world["b_role"]}
    assert _names(selectors.volunteers_for(role=as_coordinator_b)) == ["Ilse in B"]
    with pytest.raises(Http404):
        selectors.role_get(role=as_coordinator_b, pk=world["own_role"].pk)
    with pytest.raises(Http404):
        selectors.volunteer_get(role=as_coordinator_b, pk=world["proposed"].pk)
    placement = Placement.objects.get(volunteer=world["proposed"])
    with pytest.raises(Http404):
        selectors.placement_get(role=as_coordinator_b, pk=placement.pk)


def test_a_platform_admin_coordinates_each_network_on_its_own(world, platform_admin, network_a):
    [as_admin_a] = [r for r in roles_of(platform_admin) if r.network == network_a]
    assert as_admin_a.is_coordinator
    assert len(selectors.volunteers_for(role=as_admin_a)) == 7
    with pytest.raises(Http404):
        selectors.volunteer_get(role=as_admin_a, pk=world["in_b"].pk)


def test_the_coordinator_gets_every_placement_of_the_network(world, as_coordinator):
    for volunteer in ("proposed", "elsewhere", "network_only", "working"):
        for placement in Placement.objects.filter(volunteer=world[volunteer]):
            assert selectors.placement_get(role=as_coordinator, pk=placement.pk) == placement
    for placement in (world["erased_placement"], world["b_placement"]):
        with pytest.raises(Http404):
            selectors.placement_get(role=as_coordinator, pk=placement.pk)


# --- a partner's editor ------------------------------------------------------------------------------------------


def test_a_partner_editor_sees_only_the_roles_of_their_organisation(world, as_editor):
    assert set(selectors.roles_for(role=as_editor)) == {world["own_role"], world["own_draft"]}
    assert selectors.role_get(role=as_editor, pk=world["own_draft"].pk) == world["own_draft"]
    for other in ("network_role", "other_partner_role", "b_role"):
        with pytest.raises(Http404):
            selectors.role_get(role=as_editor, pk=world[other].pk)


def test_a_partner_editor_sees_only_the_volunteers_matched_to_their_roles(world, as_editor):
    assert _names(selectors.volunteers_for(role=as_editor)) == [
        "Ann voorgesteld",
        "Bart aan de slag",  # once, though working in two of their roles
        "Chris vroeg erom",
    ]
    assert _names(selectors.volunteers_for(role=as_editor, status=Status.CANDIDATE)) == [
        "Ann voorgesteld",
        "Chris vroeg erom",
    ]
    assert _names(selectors.volunteers_for(role=as_editor, search="Fien")) == []
    for mine in ("proposed", "working", "asked"):
        assert selectors.volunteer_get(role=as_editor, pk=world[mine].pk) == world[mine]
    for other in ("ended", "declined", "elsewhere", "network_only", "erased", "in_b"):
        with pytest.raises(Http404):
            selectors.volunteer_get(role=as_editor, pk=world[other].pk)


def test_a_partner_editor_gets_the_placements_in_their_roles_only(world, as_editor):
    mine = Placement.objects.filter(role=world["own_role"], volunteer=world["proposed"]).get()
    assert selectors.placement_get(role=as_editor, pk=mine.pk) == mine
    ended = Placement.objects.get(volunteer=world["ended"])  # still theirs, though over
    assert selectors.placement_get(role=as_editor, pk=ended.pk) == ended
    others = [
        Placement.objects.get(volunteer=world["elsewhere"]),
        world["erased_placement"],
        world["b_placement"],
    ]
    for placement in others:
        with pytest.raises(Http404):
            selectors.placement_get(role=as_editor, pk=placement.pk)


def test_a_volunteer_of_an_editor_stops_being_theirs_when_the_placement_ends(world, as_editor, coordinator_a):
    services.volunteer_update(volunteer=world["proposed"], acting_user=coordinator_a, status=Status.DECLINED)
    with pytest.raises(Http404):
        selectors.volunteer_get(role=as_editor, pk=world["proposed"].pk)


# --- every other role --------------------------------------------------------------------------------------------


@pytest.fixture(params=["member", "intake", "analyst"])
def other_role(request, network_a, partner_a) -> ActiveRole:
    user = UserFactory(email=f"{request.param}@a.example")
    organization = partner_a if request.param == "member" else None
    RoleAssignmentFactory(user=user, network=network_a, role=request.param, organization=organization)
    return _active(user)


def test_every_other_role_gets_a_404(world, other_role):
    assert not selectors.manages_volunteers(other_role)
    with pytest.raises(Http404):
        selectors.roles_for(role=other_role)
    with pytest.raises(Http404):
        selectors.volunteers_for(role=other_role)
    with pytest.raises(Http404):
        selectors.role_get(role=other_role, pk=world["own_role"].pk)
    with pytest.raises(Http404):
        selectors.volunteer_get(role=other_role, pk=world["asked"].pk)
    with pytest.raises(Http404):
        selectors.placement_get(role=other_role, pk=world["erased_placement"].pk)
    with pytest.raises(Http404):
        selectors.placement_get(role=other_role, pk=Placement.objects.get(volunteer=world["proposed"]).pk)
    with pytest.raises(Http404):
        selectors.access_log(role=other_role)


def test_an_active_role_built_by_hand_for_an_editor_without_organisation_gets_a_404(world, network_a):
    role = ActiveRole("x", network_a, Role.EDITOR, None)
    assert not selectors.manages_volunteers(role)
    with pytest.raises(Http404):
        selectors.volunteers_for(role=role)


def test_only_the_coordinator_reads_the_access_log(network_a, network_b, as_coordinator, as_editor):
    volunteer = VolunteerFactory(network=network_a)
    services.volunteer_export_record(volunteer=volunteer)
    services.volunteer_export_record(volunteer=VolunteerFactory(network=network_b))
    [entry] = selectors.access_log(role=as_coordinator)
    assert entry.volunteer_id_value == volunteer.pk and entry.action == VolunteerAccess.Action.EXPORT
    with pytest.raises(Http404):
        selectors.access_log(role=as_editor)


def test_the_page_of_a_role_lists_who_is_proposed_or_working_but_not_the_erased(world):
    """Who declined or stopped is on the volunteer's own page (a partner no longer sees them)."""
    listed = selectors.role_volunteers(volunteer_role=world["own_role"])
    assert sorted(p.volunteer.name for p in listed) == ["Ann voorgesteld", "Bart aan de slag"]


# --- suggestions -------------------------------------------------------------------------------------------------


def _person(network, name, **fields) -> Volunteer:
    defaults = {"interests": [], "languages": [], "availability": [], "area": None}
    return VolunteerFactory(network=network, name=name, **{**defaults, **fields})


def test_suggestions_rank_who_shares_most_and_leave_out_the_rest(network_a, network_b):
    area = AreaFactory(network=network_a)
    role = RoleFactory(
        network=network_a,
        interests=["children", "homework"],
        languages=["ar", "fr"],
        availability=["wed-pm", "sat-am"],
        area=area,
    )
    everything = {
        "interests": ["children", "homework", "admin"],
        "languages": ["ar", "nl"],
        "availability": ["wed-pm"],
        "area": area,
    }
    best = _person(network_a, "Best", **everything)  # 3*2 + 2*1 + 2*1 + 2 = 12
    asked = _person(network_a, "Vroeg erom", role_wanted=role)  # 5
    active = _person(
        network_a, "Actief", status=Status.ACTIVE, interests=["children"], availability=["wed-am"]
    )
    some = _person(network_a, "Wat", interests=["children"], availability=["wed-am"])  # 3 + 1 (same day) = 4
    speaker = _person(network_a, "Taal", languages=["fr"], status=Status.INTAKE)  # 2
    _person(network_a, "Niets", interests=["admin"], languages=["nl"], availability=["mon-am"])
    placed = _person(network_a, "Al voorgesteld", **everything)
    PlacementFactory(volunteer=placed, role=role)
    working = _person(network_a, "Al aan de slag", **everything)
    PlacementFactory(volunteer=working, role=role, status=PStatus.AGREED)
    once_declined = _person(
        network_a, "Eerder niet", interests=["homework"]
    )  # 3: a declined placement is over
    PlacementFactory(volunteer=once_declined, role=role, status=PStatus.DECLINED)
    _person(network_a, "Gestopt", status=Status.STOPPED, **everything)
    _person(network_a, "Niet weerhouden", status=Status.DECLINED, **everything)
    erased = _person(network_a, "Gewist", **everything)
    Volunteer.objects.filter(pk=erased.pk).update(anonymised_at=dt.datetime(2025, 1, 1, tzinfo=BRUSSELS))
    _person(network_b, "Ander netwerk", **everything)

    found = selectors.suggestions(volunteer_role=role)

    assert [(s.volunteer, s.score) for s in found] == [
        (best, 12),
        (active, 5),  # 3 + 1 + 1 for someone already active; before "Vroeg erom" by name
        (asked, 5),
        (some, 4),
        (once_declined, 3),
        (speaker, 2),
    ]
    assert found[0].reasons == ("interests", "languages", "availability", "area")
    assert found[1].reasons == ("interests", "availability")
    assert found[2].reasons == ("asked",)
    assert found[3].reasons == ("interests", "availability")
    assert found[5].reasons == ("languages",)
    assert [s.volunteer for s in selectors.suggestions(volunteer_role=role, limit=2)] == [best, active]


def test_a_role_without_languages_or_days_suggests_on_interests_alone(network_a):
    role = RoleFactory(network=network_a, interests=["reading"], languages=[], availability=[])
    reader = _person(network_a, "Lezer", interests=["reading"], languages=["nl"], availability=["mon-am"])
    _person(network_a, "Spreker", languages=["nl"], availability=["mon-am"])
    [suggestion] = selectors.suggestions(volunteer_role=role)
    assert suggestion.volunteer == reader and suggestion.score == 3 and suggestion.reasons == ("interests",)


# --- the yearly count --------------------------------------------------------------------------------------------


@pytest.fixture
def year_2025(network_a, network_b):
    """A small year: on 15 June 2025, volunteers of every kind, their placements and hours (and network B's)."""
    with time_machine.travel(dt.datetime(2025, 6, 15, 12, 0, tzinfo=BRUSSELS), tick=False):
        roles = [RoleFactory(network=network_a) for _ in range(4)]

        def person(name, created: dt.date | None = None, **fields) -> Volunteer:
            volunteer = VolunteerFactory(network=network_a, name=name, **fields)
            if created:
                Volunteer.objects.filter(pk=volunteer.pk).update(
                    created_at=dt.datetime.combine(created, dt.time(12), tzinfo=BRUSSELS)
                )
            return volunteer

        since_2024 = person(
            "Sinds 2024", dt.date(2024, 2, 1), status=Status.ACTIVE, started_on=dt.date(2024, 3, 1)
        )
        new = person("Nieuw", status=Status.ACTIVE, started_on=dt.date(2025, 2, 1))
        stopped = person(
            "Gestopt in 2025",
            dt.date(2022, 12, 1),
            status=Status.STOPPED,
            started_on=dt.date(2023, 1, 1),
            ended_on=dt.date(2025, 3, 31),
        )
        gone = person(
            "Gestopt in 2024",
            dt.date(2021, 12, 1),
            status=Status.STOPPED,
            started_on=dt.date(2022, 1, 1),
            ended_on=dt.date(2024, 12, 31),
        )
        candidate = person("Kandidaat")
        person("Niet weerhouden", status=Status.DECLINED, ended_on=dt.date(2025, 4, 1))
        erased = person(
            "Gewist",
            status=Status.ACTIVE,
            started_on=dt.date(2025, 1, 10),
        )
        person("Start pas in 2026", status=Status.ACTIVE, started_on=dt.date(2026, 1, 5))
        for volunteer, role, status, start, end in (
            (since_2024, roles[0], PStatus.AGREED, dt.date(2025, 1, 5), None),
            (new, roles[0], PStatus.AGREED, dt.date(2025, 2, 1), None),
            (gone, roles[1], PStatus.ENDED, dt.date(2023, 1, 1), dt.date(2024, 6, 1)),
            (candidate, roles[2], PStatus.PROPOSED, None, None),
            (stopped, roles[3], PStatus.ENDED, dt.date(2024, 1, 1), dt.date(2025, 3, 31)),
            (erased, roles[2], PStatus.DECLINED, None, None),
        ):
            PlacementFactory(volunteer=volunteer, role=role, status=status, started_on=start, ended_on=end)
        for volunteer, on, hours in (
            (since_2024, dt.date(2025, 1, 10), "3.5"),
            (new, dt.date(2025, 5, 5), "2.5"),
            (stopped, dt.date(2024, 12, 20), "4"),
            (erased, dt.date(2025, 2, 1), "1"),
        ):
            VolunteerHours.objects.create(network=network_a, volunteer=volunteer, on=on, hours=Decimal(hours))
        services.volunteer_erase(volunteer=erased)  # stopped on 15 June 2025, still counted

        in_b = VolunteerFactory(network=network_b, status=Status.ACTIVE, started_on=dt.date(2025, 1, 1))
        VolunteerHours.objects.create(network=network_b, volunteer=in_b, on=dt.date(2025, 3, 1), hours=10)
        PlacementFactory(
            volunteer=in_b,
            role=RoleFactory(network=network_b),
            status=PStatus.AGREED,
            started_on=dt.date(2025, 1, 1),
        )


def test_the_yearly_count_of_a_small_year(network_a, year_2025):
    counted = selectors.year_count(network=network_a, year=2025)

    assert counted == selectors.YearCount(
        year=2025,
        active=4,  # since 2024, new, stopped in 2025, erased (and not who starts in 2026)
        new=2,  # new and erased
        stopped=2,  # stopped in 2025 and erased (declined is not stopped)
        signups=5,  # new, candidate, declined, erased, starts in 2026 (made this year)
        hours=Decimal("7.0"),  # 3.5 + 2.5 + 1; 2024's hours and network B's not
        roles=2,  # role 0 (two people, counted once) and role 3 (ended in 2025); not a proposal or 2024
    )


def test_the_yearly_count_of_the_year_before(network_a, year_2025):
    counted = selectors.year_count(network=network_a, year=2024)

    assert counted == selectors.YearCount(
        year=2024, active=3, new=1, stopped=1, signups=1, hours=Decimal("4"), roles=2
    )


def test_the_yearly_count_of_an_empty_year(network_a, year_2025):
    assert selectors.year_count(network=network_a, year=2019) == selectors.YearCount(
        year=2019, active=0, new=0, stopped=0, signups=0, hours=Decimal(0), roles=0
    )


# --- help requests and thank-you moments -------------------------------------------------------------------------


@pytest.fixture
def calls(network_a, network_b, partner_a, partner_a2):
    """Calls for a hand of the network, of partner A, of another partner and of network B."""
    day = dt.date(2030, 5, 1)

    def call(network, organization, title, on=day):
        return HelpRequest.objects.create(
            network=network, organization=organization, title=title, description="Helpen.", on=on
        )

    return {
        "network": call(network_a, None, "Netwerk", on=dt.date(2030, 6, 1)),
        "own": call(network_a, partner_a, "Partner A"),
        "other": call(network_a, partner_a2, "Andere partner", on=dt.date(2030, 4, 1)),
        "in_b": call(network_b, None, "In B"),
    }


def test_the_coordinator_sees_every_call_of_the_network_a_partner_only_its_own(
    calls, as_coordinator, as_editor, network_a
):
    assert [c.title for c in selectors.help_requests_for(role=as_coordinator)] == [
        "Netwerk",
        "Partner A",
        "Andere partner",
    ]
    assert [c.title for c in selectors.help_requests_for(role=as_editor)] == ["Partner A"]
    assert selectors.help_request_get(role=as_editor, pk=calls["own"].pk) == calls["own"]
    for key in ("network", "other", "in_b"):
        with pytest.raises(Http404):
            selectors.help_request_get(role=as_editor, pk=calls[key].pk)
    with pytest.raises(Http404):
        selectors.help_request_get(role=as_coordinator, pk=calls["in_b"].pk)


def test_every_other_role_gets_no_call(calls, other_role):
    with pytest.raises(Http404):
        selectors.help_requests_for(role=other_role)
    with pytest.raises(Http404):
        selectors.help_request_get(role=other_role, pk=calls["own"].pk)


def test_who_said_yes_is_shown_but_not_once_erased(calls, network_a, as_editor):
    first = VolunteerFactory(network=network_a, name="Eerste", status=Status.ACTIVE)
    second = VolunteerFactory(network=network_a, name="Tweede", status=Status.ACTIVE)
    for volunteer in (first, second):
        HelpOffer.objects.create(network=network_a, help_request=calls["own"], volunteer=volunteer)
    services.volunteer_erase(volunteer=first)
    assert [o.volunteer for o in selectors.help_offers(help_request=calls["own"])] == [second]
    [counted] = selectors.help_requests_for(role=as_editor)
    assert counted.offer_count == 2  # the count stays


def test_the_public_page_of_a_call_is_of_its_own_network(calls, network_a, network_b):
    assert selectors.help_request_public(network=network_a, pk=calls["other"].pk) == calls["other"]
    assert selectors.help_request_public(network=network_b, pk=calls["other"].pk) is None


def test_the_thank_you_moments_of_a_network_latest_first(network_a, network_b):
    def thanks(network, on):
        return ThankYou.objects.create(network=network, title="Bedankt", message="Kom!", on=on)

    older, newer = thanks(network_a, dt.date(2024, 12, 1)), thanks(network_a, dt.date(2025, 12, 1))
    thanks(network_b, dt.date(2025, 6, 1))
    assert list(selectors.thank_yous(network=network_a)) == [newer, older]
