"""Services of partners and their engagement: memberships, declaration versions, online and paper signatures,
reminders. Each refusal leaves nothing written and says why in plain Dutch."""

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hvhk.directory.models import Membership
from hvhk.network.models import Declaration, Signature
from hvhk.network.models.engagement import DeclarationReminder
from hvhk.network.selectors import engagement as selectors
from hvhk.network.services import engagement as services
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import HouseFactory
from tests.network.engagement_helpers import PNG_BYTES, build_world, scan, use_temporary_private_storage
from tests.network.factories import DeclarationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(network_a, network_b, partner_a, partner_b, editor_a, coordinator_a, coordinator_b):
    return build_world(
        network_a=network_a,
        network_b=network_b,
        partner_a=partner_a,
        partner_b=partner_b,
        editor_a=editor_a,
        coordinator_a=coordinator_a,
        coordinator_b=coordinator_b,
    )


@pytest.fixture
def storage(monkeypatch, tmp_path):
    return use_temporary_private_storage(monkeypatch, tmp_path)


# --- membership_update -----------------------------------------------------------------------------------------


def test_the_coordinator_makes_a_partner_netwerktrekker_with_houses_and_a_contact_person(world, partner_a):
    membership = partner_a.membership
    updated = services.membership_update(
        membership=membership,
        role=Membership.Role.LEAD,
        joined_on=dt.date(2015, 3, 1),
        houses=[world["house"]],
        contact_name="  Els   Claes ",
        contact_email="Els@Partner.example",
        contact_phone="016 12 34 56",
        acting_user=world["people"]["coordinator"],
    )
    updated.refresh_from_db()
    assert updated.role == "netwerktrekker"
    assert updated.joined_on == dt.date(2015, 3, 1)
    assert list(updated.houses.all()) == [world["house"]]
    assert (updated.contact_name, updated.contact_email) == ("Els Claes", "els@partner.example")
    assert updated.history.latest().history_user == world["people"]["coordinator"]


@pytest.mark.parametrize("who", ["editor", "member", "trekker", "intake", "coordinator_b"])
def test_only_the_networks_coordinator_changes_a_membership(world, partner_a, who):
    with pytest.raises(PermissionDenied):
        services.membership_update(
            membership=partner_a.membership,
            role=Membership.Role.LEAD,
            joined_on=None,
            houses=[],
            acting_user=world["people"][who],
        )
    partner_a.membership.refresh_from_db()
    assert partner_a.membership.role == Membership.Role.PARTNER


def test_a_house_of_another_network_and_bad_dates_are_refused(world, partner_a, network_b):
    other_house = HouseFactory(
        network=network_b, location__network=network_b, location__organization__network=network_b
    )
    coordinator = world["people"]["coordinator"]
    cases = [
        ({"houses": [other_house]}, "houses", "ander netwerk"),
        ({"joined_on": timezone.localdate() + dt.timedelta(days=3)}, "joined_on", "toekomst"),
        ({"joined_on": dt.date(2020, 1, 1), "left_on": dt.date(2019, 1, 1)}, "left_on", "stoppen"),
        ({"role": "baas"}, "role", "netwerktrekker"),
    ]
    for change, field, words in cases:
        kwargs = {"role": "partner", "joined_on": None, "houses": [], **change}
        with pytest.raises(ValidationError) as caught:
            services.membership_update(membership=partner_a.membership, acting_user=coordinator, **kwargs)
        assert words in " ".join(caught.value.message_dict[field])
    partner_a.membership.refresh_from_db()
    assert partner_a.membership.houses.count() == 0
    assert partner_a.membership.joined_on is None


# --- declaration_publish ---------------------------------------------------------------------------------------


def test_publishing_gives_the_next_version_and_asks_every_partner_to_sign(
    world, network_a, partner_a, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        declaration = services.declaration_publish(
            network=network_a,
            title="Engagementsverklaring 2026",
            text="Wij delen signalen en kennen elkaars aanbod.",
            effective_on=dt.date(2026, 1, 1),
            acting_user=world["people"]["coordinator"],
        )
    assert declaration.version == 3
    assert declaration.is_published and declaration.created_by == world["people"]["coordinator"]
    assert declaration.history.get().history_user == world["people"]["coordinator"]  # the audit row
    assert selectors.newest_declaration(network=network_a) == declaration
    # Current partners (not the one who left) each get one reminder: contact person, else the editors.
    reminded = set(
        DeclarationReminder.objects.filter(declaration=declaration).values_list(
            "organization__slug", flat=True
        )
    )
    assert reminded == {"partner-a", "kind-en-gezin", "buurtwerk"}
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert "lotte@kindengezin.example" in recipients  # the netwerktrekker's contact person
    assert "editor@a.example" in recipients  # partner A has no contact person: its editor
    assert all("Teken de engagementsverklaring" in m.subject for m in mail.outbox)


def test_publishing_needs_a_title_and_a_text_and_the_coordinator(world, network_a):
    before = Declaration.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.declaration_publish(
            network=network_a,
            title=" ",
            text="",
            effective_on=None,
            acting_user=world["people"]["coordinator"],
        )
    assert "titel" in " ".join(caught.value.message_dict["title"])
    with pytest.raises(PermissionDenied):
        services.declaration_publish(
            network=network_a,
            title="x",
            text="y",
            effective_on=None,
            acting_user=world["people"]["coordinator_b"],
        )
    assert Declaration.objects.count() == before


def test_two_versions_published_at_once_the_constraint_decides(world, network_a):
    """The second publication computed the same number: the unique constraint refuses it with a message."""
    DeclarationFactory(network=network_a, version=3)  # published by a colleague a moment ago
    stale = Declaration.objects.filter(version__lt=3)  # what this publication read before that

    with (
        mock.patch.object(Declaration.objects, "for_network", lambda network: stale.filter(network=network)),
        pytest.raises(ValidationError) as caught,
    ):
        services.declaration_publish(
            network=network_a,
            title="x",
            text="y",
            effective_on=None,
            acting_user=world["people"]["coordinator"],
        )
    assert "opnieuw" in caught.value.messages[0]
    assert list(Declaration.objects.filter(network=network_a).values_list("version", flat=True)) == [3, 2, 1]


# --- signature_create ------------------------------------------------------------------------------------------


def test_a_partners_editor_signs_the_newest_version_online_today(world, partner_a):
    signature = services.signature_create(
        declaration=world["v2"],
        organization=partner_a,
        signer_name=" Ann  Smets ",
        signer_function="directeur",
        acting_user=world["people"]["editor"],
    )
    assert signature.method == Signature.Method.ONLINE
    assert (signature.signer_name, signature.signed_on) == ("Ann Smets", timezone.localdate())
    assert signature.signed_by == world["people"]["editor"]
    assert signature.history.count() == 1  # the audit row
    assert partner_a not in selectors.unsigned_organizations(declaration=world["v2"])


def test_signing_twice_says_so_clearly(world, partner_a):
    kwargs = {
        "declaration": world["v2"],
        "organization": partner_a,
        "signer_name": "Ann",
        "signer_function": "directeur",
        "acting_user": world["people"]["editor"],
    }
    services.signature_create(**kwargs)
    with pytest.raises(ValidationError) as caught:
        services.signature_create(**kwargs)
    assert caught.value.messages == ["Deze organisatie heeft deze versie van de verklaring al getekend."]
    assert Signature.objects.filter(declaration=world["v2"]).count() == 1


def test_two_editors_signing_at_once_the_unique_constraint_wins(world, partner_a, network_a):
    """Both passed the check before either saved: the second insert hits the constraint and gets the message."""
    colleague = UserFactory(email="collega@a.example")
    RoleFactory(user=colleague, network=network_a, role="editor", organization=partner_a)
    services.signature_create(
        declaration=world["v2"],
        organization=partner_a,
        signer_name="Ann",
        signer_function="directeur",
        acting_user=world["people"]["editor"],
    )
    real_filter = Signature.objects.filter

    def pretend_not_signed(*args, **kwargs):
        queryset = real_filter(*args, **kwargs)
        return queryset.none() if "declaration_id" in kwargs else queryset

    with (
        mock.patch.object(Signature.objects, "filter", side_effect=pretend_not_signed),
        pytest.raises(ValidationError) as caught,
    ):
        services.signature_create(
            declaration=world["v2"],
            organization=partner_a,
            signer_name="Bert",
            signer_function="voorzitter",
            acting_user=colleague,
        )
    assert "al getekend" in caught.value.messages[0]
    assert list(Signature.objects.filter(declaration=world["v2"]).values_list("signer_name", flat=True)) == [
        "Ann"
    ]


@pytest.mark.parametrize(
    "who", ["member", "other_editor", "coordinator", "trekker", "editor_b", "coordinator_b"]
)
def test_only_an_editor_of_the_organisation_signs_for_it(world, partner_a, who):
    with pytest.raises(PermissionDenied):
        services.signature_create(
            declaration=world["v2"],
            organization=partner_a,
            signer_name="X",
            signer_function="Y",
            acting_user=world["people"][who],
        )
    assert not Signature.objects.filter(declaration=world["v2"]).exists()


def test_an_older_version_or_an_empty_name_cannot_be_signed(world, partner_a, network_a):
    editor = world["people"]["editor"]
    Signature.objects.filter(declaration=world["v1"]).delete()
    with pytest.raises(ValidationError) as caught:
        services.signature_create(
            declaration=world["v1"],
            organization=partner_a,
            signer_name="Ann",
            signer_function="x",
            acting_user=editor,
        )
    assert "nieuwste versie" in caught.value.messages[0]
    with pytest.raises(ValidationError) as caught:
        services.signature_create(
            declaration=world["v2"],
            organization=partner_a,
            signer_name="  ",
            signer_function="x",
            acting_user=editor,
        )
    assert "naam" in caught.value.message_dict["signer_name"][0]
    assert not Signature.objects.filter(organization=partner_a).exists()


def test_a_partner_that_left_cannot_sign(world, partner_a):
    Membership.objects.filter(organization=partner_a).update(
        left_on=dt.date(2020, 1, 1), joined_on=dt.date(2015, 1, 1)
    )
    with pytest.raises(ValidationError) as caught:
        services.signature_create(
            declaration=world["v2"],
            organization=partner_a,
            signer_name="Ann",
            signer_function="x",
            acting_user=world["people"]["editor"],
        )
    assert "geen partner" in caught.value.messages[0]


# --- signature_paper_create ------------------------------------------------------------------------------------


def test_the_coordinator_records_a_paper_signature_with_its_scan(world, storage):
    signature = services.signature_paper_create(
        declaration=world["v2"],
        organization=world["neighbour"],
        signer_name="Bart Buurt",
        signer_function="voorzitter",
        signed_on=dt.date(2025, 2, 3),
        scan=scan("getekend.PNG", PNG_BYTES, "image/png"),
        acting_user=world["people"]["coordinator"],
    )
    signature.refresh_from_db()
    assert (
        signature.method == Signature.Method.PAPER and signature.recorded_by == world["people"]["coordinator"]
    )
    assert signature.scan.name.endswith("verklaring-v2-buurtwerk.png")
    assert storage.exists(signature.scan.name)
    with signature.scan.open("rb") as handle:
        assert handle.read() == PNG_BYTES


@pytest.mark.parametrize(
    ("upload", "words"),
    [
        (None, "Voeg de scan"),
        (lambda: scan("getekend.docx", b"PK\x03\x04", "application/msword"), "PDF, een JPG of een PNG"),
        (lambda: scan("vals.pdf", b"MZ\x90\x00 not a pdf"), "PDF, een JPG of een PNG"),
        (lambda: scan("groot.pdf", b"%PDF" + b"0" * (services.SCAN_MAX_MB * 1024 * 1024)), "te groot"),
    ],
)
def test_a_missing_refused_or_too_large_scan_is_refused_and_nothing_is_written(world, storage, upload, words):
    with pytest.raises(ValidationError) as caught:
        services.signature_paper_create(
            declaration=world["v2"],
            organization=world["neighbour"],
            signer_name="Bart",
            signer_function="voorzitter",
            signed_on=dt.date(2025, 2, 3),
            scan=upload() if upload else None,
            acting_user=world["people"]["coordinator"],
        )
    assert words in " ".join(caught.value.message_dict["scan"])
    assert not Signature.objects.filter(declaration=world["v2"]).exists()
    assert not (
        storage.location
        and __import__("pathlib").Path(storage.location).exists()
        and any(__import__("pathlib").Path(storage.location).rglob("*.*"))
    )


def test_a_paper_signature_in_the_future_or_by_someone_else_is_refused(world, storage, partner_b):
    kwargs = {
        "declaration": world["v2"],
        "organization": world["neighbour"],
        "signer_name": "Bart",
        "signer_function": "voorzitter",
        "signed_on": timezone.localdate() + dt.timedelta(days=1),
    }
    with pytest.raises(ValidationError) as caught:
        services.signature_paper_create(**kwargs, scan=scan(), acting_user=world["people"]["coordinator"])
    assert "toekomst" in caught.value.message_dict["signed_on"][0]
    with pytest.raises(ValidationError):
        services.signature_paper_create(
            **{**kwargs, "signed_on": dt.date(2025, 1, 1), "organization": partner_b},
            scan=scan(),
            acting_user=world["people"]["coordinator"],
        )
    for who in ("editor", "coordinator_b", "intake"):
        with pytest.raises(PermissionDenied):
            services.signature_paper_create(
                **{**kwargs, "signed_on": dt.date(2025, 1, 1)}, scan=scan(), acting_user=world["people"][who]
            )
    assert not Signature.objects.filter(declaration=world["v2"]).exists()


def test_a_paper_signature_for_a_version_already_signed_is_refused(world, storage, partner_a):
    with pytest.raises(ValidationError) as caught:
        services.signature_paper_create(
            declaration=world["v1"],
            organization=partner_a,
            signer_name="Bart",
            signer_function="x",
            signed_on=dt.date(2015, 1, 1),
            scan=scan(),
            acting_user=world["people"]["coordinator"],
        )
    assert "al getekend" in caught.value.messages[0]
    assert Signature.objects.filter(declaration=world["v1"], organization=partner_a).count() == 1


# --- reminders -------------------------------------------------------------------------------------------------


def test_a_reminder_goes_once_per_fourteen_days_and_never_after_signing(
    world, partner_a, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    v2 = world["v2"]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.declaration_reminder_send(declaration=v2, organization=partner_a) == 1
    assert services.declaration_reminder_send(declaration=v2, organization=partner_a) == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["editor@a.example"]
    assert "/portal/network/declarations/" in mail.outbox[0].body
    DeclarationReminder.objects.update(created_at=timezone.now() - dt.timedelta(days=15))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.declaration_reminder_send(declaration=v2, organization=partner_a) == 1
    DeclarationReminder.objects.update(created_at=timezone.now() - dt.timedelta(days=15))
    Signature.objects.create(
        network=v2.network,
        declaration=v2,
        organization=partner_a,
        method="online",
        signer_name="Ann",
        signer_function="x",
        signed_on=timezone.localdate(),
    )
    assert services.declaration_reminder_send(declaration=v2, organization=partner_a) == 0
    assert (
        services.declaration_reminder_send(declaration=world["v1"], organization=world["neighbour"]) == 0
    )  # old
    assert len(mail.outbox) == 2
