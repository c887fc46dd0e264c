"""Reminders of open actions: three days before the due date and one day after it, once each, to the owner (a
person, or an organisation's network contact, else its staff), through the `actions-remind` command and its task."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hvhk.network.records_tasks import send_action_reminders
from hvhk.network.services import records as services
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.network import records_world
from tests.network.factories import ActionItemFactory, AgendaItemFactory
from tests.network.records_world import Role

pytestmark = pytest.mark.django_db
world, private_storage = records_world.world, records_world.private_storage  # the shared fixtures


def _due_in(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


@pytest.fixture
def item(world):
    return world["item"]


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run a callable as the worker would: the e-mails go out when its transactions commit."""

    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run


@pytest.fixture
def action_reminders_send(run):
    return lambda: run(services.action_reminders_send)


def test_three_days_before_the_due_date_the_owner_is_reminded_once(world, item, action_reminders_send, run):
    action = world["action"]
    action.due_on = _due_in(3)
    action.save()

    counts = action_reminders_send()
    assert counts["before"] == 1 and counts["after"] == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lid@a.example"]
    assert "Herinnering" in message.subject
    assert "Zaal reserveren" in message.body and f"/portal/actions/{action.pk}/" in message.body
    action.refresh_from_db()
    assert action.reminded_before_at is not None and action.reminded_after_at is None

    assert action_reminders_send()["before"] == 0
    assert len(mail.outbox) == 1  # no second mail


def test_nothing_is_sent_a_week_ahead(world, action_reminders_send, run):
    world["action"].due_on = _due_in(7)
    world["action"].save()
    assert action_reminders_send() == {"before": 0, "after": 0, "without_recipient": 0}
    assert mail.outbox == []


def test_one_day_after_the_due_date_an_open_action_is_reminded_once(world, action_reminders_send, run):
    action = world["action"]
    action.due_on = _due_in(-1)
    action.reminded_before_at = timezone.now() - dt.timedelta(days=4)
    action.save()

    assert action_reminders_send()["after"] == 1
    assert len(mail.outbox) == 1 and "over datum" in mail.outbox[0].subject.lower()
    assert "staat nog open" in mail.outbox[0].body
    assert action_reminders_send()["after"] == 0
    assert len(mail.outbox) == 1


def test_on_the_due_date_itself_there_is_no_after_reminder(world, action_reminders_send, run):
    action = world["action"]
    action.due_on = _due_in(0)
    action.reminded_before_at = timezone.now()
    action.save()
    assert action_reminders_send() == {"before": 0, "after": 0, "without_recipient": 0}


def test_done_and_cancelled_actions_and_actions_without_date_are_not_reminded(
    world, item, action_reminders_send, run
):
    ActionItemFactory(agenda_item=item, due_on=_due_in(2), status="done")
    ActionItemFactory(agenda_item=item, due_on=_due_in(-3), status="cancelled")
    world["action"].due_on = None
    world["action"].save()
    assert action_reminders_send() == {"before": 0, "after": 0, "without_recipient": 0}
    assert mail.outbox == []


def test_an_organisation_is_reminded_through_its_network_contact(
    world, item, network_a, action_reminders_send, run
):
    org = OrganizationFactory(network=network_a)
    MembershipFactory(organization=org, contact_email="netwerk@org.example")
    staff = UserFactory(email="staf@org.example")
    RoleFactory(user=staff, network=network_a, role=Role.MEMBER, organization=org)
    ActionItemFactory(agenda_item=item, owner_user=None, owner_organization=org, due_on=_due_in(1))

    action_reminders_send()
    assert [m.to for m in mail.outbox] == [["netwerk@org.example"]]


def test_without_a_contact_the_organisations_staff_are_reminded(
    world, item, network_a, action_reminders_send, run
):
    org = OrganizationFactory(network=network_a)
    MembershipFactory(organization=org, contact_email="")
    for email, role in (("redacteur@org.example", Role.EDITOR), ("medewerker@org.example", Role.MEMBER)):
        RoleFactory(user=UserFactory(email=email), network=network_a, role=role, organization=org)
    ActionItemFactory(agenda_item=item, owner_user=None, owner_organization=org, due_on=_due_in(2))

    action_reminders_send()
    assert [sorted(m.to) for m in mail.outbox] == [["medewerker@org.example", "redacteur@org.example"]]


def test_an_owner_without_anyone_to_mail_is_counted_and_tried_again_later(
    world, item, network_a, action_reminders_send, run
):
    org = OrganizationFactory(network=network_a)
    action = ActionItemFactory(agenda_item=item, owner_user=None, owner_organization=org, due_on=_due_in(2))
    assert action_reminders_send()["without_recipient"] == 1
    action.refresh_from_db()
    assert action.reminded_before_at is None and mail.outbox == []


def test_actions_of_a_switched_off_network_are_skipped(world, action_reminders_send, run):
    world["action"].due_on = _due_in(1)
    world["action"].save()
    world["network_a"].is_active = False
    world["network_a"].save()
    assert action_reminders_send()["before"] == 0 and mail.outbox == []


def test_a_new_due_date_allows_a_new_reminder(world, action_reminders_send, run):
    action = world["action"]
    action.due_on = _due_in(2)
    action.save()
    action_reminders_send()
    services.action_update(
        action=action,
        text=action.text,
        owner_user=world["people"]["member"],
        due_on=_due_in(1),
        acting_user=world["people"]["trekker"],
    )
    action_reminders_send()
    assert len(mail.outbox) == 2


def test_the_command_with_now_sends_and_prints_a_summary(world, action_reminders_send, run):
    world["action"].due_on = _due_in(2)
    world["action"].save()
    out = StringIO()
    run(call_command, "actions-remind", "--now", stdout=out)
    assert "Sending the action reminders" in out.getvalue()
    assert (
        "Action reminders: 1 before the due date, 0 after it; 0 actions without anyone to mail."
        in out.getvalue()
    )
    assert len(mail.outbox) == 1

    out = StringIO()
    run(call_command, "actions-remind", "--now", stdout=out)
    assert "0 before the due date" in out.getvalue() and len(mail.outbox) == 1  # no double send


def test_the_command_enqueues_the_task(world, action_reminders_send, run):
    world["action"].due_on = _due_in(-2)
    world["action"].save()
    out = StringIO()
    run(call_command, "actions-remind", stdout=out)  # the test settings run enqueued tasks at once
    assert "enqueued" in out.getvalue()
    assert len(mail.outbox) == 1


def test_the_task_returns_the_counts(world, action_reminders_send, run):
    world["action"].due_on = _due_in(3)
    world["action"].save()
    result = run(send_action_reminders.enqueue)
    assert result.return_value == {"before": 1, "after": 0, "without_recipient": 0}


def test_another_networks_action_reminds_its_own_owner(world, network_b, action_reminders_send, run):
    owner = UserFactory(email="eigenaar@b.example")
    RoleFactory(user=owner, network=network_b, role=Role.INTAKE)
    ActionItemFactory(
        agenda_item=AgendaItemFactory(meeting__body__network=network_b), owner_user=owner, due_on=_due_in(1)
    )
    action_reminders_send()
    assert [m.to for m in mail.outbox] == [["eigenaar@b.example"]]
