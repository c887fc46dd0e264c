import pytest

from hvhk.feedback.models import ErrorReport

pytestmark = pytest.mark.django_db


def test_report_form_is_prefilled_with_the_page(client, network_a):
    body = client.get("/netwerk-a/report/?page=/netwerk-a/services/").content.decode()
    assert 'value="/netwerk-a/services/"' in body


@pytest.mark.parametrize("page", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_report_form_ignores_pages_outside_the_site(client, network_a, page):
    body = client.get("/netwerk-a/report/", {"page": page}).content.decode()
    assert '<input type="hidden" name="page_url" id="id_page_url">' in body
    assert "Over de pagina" not in body


def test_a_report_is_stored_for_the_coordinator_and_thanked(client, network_a):
    response = client.post(
        "/netwerk-a/report/",
        {
            "topic": "outdated",
            "message": "Het telefoonnummer klopt niet meer.",
            "page_url": "/netwerk-a/",
            "reporter_email": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/netwerk-a/report/thanks/?page=%2Fnetwerk-a%2F"
    report = ErrorReport.objects.get()
    assert (report.network, report.topic, report.status) == (network_a, "outdated", "new")
    assert report.page_url == "/netwerk-a/"
    assert report.reporter_email == ""
    thanks = client.get(response["Location"]).content.decode()
    assert "Bedankt voor je melding" in thanks
    assert 'href="/netwerk-a/"' in thanks


def test_an_empty_report_gets_a_clear_dutch_error_and_nothing_is_stored(client, network_a):
    response = client.post("/netwerk-a/report/", {"topic": "wrong", "message": "   ", "reporter_email": "x@"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Schrijf wat er fout of onduidelijk is." in body
    assert "Dit e-mailadres klopt niet." in body
    assert ErrorReport.objects.count() == 0


def test_an_overlong_report_is_refused_but_keeps_the_text(client, network_a):
    text = "te lang " * 400
    body = client.post("/netwerk-a/report/", {"topic": "wrong", "message": text}).content.decode()
    assert "Je bericht is te lang" in body
    assert "te lang te lang" in body
    assert ErrorReport.objects.count() == 0


def test_markup_in_a_report_is_stored_as_text_and_shown_inert(client, network_a):
    client.post("/netwerk-a/report/", {"topic": "wrong", "message": "<script>alert(1)</script>"})
    assert ErrorReport.objects.get().message == "<script>alert(1)</script>"
    body = client.post(
        "/netwerk-a/report/", {"topic": "nope", "message": "<script>alert(2)</script>"}
    ).content
    assert b"<script>alert(2)" not in body
    assert b"&lt;script&gt;alert(2)" in body


def test_a_filled_honeypot_is_thanked_but_not_stored(client, network_a):
    response = client.post(
        "/netwerk-a/report/", {"topic": "wrong", "message": "Koop nu!", "website": "spam.example"}
    )
    assert response.status_code == 302
    assert ErrorReport.objects.count() == 0


def test_reports_go_to_the_network_in_the_url(client, network_a, network_b):
    client.post("/netwerk-b/report/", {"topic": "wrong", "message": "Fout adres"})
    assert ErrorReport.objects.get().network == network_b


def test_reports_are_rate_limited_per_visitor(client, network_a, settings):
    settings.RATELIMIT_REPORTS = "2/m"
    for _ in range(2):
        assert client.post("/netwerk-a/report/", {"topic": "wrong", "message": "Fout"}).status_code == 302
    response = client.post("/netwerk-a/report/", {"topic": "wrong", "message": "Nog een"})
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert "Nog een" in response.content.decode()  # what was typed stays
    assert ErrorReport.objects.count() == 2


def test_a_report_from_a_service_page_is_linked_to_that_service(client, network_a, service_a):
    page = f"/netwerk-a/services/{service_a.id}/"
    client.post("/netwerk-a/report/", {"topic": "wrong", "message": "Adres klopt niet", "page_url": page})
    assert ErrorReport.objects.get().service == service_a
