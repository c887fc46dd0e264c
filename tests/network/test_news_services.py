"""Writing news: who may write which post, clear Dutch messages for bad input with nothing written, the audit
trail, and opting in and out of the digest with a token of which only the hash is stored."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hvhk.accounts.models import RoleAssignment
from hvhk.network.models import NewsPost, NewsSubscription
from hvhk.network.services import news as services
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import OrganizationFactory
from tests.network.factories import BodyFactory, BodyMemberFactory, NewsPostFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def _person(network, role, organization=None):
    user = UserFactory()
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return user


@pytest.fixture
def world(network_a, network_b, partner_a, coordinator_a, coordinator_b, editor_a):
    body = BodyFactory(network=network_a, name="Werkgroep kwetsbare gezinnen")
    other_body = BodyFactory(network=network_a, name="Werkgroep communicatie")
    trekker = _person(network_a, Role.EDITOR, OrganizationFactory(network=network_a))
    BodyMemberFactory(body=body, user=trekker, is_trekker=True)
    member = _person(network_a, Role.MEMBER, partner_a)
    BodyMemberFactory(body=body, user=member)
    return {
        "body": body,
        "other_body": other_body,
        "body_b": BodyFactory(network=network_b),
        "people": {
            "coordinator_a": coordinator_a,
            "coordinator_b": coordinator_b,
            "trekker": trekker,
            "editor": editor_a,
            "member": member,
            "intake": _person(network_a, Role.INTAKE),
            "analyst": _person(network_a, Role.ANALYST),
        },
    }


def _create(network, user, **fields):
    fields.setdefault("title", "Netwerklunch in maart")
    fields.setdefault("text", "Iedereen is welkom op de netwerklunch.")
    return services.news_post_create(network=network, acting_user=user, **fields)


WRITES_GENERAL = {"coordinator_a", "trekker"}


@pytest.mark.parametrize(
    "who", ["coordinator_a", "coordinator_b", "trekker", "editor", "member", "intake", "analyst"]
)
def test_only_the_coordinator_and_a_trekker_write_general_news(world, network_a, who):
    user = world["people"][who]
    if who in WRITES_GENERAL:
        post = _create(network_a, user)
        assert post.author == user and post.network == network_a and post.published_at is None
    else:
        with pytest.raises(PermissionDenied):
            _create(network_a, user)
        assert not NewsPost.objects.exists()


def test_a_trekker_writes_for_their_own_body_only(world, network_a):
    trekker = world["people"]["trekker"]

    post = _create(network_a, trekker, body=world["body"], publish=True)
    with pytest.raises(PermissionDenied):
        _create(network_a, trekker, body=world["other_body"])
    with pytest.raises(PermissionDenied):
        services.news_post_update(
            post=post, title="x", text="y", body=world["other_body"], acting_user=trekker
        )

    assert post.published_at is not None
    assert list(NewsPost.objects.values_list("body", flat=True)) == [world["body"].pk]


def test_a_trekker_cannot_change_a_post_of_another_body(world, network_a, coordinator_a):
    post = _create(network_a, coordinator_a, body=world["other_body"])
    trekker = world["people"]["trekker"]

    for call in (
        lambda: services.news_post_update(post=post, title="x", text="y", acting_user=trekker),
        lambda: services.news_post_publish(post=post, acting_user=trekker),
        lambda: services.news_post_delete(post=post, acting_user=trekker),
    ):
        with pytest.raises(PermissionDenied):
            call()
    post.refresh_from_db()
    assert post.title == "Netwerklunch in maart" and post.published_at is None


def test_a_trekker_who_lost_their_role_writes_nothing(world, network_a):
    trekker = world["people"]["trekker"]
    RoleAssignment.objects.filter(user=trekker).delete()

    with pytest.raises(PermissionDenied):
        _create(network_a, trekker, body=world["body"])
    with pytest.raises(PermissionDenied):
        _create(network_a, trekker)


def test_a_body_of_another_network_is_refused(world, network_a, coordinator_a):
    with pytest.raises((ValidationError, PermissionDenied)):
        _create(network_a, coordinator_a, body=world["body_b"])
    assert not NewsPost.objects.exists()


def test_an_empty_title_or_text_gets_a_clear_dutch_message_and_nothing_is_written(
    world, network_a, coordinator_a
):
    with pytest.raises(ValidationError) as error:
        _create(network_a, coordinator_a, title="   ", text="")

    assert error.value.message_dict["title"] == ["Geef het bericht een titel."]
    assert error.value.message_dict["text"] == ["Schrijf de tekst van het bericht."]
    assert not NewsPost.objects.exists()


def test_publishing_and_deleting_leave_an_audit_trail(world, network_a, coordinator_a):
    trekker = world["people"]["trekker"]
    post = _create(network_a, trekker, body=world["body"])
    services.news_post_update(
        post=post, title="Netwerklunch op 12 maart", text="Welkom.", body=world["body"], acting_user=trekker
    )
    services.news_post_publish(post=post, acting_user=coordinator_a)
    published_at = post.published_at
    services.news_post_publish(post=post, acting_user=coordinator_a)  # twice changes nothing
    assert post.published_at == published_at
    pk = post.pk
    services.news_post_delete(post=post, acting_user=coordinator_a)

    history = list(NewsPost.history.filter(id=pk).order_by("history_date"))
    assert [h.history_type for h in history] == ["+", "~", "~", "-"]
    assert [h.history_user for h in history] == [trekker, trekker, coordinator_a, coordinator_a]
    assert not NewsPost.objects.exists()


def test_opting_in_stores_only_the_tokens_hash_and_the_token_opts_out(world, network_a):
    member = world["people"]["member"]

    subscription, token = services.news_subscribe(network=network_a, acting_user=member)
    again, same_token = services.news_subscribe(network=network_a, acting_user=member)

    assert again == subscription and same_token == token
    assert token not in subscription.token_hash and subscription.token_hash == services.news_token_hash(token)
    assert not services.news_unsubscribe(token="not-the-token")
    assert services.news_unsubscribe(token=token)
    assert not NewsSubscription.objects.exists()
    assert [h.history_type for h in NewsSubscription.history.all().order_by("history_date")] == ["+", "-"]


def test_only_people_of_the_network_opt_in(world, network_a):
    with pytest.raises(PermissionDenied):
        services.news_subscribe(network=network_a, acting_user=world["people"]["coordinator_b"])
    assert not NewsSubscription.objects.exists()


def test_nobody_ends_someone_elses_subscription(world, network_a):
    subscription, _ = services.news_subscribe(network=network_a, acting_user=world["people"]["member"])

    with pytest.raises(PermissionDenied):
        services.news_unsubscribe(subscription=subscription, acting_user=world["people"]["editor"])
    assert NewsSubscription.objects.exists()


def test_a_published_post_of_another_network_is_not_changed_through_this_one(world, network_b, coordinator_a):
    post = NewsPostFactory(network=network_b)

    with pytest.raises(PermissionDenied):
        services.news_post_delete(post=post, acting_user=coordinator_a)
    assert NewsPost.objects.filter(pk=post.pk).exists()
