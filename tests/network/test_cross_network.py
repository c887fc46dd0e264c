"""Nothing of another network is reachable: every id-bearing URL of the network app, filled with the ids of
another network's rows (and with ids that exist nowhere), is a 404 for every role, on GET and on POST.

The URL patterns are read from the app's URLconf, so a page added later is tried too; a pattern whose ids this
test cannot fill fails the test (add its model to IDS)."""

import uuid

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from hvhk.accounts.models import RoleAssignment
from hvhk.network.models import Document
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import OrganizationFactory
from tests.network import factories as f

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def _network_patterns():
    """(name, route, keyword names) of every URL of the `network` namespace that takes an id."""
    found = []

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and p.name:
                route = prefix + str(p.pattern)
                found.append((p.name, route))

    resolver = next(
        r for r in get_resolver().url_patterns if isinstance(r, URLResolver) and r.namespace == "network"
    )
    walk(resolver.url_patterns)
    return [(name, route) for name, route in found if "<uuid:" in route]


def _foreign_rows(network_b):
    """One row of every kind in network B, by the URL keyword that names it."""
    body = f.BodyFactory(network=network_b, is_open=True)
    meeting = f.MeetingFactory(body=body)
    item = f.AgendaItemFactory(meeting=meeting)
    decision = f.DecisionFactory(agenda_item=item, meeting=meeting)
    action = f.ActionItemFactory(
        agenda_item=item,
        meeting=meeting,
        owner_user=None,
        owner_organization=OrganizationFactory(network=network_b),
    )
    member = f.BodyMemberFactory(body=body)
    declaration = f.DeclarationFactory(network=network_b)
    organization = OrganizationFactory(network=network_b)
    rows = {
        "body": body,
        "meeting": meeting,
        "item": item,
        "decision": decision,
        "action": action,
        "member": member,
        "declaration": declaration,
        "organization": organization,
        "org": organization,
    }
    rows["news"] = f.NewsPostFactory(network=network_b)
    rows["signature"] = f.SignatureFactory(declaration=declaration, organization=organization)
    rows["document"] = Document.objects.create(
        network=network_b,
        body=body,
        meeting=meeting,
        title="Verslag",
        file=ContentFile(b"%PDF-1.4", name="v.pdf"),
        content_type="application/pdf",
        size=8,
    )
    return rows


# Which row a URL keyword names: its own name (body_id, meeting_id, item_id, member_id, org_id) or, for `pk`,
# the first path segment that names a kind.
SEGMENT = {
    "bodies": "body",
    "meetings": "meeting",
    "decisions": "decision",
    "actions": "action",
    "documents": "document",
    "declarations": "declaration",
    "partners": "organization",
    "signatures": "signature",
    "news": "news",
}


def _row_for(keyword: str, route: str, rows):
    if keyword != "pk":
        return rows.get(keyword.removesuffix("_id"))
    # the segment right before <uuid:pk>
    before = route.split("<uuid:pk>")[0].rstrip("/").split("/")[-1]
    return rows.get(SEGMENT.get(before, ""))


@pytest.fixture
def people(network_a, network_b, partner_a, coordinator_a, coordinator_b):
    def person(role, organization=None):
        user = UserFactory()
        RoleFactory(user=user, network=network_a, role=role, organization=organization)
        return with_two_factor(user) if role in (Role.COORDINATOR, Role.INTAKE) else user

    return {
        "coordinator": coordinator_a,
        "editor": person(Role.EDITOR, partner_a),
        "member": person(Role.MEMBER, partner_a),
        "intake": person(Role.INTAKE),
        "analyst": person(Role.ANALYST),
    }


@pytest.mark.parametrize("who", ["coordinator", "editor", "member", "intake", "analyst"])
def test_every_id_bearing_network_url_is_a_404_with_another_networks_ids(
    client, people, network_a, network_b, who
):
    rows = _foreign_rows(network_b)
    client.force_login(people[who])
    patterns = _network_patterns()
    assert len(patterns) >= 15
    unfilled, leaks = [], []
    for name, route in patterns:
        keywords = [part.split(">")[0] for part in route.split("<uuid:")[1:]]
        kwargs = {}
        for keyword in keywords:
            row = _row_for(keyword, route, rows)
            if row is None:
                unfilled.append(f"{name}: {keyword}")
                break
            kwargs[keyword] = row.pk
        else:
            if "<slug:network_slug>" in route:
                kwargs["network_slug"] = network_a.slug  # the person's own network, another network's id
            for method in ("get", "post"):
                url = reverse(f"network:{name}", kwargs=kwargs)
                status = getattr(client, method)(url).status_code
                if status not in (
                    404,
                    405,
                ):  # 405: the method is refused before any lookup, revealing nothing
                    leaks.append(f"{method.upper()} {url} ({name}) -> {status}")
                unknown = reverse(
                    f"network:{name}",
                    kwargs={k: uuid.uuid4() if k != "network_slug" else v for k, v in kwargs.items()},
                )
                status = getattr(client, method)(unknown).status_code
                if status not in (404, 405):
                    leaks.append(f"{method.upper()} unknown id {unknown} ({name}) -> {status}")
    assert unfilled == []
    assert leaks == []
