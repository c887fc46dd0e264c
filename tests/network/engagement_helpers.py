"""Helpers of the engagement tests: a world of two networks, a private storage in a temporary folder, and the
text of a WeasyPrint PDF (pypdf is not installed: its streams are inflated and its glyphs mapped back through the
fonts' ToUnicode tables)."""

import datetime as dt
import re
import zlib

from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from hvhk.accounts.models import RoleAssignment
from hvhk.directory.models import Membership
from hvhk.network.models import Signature
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import HouseFactory, MembershipFactory, OrganizationFactory
from tests.network.factories import BodyFactory, BodyMemberFactory, DeclarationFactory, SignatureFactory

Role = RoleAssignment.Role
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def use_temporary_private_storage(monkeypatch, tmp_path) -> FileSystemStorage:
    storage = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(Signature._meta.get_field("scan"), "storage", storage)
    return storage


def scan(name="verklaring.pdf", content=PDF_BYTES, content_type="application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def person(network, role, organization=None, email=None):
    user = UserFactory(email=email) if email else UserFactory()
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return user


def build_world(
    *, network_a, network_b, partner_a, partner_b, editor_a, coordinator_a, coordinator_b
) -> dict:
    """Network A: partner A (a partner, its editor and member), a netwerktrekker that helps run a house, a
    neighbour partner, two declaration versions (partner A signed the first on paper); network B likewise."""
    partner_b.name = "Partner Bee"
    partner_b.save()
    house = HouseFactory(
        network=network_a, location__network=network_a, location__organization__network=network_a
    )
    lead = MembershipFactory(
        organization=OrganizationFactory(network=network_a, name="Kind en Gezin", slug="kind-en-gezin"),
        role=Membership.Role.LEAD,
        joined_on=dt.date(2014, 11, 13),
        contact_name="Lotte Lead",
        contact_email="lotte@kindengezin.example",
    )
    lead.houses.add(house)
    neighbour = MembershipFactory(
        organization=OrganizationFactory(network=network_a, name="Buurtwerk", slug="buurtwerk")
    ).organization
    former = MembershipFactory(
        organization=OrganizationFactory(network=network_a, name="Oude Partner", slug="oude-partner"),
        joined_on=dt.date(2014, 11, 13),
        left_on=dt.date(2020, 1, 1),
    ).organization
    v1 = DeclarationFactory(network=network_a, version=1, title="Engagementsverklaring 2014")
    v2 = DeclarationFactory(network=network_a, version=2, title="Engagementsverklaring 2024")
    paper = SignatureFactory(
        declaration=v1,
        organization=partner_a,
        method=Signature.Method.PAPER,
        signer_name="Paula Papier",
        scan="network/x/signatures/y/verklaring.pdf",
    )
    b_declaration = DeclarationFactory(network=network_b, version=1)
    b_signature = SignatureFactory(
        declaration=b_declaration, organization=partner_b, scan="network/b/signatures/z/verklaring.pdf"
    )
    body = BodyFactory(network=network_a, name="Stuurgroep", is_open=False)
    open_body = BodyFactory(network=network_a, name="Netwerklunch", is_open=True)
    BodyMemberFactory(body=body, user=None, organization=partner_a)
    BodyMemberFactory(body=open_body, user=None, organization=lead.organization)
    trekker = person(network_a, Role.EDITOR, neighbour, email="trekker@buurt.example")
    BodyMemberFactory(body=body, user=trekker, is_trekker=True)
    people = {
        "coordinator": coordinator_a,
        "editor": editor_a,
        "member": person(network_a, Role.MEMBER, partner_a, email="member@a.example"),
        "other_editor": person(network_a, Role.EDITOR, neighbour, email="editor@buurt.example"),
        "trekker": trekker,
        "intake": with_two_factor(person(network_a, Role.INTAKE, email="intake@a.example")),
        "coordinator_b": coordinator_b,
        "editor_b": person(network_b, Role.EDITOR, partner_b, email="editor@b.example"),
    }
    return {
        "house": house,
        "lead": lead,
        "neighbour": neighbour,
        "former": former,
        "v1": v1,
        "v2": v2,
        "paper": paper,
        "b_declaration": b_declaration,
        "b_signature": b_signature,
        "body": body,
        "people": people,
    }


# --- the text of a PDF -----------------------------------------------------------------------------------------

_STREAM = re.compile(rb"<<(.*?)>>\s*stream\r?\n(.*?)\r?\nendstream", re.S)


def _streams(pdf: bytes) -> list[bytes]:
    out = []
    for header, data in _STREAM.findall(pdf):
        if b"FlateDecode" in header:
            try:
                data = zlib.decompress(data)
            except zlib.error:
                continue
        out.append(data)
    return out


def pdf_text(pdf: bytes) -> str:
    """The text shown on the pages, good enough to find names in (glyph ids mapped through every ToUnicode)."""
    streams = _streams(pdf)
    glyphs: dict[str, str] = {}
    for data in streams:
        if b"begincmap" not in data:
            continue
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
            for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                glyphs[src.decode().upper()] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
            for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                width, start = len(lo), int(dst, 16)
                for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                    glyphs[f"{code:0{width}X}"] = chr(start + i)
    text = []
    for data in streams:
        if b"TJ" not in data and b"Tj" not in data:
            continue
        for array in re.findall(rb"\[(.*?)\]\s*TJ|<([0-9A-Fa-f]+)>\s*Tj", data, re.S):
            chunk = b"".join(array)
            for part, kern in re.findall(rb"<([0-9A-Fa-f]*)>|(-?\d+(?:\.\d+)?)", chunk):
                if kern and float(kern) < -200:
                    text.append(" ")
                hexes = part.decode().upper()
                for i in range(0, len(hexes), 4):
                    text.append(glyphs.get(hexes[i : i + 4], ""))
            text.append(" ")
    return " ".join("".join(text).split())
