import pytest

from hvhk.search.indexing import reindex
from hvhk.search.models import ZeroResultQuery
from hvhk.search.suggestions import suggest
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offering(network_a, partner_a):
    for name in ("Borstvoedingscafé", "Borstvoedingsgroep", "Babymassage"):
        ServiceFactory(organization=partner_a, name=name, description="Voor borstvoedende mama's.")
    reindex(network=network_a)


def test_suggestions_complete_the_last_word_and_name_services(network_a, offering):
    result = suggest(network=network_a, text="hulp bij borstv")
    assert any(c.startswith("hulp bij borstvoed") for c in result.completions)
    assert [s.name for s in result.services] == ["Borstvoedingscafé", "Borstvoedingsgroep"]


@pytest.mark.parametrize("text", ["", "bo", "   ", "b*", '"(', "👶👶👶"])
def test_suggestions_need_three_letters_and_survive_odd_input(network_a, offering, text):
    result = suggest(network=network_a, text=text)
    assert result.completions == [] and result.services == []


def test_suggestion_endpoint_returns_a_fragment(client, network_a, offering):
    response = client.get("/netwerk-a/services/suggest/", {"q": "baby"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and "Babymassage" in body


def test_searches_without_results_are_counted_without_personal_data(client, network_a, offering):
    for _ in range(2):
        client.get("/netwerk-a/services/", {"q": "Zwemles Peuters"})
    client.get("/netwerk-a/services/", {"q": "borstvoedende"})  # three results: not counted
    row = ZeroResultQuery.objects.get()
    assert (row.network, row.query, row.count, row.max_results) == (network_a, "zwemles peuters", 2, 0)
    fields = {f.name for f in ZeroResultQuery._meta.get_fields()}
    assert not fields & {"ip", "ip_address", "session", "session_key", "user", "user_agent"}
