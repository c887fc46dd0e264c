"""The signals groundwork: the models' own rules, the event trail helper and who sees what (every role, and
another network), tried from the side of someone who should not get in."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hvhk.accounts.access import roles_of
from hvhk.signals.models import PolicyNote, Signal, SignalEvent, VoiceContribution
from hvhk.signals.selectors import access
from hvhk.signals.services.events import signal_event_record
from tests.directory.factories import OrganizationFactory
from tests.signals.factories import (
    ParticipationCallFactory,
    PolicyNoteFactory,
    SignalFactory,
    ThemeFactory,
    VoiceContributionFactory,
)

pytestmark = pytest.mark.django_db


def _role(user, network):
    [role] = [r for r in roles_of(user) if r.network == network]
    return role


# --- the models ------------------------------------------------------------------------------------------------


def test_a_signal_refuses_unknown_age_bands_and_groups(network_a):
    signal = SignalFactory.build(network=network_a, age_bands=["0-3", "baby"], target_groups=["aliens"])
    with pytest.raises(ValidationError) as caught:
        signal.full_clean()
    assert set(caught.value.message_dict) == {"age_bands", "target_groups"}
    assert "baby" in caught.value.message_dict["age_bands"][0]


def test_a_signal_keeps_its_theme_in_its_own_network(network_a, network_b):
    signal = SignalFactory.build(network=network_a, theme=ThemeFactory(network=network_b))
    with pytest.raises(ValidationError) as caught:
        signal.full_clean()
    assert "theme" in caught.value.message_dict


def test_a_proposal_is_made_only_once_per_network(network_a, network_b):
    SignalFactory(network=network_a, status=Signal.Status.PROPOSED, proposal_key="zero-search:2026-11:opvang")
    SignalFactory(network=network_b, status=Signal.Status.PROPOSED, proposal_key="zero-search:2026-11:opvang")
    SignalFactory(network=network_a, proposal_key="")  # signals from people have no key
    SignalFactory(network=network_a, proposal_key="")
    with transaction.atomic(), pytest.raises(IntegrityError):
        SignalFactory(
            network=network_a, status=Signal.Status.PROPOSED, proposal_key="zero-search:2026-11:opvang"
        )


def test_every_status_has_a_way_on_except_merged():
    assert set(Signal.NEXT) == set(Signal.Status.values)
    assert [status for status, nexts in Signal.NEXT.items() if not nexts] == [Signal.Status.MERGED]


def test_a_note_period_ends_after_it_starts(network_a):
    note = PolicyNoteFactory.build(network=network_a, period_start="2026-06-01", period_end="2026-01-01")
    with pytest.raises(ValidationError) as caught:
        note.full_clean()
    assert "period_end" in caught.value.message_dict


def test_the_trail_keeps_who_acted_even_without_an_account(network_a, coordinator_a):
    signal = SignalFactory(network=network_a)
    event = signal_event_record(
        signal=signal,
        action=SignalEvent.Action.STATUS,
        acting_user=coordinator_a,
        from_status=Signal.Status.NEW,
        to_status=Signal.Status.LOOKING,
    )
    name = coordinator_a.get_full_name()
    coordinator_a.delete()
    event.refresh_from_db()
    assert event.user is None
    assert event.user_label == name
    assert (event.from_status, event.to_status) == ("new", "looking")


# --- who sees what ---------------------------------------------------------------------------------------------


@pytest.fixture
def world(network_a, network_b, partner_a, partner_a2, editor_a, intake_a):
    return {
        "own": SignalFactory(network=network_a, organization=partner_a, reported_by=editor_a),
        "other_partner": SignalFactory(network=network_a, organization=partner_a2),
        "intake_own": SignalFactory(network=network_a, reported_by=intake_a),
        "proposal": SignalFactory(network=network_a, status=Signal.Status.PROPOSED, proposal_key="k"),
        "other_network": SignalFactory(
            network=network_b, organization=OrganizationFactory(network=network_b)
        ),
        "theme": ThemeFactory(network=network_a),
        "theme_b": ThemeFactory(network=network_b),
        "contribution": VoiceContributionFactory(network=network_a),
        "contribution_b": VoiceContributionFactory(network=network_b),
        "call": ParticipationCallFactory(network=network_a),
        "draft_note": PolicyNoteFactory(network=network_a),
        "final_note": PolicyNoteFactory(network=network_a, status=PolicyNote.Status.FINAL),
    }


def _names(world, queryset):
    return {name for name, obj in world.items() if obj in list(queryset)}


@pytest.mark.parametrize(
    ("persona", "signals", "themes", "contributions", "notes"),
    [
        ("coordinator_a", {"own", "other_partner", "intake_own", "proposal"}, {"theme"}, {"contribution"},
         {"draft_note", "final_note"}),
        ("trekker_a", {"own", "other_partner", "intake_own", "proposal"}, {"theme"}, {"contribution"},
         {"draft_note", "final_note"}),
        ("editor_a", {"own"}, {"theme"}, set(), {"final_note"}),
        ("member_a", {"own"}, {"theme"}, set(), {"final_note"}),
        ("other_editor_a", {"other_partner"}, {"theme"}, set(), {"final_note"}),
        ("intake_a", {"intake_own"}, {"theme"}, set(), {"final_note"}),
        ("analyst_a", set(), set(), set(), set()),
    ],
)  # fmt: skip
def test_each_role_sees_what_it_should_and_nothing_of_another_network(
    request, world, network_a, persona, signals, themes, contributions, notes
):
    user = request.getfixturevalue(persona)
    role = _role(user, network_a)
    assert _names(world, access.signals_for(role=role, user=user)) == signals
    assert _names(world, access.themes_for(role=role, user=user)) == themes
    assert _names(world, access.contributions_for(role=role, user=user)) == contributions
    assert _names(world, access.notes_for(role=role, user=user)) == notes
    calls = {"call"} if persona in ("coordinator_a", "trekker_a") else set()
    assert _names(world, access.calls_for(role=role, user=user)) == calls


def test_the_coordinator_of_another_network_sees_none_of_network_a(world, coordinator_b, network_b):
    role = _role(coordinator_b, network_b)
    assert _names(world, access.signals_for(role=role, user=coordinator_b)) == {"other_network"}
    assert _names(world, access.themes_for(role=role, user=coordinator_b)) == {"theme_b"}
    assert _names(world, access.contributions_for(role=role, user=coordinator_b)) == {"contribution_b"}


@pytest.mark.parametrize(
    ("persona", "triage", "report", "counts"),
    [
        ("coordinator_a", True, True, True),
        ("trekker_a", True, True, True),
        ("editor_a", False, True, True),
        ("member_a", False, True, True),
        ("intake_a", False, True, True),
        ("analyst_a", False, False, True),
        ("coordinator_b", False, False, False),
    ],
)
def test_who_may_triage_report_and_count(request, network_a, persona, triage, report, counts):
    user = request.getfixturevalue(persona)
    assert access.can_triage(user, network=network_a) is triage
    assert access.can_report(user, network=network_a) is report
    assert access.can_see_counts(user, network=network_a) is counts


def test_a_trekker_who_left_the_network_triages_no_more(network_a, trekker_a):
    trekker_a.roles.all().delete()
    assert access.is_trekker(trekker_a, network=network_a) is False
    assert access.can_triage(trekker_a, network=network_a) is False


def test_a_trekker_of_another_network_triages_nothing_here(network_a, network_b, coordinator_b):
    from tests.network.factories import BodyFactory, BodyMemberFactory

    BodyMemberFactory(body=BodyFactory(network=network_b), user=coordinator_b, is_trekker=True)
    assert access.can_triage(coordinator_b, network=network_a) is False


def test_anonymous_and_inactive_people_get_nothing(network_a, editor_a):
    from django.contrib.auth.models import AnonymousUser

    editor_a.is_active = False
    editor_a.save()
    for user in (None, AnonymousUser(), editor_a):
        assert access.can_report(user, network=network_a) is False
        assert access.can_triage(user, network=network_a) is False


def test_contributions_start_new_and_unlinked(network_a):
    contribution = VoiceContributionFactory(network=network_a)
    assert (contribution.status, contribution.signal, contribution.kind) == (
        VoiceContribution.Status.NEW,
        None,
        VoiceContribution.Kind.VOICE,
    )
