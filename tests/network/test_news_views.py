"""The news pages: the portal's list, writing and editing, opting in to the digest (every role, another network's
post a 404), and the public news page, a post and the Atom feed (public posts only)."""

import datetime as dt

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.network.models import NewsPost, NewsSubscription
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import OrganizationFactory
from tests.network.factories import BodyFactory, BodyMemberFactory, NewsPostFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
ATOM = "{http://www.w3.org/2005/Atom}"


def _person(network, role, organization=None):
    user = UserFactory()
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return user


@pytest.fixture
def world(network_a, network_b, partner_a, coordinator_a, coordinator_b, editor_a):
    body = BodyFactory(network=network_a, name="Werkgroep vrije tijd")
    trekker = _person(network_a, Role.EDITOR, OrganizationFactory(network=network_a))
    BodyMemberFactory(body=body, user=trekker, is_trekker=True)
    people = {
        "coordinator_a": coordinator_a,
        "coordinator_b": coordinator_b,
        "trekker": trekker,
        "editor": editor_a,
        "member": _person(network_a, Role.MEMBER, partner_a),
        "intake": with_two_factor(_person(network_a, Role.INTAKE)),
        "analyst": _person(network_a, Role.ANALYST),
    }
    posts = {
        "partners": NewsPostFactory(network=network_a, title="Alleen voor partners", body=body),
        "public": NewsPostFactory(
            network=network_a,
            title="Speelpleinwerking deze zomer",
            summary="Inschrijven kan vanaf 1 mei.",
            audience=NewsPost.Audience.PUBLIC,
        ),
        "draft": NewsPostFactory(
            network=network_a, title="Klad van de coördinator", published_at=None, author=coordinator_a
        ),
        "other_network": NewsPostFactory(
            network=network_b, title="Nieuws van netwerk B", audience=NewsPost.Audience.PUBLIC
        ),
    }
    return {"people": people, "posts": posts, "body": body}


# --- portal ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["coordinator_a", "trekker", "editor", "member", "intake", "analyst"])
def test_everyone_in_the_network_reads_its_news_and_drafts_only_the_coordinator(client, world, who):
    client.force_login(world["people"][who])

    page = client.get("/portal/news/").content.decode()

    assert "Alleen voor partners" in page and "Speelpleinwerking deze zomer" in page
    assert ("Klad van de coördinator" in page) == (who == "coordinator_a")
    assert "Nieuws van netwerk B" not in page
    assert ("Nieuw bericht schrijven" in page) == (who in {"coordinator_a", "trekker"})


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    response = client.get("/portal/news/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["editor", "member", "intake", "analyst"])
def test_people_who_do_not_write_news_get_a_404_on_the_writing_pages(client, world, who):
    client.force_login(world["people"][who])
    post = world["posts"]["partners"]

    assert client.get("/portal/news/new/").status_code == 404
    assert (
        client.post("/portal/news/new/", {"title": "x", "text": "y", "audience": "partners"}).status_code
        == 404
    )
    assert client.get(f"/portal/news/{post.pk}/edit/").status_code == 404
    assert client.post(f"/portal/news/{post.pk}/edit/", {"action": "delete"}).status_code == 404
    assert NewsPost.objects.filter(pk=post.pk).exists()


def test_a_coordinator_of_another_network_gets_a_404_on_a_post(client, world):
    client.force_login(world["people"]["coordinator_b"])
    post = world["posts"]["partners"]

    assert client.get(f"/portal/news/{post.pk}/edit/").status_code == 404
    assert client.post(f"/portal/news/{post.pk}/edit/", {"action": "delete"}).status_code == 404
    assert "Alleen voor partners" not in client.get("/portal/news/").content.decode()
    assert NewsPost.objects.filter(pk=post.pk).exists()


def test_a_trekker_publishes_news_of_their_body(client, world):
    client.force_login(world["people"]["trekker"])
    body = world["body"]

    response = client.post(
        "/portal/news/new/",
        {
            "title": "Nieuwe vrijetijdsgids",
            "summary": "",
            "text": "De gids ligt in elk huis.",
            "audience": "public",
            "body": body.pk,
            "action": "publish",
        },
    )

    assert response.status_code == 302
    post = NewsPost.objects.get(title="Nieuwe vrijetijdsgids")
    assert post.body == body and post.published_at is not None and post.author == world["people"]["trekker"]


def test_a_trekker_cannot_pick_another_body(client, world, network_a):
    client.force_login(world["people"]["trekker"])
    other = BodyFactory(network=network_a, name="Raad van bestuur")

    response = client.post(
        "/portal/news/new/",
        {"title": "Nieuws", "text": "Tekst", "audience": "partners", "body": other.pk, "action": "save"},
    )

    assert response.status_code == 200
    assert "Kies een orgaan uit de lijst." in response.content.decode()
    assert not NewsPost.objects.filter(title="Nieuws").exists()


def test_an_empty_title_shows_a_clear_dutch_message_and_keeps_the_text(client, world):
    client.force_login(world["people"]["coordinator_a"])
    before = NewsPost.objects.count()

    response = client.post(
        "/portal/news/new/", {"title": "", "text": "Mijn tekst blijft staan.", "audience": "partners"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Geef het bericht een titel." in page and "Mijn tekst blijft staan." in page
    assert NewsPost.objects.count() == before


def test_the_coordinator_edits_publishes_and_deletes_a_draft(client, world):
    client.force_login(world["people"]["coordinator_a"])
    draft = world["posts"]["draft"]
    url = f"/portal/news/{draft.pk}/edit/"

    assert client.get(url).status_code == 200
    client.post(
        url,
        {"title": "Denkdag 2027", "text": "Noteer de datum.", "audience": "partners", "action": "publish"},
    )
    draft.refresh_from_db()
    assert draft.title == "Denkdag 2027" and draft.published_at is not None

    client.post(url, {"action": "delete"})
    assert not NewsPost.objects.filter(pk=draft.pk).exists()


def test_a_person_opts_in_and_out_of_the_digest(client, world, network_a):
    member = world["people"]["member"]
    client.force_login(member)

    assert "Stuur me elke week het nieuws" in client.get("/portal/news/digest/").content.decode()
    client.post("/portal/news/digest/", {"action": "subscribe"})
    subscription = NewsSubscription.objects.get()
    assert subscription.user == member and subscription.network == network_a
    assert "Stop de e-mail met het nieuws" in client.get("/portal/news/digest/").content.decode()

    client.post("/portal/news/digest/", {"action": "unsubscribe"})
    assert not NewsSubscription.objects.exists()


def test_opening_the_digest_page_changes_nothing(client, world):
    client.force_login(world["people"]["member"])
    client.get("/portal/news/digest/?action=subscribe")
    assert not NewsSubscription.objects.exists()


# --- public ------------------------------------------------------------------------------------------------------


def test_the_public_news_page_shows_public_posts_only_and_links_its_feed(client, world):
    page = client.get("/netwerk-a/news/").content.decode()

    assert "Speelpleinwerking deze zomer" in page
    assert "Alleen voor partners" not in page and "Klad van de coördinator" not in page
    assert "Nieuws van netwerk B" not in page
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert 'href="/netwerk-a/news/feed.atom"' in page


def test_a_public_post_has_its_page_and_other_posts_are_a_404(client, world):
    posts = world["posts"]
    future = NewsPostFactory(
        network=posts["public"].network,
        audience=NewsPost.Audience.PUBLIC,
        published_at=timezone.now() + dt.timedelta(days=1),
    )

    assert (
        "Inschrijven kan vanaf 1 mei."
        in client.get(f"/netwerk-a/news/{posts['public'].pk}/").content.decode()
    )
    for post in (posts["partners"], posts["draft"], posts["other_network"], future):
        assert client.get(f"/netwerk-a/news/{post.pk}/").status_code == 404
    assert client.get("/netwerk-a/news/not-a-uuid/").status_code == 404
    assert client.get(f"/netwerk-b/news/{posts['public'].pk}/").status_code == 404


def test_the_atom_feed_lists_public_posts_with_absolute_links(client, world):
    response = client.get("/netwerk-a/news/feed.atom")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert titles == ["Speelpleinwerking deze zomer"]
    link = next(feed.iter(f"{ATOM}entry")).find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/netwerk-a/news/{world['posts']['public'].pk}/"


def test_the_news_of_an_unknown_network_is_a_404(client, world):
    assert client.get("/geen-netwerk/news/").status_code == 404
    assert client.get("/geen-netwerk/news/feed.atom").status_code == 404


@pytest.mark.parametrize("who", ["coordinator_a", "trekker", "editor", "member"])
def test_a_closed_bodys_name_shows_only_to_who_sees_the_body(client, world, who):
    client.force_login(world["people"][who])
    world["posts"]["public"].body = world["body"]  # a closed body
    world["posts"]["public"].save()

    portal = client.get("/portal/news/").content.decode()
    public = client.get("/netwerk-a/news/").content.decode()

    assert ("Werkgroep vrije tijd" in portal) == (who in {"coordinator_a", "trekker"})
    assert "Werkgroep vrije tijd" not in public


@pytest.mark.parametrize(("url", "who"), [("/portal/news/", "trekker"), ("/netwerk-a/news/", None)])
def test_the_news_lists_cost_a_fixed_number_of_queries(client, world, network_a, url, who):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if who:
        client.force_login(world["people"][who])
    client.get(url)
    client.get(
        url
    )  # this process knows the network's version from its second read (core.selectors.network_get)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(4):
        NewsPostFactory(
            network=network_a, body=world["body"], audience=NewsPost.Audience.PUBLIC, title=f"Extra {n}"
        )
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()

    assert "Extra 3" in page
    assert len(many) == len(few)
