"""Draft signals from the platform's own figures: each source, the thresholds, once per month, nothing personal,
nothing of another network; and the coordinator's answer (accept, dismiss)."""

import datetime as dt
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hvhk.directory.models import Service
from hvhk.referrals import services as referrals
from hvhk.referrals.models import Referral
from hvhk.signals.models import Signal, SignalEvent
from hvhk.signals.services import proposals
from hvhk.signals.services.proposals import signals_propose
from tests.signals.factories_proposals import (
    QUESTION,
    declined,
    domain,
    full_activity,
    last_month,
    overdue_services,
    request_in,
    searches,
)

pytestmark = pytest.mark.django_db
R = Referral.DeclineReason


def _fresh() -> None:
    """Every service made so far counts as checked today: only a test's own old services are overdue, whatever
    the date the tests run on."""
    Service.objects.update(assured_date=timezone.localdate())


def _text(signal: Signal) -> str:
    return " ".join([signal.title, signal.description, signal.evidence, json.dumps(signal.figures)])


def test_zero_result_searches_and_declined_referrals_become_draft_signals(
    network_a, service_a, intake_a, editor_a
):
    month = last_month()
    searches(network_a, month, "nachtopvang", count=7, max_results=1)
    term = domain(network_a, "opvoeding")
    for reason in (R.NO_CAPACITY, R.NO_CAPACITY, R.NOT_ELIGIBLE):
        declined(
            network_a, month, term=term, service=service_a, intake=intake_a, editor=editor_a, reason=reason
        )
    _fresh()

    created = signals_propose(network=network_a, month=month)

    by_kind = {s.figures["kind"]: s for s in created}
    assert set(by_kind) == {"zero-search", "referral-gap"}
    for signal in created:
        assert (signal.status, signal.origin, signal.source) == (
            Signal.Status.PROPOSED,
            Signal.Origin.PLATFORM,
            Signal.Source.FIGURES,
        )
        assert signal.figures["period"]["month"] == f"{month:%Y-%m}"
        assert [(e.action, e.to_status) for e in signal.events.all()] == [
            (SignalEvent.Action.PROPOSED, Signal.Status.PROPOSED)
        ]
        for personal in ("Lotte", "Janssens", "0470", "Sara", "Volzet", QUESTION[:20]):
            assert personal not in _text(signal)
    search = by_kind["zero-search"]
    assert "nachtopvang" in search.title and "7 keer" in search.description
    assert search.figures["counts"] == {"searches": 7, "max_results": 1}
    assert search.proposal_key == f"zero-search:{month:%Y-%m}:nachtopvang"
    gap = by_kind["referral-gap"]
    assert gap.life_domain == term and term.name in gap.title
    assert "2 werden geweigerd omdat er geen plaats was en 1 werd geweigerd" in gap.description
    assert "geen doorverwijzing" not in gap.description  # no "0 kregen geen doorverwijzing"
    assert gap.figures["counts"] == {
        "requests": 3,
        "no_referral": 0,
        "no_capacity": 2,
        "not_eligible": 1,
        "gap": 3,
    }
    assert gap.figures["life_domain"] == str(term.pk)


def test_requests_without_referral_count_and_a_referral_that_went_ahead_does_not(
    network_a, service_a, intake_a, editor_a
):
    month = last_month()
    term = domain(network_a, "gezondheid")
    for _ in range(2):
        request_in(network_a, month, term=term)
    helped = declined(
        network_a, month, term=term, service=service_a, intake=intake_a, editor=editor_a, reason=R.NO_CAPACITY
    )
    other = Service.objects.create(
        network=network_a, organization=service_a.organization, name="Ander aanbod", description="x"
    )
    (accepted,) = referrals.referral_create(
        request=helped.request, services=[other], message="", acting_user=intake_a
    )
    referrals.referral_advance(referral=accepted, to=Referral.Status.ACCEPTED, acting_user=editor_a)
    _fresh()

    assert signals_propose(network=network_a, month=month) == []  # 2 without referral + 0: below 3

    request_in(network_a, month, term=term)
    (gap,) = signals_propose(network=network_a, month=month)
    assert gap.figures["counts"]["no_referral"] == 3 and gap.figures["counts"]["no_capacity"] == 0


def test_a_full_activity_with_a_long_waiting_list_becomes_a_proposal(network_a, service_a):
    month = last_month()
    long_list = full_activity(network_a, month, service=service_a, waiting=proposals.WAITING_LIST_MIN)
    full_activity(network_a, month, service=service_a, waiting=proposals.WAITING_LIST_MIN - 1, title="Short")
    _fresh()

    (signal,) = signals_propose(network=network_a, month=month)

    assert signal.figures["kind"] == "waiting-list" and "Babymassage" in signal.title
    assert signal.figures["counts"] == {
        "sessions": 1,
        "full_sessions": 1,
        "max_waiting": proposals.WAITING_LIST_MIN,
    }
    assert signal.figures["items"] == [{"id": str(long_list.pk), "name": "Babymassage"}]
    assert "Ouder" not in _text(signal) and "@example.org" not in _text(signal)


def test_services_overdue_for_verification_become_one_proposal(network_a, partner_a):
    month = last_month()
    _fresh()
    old = overdue_services(partner_a, proposals.OVERDUE_MIN, checked=None)

    (signal,) = signals_propose(network=network_a, month=month)

    assert signal.figures["kind"] == "overdue" and signal.proposal_key == f"overdue:{month:%Y-%m}"
    assert signal.figures["counts"]["overdue"] == proposals.OVERDUE_MIN
    assert {item["id"] for item in signal.figures["items"]} == {str(s.pk) for s in old}
    assert str(proposals.OVERDUE_MIN) in signal.title


def test_below_every_threshold_nothing_is_proposed(network_a, partner_a, service_a, intake_a, editor_a):
    month = last_month()
    searches(network_a, month, "nachtopvang", count=proposals.ZERO_SEARCH_MIN - 1)
    term = domain(network_a)
    for _ in range(proposals.REFERRAL_GAP_MIN - 1):
        declined(
            network_a,
            month,
            term=term,
            service=service_a,
            intake=intake_a,
            editor=editor_a,
            reason=R.NO_CAPACITY,
        )
    declined(network_a, month, term=term, service=service_a, intake=intake_a, editor=editor_a, reason=R.OTHER)
    full_activity(network_a, month, service=service_a, waiting=proposals.WAITING_LIST_MIN - 1)
    _fresh()
    overdue_services(partner_a, proposals.OVERDUE_MIN - 1)

    assert signals_propose(network=network_a, month=month) == []
    assert not Signal.objects.exists()


def test_searches_of_another_month_or_with_personal_data_are_not_proposed(network_a):
    month = last_month()
    searches(network_a, month.replace(year=month.year - 1), "zwemles", count=50)
    searches(network_a, month, "lotte@example.org", count=50)  # counted before the filter existed
    _fresh()

    assert signals_propose(network=network_a, month=month) == []


def test_the_search_proposals_are_capped_at_the_most_searched(network_a):
    month = last_month()
    for n in range(proposals.ZERO_SEARCH_MAX_PROPOSALS + 3):
        searches(network_a, month, f"zoekvraag {n:02d}", count=proposals.ZERO_SEARCH_MIN + n)
    _fresh()

    created = signals_propose(network=network_a, month=month)

    assert len(created) == proposals.ZERO_SEARCH_MAX_PROPOSALS
    assert "zoekvraag 12" in {s.figures["subject"] for s in created}
    assert "zoekvraag 00" not in {s.figures["subject"] for s in created}


def test_a_proposal_is_made_once_per_month_even_after_it_was_handled(network_a, coordinator_a):
    month = last_month()
    searches(network_a, month, "nachtopvang", count=9)
    searches(network_a, month, "zwemles baby", count=6)
    _fresh()
    first = signals_propose(network=network_a, month=month)
    proposals.signal_proposal_dismiss(signal=first[0], acting_user=coordinator_a, reason="Al bekend")
    proposals.signal_proposal_accept(signal=first[1], acting_user=coordinator_a)

    again = signals_propose(network=network_a, month=month)

    assert len(first) == 2 and again == []
    assert Signal.objects.count() == 2 and SignalEvent.objects.filter(action="proposed").count() == 2


def test_another_networks_figures_never_reach_a_proposal(network_a, network_b, partner_b):
    month = last_month()
    searches(network_b, month, "geheim van b", count=40)
    _fresh()
    overdue_services(partner_b, proposals.OVERDUE_MIN)

    assert signals_propose(network=network_a, month=month) == []
    assert {s.network for s in signals_propose(network=network_b, month=month)} == {network_b}


def test_only_the_coordinator_or_a_trekker_proposes_and_never_for_a_future_month(
    network_a, coordinator_a, trekker_a, editor_a, analyst_a, coordinator_b
):
    month = last_month()
    for person in (editor_a, analyst_a, coordinator_b):
        with pytest.raises(PermissionDenied):
            signals_propose(network=network_a, month=month, acting_user=person)
    assert signals_propose(network=network_a, month=month, acting_user=trekker_a) == []
    next_month = (timezone.localdate().replace(day=28) + dt.timedelta(days=5)).replace(day=1)
    with pytest.raises(ValidationError):
        signals_propose(network=network_a, month=next_month, acting_user=coordinator_a)


# --- the coordinator's answer ---------------------------------------------------------------------------------


@pytest.fixture
def proposal(network_a):
    searches(network_a, last_month(), "nachtopvang", count=9)
    _fresh()
    (signal,) = signals_propose(network=network_a, month=last_month())
    return signal


def test_accepting_makes_a_new_signal_with_an_edited_title_in_its_trail(proposal, trekker_a):
    signal = proposals.signal_proposal_accept(
        signal=proposal, acting_user=trekker_a, title="  Geen nachtopvang   voor ouders met nachtwerk "
    )

    signal.refresh_from_db()
    assert (signal.status, signal.title) == (Signal.Status.NEW, "Geen nachtopvang voor ouders met nachtwerk")
    event = signal.events.get(action=SignalEvent.Action.STATUS)
    assert (event.from_status, event.to_status, event.user) == (
        Signal.Status.PROPOSED,
        Signal.Status.NEW,
        trekker_a,
    )
    assert "nachtopvang" in event.note  # the old title


@pytest.mark.parametrize(
    ("title", "message"),
    [("x" * 201, "te lang"), ("Bel 0470 12 34 56", "een telefoonnummer")],
)
def test_a_bad_title_is_refused_and_nothing_changes(proposal, coordinator_a, title, message):
    with pytest.raises(ValidationError) as error:
        proposals.signal_proposal_accept(signal=proposal, acting_user=coordinator_a, title=title)

    assert message in str(error.value.message_dict["title"])
    proposal.refresh_from_db()
    assert proposal.status == Signal.Status.PROPOSED and proposal.events.count() == 1


def test_dismissing_needs_a_reason_and_keeps_it_in_the_trail(proposal, coordinator_a):
    with pytest.raises(ValidationError, match="waarom"):
        proposals.signal_proposal_dismiss(signal=proposal, acting_user=coordinator_a, reason="  ")
    with pytest.raises(ValidationError, match="e-mailadres"):
        proposals.signal_proposal_dismiss(signal=proposal, acting_user=coordinator_a, reason="zie jan@x.be")

    proposals.signal_proposal_dismiss(
        signal=proposal, acting_user=coordinator_a, reason="Typfout van één gezin"
    )

    proposal.refresh_from_db()
    assert proposal.status == Signal.Status.DISMISSED
    assert proposal.events.get(action=SignalEvent.Action.STATUS).note == "Typfout van één gezin"


def test_a_proposal_is_answered_once_and_only_by_who_triages(
    proposal, coordinator_a, editor_a, coordinator_b
):
    for person in (editor_a, coordinator_b):
        with pytest.raises(PermissionDenied):
            proposals.signal_proposal_accept(signal=proposal, acting_user=person)
    proposals.signal_proposal_accept(signal=proposal, acting_user=coordinator_a)

    with pytest.raises(ValidationError, match="al behandeld"):
        proposals.signal_proposal_dismiss(signal=proposal, acting_user=coordinator_a, reason="dubbel")


def test_two_runs_that_cross_make_the_proposal_once(network_a):
    """The second run's insert meets the unique key of the first and is skipped, without a half-written event."""
    month = last_month()
    searches(network_a, month, "nachtopvang", count=9)
    _fresh()
    (candidate,) = proposals._candidates(network_a, month)

    first = proposals._propose(network=network_a, month=month, candidate=candidate, acting_user=None)
    second = proposals._propose(network=network_a, month=month, candidate=candidate, acting_user=None)

    assert first is not None and second is None
    assert Signal.objects.count() == 1 and SignalEvent.objects.count() == 1
