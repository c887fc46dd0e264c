"""Backups with a manifest, and the erasure journal that keeps erased people erased after a restore.

scripts/backup-drill runs the whole procedure on new databases (CI runs it); these tests prove the parts."""

import datetime as dt
import json
import sqlite3

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.utils import timezone

from hvhk.activities.models import Registration
from hvhk.activities.services.registrations import registrations_anonymise, registrations_erasure_replay
from hvhk.core.lib import backup, erasures
from hvhk.referrals.models import SupportRequest
from hvhk.referrals.services import request_erase
from hvhk.referrals.services.requests import requests_erasure_replay
from hvhk.volunteers.models import Volunteer, VolunteerAccess
from hvhk.volunteers.services import volunteer_erase, volunteers_erasure_replay
from tests.accounts.factories import RoleFactory, UserFactory
from tests.activities.factories_partner import RegistrationFactory, SessionFactory
from tests.conftest import with_two_factor
from tests.referrals.factories import make_request
from tests.volunteers.factories import VolunteerFactory

pytestmark = pytest.mark.django_db


def _journal(settings) -> list[dict]:
    return [json.loads(line) for line in settings.ERASURE_JOURNAL.read_text().splitlines()]


# --- the journal -------------------------------------------------------------------------------------------------


def test_an_erasure_is_journaled_by_id_and_time_without_personal_data(settings, network_a):
    volunteer = VolunteerFactory(network=network_a, name="Fatima El Amrani", email="fatima@example.org")

    volunteer_erase(volunteer=volunteer)

    (entry,) = _journal(settings)
    assert entry["kind"] == "volunteer"
    assert entry["id"] == str(volunteer.pk)
    assert entry["network"] == str(network_a.pk)
    assert abs(dt.datetime.fromisoformat(entry["at"]) - timezone.now()) < dt.timedelta(seconds=30)
    text = settings.ERASURE_JOURNAL.read_text()
    assert "Fatima" not in text and "fatima@" not in text


def test_erasing_twice_journals_once(settings, network_a):
    volunteer = VolunteerFactory(network=network_a)
    volunteer_erase(volunteer=volunteer)
    volunteer_erase(volunteer=volunteer)
    assert len(_journal(settings)) == 1


def test_the_journal_is_read_from_a_moment_on_and_skips_a_line_cut_off_by_a_crash(settings):
    early, late = timezone.now() - dt.timedelta(days=2), timezone.now() - dt.timedelta(hours=1)
    erasures.erasure_record(kind="volunteer", ids=["a", "b"], at=early)
    erasures.erasure_record(kind="support-request", ids=["c"], at=late)
    with settings.ERASURE_JOURNAL.open("a") as journal:
        journal.write('{"at": "2026-')  # a crash in the middle of a line

    found = list(erasures.erasures_since(timezone.now() - dt.timedelta(days=1)))

    assert [(e.kind, e.id) for e in found] == [("support-request", "c")]
    assert [e.id for e in erasures.erasures_since(early)] == ["a", "b", "c"]


def test_a_kind_without_a_replay_is_refused_before_anything_is_written(settings):
    with pytest.raises(ValueError, match="No replay"):
        erasures.erasure_record(kind="something-else", ids=["a"])
    assert not settings.ERASURE_JOURNAL.exists()


def test_an_erasure_that_is_rolled_back_still_has_its_line_and_a_replay_carries_it_out(settings, network_a):
    """Written before the commit: a crash may leave a line for an erasure that did not happen (never the other way
    round); the replay then does what was asked."""
    volunteer = VolunteerFactory(network=network_a)

    @transaction.atomic
    def erase_then_die():
        volunteer_erase(volunteer=volunteer)
        raise RuntimeError("the process dies before the commit")

    with pytest.raises(RuntimeError, match="dies"):
        erase_then_die()
    volunteer.refresh_from_db()
    assert volunteer.anonymised_at is None and len(_journal(settings)) == 1

    erasures.erasures_replay(since=timezone.now() - dt.timedelta(minutes=5))

    volunteer.refresh_from_db()
    assert volunteer.anonymised_at is not None and volunteer.email == ""


# --- replays ---------------------------------------------------------------------------------------------------------


def test_replaying_a_volunteer_erasure_erases_them_again_and_leaves_the_others(network_a):
    erased, other = VolunteerFactory(network=network_a), VolunteerFactory(network=network_a)

    assert volunteers_erasure_replay(ids=[str(erased.pk), "00000000-0000-0000-0000-000000000000"]) == 1
    assert volunteers_erasure_replay(ids=[str(erased.pk)]) == 0  # already done: nothing more

    erased.refresh_from_db()
    other.refresh_from_db()
    assert (erased.name, erased.email, erased.contact_key) == ("", "", "")
    assert erased.anonymised_at is not None
    assert other.email and other.anonymised_at is None
    assert (
        VolunteerAccess.objects.filter(volunteer_id_value=erased.pk, detail__contains="restore").count() == 1
    )


def test_replaying_a_request_erasure_deletes_the_request_and_keeps_its_anonymous_facts(settings, network_a):
    intake = with_two_factor(UserFactory(email="intake@a.example"))
    RoleFactory(user=intake, network=network_a, role="intake")
    kept, _token = make_request(network_a)
    erased, _token = make_request(network_a)
    erased_id = erased.pk

    request_erase(request=erased, acting_user=intake)
    assert [e["id"] for e in _journal(settings)] == [str(erased_id)]

    assert requests_erasure_replay(ids=[str(erased_id)]) == 0  # gone already
    assert requests_erasure_replay(ids=[str(kept.pk)]) == 1
    assert not SupportRequest.objects.exists()


def test_registrations_anonymised_after_their_retention_are_journaled_and_replayed(settings, network_a):
    past = SessionFactory(
        activity__service__organization__network=network_a,
        starts_at=timezone.now() - dt.timedelta(days=800),
        ends_at=timezone.now() - dt.timedelta(days=800) + dt.timedelta(hours=1),
    )
    old = RegistrationFactory(session=past)

    assert registrations_anonymise() == 1

    (entry,) = _journal(settings)
    assert (entry["kind"], entry["id"]) == ("activity-registration", str(old.pk))
    Registration.objects.filter(pk=old.pk).update(name="Terug uit de back-up", anonymised_at=None)
    assert registrations_erasure_replay(ids=[str(old.pk)]) == 1
    old.refresh_from_db()
    assert old.name == "" and old.anonymised_at is not None


def test_erasures_replay_command_takes_the_time_of_a_backup_and_refuses_a_bad_time(
    settings, tmp_path, network_a
):
    before, after = VolunteerFactory(network=network_a), VolunteerFactory(network=network_a)
    erasures.erasure_record(kind="volunteer", ids=[before.pk], at=timezone.now() - dt.timedelta(days=1))
    erasures.erasure_record(kind="volunteer", ids=[after.pk])
    dump = tmp_path / "x.dump"
    taken = (timezone.now() - dt.timedelta(hours=1)).isoformat()
    backup.manifest_path(dump).write_text(json.dumps({"taken_at": taken, "vendor": "sqlite", "tables": {}}))

    call_command("erasures-replay", "--backup", str(dump))

    before.refresh_from_db()
    after.refresh_from_db()
    assert before.anonymised_at is None  # erased before the backup was taken: the backup holds it erased
    assert after.anonymised_at is not None
    with pytest.raises(CommandError, match="Not a time"):
        call_command("erasures-replay", "--since", "gisteren")
    with pytest.raises(CommandError, match="time zone"):
        call_command("erasures-replay", "--since", "2026-12-01T02:00:00")


# --- backups -----------------------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_backup_matches_its_manifest_and_a_change_afterwards_is_found(tmp_path, network_a):
    VolunteerFactory.create_batch(3, network=network_a)
    dump = tmp_path / "backup.dump"

    manifest = backup.backup(dump)

    assert manifest["vendor"] == connection.vendor
    assert manifest["tables"]["volunteers_volunteer"]["rows"] == 3
    assert backup.differences(manifest["tables"], backup.current_manifest()) == []
    Volunteer.objects.filter(network=network_a).update(motivation="Gewijzigd na de back-up")
    assert backup.differences(manifest["tables"], backup.current_manifest()) == [
        "volunteers_volunteer: 3 rows in the backup, 3 now; checksums differ"
    ]
    with pytest.raises(FileExistsError):
        backup.backup(dump)  # never overwrites


@pytest.mark.django_db(transaction=True)
def test_a_sqlite_backup_restores_into_a_new_file_only(tmp_path, network_a):
    if connection.vendor != "sqlite":
        pytest.skip("restoring PostgreSQL needs a database server of its own: scripts/backup-drill does it")
    VolunteerFactory.create_batch(2, network=network_a)
    dump = tmp_path / "backup.dump"
    manifest = backup.backup(dump)
    target = tmp_path / "restored.sqlite3"

    backup.restore(dump, settings={"ENGINE": "django.db.backends.sqlite3", "NAME": str(target)})

    assert backup.sqlite_manifest(target) == manifest["tables"]
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT count(*) FROM volunteers_volunteer").fetchone() == (2,)
    with pytest.raises(FileExistsError):
        backup.restore(dump, settings={"ENGINE": "django.db.backends.sqlite3", "NAME": str(target)})
    with pytest.raises(ValueError, match="cannot be restored"):
        backup.restore(dump, settings={"ENGINE": "django.db.backends.postgresql", "NAME": "x"})
