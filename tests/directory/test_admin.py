"""The admin shows drafts with their history; it changes them only through the draft services."""

import pytest

from hvhk.directory.models import Draft
from hvhk.directory.snapshots import service_snapshot

pytestmark = pytest.mark.django_db


def _submitted(service, author, **changes) -> Draft:
    return Draft.objects.create(
        network=service.network,
        organization=service.organization,
        kind=Draft.Kind.SERVICE,
        target_id=service.pk,
        title=changes.get("name", service.name),
        data={**service_snapshot(service), **changes},
        author=author,
        status=Draft.Status.SUBMITTED,
    )


def test_the_admin_publishes_a_draft_through_the_service(client, coordinator_a, editor_a, service_a):
    draft = _submitted(service_a, editor_a, name="Opvoedingswinkel")
    client.force_login(coordinator_a)

    client.post(
        "/admin/directory/draft/", {"action": "publish", "_selected_action": [str(draft.pk)]}, follow=True
    )

    draft.refresh_from_db()
    service_a.refresh_from_db()
    assert draft.status == Draft.Status.PUBLISHED and draft.reviewed_by == coordinator_a
    assert service_a.name == "Opvoedingswinkel"
    assert draft.history.first().history_change_reason == "publish"


def test_the_admin_does_not_edit_a_draft_by_hand(client, coordinator_a, editor_a, service_a):
    draft = _submitted(service_a, editor_a)
    client.force_login(coordinator_a)

    page = client.get(f"/admin/directory/draft/{draft.pk}/change/")
    client.post(f"/admin/directory/draft/{draft.pk}/change/", {"status": "published", "title": "Met de hand"})
    client.post(f"/admin/directory/draft/{draft.pk}/delete/", {"post": "yes"})

    assert page.status_code == 200  # to read
    draft.refresh_from_db()
    assert draft.status == Draft.Status.SUBMITTED and draft.title != "Met de hand"


def test_another_networks_coordinator_cannot_publish_from_the_admin(
    client, coordinator_b, editor_a, service_a
):
    draft = _submitted(service_a, editor_a, name="Opvoedingswinkel")
    client.force_login(coordinator_b)

    client.post("/admin/directory/draft/", {"action": "publish", "_selected_action": [str(draft.pk)]})

    draft.refresh_from_db()
    assert draft.status == Draft.Status.SUBMITTED
