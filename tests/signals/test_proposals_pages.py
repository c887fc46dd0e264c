"""The proposals pages: the coordinator and trekkers see each proposal with its figures and links and answer it;
every other role gets a 404, and another network's proposals are never reachable, by list or by id."""

import pytest

from hvhk.directory.models import Service
from hvhk.signals.models import Signal, SignalEvent
from hvhk.signals.services.proposals import signals_propose
from tests.conftest import with_two_factor
from tests.signals.factories_proposals import last_month, overdue_services, searches

pytestmark = pytest.mark.django_db
LIST = "/portal/signals/proposals/"
READERS = ("coordinator_a", "trekker_a")
OTHERS = ("editor_a", "member_a", "other_editor_a", "intake_a", "analyst_a", "coordinator_b")


@pytest.fixture
def proposal(network_a, partner_a):
    Service.objects.update(assured_date=last_month())
    searches(network_a, last_month(), "nachtopvang", count=9, max_results=1)
    (signal,) = signals_propose(network=network_a, month=last_month())
    return signal


@pytest.fixture
def people(request):
    people = {name: request.getfixturevalue(name) for name in READERS + OTHERS}
    with_two_factor(people["intake_a"])  # intake staff open families' data: the portal asks them for it
    return people


def _urls(signal) -> dict:
    return {
        "accept": f"/portal/signals/proposals/{signal.pk}/accept/",
        "dismiss": f"/portal/signals/proposals/{signal.pk}/dismiss/",
    }


def test_the_coordinator_and_a_trekker_see_each_proposal_with_its_figures_and_links(client, proposal, people):
    for name in READERS:
        client.force_login(people[name])
        response = client.get(LIST)
        body = response.content.decode()
        assert response.status_code == 200, name
        assert body.count("<h1") == 1
        assert "nachtopvang" in body and "Zoekopdrachten zonder (bijna) resultaat" in body
        assert "Aantal keer gezocht</th><td>9</td>" in body
        assert "Hoogstens gevonden aanbod</th><td>1</td>" in body
        assert 'href="/netwerk-a/services/?q=nachtopvang"' in body
        assert f'action="/portal/signals/proposals/{proposal.pk}/accept/"' in body
        assert "<label" in body and "Waarom neem je dit voorstel niet op?" in body


def test_every_other_role_and_another_network_gets_a_404_on_every_page(client, proposal, people):
    for name in OTHERS:
        client.force_login(people[name])
        assert client.get(LIST).status_code == (200 if name == "coordinator_b" else 404), name
        for url in _urls(proposal).values():
            assert client.post(url, {}).status_code == 404, (name, url)
    proposal.refresh_from_db()
    assert proposal.status == Signal.Status.PROPOSED and proposal.events.count() == 1


def test_another_networks_coordinator_sees_none_of_network_a(client, proposal, coordinator_b):
    client.force_login(coordinator_b)
    body = client.get(LIST).content.decode()
    assert "nachtopvang" not in body and "Er wachten geen voorstellen" in body


def test_an_anonymous_visitor_is_sent_to_sign_in(client, proposal):
    assert client.get(LIST).status_code == 302
    assert client.post(_urls(proposal)["accept"]).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Signal.Status.PROPOSED


def test_accepting_with_an_edited_title_makes_a_new_signal(client, proposal, coordinator_a):
    client.force_login(coordinator_a)
    prefix = f"p{str(proposal.pk)[:8]}-accept"
    response = client.post(_urls(proposal)["accept"], {f"{prefix}-title": "Geen nachtopvang in Leuven"})

    assert response.status_code == 302 and response["Location"] == LIST
    proposal.refresh_from_db()
    assert (proposal.status, proposal.title) == (Signal.Status.NEW, "Geen nachtopvang in Leuven")
    event = proposal.events.get(action=SignalEvent.Action.STATUS)
    assert (event.from_status, event.to_status, event.user) == ("proposed", "new", coordinator_a)
    # answered: gone from the list, and its forms no longer work
    assert "Geen nachtopvang in Leuven" not in client.get(LIST).content.decode()
    assert client.post(_urls(proposal)["dismiss"], {}).status_code == 404


@pytest.mark.parametrize(
    ("title", "error"),
    [("x" * 201, "De titel is te lang"), ("Mail jan@example.org", "een e-mailadres")],
)
def test_a_bad_title_gets_a_dutch_error_and_nothing_changes(client, proposal, coordinator_a, title, error):
    client.force_login(coordinator_a)
    prefix = f"p{str(proposal.pk)[:8]}-accept"
    response = client.post(_urls(proposal)["accept"], {f"{prefix}-title": title})

    assert response.status_code == 200 and error in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Signal.Status.PROPOSED


def test_dismissing_needs_a_reason(client, proposal, trekker_a):
    client.force_login(trekker_a)
    prefix = f"p{str(proposal.pk)[:8]}-dismiss"
    empty = client.post(_urls(proposal)["dismiss"], {f"{prefix}-reason": "   "})
    done = client.post(_urls(proposal)["dismiss"], {f"{prefix}-reason": "Een toevallige piek"})

    assert "Schrijf kort waarom je dit voorstel niet weerhoudt." in empty.content.decode()
    assert done.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Signal.Status.DISMISSED
    assert proposal.events.get(action=SignalEvent.Action.STATUS).note == "Een toevallige piek"


def test_the_pages_answer_only_the_right_methods(client, proposal, coordinator_a):
    client.force_login(coordinator_a)
    assert client.get(_urls(proposal)["accept"]).status_code == 405
    assert client.post(LIST).status_code == 405


def test_script_in_the_figures_is_shown_escaped(client, network_a, coordinator_a):
    Service.objects.update(assured_date=last_month())
    searches(network_a, last_month(), "<script>alert(1)</script>", count=6)
    signals_propose(network=network_a, month=last_month())
    client.force_login(coordinator_a)

    body = client.get(LIST).content.decode()

    assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)" in body


def test_an_overdue_proposal_links_to_the_services_behind_it(client, network_a, partner_a, coordinator_a):
    Service.objects.update(assured_date=last_month())
    old = overdue_services(partner_a, 5, checked=None)
    signals_propose(network=network_a, month=last_month())
    client.force_login(coordinator_a)

    body = client.get(LIST).content.decode()

    assert f'href="/portal/services/{old[0].pk}/"' in body and "nooit nagekeken" in body
    assert 'href="/portal/review/"' in body


def test_the_list_costs_the_same_queries_for_one_proposal_or_many(client, network_a, coordinator_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    Service.objects.update(assured_date=last_month())
    searches(network_a, last_month(), "nachtopvang", count=9)
    signals_propose(network=network_a, month=last_month())
    client.force_login(coordinator_a)
    client.get(LIST)
    with CaptureQueriesContext(connection) as one:
        client.get(LIST)
    for n in range(4):
        searches(network_a, last_month(), f"zoekvraag {n}", count=9)
    signals_propose(network=network_a, month=last_month())
    with CaptureQueriesContext(connection) as five:
        body = client.get(LIST).content.decode()

    assert "zoekvraag 3" in body
    assert len(five) == len(one)
