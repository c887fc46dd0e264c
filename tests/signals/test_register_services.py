"""The register's services: reporting and editing a signal, its status along Signal.NEXT, themes, merging duplicates
(with the reporters' count kept, also when two merges run at once) and the themes; bad input stores nothing."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from hvhk.accounts.access import roles_of
from hvhk.signals.models import Signal, SignalEvent, Theme, VoiceContribution
from hvhk.signals.services import register as services
from tests.core.factories import AreaFactory
from tests.signals.factories import SignalFactory, ThemeFactory, VoiceContributionFactory

pytestmark = pytest.mark.django_db
S = Signal.Status
A = SignalEvent.Action


def _role(user, network):
    [role] = [r for r in roles_of(user) if r.network == network]
    return role


def _create(user, network, **fields):
    data = {"title": "Geen avondopvang", "description": "Ouders met late diensten vinden geen opvang."}
    data.update(fields)
    return services.signal_create(role=_role(user, network), acting_user=user, **data)


def _counts():
    return Signal.objects.count(), SignalEvent.objects.count()


# --- signal_create ---------------------------------------------------------------------------------------------


def test_a_partner_reports_a_signal_for_its_organisation(network_a, partner_a, editor_a):
    signal = _create(editor_a, network_a, age_bands=["0-3"], target_groups=["poverty"], families_estimate=12)
    assert (signal.status, signal.organization, signal.reported_by) == (S.NEW, partner_a, editor_a)
    assert (signal.origin, signal.reporter_count) == (Signal.Origin.PORTAL, 1)
    assert signal.status_changed_at is not None
    [event] = signal.events.all()
    assert (event.action, event.to_status, event.user) == (A.REPORTED, S.NEW, editor_a)


def test_intake_and_the_coordinator_report_as_themselves(network_a, intake_a, coordinator_a):
    for user in (intake_a, coordinator_a):
        signal = _create(user, network_a)
        assert signal.organization is None
        assert signal.reported_by == user


def test_a_trekker_and_a_member_report_for_their_organisation(
    network_a, trekker_a, member_a, partner_a, partner_a2
):
    assert _create(trekker_a, network_a).organization == partner_a2
    assert _create(member_a, network_a).organization == partner_a


@pytest.mark.parametrize("persona", ["analyst_a", "coordinator_b"])
def test_the_analyst_and_another_network_report_nothing(request, network_a, coordinator_a, persona):
    user = request.getfixturevalue(persona)
    role = _role(coordinator_a, network_a)  # even with a role object of network A in hand
    with pytest.raises(PermissionDenied):
        services.signal_create(role=role, acting_user=user, title="T", description="D")
    assert _counts() == (0, 0)


@pytest.mark.parametrize(
    ("field", "text", "kind"),
    [
        ("description", "Mama van Lotte (lotte.mama@example.org) belt elke week.", "e-mailadres"),
        ("evidence", "Bel haar op 0470 12 34 56 voor meer uitleg.", "telefoonnummer"),
        ("title", "Gezin met rijksregisternummer 85.07.30-033.28", "rijksregisternummer"),
        ("evidence", "Contact: +32 16 12 34 56", "telefoonnummer"),
    ],
)
def test_personal_data_in_a_text_is_refused_and_nothing_is_stored(network_a, editor_a, field, text, kind):
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, **{field: text})
    [message] = caught.value.message_dict[field]
    assert kind in message
    assert text not in message  # the message does not repeat what it found
    assert _counts() == (0, 0)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"description": ""}, "description"),
        ({"title": "x" * 201}, "title"),
        ({"description": "x" * 4001}, "description"),
        ({"evidence": "x" * 4001}, "evidence"),
        ({"age_bands": ["baby"]}, "age_bands"),
        ({"target_groups": ["aliens"]}, "target_groups"),
        ({"frequency": "hourly"}, "frequency"),
        ({"source": "rumour"}, "source"),
    ],
)
def test_empty_overlong_and_unknown_values_are_refused(network_a, editor_a, fields, field):
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, **fields)
    assert field in caught.value.message_dict
    assert _counts() == (0, 0)


def test_an_area_of_another_network_is_refused(network_a, network_b, editor_a):
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, area=AreaFactory(network=network_b))
    assert "area" in caught.value.message_dict
    assert _counts() == (0, 0)


# --- signal_update ---------------------------------------------------------------------------------------------


@pytest.fixture
def reported(network_a, editor_a):
    return _create(editor_a, network_a)


def test_the_reporting_organisation_edits_while_new(reported, member_a, editor_a):
    services.signal_update(
        signal=reported, acting_user=member_a, title="Geen opvang 's avonds", families_estimate=5
    )
    reported.refresh_from_db()
    assert (reported.title, reported.families_estimate) == ("Geen opvang 's avonds", 5)
    event = reported.events.get(action=A.EDITED)
    assert "titel" in event.note.lower() or "signaal" in event.note.lower()
    assert event.user == member_a


def test_an_update_that_changes_nothing_writes_no_event(reported, editor_a):
    services.signal_update(signal=reported, acting_user=editor_a, title=reported.title)
    assert not reported.events.filter(action=A.EDITED).exists()


def test_the_reporter_edits_no_more_once_it_is_looked_at(reported, editor_a, coordinator_a):
    services.signal_status_set(signal=reported, status=S.LOOKING, acting_user=coordinator_a)
    with pytest.raises(PermissionDenied):
        services.signal_update(signal=reported, acting_user=editor_a, title="Anders")
    services.signal_update(signal=reported, acting_user=coordinator_a, title="Anders")  # a triager still may
    reported.refresh_from_db()
    assert reported.title == "Anders"


@pytest.mark.parametrize("persona", ["other_editor_a", "intake_a", "analyst_a", "coordinator_b"])
def test_others_do_not_edit_a_signal(request, reported, persona):
    with pytest.raises(PermissionDenied):
        services.signal_update(signal=reported, acting_user=request.getfixturevalue(persona), title="Anders")
    reported.refresh_from_db()
    assert reported.title == "Geen avondopvang"


def test_intake_edits_its_own_signal_only(network_a, intake_a, editor_a):
    own = _create(intake_a, network_a)
    services.signal_update(signal=own, acting_user=intake_a, description="Meer uitleg.")
    with pytest.raises(PermissionDenied):
        services.signal_update(signal=own, acting_user=editor_a, description="Niet van mij.")


def test_an_update_with_personal_data_changes_nothing(reported, editor_a):
    with pytest.raises(ValidationError) as caught:
        services.signal_update(
            signal=reported, acting_user=editor_a, title="Nieuw", description="Mail naar jan@example.org"
        )
    assert "e-mailadres" in caught.value.message_dict["description"][0]
    reported.refresh_from_db()
    assert reported.title == "Geen avondopvang"
    assert not reported.events.filter(action=A.EDITED).exists()


def test_an_update_refuses_an_overlong_text(reported, editor_a):
    with pytest.raises(ValidationError) as caught:
        services.signal_update(signal=reported, acting_user=editor_a, title="x" * 201)
    assert "title" in caught.value.message_dict
    reported.refresh_from_db()
    assert reported.title == "Geen avondopvang"


# --- signal_status_set -----------------------------------------------------------------------------------------

PAIRS = [(a, b) for a in S.values for b in S.values if a != b]


@pytest.mark.parametrize(("current", "new"), PAIRS)
def test_a_status_changes_only_along_next(network_a, coordinator_a, current, new):
    theme = ThemeFactory(network=network_a)
    signal = SignalFactory(network=network_a, status=current, theme=theme)
    if new in Signal.NEXT[current]:
        services.signal_status_set(signal=signal, status=new, acting_user=coordinator_a, note="Besproken.")
        signal.refresh_from_db()
        assert signal.status == new
        assert signal.status_changed_at is not None
        event = signal.events.get()
        assert (event.action, event.from_status, event.to_status, event.note) == (
            A.STATUS,
            current,
            new,
            "Besproken.",
        )
    else:
        with pytest.raises(ValidationError) as caught:
            services.signal_status_set(signal=signal, status=new, acting_user=coordinator_a)
        assert "status" in caught.value.message_dict
        signal.refresh_from_db()
        assert signal.status == current
        assert not signal.events.exists()


def test_themed_needs_a_theme(network_a, coordinator_a):
    signal = SignalFactory(network=network_a, status=S.LOOKING)
    with pytest.raises(ValidationError) as caught:
        services.signal_status_set(signal=signal, status=S.THEMED, acting_user=coordinator_a)
    assert "thema" in caught.value.message_dict["status"][0]


def test_an_unknown_status_is_refused(network_a, coordinator_a):
    signal = SignalFactory(network=network_a)
    with pytest.raises(ValidationError):
        services.signal_status_set(signal=signal, status="lost", acting_user=coordinator_a)


@pytest.mark.parametrize("persona", ["editor_a", "member_a", "intake_a", "analyst_a", "coordinator_b"])
def test_only_triagers_set_a_status(request, network_a, partner_a, persona):
    signal = SignalFactory(network=network_a, organization=partner_a)
    with pytest.raises(PermissionDenied):
        services.signal_status_set(
            signal=signal, status=S.LOOKING, acting_user=request.getfixturevalue(persona)
        )
    signal.refresh_from_db()
    assert signal.status == S.NEW


def test_a_trekker_triages(network_a, trekker_a):
    signal = SignalFactory(network=network_a)
    services.signal_status_set(signal=signal, status=S.LOOKING, acting_user=trekker_a)
    assert signal.events.get().user == trekker_a


def test_a_status_note_with_a_phone_number_is_refused(network_a, coordinator_a):
    signal = SignalFactory(network=network_a)
    with pytest.raises(ValidationError) as caught:
        services.signal_status_set(
            signal=signal, status=S.LOOKING, acting_user=coordinator_a, note="Bel 0470123456"
        )
    assert "telefoonnummer" in caught.value.message_dict["note"][0]
    signal.refresh_from_db()
    assert signal.status == S.NEW


# --- signal_theme_set ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("current", [S.NEW, S.LOOKING])
def test_a_new_or_looked_at_signal_becomes_themed(network_a, coordinator_a, current):
    theme = ThemeFactory(network=network_a, title="Opvang")
    signal = SignalFactory(network=network_a, status=current)
    services.signal_theme_set(signal=signal, theme=theme, acting_user=coordinator_a)
    signal.refresh_from_db()
    assert (signal.theme, signal.status) == (theme, S.THEMED)
    event = signal.events.get()
    assert (event.action, event.from_status, event.to_status) == (A.THEMED, current, S.THEMED)
    assert "Opvang" in event.note


def test_a_signal_taken_to_policy_keeps_its_status_when_moved_to_another_theme(network_a, coordinator_a):
    first, second = ThemeFactory(network=network_a), ThemeFactory(network=network_a)
    signal = SignalFactory(network=network_a, status=S.POLICY, theme=first)
    services.signal_theme_set(signal=signal, theme=second, acting_user=coordinator_a)
    signal.refresh_from_db()
    assert (signal.theme, signal.status) == (second, S.POLICY)


def test_removing_the_theme_puts_a_themed_signal_back_to_looking(network_a, coordinator_a):
    signal = SignalFactory(network=network_a, status=S.THEMED, theme=ThemeFactory(network=network_a))
    services.signal_theme_set(signal=signal, theme=None, acting_user=coordinator_a)
    signal.refresh_from_db()
    assert (signal.theme, signal.status) == (None, S.LOOKING)
    assert signal.events.get().note == "Uit het thema gehaald."


def test_the_same_theme_again_writes_nothing(network_a, coordinator_a):
    theme = ThemeFactory(network=network_a)
    signal = SignalFactory(network=network_a, status=S.THEMED, theme=theme)
    services.signal_theme_set(signal=signal, theme=theme, acting_user=coordinator_a)
    services.signal_theme_set(signal=SignalFactory(network=network_a), theme=None, acting_user=coordinator_a)
    assert not SignalEvent.objects.exists()


def test_a_theme_of_another_network_is_refused(network_a, network_b, coordinator_a):
    signal = SignalFactory(network=network_a)
    with pytest.raises(ValidationError) as caught:
        services.signal_theme_set(
            signal=signal, theme=ThemeFactory(network=network_b), acting_user=coordinator_a
        )
    assert "theme" in caught.value.message_dict
    signal.refresh_from_db()
    assert (signal.theme, signal.status) == (None, S.NEW)


@pytest.mark.parametrize("current", [S.MERGED, S.PROPOSED, S.DISMISSED])
def test_merged_proposed_and_dismissed_signals_get_no_theme(network_a, coordinator_a, current):
    signal = SignalFactory(network=network_a, status=current)
    with pytest.raises(ValidationError):
        services.signal_theme_set(
            signal=signal, theme=ThemeFactory(network=network_a), acting_user=coordinator_a
        )


def test_only_triagers_bundle(network_a, editor_a, partner_a):
    signal = SignalFactory(network=network_a, organization=partner_a)
    with pytest.raises(PermissionDenied):
        services.signal_theme_set(signal=signal, theme=ThemeFactory(network=network_a), acting_user=editor_a)


# --- signal_merge ----------------------------------------------------------------------------------------------


def test_a_merge_keeps_the_count_of_reporters_and_moves_contributions(network_a, coordinator_a):
    target = SignalFactory(network=network_a, status=S.LOOKING, reporter_count=3)
    duplicate = SignalFactory(network=network_a, reporter_count=2)
    earlier = SignalFactory(network=network_a, status=S.MERGED, merged_into=duplicate)
    contribution = VoiceContributionFactory(
        network=network_a, signal=duplicate, status=VoiceContribution.Status.LINKED
    )
    result = services.signal_merge(
        duplicate=duplicate, target=target, acting_user=coordinator_a, note="Zelfde."
    )
    duplicate.refresh_from_db()
    target.refresh_from_db()
    contribution.refresh_from_db()
    earlier.refresh_from_db()
    assert result == target
    assert (duplicate.status, duplicate.merged_into) == (S.MERGED, target)
    assert duplicate.status_changed_at is not None
    assert target.reporter_count == 5
    assert target.status == S.LOOKING
    assert contribution.signal == target
    assert earlier.merged_into == target
    merged = duplicate.events.get()
    assert (merged.action, merged.from_status, merged.to_status, merged.related_signal) == (
        A.MERGED,
        S.NEW,
        S.MERGED,
        target,
    )
    absorbed = target.events.get()
    assert (absorbed.action, absorbed.related_signal, absorbed.note) == (A.ABSORBED, duplicate, "Zelfde.")


def test_merges_add_up(network_a, coordinator_a):
    target = SignalFactory(network=network_a)
    for _ in range(3):
        services.signal_merge(
            duplicate=SignalFactory(network=network_a), target=target, acting_user=coordinator_a
        )
    second = SignalFactory(network=network_a)
    services.signal_merge(duplicate=target, target=second, acting_user=coordinator_a)
    second.refresh_from_db()
    assert second.reporter_count == 5
    assert Signal.objects.filter(merged_into=second).count() == 4  # the chain follows the last target


def _refused(duplicate, target, user):
    before = (duplicate.status, target.status, target.reporter_count)
    with pytest.raises(ValidationError) as caught:
        services.signal_merge(duplicate=duplicate, target=target, acting_user=user)
    duplicate.refresh_from_db()
    target.refresh_from_db()
    assert (duplicate.status, target.status, target.reporter_count) == before
    assert not SignalEvent.objects.exists()
    return caught.value.message_dict["target"][0]


def test_no_merge_into_itself(network_a, coordinator_a):
    signal = SignalFactory(network=network_a)
    assert "zichzelf" in _refused(signal, signal, coordinator_a)


def test_no_merge_into_a_merged_signal(network_a, coordinator_a):
    target = SignalFactory(network=network_a, status=S.MERGED, merged_into=SignalFactory(network=network_a))
    assert "al samengevoegd" in _refused(SignalFactory(network=network_a), target, coordinator_a)


def test_no_merge_of_a_merged_signal(network_a, coordinator_a):
    duplicate = SignalFactory(
        network=network_a, status=S.MERGED, merged_into=SignalFactory(network=network_a)
    )
    assert "al samengevoegd" in _refused(duplicate, SignalFactory(network=network_a), coordinator_a)


@pytest.mark.parametrize("status", [S.CLOSED, S.ANSWERED, S.DISMISSED, S.PROPOSED])
def test_no_merge_into_a_signal_that_is_not_open(network_a, coordinator_a, status):
    target = SignalFactory(network=network_a, status=status)
    assert "open" in _refused(SignalFactory(network=network_a), target, coordinator_a)


def test_no_merge_across_networks(network_a, network_b, coordinator_a, coordinator_b):
    duplicate, target = SignalFactory(network=network_a), SignalFactory(network=network_b)
    assert "eigen netwerk" in _refused(duplicate, target, coordinator_a)
    with pytest.raises(
        PermissionDenied
    ):  # the other way round, the coordinator of B may not touch A's signal
        services.signal_merge(duplicate=duplicate, target=target, acting_user=coordinator_b)


@pytest.mark.parametrize("persona", ["editor_a", "intake_a", "analyst_a"])
def test_only_triagers_merge(request, network_a, persona):
    target, duplicate = SignalFactory(network=network_a), SignalFactory(network=network_a)
    with pytest.raises(PermissionDenied):
        services.signal_merge(
            duplicate=duplicate, target=target, acting_user=request.getfixturevalue(persona)
        )
    duplicate.refresh_from_db()
    assert duplicate.status == S.NEW


def test_a_stale_copy_cannot_merge_a_signal_twice(network_a, coordinator_a):
    duplicate = SignalFactory(network=network_a)
    first, second = SignalFactory(network=network_a), SignalFactory(network=network_a)
    stale = Signal.objects.get(pk=duplicate.pk)
    services.signal_merge(duplicate=duplicate, target=first, acting_user=coordinator_a)
    with pytest.raises(ValidationError):
        services.signal_merge(duplicate=stale, target=second, acting_user=coordinator_a)
    second.refresh_from_db()
    assert second.reporter_count == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between connections need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_merges_lose_no_count(network_a, coordinator_a):
    target = SignalFactory(network=network_a, reporter_count=1)
    duplicates = [SignalFactory(network=network_a, reporter_count=n) for n in (2, 3, 4, 5)]
    barrier = threading.Barrier(len(duplicates))
    errors = []

    def merge(duplicate):
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=10)
            services.signal_merge(duplicate=duplicate, target=target, acting_user=coordinator_a)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=merge, args=(d,)) for d in duplicates]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    target.refresh_from_db()
    assert target.reporter_count == 1 + 2 + 3 + 4 + 5
    assert target.events.filter(action=A.ABSORBED).count() == 4


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between connections need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_one_duplicate_merged_at_once_into_two_targets_counts_once(network_a, coordinator_a):
    duplicate = SignalFactory(network=network_a, reporter_count=2)
    targets = [SignalFactory(network=network_a) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def merge(target):
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=10)
            services.signal_merge(duplicate=duplicate, target=target, acting_user=coordinator_a)
            outcomes.append("merged")
        except ValidationError:
            outcomes.append("refused")
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=merge, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["merged", "refused"]
    counts = sorted(
        Signal.objects.filter(pk__in=[t.pk for t in targets]).values_list("reporter_count", flat=True)
    )
    assert counts == [1, 3]


# --- themes ----------------------------------------------------------------------------------------------------


def test_a_triager_creates_and_edits_a_theme(network_a, coordinator_a, trekker_a):
    theme = services.theme_create(
        network=network_a, acting_user=coordinator_a, title=" Opvang ", proposal="Meer"
    )
    assert (theme.title, theme.proposal, theme.created_by, theme.status) == (
        "Opvang",
        "Meer",
        coordinator_a,
        Theme.Status.OPEN,
    )
    services.theme_update(theme=theme, acting_user=trekker_a, description="Wachtlijsten.")
    services.theme_status_set(theme=theme, status=Theme.Status.POLICY, acting_user=trekker_a)
    theme.refresh_from_db()
    assert (theme.description, theme.status) == ("Wachtlijsten.", Theme.Status.POLICY)


@pytest.mark.parametrize("persona", ["editor_a", "member_a", "intake_a", "analyst_a", "coordinator_b"])
def test_only_triagers_write_themes(request, network_a, persona):
    user = request.getfixturevalue(persona)
    theme = ThemeFactory(network=network_a, title="Opvang")
    with pytest.raises(PermissionDenied):
        services.theme_create(network=network_a, acting_user=user, title="Nieuw")
    with pytest.raises(PermissionDenied):
        services.theme_update(theme=theme, acting_user=user, title="Anders")
    with pytest.raises(PermissionDenied):
        services.theme_status_set(theme=theme, status=Theme.Status.CLOSED, acting_user=user)
    theme.refresh_from_db()
    assert (theme.title, theme.status, Theme.objects.count()) == ("Opvang", Theme.Status.OPEN, 1)


def test_theme_titles_are_unique_in_a_network_only(network_a, network_b, coordinator_a, coordinator_b):
    services.theme_create(network=network_a, acting_user=coordinator_a, title="Opvang")
    with pytest.raises(ValidationError) as caught:
        services.theme_create(network=network_a, acting_user=coordinator_a, title="opvang")
    assert "title" in caught.value.message_dict
    services.theme_create(network=network_b, acting_user=coordinator_b, title="Opvang")
    other = services.theme_create(network=network_a, acting_user=coordinator_a, title="Vrije tijd")
    with pytest.raises(ValidationError):
        services.theme_update(theme=other, acting_user=coordinator_a, title="Opvang")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"description": "x" * 4001}, "description"),
        ({"proposal": "Vraag het aan an.peeters@example.org"}, "proposal"),
        ({"description": "Bel 016 12 34 56"}, "description"),
    ],
)
def test_bad_theme_texts_store_nothing(network_a, coordinator_a, fields, field):
    data = {"title": "Opvang", **fields}
    with pytest.raises(ValidationError) as caught:
        services.theme_create(network=network_a, acting_user=coordinator_a, **data)
    assert field in caught.value.message_dict
    assert not Theme.objects.exists()


def test_a_theme_status_must_be_known(network_a, coordinator_a):
    theme = ThemeFactory(network=network_a)
    with pytest.raises(ValidationError):
        services.theme_status_set(theme=theme, status="forgotten", acting_user=coordinator_a)


def test_a_body_of_another_network_is_refused(network_a, network_b, coordinator_a):
    from tests.network.factories import BodyFactory

    with pytest.raises(ValidationError) as caught:
        services.theme_create(
            network=network_a, acting_user=coordinator_a, title="Opvang", body=BodyFactory(network=network_b)
        )
    assert "body" in caught.value.message_dict


def test_several_kinds_are_named_in_one_message(network_a, editor_a):
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, description="Mail an@example.org of bel 0470 12 34 56.")
    [message] = caught.value.message_dict["description"]
    assert "een e-mailadres en een telefoonnummer" in message
