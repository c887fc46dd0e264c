"""A network with a closed steering group, its meeting, agenda item, decision, action and document, and every kind
of person: the records tests (services, views, reminders) share it. Import the fixtures into a test module."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hvhk.accounts.models import RoleAssignment
from hvhk.network.services import records as services
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import OrganizationFactory
from tests.network.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    BodyFactory,
    BodyMemberFactory,
    DecisionFactory,
    MeetingFactory,
)

Role = RoleAssignment.Role
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def office_zip(extension: str) -> bytes:
    """A minimal office file: a zip with the parts (OOXML) or the mimetype (OpenDocument) its extension needs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if extension in ("odt", "ods", "odp"):
            kind = {"odt": "text", "ods": "spreadsheet", "odp": "presentation"}[extension]
            archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            part = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr(part[extension], "<x/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def person(network, role, organization=None, **kwargs):
    user = UserFactory(**kwargs)
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return user


@pytest.fixture
def private_storage(settings, tmp_path):
    """Documents go to a temporary private storage; the test can look at what was written."""
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root), "base_url": None},
        },
    }
    return root


@pytest.fixture
def world(network_a, network_b, partner_a, coordinator_a, coordinator_b, private_storage):
    closed = BodyFactory(network=network_a, name="Stuurgroep", is_open=False)
    trekker = person(network_a, Role.EDITOR, partner_a, email="trekker@a.example", full_name="Tine Trekker")
    member = person(network_a, Role.INTAKE, email="lid@a.example", full_name="Lies Lid")
    staff = person(
        network_a,
        Role.MEMBER,
        OrganizationFactory(network=network_a),
        email="staf@a.example",
        full_name="Stef",
    )
    outsider = person(
        network_a, Role.EDITOR, OrganizationFactory(network=network_a), email="buiten@a.example"
    )
    b_editor = person(
        network_b, Role.EDITOR, OrganizationFactory(network=network_b), email="editor@b.example"
    )
    BodyMemberFactory(body=closed, user=trekker, is_trekker=True)
    BodyMemberFactory(body=closed, user=member)
    partner_staff = person(network_a, Role.MEMBER, partner_a, email="partnerstaf@a.example")
    meeting = MeetingFactory(body=closed, title="Stuurgroep januari")
    item = AgendaItemFactory(meeting=meeting, title="Netwerklunch", minutes="We bespraken de lunch.")
    decision = DecisionFactory(agenda_item=item, text="De netwerklunch gaat door in maart.")
    action = ActionItemFactory(agenda_item=item, owner_user=member, text="Zaal reserveren")
    document = services.document_upload(
        meeting=meeting,
        agenda_item=item,
        title="Agenda januari",
        file=upload("agenda.pdf", PDF),
        acting_user=trekker,
    )
    return {
        "network_a": network_a,
        "network_b": network_b,
        "partner_a": partner_a,
        "closed": closed,
        "meeting": meeting,
        "item": item,
        "decision": decision,
        "action": action,
        "document": document,
        "people": {
            "coordinator_a": coordinator_a,
            "coordinator_b": coordinator_b,
            "trekker": trekker,
            "member": member,
            "staff": staff,
            "partner_staff": partner_staff,
            "outsider": outsider,
            "b_editor": b_editor,
        },
    }
