"""The security baseline every page carries: a strict CSP, no framing, no sniffing, few browser features."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hvhk.core.lib.images import MAX_BYTES, reencode

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/netwerk-a/", "/netwerk-a/services/", "/accounts/login/"])
def test_public_pages_have_a_strict_policy_and_hardening_headers(client, network_a, path):
    response = client.get(path)
    csp = _directives(response)

    assert csp["script-src"] == "script-src 'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert csp["object-src"] == "object-src 'none'" and csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "microphone=()" in response["Permissions-Policy"]


def test_portal_pages_carry_the_same_policy(client, editor_a):
    client.force_login(editor_a)
    response = client.get("/portal/")
    assert response.status_code == 200
    assert _directives(response)["script-src"] == "script-src 'self'"


def test_the_session_and_csrf_cookies_are_not_readable_by_scripts(client, editor_a):
    from tests.accounts.factories import PASSWORD

    client.get("/accounts/login/")
    response = client.post("/accounts/login/", {"login": editor_a.email, "password": PASSWORD})
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"
    assert client.cookies["csrftoken"]["httponly"]


def _png(size=(64, 32), **info) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, "#1b5e7a")
    from PIL import PngImagePlugin

    meta = PngImagePlugin.PngInfo()
    for key, value in info.items():
        meta.add_text(key, value)
    image.save(buffer, format="PNG", pnginfo=meta)
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def test_an_uploaded_logo_is_re_encoded_without_its_metadata():
    upload = _png(Comment="<script>alert(1)</script>", Author="Iemand")

    stored = reencode(upload)

    data = stored.read()
    assert data.startswith(b"\x89PNG") and b"<script>" not in data and b"Iemand" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (64, 32)


def test_a_large_image_is_scaled_down():
    with Image.open(reencode(_png(size=(3000, 1500)))) as image:
        assert max(image.size) == 1024


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "Dit is geen afbeelding die we kunnen lezen."),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "Dit is geen afbeelding",
        ),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "Dit is geen afbeelding die we kunnen lezen."),
        (b"x" * (MAX_BYTES + 1), "Dit bestand is te groot"),
    ],
)
def test_what_is_not_a_readable_image_is_refused(content, message):
    with pytest.raises(ValidationError) as refused:
        reencode(SimpleUploadedFile("logo.png", content, content_type="image/png"))
    assert message in refused.value.messages[0]


def test_the_admin_stores_the_re_encoded_logo(client, platform_admin, network_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(platform_admin)
    data = {
        "slug": network_a.slug,
        "name": network_a.name,
        "colour": "#1b5e7a",
        "is_active": "on",
        "logo": _png(Author="Iemand"),
    }

    response = client.post(f"/admin/core/network/{network_a.pk}/change/", data)
    bad = client.post(
        f"/admin/core/network/{network_a.pk}/change/",
        {**data, "logo": SimpleUploadedFile("x.png", b"<svg/>", content_type="image/png")},
    )

    assert response.status_code == 302
    network_a.refresh_from_db()
    stored = network_a.logo.read()
    assert stored.startswith(b"\x89PNG") and b"Iemand" not in stored
    assert bad.status_code == 200 and "afbeelding" in bad.content.decode()
