"""The draft services: each step, who may take it, and that a refused step changes nothing."""

import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from hvhk.accounts.models import RoleAssignment
from hvhk.directory import services
from hvhk.directory.models import Draft, Service
from hvhk.directory.snapshots import SERVICE_FIELDS, service_snapshot
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    """Every row a draft step may write: drafts, their history, services and theirs."""
    return {
        "drafts": Draft.objects.count(),
        "draft history": Draft.history.count(),
        "services": Service.objects.count(),
        "service history": Service.history.count(),
    }


def _data(service: Service, **changes) -> dict:
    return {**service_snapshot(service), **changes}


def _draft(service: Service, author, *, status=Draft.Status.DRAFT, **changes) -> Draft:
    return Draft.objects.create(
        network=service.network,
        organization=service.organization,
        kind=Draft.Kind.SERVICE,
        target_id=service.pk,
        title=changes.get("name", service.name),
        data=_data(service, **changes),
        author=author,
        status=status,
    )


def _new_service_draft(organization, author, *, status=Draft.Status.SUBMITTED) -> Draft:
    """A draft for a service that does not exist yet (no target)."""
    unsaved = ServiceFactory.build(
        organization=organization, network=organization.network, name="Babyzwemmen"
    )
    data = {name: getattr(unsaved, name) for name in SERVICE_FIELDS}
    return Draft.objects.create(
        network=organization.network,
        organization=organization,
        kind=Draft.Kind.SERVICE,
        title="Babyzwemmen",
        data=data,
        author=author,
        status=status,
    )


# --- people in every role --------------------------------------------------------------------------------------


@pytest.fixture
def other_partner_editor(network_a):
    other = MembershipFactory(organization=OrganizationFactory(network=network_a)).organization
    user = UserFactory(email="editor@other.example")
    RoleFactory(user=user, network=network_a, role=RoleAssignment.Role.EDITOR, organization=other)
    return user


@pytest.fixture
def intake_a(network_a):
    user = UserFactory(email="intake@a.example")
    RoleFactory(user=user, network=network_a, role=RoleAssignment.Role.INTAKE)
    return user


@pytest.fixture
def analyst_a(network_a):
    user = UserFactory(email="analyst@a.example")
    RoleFactory(user=user, network=network_a, role=RoleAssignment.Role.ANALYST)
    return user


@pytest.fixture
def inactive_coordinator_a(network_a):
    user = UserFactory(email="former@a.example", is_active=False)
    RoleFactory(user=user, network=network_a, role=RoleAssignment.Role.COORDINATOR)
    return user


PEOPLE = [
    "coordinator_a",
    "platform_admin",
    "editor_a",
    "other_partner_editor",
    "intake_a",
    "analyst_a",
    "coordinator_b",
    "inactive_coordinator_a",
]
MAY = {
    "save": {"coordinator_a", "platform_admin", "editor_a"},
    "submit": {"coordinator_a", "platform_admin", "editor_a"},
    "publish": {"coordinator_a", "platform_admin"},
    "return": {"coordinator_a", "platform_admin"},
    "withdraw": {"coordinator_a", "platform_admin", "editor_a"},
}


def _step(step: str, *, service: Service, draft: Draft, user) -> None:
    if step == "save":
        services.draft_save(
            acting_user=user,
            kind=Draft.Kind.SERVICE,
            organization=service.organization,
            data=_data(service, name="Nieuwe naam"),
            target=service,
            draft=draft,
        )
    elif step == "submit":
        services.draft_submit(draft=draft, acting_user=user)
    elif step == "publish":
        services.draft_publish(draft=draft, acting_user=user)
    elif step == "return":
        services.draft_return(draft=draft, acting_user=user, comment="Schrijf de naam voluit.")
    else:
        services.draft_withdraw(draft=draft, acting_user=user)


@pytest.mark.parametrize("step", list(MAY))
@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_right_roles_take_each_step_and_a_refusal_writes_nothing(
    request, step, person, service_a, editor_a
):
    user = request.getfixturevalue(person)
    status = Draft.Status.SUBMITTED if step in ("publish", "return") else Draft.Status.DRAFT
    draft = _draft(service_a, editor_a, status=status, name="Nieuwe naam")
    before = _counts()

    if person in MAY[step]:
        _step(step, service=service_a, draft=draft, user=user)
        draft.refresh_from_db()
        assert draft.history.first().history_user == user  # the audit trail names who took the step
    else:
        with pytest.raises(PermissionDenied):
            _step(step, service=service_a, draft=draft, user=user)
        assert _counts() == before
        assert Draft.objects.get(pk=draft.pk).status == status


def test_a_trusted_partner_may_publish_its_own_drafts_but_not_return_them(service_a, editor_a):
    membership = service_a.organization.membership
    membership.publishes_directly = True
    membership.save()
    draft = _draft(service_a, editor_a, status=Draft.Status.SUBMITTED, name="Meteen online")

    with pytest.raises(PermissionDenied):
        services.draft_return(draft=draft, acting_user=editor_a, comment="Nee.")
    services.draft_publish(draft=draft, acting_user=editor_a)

    service_a.refresh_from_db()
    assert service_a.name == "Meteen online"


# --- each step -------------------------------------------------------------------------------------------------


def test_saving_keeps_a_draft_and_leaves_the_published_service_alone(service_a, editor_a):
    draft = services.draft_save(
        acting_user=editor_a,
        kind=Draft.Kind.SERVICE,
        organization=service_a.organization,
        data=_data(service_a, name="Opvoedingswinkel"),
        target=service_a,
    )

    assert (
        draft.status == Draft.Status.DRAFT and draft.author == editor_a and draft.title == "Opvoedingswinkel"
    )
    assert draft.history.get().history_change_reason == "save"
    service_a.refresh_from_db()
    assert service_a.name != "Opvoedingswinkel"


def test_saving_again_updates_the_one_open_draft(service_a, editor_a):
    first = services.draft_save(
        acting_user=editor_a,
        kind=Draft.Kind.SERVICE,
        organization=service_a.organization,
        data=_data(service_a, name="Eerste versie"),
        target=service_a,
    )
    second = services.draft_save(
        acting_user=editor_a,
        kind=Draft.Kind.SERVICE,
        organization=service_a.organization,
        data=_data(service_a, name="Tweede versie"),
        target=service_a,
    )

    assert second.pk == first.pk
    assert Draft.objects.get().title == "Tweede versie"


def test_data_that_would_not_publish_is_refused_and_nothing_is_saved(service_a, editor_a):
    before = _counts()

    with pytest.raises(ValidationError) as refused:
        services.draft_save(
            acting_user=editor_a,
            kind=Draft.Kind.SERVICE,
            organization=service_a.organization,
            data=_data(service_a, name="", minimum_age_months=72, maximum_age_months=12),
            target=service_a,
        )

    assert refused.value.messages
    assert _counts() == before


def test_a_draft_for_another_organisations_service_is_refused(service_a, editor_a, network_a):
    other = ServiceFactory(organization=OrganizationFactory(network=network_a))
    before = _counts()

    with pytest.raises(ValidationError):
        services.draft_save(
            acting_user=editor_a,
            kind=Draft.Kind.SERVICE,
            organization=service_a.organization,
            data=_data(other, name="Overgenomen"),
            target=other,
        )

    assert _counts() == before


def test_submitting_tells_the_coordinators(
    service_a, editor_a, coordinator_a, django_capture_on_commit_callbacks
):
    draft = _draft(service_a, editor_a, name="Opvoedingswinkel")

    with django_capture_on_commit_callbacks(execute=True):
        services.draft_submit(draft=draft, acting_user=editor_a)

    draft.refresh_from_db()
    assert draft.status == Draft.Status.SUBMITTED and draft.submitted_at is not None
    assert [m.to for m in mail.outbox] == [[coordinator_a.email]]
    assert draft.history.first().history_change_reason == "submit"


def test_submitting_twice_is_refused(service_a, editor_a):
    draft = _draft(service_a, editor_a, status=Draft.Status.SUBMITTED)

    with pytest.raises(ValidationError):
        services.draft_submit(draft=draft, acting_user=editor_a)


def test_a_coordinators_submission_is_published_at_once(service_a, coordinator_a):
    draft = services.draft_save(
        acting_user=coordinator_a,
        kind=Draft.Kind.SERVICE,
        organization=service_a.organization,
        data=_data(service_a, name="Meteen online"),
        target=service_a,
        submit=True,
    )

    assert draft.status == Draft.Status.PUBLISHED
    service_a.refresh_from_db()
    assert service_a.name == "Meteen online"


def test_publishing_applies_the_draft_closes_it_and_tells_the_author(
    service_a, editor_a, coordinator_a, django_capture_on_commit_callbacks
):
    draft = _draft(service_a, editor_a, status=Draft.Status.SUBMITTED, name="Opvoedingswinkel", at_home=True)

    with django_capture_on_commit_callbacks(execute=True):
        published = services.draft_publish(draft=draft, acting_user=coordinator_a)

    service_a.refresh_from_db()
    assert published == service_a and service_a.name == "Opvoedingswinkel" and service_a.at_home
    assert service_a.assurer_email == editor_a.email  # the partner checked the rest too
    assert service_a.history.first().history_user == coordinator_a
    draft.refresh_from_db()
    assert draft.status == Draft.Status.PUBLISHED and draft.reviewed_by == coordinator_a
    assert draft.history.first().history_change_reason == "publish"
    assert mail.outbox[-1].to == [editor_a.email] and "staat online" in mail.outbox[-1].subject


def test_publishing_a_new_service_creates_it(partner_a, editor_a, coordinator_a):
    draft = _new_service_draft(partner_a, editor_a)

    service = services.draft_publish(draft=draft, acting_user=coordinator_a)

    assert Service.objects.get(name="Babyzwemmen") == service
    assert service.organization == partner_a and service.network == partner_a.network
    draft.refresh_from_db()
    assert draft.target_id == service.pk


def test_a_second_publication_of_a_published_draft_is_refused_cleanly(partner_a, editor_a, coordinator_a):
    draft = _new_service_draft(partner_a, editor_a)
    services.draft_publish(draft=draft, acting_user=coordinator_a)
    stale = Draft.objects.get(pk=draft.pk)
    stale.status = Draft.Status.SUBMITTED  # what a second browser tab still believes
    before = _counts()

    with pytest.raises(ValidationError) as refused:
        services.draft_publish(draft=stale, acting_user=coordinator_a)

    assert refused.value.code == "closed"
    assert _counts() == before
    assert Service.objects.filter(name="Babyzwemmen").count() == 1


def test_returning_needs_a_comment_and_a_submitted_draft(service_a, editor_a, coordinator_a):
    waiting = _draft(service_a, editor_a, status=Draft.Status.SUBMITTED)
    before = _counts()

    with pytest.raises(ValidationError) as no_comment:
        services.draft_return(draft=waiting, acting_user=coordinator_a, comment="  ")
    assert "comment" in no_comment.value.message_dict
    assert _counts() == before

    services.draft_return(draft=waiting, acting_user=coordinator_a, comment="Schrijf de naam voluit.")
    waiting.refresh_from_db()
    assert waiting.status == Draft.Status.RETURNED and waiting.review_comment == "Schrijf de naam voluit."
    with pytest.raises(ValidationError):
        services.draft_return(draft=waiting, acting_user=coordinator_a, comment="Nog eens.")


def test_a_returned_draft_saved_again_is_a_draft_again(service_a, editor_a):
    returned = _draft(service_a, editor_a, status=Draft.Status.RETURNED)

    saved = services.draft_save(
        acting_user=editor_a,
        kind=Draft.Kind.SERVICE,
        organization=service_a.organization,
        data=_data(service_a, name="Voluit geschreven naam"),
        target=service_a,
        draft=returned,
    )

    assert saved.pk == returned.pk and saved.status == Draft.Status.DRAFT


def test_withdrawing_closes_the_draft_and_keeps_the_published_data(service_a, editor_a, coordinator_a):
    draft = _draft(service_a, editor_a, name="Toch niet")

    services.draft_withdraw(draft=draft, acting_user=editor_a)

    draft.refresh_from_db()
    service_a.refresh_from_db()
    assert draft.status == Draft.Status.WITHDRAWN and service_a.name != "Toch niet"
    with pytest.raises(ValidationError):
        services.draft_withdraw(draft=draft, acting_user=editor_a)
    with pytest.raises(ValidationError):
        services.draft_publish(draft=draft, acting_user=coordinator_a)


def test_the_preview_renders_the_draft_and_keeps_nothing(partner_a, editor_a):
    draft = _new_service_draft(partner_a, editor_a, status=Draft.Status.DRAFT)
    before = _counts()

    seen = services.draft_preview(draft=draft, acting_user=editor_a, render=lambda service: service.name)

    assert seen == "Babyzwemmen"
    assert _counts() == before


def test_someone_outside_the_organisation_gets_no_preview(partner_a, editor_a, other_partner_editor):
    draft = _new_service_draft(partner_a, editor_a, status=Draft.Status.DRAFT)

    with pytest.raises(PermissionDenied):
        services.draft_preview(draft=draft, acting_user=other_partner_editor, render=lambda service: service)


def test_still_correct_is_for_the_organisations_editors(service_a, editor_a, intake_a):
    with pytest.raises(PermissionDenied):
        services.service_confirm_current(service=service_a, acting_user=intake_a)

    services.service_confirm_current(service=service_a, acting_user=editor_a)

    service_a.refresh_from_db()
    assert service_a.assurer_email == editor_a.email
    assert service_a.history.first().history_user == editor_a


# --- two publications at the same moment (PostgreSQL: the row lock decides) ------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_publishing_the_same_draft_at_once_create_one_service(
    partner_a, editor_a, coordinator_a, db_vendor
):
    if db_vendor != "postgresql":
        pytest.skip("SQLite writes one transaction at a time; the row lock is PostgreSQL's")
    second = UserFactory(email="second-coordinator@a.example")
    RoleFactory(user=second, network=partner_a.network, role=RoleAssignment.Role.COORDINATOR)
    draft = _new_service_draft(partner_a, editor_a)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def publish(user) -> None:
        try:
            mine = Draft.objects.get(pk=draft.pk)
            start.wait()
            services.draft_publish(draft=mine, acting_user=user)
            outcomes.append("published")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=(user,)) for user in (coordinator_a, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["published", "refused"]
    assert Service.objects.filter(name="Babyzwemmen").count() == 1
