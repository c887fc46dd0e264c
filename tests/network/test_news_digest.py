"""The weekly news digest: the command enqueues one task per network; each subscriber who still holds a role gets
the posts since their last digest once, with one unsubscribe link (and a List-Unsubscribe header) that needs a
confirmation: opening it changes nothing."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.network.models import NewsPost, NewsSubscription
from hvhk.network.services import news as services
from tests.accounts.factories import RoleFactory, UserFactory
from tests.network.factories import NewsPostFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def _subscriber(network, partner, email):
    user = UserFactory(email=email)
    RoleFactory(user=user, network=network, role=Role.MEMBER, organization=partner)
    subscription, token = services.news_subscribe(network=network, acting_user=user)
    return subscription, token


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def _run() -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("news-digest", stdout=out)
        return out.getvalue()

    return _run


def _link(message) -> str:
    return next(line.split(" ")[-1] for line in message.body.splitlines() if "/news/unsubscribe/" in line)


@pytest.fixture
def subscribed(network_a, partner_a):
    return _subscriber(network_a, partner_a, "lid@a.example")


def test_a_subscriber_gets_this_weeks_posts_once_with_one_unsubscribe_link(
    run, subscribed, network_a, network_b
):
    subscription, token = subscribed
    NewsPostFactory(network=network_a, title="Netwerklunch op 12 maart")
    NewsPostFactory(network=network_a, title="Publiek nieuws", audience=NewsPost.Audience.PUBLIC)
    NewsPostFactory(network=network_a, title="Oud nieuws", published_at=timezone.now() - dt.timedelta(days=8))
    NewsPostFactory(network=network_a, title="Nog een klad", published_at=None)
    NewsPostFactory(network=network_b, title="Nieuws van netwerk B")

    output = run()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lid@a.example"]
    assert "Netwerklunch op 12 maart" in message.body and "Publiek nieuws" in message.body
    assert "Oud nieuws" not in message.body and "Nog een klad" not in message.body
    assert "Nieuws van netwerk B" not in message.body
    assert message.body.count("/news/unsubscribe/") == 1
    link = f"http://127.0.0.1:8000/netwerk-a/news/unsubscribe/{token}/"
    assert _link(message) == link
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert "1 digests sent" in output and "2 networks enqueued" in output

    run()  # the next run has nothing new
    assert len(mail.outbox) == 1
    subscription.refresh_from_db()
    assert subscription.last_sent_at is not None


def test_a_new_post_after_the_last_digest_is_sent_the_next_time(run, subscribed, network_a):
    NewsPostFactory(network=network_a, title="Eerste bericht")
    run()
    NewsPostFactory(network=network_a, title="Tweede bericht")

    run()

    assert len(mail.outbox) == 2
    assert "Tweede bericht" in mail.outbox[1].body and "Eerste bericht" not in mail.outbox[1].body


def test_nobody_gets_a_mail_without_news(run, subscribed):
    output = run()
    assert mail.outbox == []
    assert "0 digests sent" in output or "1 subscribers without news" in output


def test_someone_who_lost_their_role_gets_no_digest(run, subscribed, network_a):
    subscription, _ = subscribed
    NewsPostFactory(network=network_a)
    RoleAssignment.objects.filter(user=subscription.user).delete()

    run()

    assert mail.outbox == []


def test_the_unsubscribe_link_asks_first_and_unsubscribes_on_post(client, subscribed):
    subscription, token = subscribed
    url = f"/netwerk-a/news/unsubscribe/{token}/"

    page = client.get(url)
    assert page.status_code == 200 and "Ja, stop de e-mail met het nieuws" in page.content.decode()
    assert NewsSubscription.objects.filter(pk=subscription.pk).exists()  # GET changes nothing

    done = client.post(url)
    assert done.status_code == 200 and "Klaar" in done.content.decode()
    assert not NewsSubscription.objects.exists()
    assert client.get(url).status_code == 404  # used: the link no longer works


def test_the_unsubscribe_link_works_for_a_mail_programs_one_click_post(subscribed):
    from django.test import Client

    _, token = subscribed
    response = Client(enforce_csrf_checks=True).post(
        f"/netwerk-a/news/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not NewsSubscription.objects.exists()


def test_a_wrong_token_or_another_networks_address_unsubscribes_nobody(client, subscribed, network_b):
    _, token = subscribed

    assert client.post("/netwerk-a/news/unsubscribe/not-the-token/").status_code == 404
    assert client.post(f"/netwerk-b/news/unsubscribe/{token}/").status_code == 404
    assert NewsSubscription.objects.count() == 1


def test_the_command_for_an_unknown_network_fails_clearly(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No active network"):
        call_command("news-digest", network="geen-netwerk", stdout=StringIO())
