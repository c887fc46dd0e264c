"""Decisions, actions and documents: who may write them, what is refused (with a Dutch message, nothing written)
and the history each change leaves."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hvhk.network.models import ActionItem, Decision, Document
from hvhk.network.services import records as services
from tests.directory.factories import OrganizationFactory
from tests.network import records_world
from tests.network.factories import AgendaItemFactory, MeetingFactory
from tests.network.records_world import JPG, PDF, PNG, office_zip, upload

pytestmark = pytest.mark.django_db
world, private_storage = records_world.world, records_world.private_storage  # the shared fixtures


def _files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# --- decisions ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["trekker", "coordinator_a"])
def test_managers_record_a_decision_with_its_history(world, who):
    user = world["people"][who]
    decision = services.decision_create(
        meeting=world["meeting"],
        agenda_item=world["item"],
        text="  We starten een werkgroep vrije tijd. ",
        acting_user=user,
    )
    assert decision.text == "We starten een werkgroep vrije tijd."
    assert decision.network_id == world["network_a"].pk and decision.created_by == user
    record = decision.history.get()
    assert record.history_user == user and record.history_type == "+"


@pytest.mark.parametrize("who", ["member", "staff", "outsider", "coordinator_b", "b_editor"])
def test_others_cannot_record_a_decision(world, who):
    before = Decision.objects.count()
    with pytest.raises(PermissionDenied):
        services.decision_create(
            meeting=world["meeting"],
            agenda_item=world["item"],
            text="Besluit",
            acting_user=world["people"][who],
        )
    assert Decision.objects.count() == before


def test_an_empty_decision_is_refused_in_dutch(world):
    with pytest.raises(ValidationError) as error:
        services.decision_create(meeting=world["meeting"], text="   ", acting_user=world["people"]["trekker"])
    assert "Schrijf het besluit op" in str(error.value)
    assert Decision.objects.count() == 1


def test_a_decision_under_an_item_of_another_meeting_is_refused(world):
    other_item = AgendaItemFactory(meeting=MeetingFactory(body=world["closed"]))
    with pytest.raises(ValidationError) as error:
        services.decision_create(
            meeting=world["meeting"], agenda_item=other_item, text="x", acting_user=world["people"]["trekker"]
        )
    assert "andere vergadering" in str(error.value)
    assert Decision.objects.count() == 1


def test_editing_a_decision_keeps_the_earlier_text_who_and_when(world):
    trekker, coordinator = world["people"]["trekker"], world["people"]["coordinator_a"]
    decision = services.decision_create(meeting=world["meeting"], text="Lunch in maart.", acting_user=trekker)
    services.decision_update(decision=decision, text="Lunch in april.", acting_user=coordinator)

    decision.refresh_from_db()
    assert decision.text == "Lunch in april."
    versions = list(decision.history.order_by("history_date"))
    assert [v.text for v in versions] == ["Lunch in maart.", "Lunch in april."]
    assert [v.history_user for v in versions] == [trekker, coordinator]
    assert versions[1].history_change_reason == "update"

    from hvhk.network.selectors.records import decision_history

    rows = decision_history(decision=decision)
    assert rows[0]["user"] == coordinator
    assert rows[0]["changes"] == [{"field": "text", "old": "Lunch in maart.", "new": "Lunch in april."}]


def test_a_member_cannot_edit_a_decision(world):
    with pytest.raises(PermissionDenied):
        services.decision_update(
            decision=world["decision"], text="Anders", acting_user=world["people"]["member"]
        )
    world["decision"].refresh_from_db()
    assert world["decision"].text == "De netwerklunch gaat door in maart."


# --- actions -----------------------------------------------------------------------------------------------------


def _action(world, **kwargs):
    return services.action_create(
        meeting=world["meeting"],
        agenda_item=world["item"],
        text=kwargs.pop("text", "Uitnodiging versturen"),
        acting_user=kwargs.pop("acting_user", world["people"]["trekker"]),
        **kwargs,
    )


def test_an_action_for_a_person_or_an_organisation(world):
    member, partner = world["people"]["member"], world["partner_a"]
    due = timezone.localdate() + dt.timedelta(days=10)
    for_person = _action(world, owner_user=member, due_on=due)
    for_org = _action(world, owner_organization=partner)
    assert (for_person.owner_user, for_person.due_on, for_person.status) == (member, due, "open")
    assert for_org.owner_organization == partner and for_org.owner_user is None
    assert for_person.history.get().history_user == world["people"]["trekker"]


@pytest.mark.parametrize(
    ("owners", "message"),
    [
        ({}, "Kies wie de actie uitvoert"),
        ({"both": True}, "Kies één eigenaar"),
        ({"user_b": True}, "werkt niet mee in dit netwerk"),
        ({"org_b": True}, "hoort niet bij dit netwerk"),
    ],
)
def test_an_action_needs_exactly_one_owner_of_the_network(world, owners, message):
    kwargs = {}
    if owners.get("both"):
        kwargs = {"owner_user": world["people"]["member"], "owner_organization": world["partner_a"]}
    if owners.get("user_b"):
        kwargs = {"owner_user": world["people"]["b_editor"]}
    if owners.get("org_b"):
        kwargs = {"owner_organization": OrganizationFactory(network=world["network_b"])}
    before = ActionItem.objects.count()
    with pytest.raises(ValidationError) as error:
        _action(world, **kwargs)
    assert message in str(error.value)
    assert ActionItem.objects.count() == before


def test_a_member_cannot_create_an_action(world):
    with pytest.raises(PermissionDenied):
        _action(world, owner_user=world["people"]["member"], acting_user=world["people"]["member"])


@pytest.mark.parametrize("who", ["member", "trekker", "coordinator_a"])
def test_the_owner_and_the_managers_close_an_action(world, who):
    action = world["action"]  # owned by the member
    closed = services.action_set_status(action=action, status="done", acting_user=world["people"][who])
    assert closed.status == "done" and closed.done_at is not None
    assert closed.history.latest("history_date").history_change_reason == "status:done"

    reopened = services.action_set_status(action=action, status="open", acting_user=world["people"][who])
    assert reopened.status == "open" and reopened.done_at is None


def test_the_staff_of_the_owner_organisation_close_it(world):
    action = _action(world, owner_organization=world["partner_a"])
    done = services.action_set_status(
        action=action, status="done", acting_user=world["people"]["partner_staff"]
    )
    assert done.status == "done"


@pytest.mark.parametrize("who", ["staff", "outsider", "coordinator_b", "b_editor"])
def test_others_cannot_close_an_action(world, who):
    with pytest.raises(PermissionDenied):
        services.action_set_status(action=world["action"], status="done", acting_user=world["people"][who])
    world["action"].refresh_from_db()
    assert world["action"].status == "open" and world["action"].done_at is None


def test_a_made_up_status_is_refused(world):
    with pytest.raises(ValidationError):
        services.action_set_status(
            action=world["action"], status="gedaan", acting_user=world["people"]["member"]
        )


def test_updating_an_action_changes_owner_and_due_date_and_allows_new_reminders(world):
    action = world["action"]
    action.reminded_before_at = timezone.now()
    action.save()
    new_due = timezone.localdate() + dt.timedelta(days=30)
    updated = services.action_update(
        action=action,
        text="Zaal en catering reserveren",
        owner_organization=world["partner_a"],
        due_on=new_due,
        acting_user=world["people"]["trekker"],
    )
    assert updated.owner_user is None and updated.owner_organization == world["partner_a"]
    assert updated.due_on == new_due and updated.reminded_before_at is None
    with pytest.raises(ValidationError):
        services.action_update(action=action, text="x", acting_user=world["people"]["trekker"])


# --- documents ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("verslag.pdf", PDF, "application/pdf"),
        (
            "Plan.DOCX",
            office_zip("docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "cijfers.xlsx",
            office_zip("xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "slides.pptx",
            office_zip("pptx"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("tekst.odt", office_zip("odt"), "application/vnd.oasis.opendocument.text"),
        ("rekenblad.ods", office_zip("ods"), "application/vnd.oasis.opendocument.spreadsheet"),
        ("voorstelling.odp", office_zip("odp"), "application/vnd.oasis.opendocument.presentation"),
        ("foto.jpg", JPG, "image/jpeg"),
        ("foto.jpeg", JPG, "image/jpeg"),
        ("schema.png", PNG, "image/png"),
        ("notities.txt", "Afspraken voor de lunch: één zaal.".encode(), "text/plain"),
    ],
)
def test_allowed_files_are_stored_privately(world, private_storage, name, content, content_type):
    document = services.document_upload(
        body=world["closed"],
        title="Bijlage",
        file=upload(name, content),
        acting_user=world["people"]["trekker"],
    )
    assert document.content_type == content_type and document.size == len(content)
    assert document.meeting is None and document.body == world["closed"]
    assert document.file.name.startswith(f"network/{world['network_a'].pk}/documents/{document.pk}/")
    with document.file.open("rb") as handle:
        assert handle.read() == content
    assert document.history.get().history_user == world["people"]["trekker"]


def test_a_document_of_an_item_belongs_to_its_meeting_and_body(world):
    document = world["document"]
    assert (document.body, document.meeting, document.agenda_item) == (
        world["closed"],
        world["meeting"],
        world["item"],
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("verslag.pdf", b"Dit is geen pdf"),
        ("plan.docx", b"MZ\x90\x00 windows program"),
        ("plan.docx", office_zip("odt")),  # a zip, but not a Word file
        ("plan.docx", b"PK\x03\x04 broken zip"),
        ("tekst.odt", office_zip("docx")),
        ("foto.png", JPG),
        ("foto.jpg", PDF),
        ("notities.txt", b"\x00\x01\x02binary"),
        ("programma.exe", b"MZ\x90\x00"),
        ("pagina.html", b"<script>alert(1)</script>"),
        ("zonder-extensie", PDF),
        ("archief.zip", office_zip("docx")),
    ],
)
def test_refused_types_by_name_or_content_write_nothing(world, private_storage, name, content):
    before = _files(private_storage)
    with pytest.raises(ValidationError) as error:
        services.document_upload(
            meeting=world["meeting"],
            title="Bijlage",
            file=upload(name, content),
            acting_user=world["people"]["trekker"],
        )
    assert "Toegelaten zijn: pdf, docx, xlsx, pptx, odt, ods, odp, jpg, png, txt" in str(error.value)
    assert Document.objects.count() == 1 and _files(private_storage) == before


def test_a_too_large_file_is_refused_naming_the_limit(world, private_storage, settings):
    settings.HVHK_DOCUMENT_MAX_BYTES = 1024
    before = _files(private_storage)
    with pytest.raises(ValidationError) as error:
        services.document_upload(
            meeting=world["meeting"],
            title="Groot",
            file=upload("groot.pdf", PDF + b"0" * 2000),
            acting_user=world["people"]["trekker"],
        )
    assert error.value.messages == ["Dit bestand is te groot. Een bestand mag ten hoogste 1,0\xa0KB zijn."]
    assert Document.objects.count() == 1 and _files(private_storage) == before


def test_the_default_limit_is_ten_megabytes(settings):
    assert settings.HVHK_DOCUMENT_MAX_BYTES == 10 * 1024 * 1024


def test_an_empty_title_or_file_is_refused(world, private_storage):
    with pytest.raises(ValidationError) as error:
        services.document_upload(
            meeting=world["meeting"],
            title=" ",
            file=upload("a.pdf", PDF),
            acting_user=world["people"]["trekker"],
        )
    assert "titel" in str(error.value)
    with pytest.raises(ValidationError):
        services.document_upload(
            meeting=world["meeting"],
            title="Leeg",
            file=upload("a.pdf", b""),
            acting_user=world["people"]["trekker"],
        )
    assert Document.objects.count() == 1


@pytest.mark.parametrize("who", ["member", "staff", "outsider", "coordinator_b"])
def test_only_managers_attach_documents(world, private_storage, who):
    before = _files(private_storage)
    with pytest.raises(PermissionDenied):
        services.document_upload(
            meeting=world["meeting"], title="x", file=upload("a.pdf", PDF), acting_user=world["people"][who]
        )
    assert Document.objects.count() == 1 and _files(private_storage) == before


def test_a_meeting_of_another_body_is_refused(world):
    other = MeetingFactory(body__network=world["network_a"])
    with pytest.raises(ValidationError):
        services.document_upload(
            body=world["closed"],
            meeting=other,
            title="x",
            file=upload("a.pdf", PDF),
            acting_user=world["people"]["coordinator_a"],
        )


def test_the_coordinator_manages_an_action_outside_any_meeting(world):
    action = ActionItem.objects.create(
        network=world["network_a"], text="Jaarverslag nalezen", owner_user=world["people"]["member"]
    )
    coordinator = world["people"]["coordinator_a"]
    services.action_update(
        action=action,
        text="Jaarverslag nalezen",
        owner_organization=world["partner_a"],
        acting_user=coordinator,
    )
    assert services.action_set_status(action=action, status="done", acting_user=coordinator).status == "done"
    with pytest.raises(PermissionDenied):
        services.action_set_status(action=action, status="open", acting_user=world["people"]["trekker"])
