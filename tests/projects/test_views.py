"""The funding calls' pages in the portal with every role: every URL walked by persona (without an account a sign-in,
another network's or another partner's ids a 404, intake and analysts nothing at all), and the forms through the
views: sharing a call with a Belgian amount, starting an application, inviting and answering, the shared text
(and the writer who saved second), documents up and down, the status, the project, the yearly overview and its
CSV; a title with a script in it stays text."""

import csv
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.projects import services
from hvhk.projects import urls as project_urls
from hvhk.projects.models import (
    Application,
    ApplicationDocument,
    ApplicationPartner,
    CallAlert,
    FundingCall,
    Milestone,
)
from tests.network.records_world import PDF
from tests.projects.factories import (
    ApplicationFactory,
    ApplicationPartnerFactory,
    CallFactory,
    in_days,
    person,
    stored_files,
)

pytestmark = pytest.mark.django_db
Status = Application.Status
Role = ApplicationPartner.Role
Answer = ApplicationPartner.Answer
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (FundingCall, CallAlert, Application, ApplicationPartner, ApplicationDocument, Milestone)
    }


def _document(application, user, title="Begroting", name="begroting.pdf", content=PDF):
    return services.document_add(
        application=application,
        title=title,
        file=SimpleUploadedFile(name, content, content_type="application/pdf"),
        acting_user=user,
    )


def _side(network, lead, coordinator) -> dict:
    """One network's ids: a call, a call a partner shared, a granted application `lead` leads (with a document
    and a milestone), and an application `lead` is invited to (its invitation, to answer)."""
    call = CallFactory(network=network, deadline=in_days(30), title=f"Oproep van {network.name}")
    shared = CallFactory(network=network, organization=lead, deadline=in_days(30))
    granted = ApplicationFactory(
        call=call,
        status=Status.GRANTED,
        amount_asked=Decimal(20000),
        amount_granted=Decimal(15000),
        submitted_on=in_days(-20),
        decided_on=in_days(-1),
    )
    ApplicationPartnerFactory(application=granted, organization=lead, role=Role.LEAD, answer=Answer.ACCEPTED)
    invited_to = ApplicationFactory(call=call, status=Status.WRITING)
    invitation = ApplicationPartnerFactory(application=invited_to, organization=lead)
    return {
        "call": call,
        "shared": shared,
        "application": granted,
        "document": _document(granted, coordinator),
        "milestone": Milestone.objects.create(
            network=network, application=granted, title="Eerste rit", due_on=in_days(10)
        ),
        "invitation": invitation,
    }


@pytest.fixture
def world(
    network_a,
    network_b,
    partner_a,
    partner_a2,
    partner_b,
    coordinator_a,
    coordinator_b,
    editor_a,
    editor_a2,
    editor_b,
    member_a,
    intake_a,
    analyst_a,
    outsider_a,
):
    """Network A from partner A's side ("ours": partner A leads and is invited), the same from partner A2's side
    ("theirs": partner A is in none of it), and network B's."""
    return {
        "ours": _side(network_a, partner_a, coordinator_a),
        "theirs": _side(network_a, partner_a2, coordinator_a),
        "b": _side(network_b, partner_b, coordinator_b),
    }


def _urls(side: dict) -> dict:
    """name: (method, url, POST data) for every URL of the app, with the ids of one side."""
    call, application = side["call"].pk, side["application"].pk
    base = "/portal/projects"
    return {
        "index": ("get", f"{base}/", None),
        "alerts": ("post", f"{base}/alerts/", {"on": "1"}),
        "call-new": ("get", f"{base}/calls/new/", None),
        "call": ("get", f"{base}/calls/{call}/", None),
        "call-edit": ("get", f"{base}/calls/{side['shared'].pk}/edit/", None),
        "application": ("get", f"{base}/applications/{application}/", None),
        "application-text": (
            "post",
            f"{base}/applications/{application}/text/",
            {"version": "x", "title": "Gekaapt", "text": "Gekaapt"},
        ),
        "application-invite": (
            "post",
            f"{base}/applications/{application}/invite/",
            {"organization": "x", "role": "partner"},
        ),
        "application-status": ("post", f"{base}/applications/{application}/status/", {"status": "withdrawn"}),
        "document-upload": ("post", f"{base}/applications/{application}/documents/", {"title": "Bijlage"}),
        "milestone-add": (
            "post",
            f"{base}/applications/{application}/milestones/",
            {"title": "Gekaapt", "due_on": in_days(5).isoformat()},
        ),
        "report": ("post", f"{base}/applications/{application}/report/", {"report": "Gekaapt"}),
        "answer": ("post", f"{base}/invitations/{side['invitation'].pk}/", {"accept": "1"}),
        "document": ("get", f"{base}/documents/{side['document'].pk}/", None),
        "milestone-done": ("post", f"{base}/milestones/{side['milestone'].pk}/", {"done": "1"}),
        "year": ("get", f"{base}/overview/", None),
        "year-csv": ("get", f"{base}/overview.csv", None),
    }


WITH_IDS = {
    "call",
    "call-edit",
    "application",
    "application-text",
    "application-invite",
    "application-status",
    "document-upload",
    "milestone-add",
    "report",
    "answer",
    "document",
    "milestone-done",
}


def _open(client, method, url, data):
    return client.post(url, data) if method == "post" else client.get(url)


def _statuses(client, urls: dict, names) -> dict:
    return {name: _open(client, *urls[name]).status_code for name in names}


def test_the_walk_covers_every_url_of_the_app(world):
    from django.urls import resolve

    urls = _urls(world["ours"])
    assert {p.name for p in project_urls.urlpatterns} == set(urls)
    for name, (_method, url, _data) in urls.items():
        match = resolve(url)
        assert (match.namespace, match.url_name) == ("projects", name)
        assert (name in WITH_IDS) == ("pk" in match.kwargs), name


def test_without_an_account_every_url_asks_to_sign_in(client, world):
    before = _counts()
    for name, (method, url, data) in _urls(world["ours"]).items():
        response = _open(client, method, url, data)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/accounts/login/?next="), name
    assert _counts() == before


def test_the_coordinator_opens_every_page_of_their_network(client, world, coordinator_a):
    client.force_login(coordinator_a)
    for side in ("ours", "theirs"):
        urls = _urls(world[side])
        gets = [name for name, (method, _url, _data) in urls.items() if method == "get"]
        assert set(_statuses(client, urls, gets).values()) == {200}, side


@pytest.mark.parametrize("who", ["coordinator_a", "editor_a", "member_a"])
def test_another_networks_ids_are_404_and_change_nothing(request, client, world, who):
    client.force_login(request.getfixturevalue(who))
    before = _counts()
    statuses = _statuses(client, _urls(world["b"]), WITH_IDS)
    assert set(statuses.values()) == {404}, statuses
    assert _counts() == before
    assert not Milestone.objects.filter(done_on__isnull=False).exists()


def test_network_bs_coordinator_gets_404_on_network_as_ids(client, world, coordinator_b):
    client.force_login(coordinator_b)
    statuses = _statuses(client, _urls(world["ours"]), WITH_IDS)
    assert set(statuses.values()) == {404}, statuses


def test_a_partners_editor_opens_the_projects_and_their_own_applications(client, world, editor_a):
    client.force_login(editor_a)
    ours = _urls(world["ours"])
    assert _statuses(client, ours, ["index", "call-new", "call", "call-edit", "application", "document"]) == {
        "index": 200,
        "call-new": 200,
        "call": 200,
        "call-edit": 200,
        "application": 200,
        "document": 200,
    }
    invited_to = world["ours"]["invitation"].application
    assert client.get(f"/portal/projects/applications/{invited_to.pk}/").status_code == 200
    listed = client.get("/portal/projects/").context["applications"]
    assert {a.pk for a in listed} == {world["ours"]["application"].pk, invited_to.pk}


def test_a_partners_editor_gets_404_on_applications_their_organisation_is_not_in(client, world, editor_a):
    client.force_login(editor_a)
    before = _counts()
    theirs = _urls(world["theirs"])
    statuses = _statuses(client, theirs, WITH_IDS - {"call"})
    assert set(statuses.values()) == {404}, statuses
    assert client.get(theirs["call"][1]).status_code == 200  # every call is for every partner
    assert _counts() == before


@pytest.mark.parametrize("who", ["editor_a", "member_a"])
def test_the_yearly_overview_is_the_coordinators(request, client, world, who):
    client.force_login(request.getfixturevalue(who))
    assert _statuses(client, _urls(world["ours"]), ["year", "year-csv"]) == {"year": 404, "year-csv": 404}


def test_a_member_sees_calls_but_does_not_share_or_start(client, world, member_a):
    client.force_login(member_a)
    ours = _urls(world["ours"])
    assert _statuses(client, ours, ["index", "call", "application", "document"]) == {
        "index": 200,
        "call": 200,
        "application": 200,
        "document": 200,
    }
    page = client.get("/portal/projects/")
    assert page.context["can_share"] is False and b"/portal/projects/calls/new/" not in page.content
    before = _counts()
    assert client.get("/portal/projects/calls/new/").status_code == 404
    assert client.post("/portal/projects/calls/new/", {"title": "x", "funder": "y"}).status_code == 404
    assert client.post(ours["call"][1], {"title": "Gestart door een lid"}).status_code == 404
    assert client.get(ours["call-edit"][1]).status_code == 404
    assert _counts() == before


@pytest.mark.parametrize("who", ["intake_a", "analyst_a"])
def test_intake_and_analysts_get_404_everywhere(request, client, world, who):
    client.force_login(request.getfixturevalue(who))
    before = _counts()
    statuses = _statuses(client, _urls(world["ours"]), _urls(world["ours"]))
    assert set(statuses.values()) == {404}, statuses
    assert _counts() == before


# --- sharing a call ----------------------------------------------------------------------------------------------


def _call_form(**changes) -> dict:
    data = {
        "funder": "Provincie Vlaams-Brabant",
        "funder_kind": "province",
        "title": "Gezinnen in de buurt",
        "url": "https://www.vlaamsbrabant.be/oproep",
        "deadline": in_days(45).isoformat(),
        "amount_min": "15000",
        "amount_max": "15000,50",
        "description": "Voor projecten in de buurt.",
        "eligibility": "Vzw's en lokale besturen.",
    }
    data.update(changes)
    return data


def test_the_coordinator_shares_a_call_with_belgian_amounts(client, coordinator_a, themes):
    client.force_login(coordinator_a)
    response = client.post(
        "/portal/projects/calls/new/",
        _call_form(life_domains=[themes["gezondheid"].pk], target_groups=[themes["ouders"].pk]),
    )
    call = FundingCall.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/portal/projects/calls/{call.pk}/"
    assert (call.amount_min, call.amount_max) == (Decimal("15000.00"), Decimal("15000.50"))
    assert (call.organization, call.created_by, call.funder_kind) == (None, coordinator_a, "province")
    assert list(call.life_domains.all()) == [themes["gezondheid"]]
    assert list(call.target_groups.all()) == [themes["ouders"]]
    assert call.history.get().history_user == coordinator_a
    page = client.get(response["Location"])
    assert page.status_code == 200 and "€ 15.000 tot €" in page.content.decode()


def test_a_partners_editor_shares_a_call_for_their_organisation(client, partner_a, editor_a):
    client.force_login(editor_a)
    assert (
        client.post("/portal/projects/calls/new/", _call_form(amount_min="", amount_max="")).status_code
        == 302
    )
    call = FundingCall.objects.get()
    assert call.organization == partner_a and call.amount_min is None


@pytest.mark.parametrize("amount", ["15.000", "15.000,50", "15 000", "vijftienduizend"])
def test_an_amount_the_form_cannot_read_is_refused_and_nothing_is_written(client, coordinator_a, amount):
    """The portal speaks Dutch without thousand separators (USE_THOUSAND_SEPARATOR is off): "15000" and
    "15000,50" are read, a dot is not taken as a thousand separator, so "15.000" is refused (not read as 15)."""
    client.force_login(coordinator_a)
    response = client.post("/portal/projects/calls/new/", _call_form(amount_min=amount))
    assert response.status_code == 400
    assert "amount_min" in response.context["form"].errors
    assert FundingCall.objects.count() == 0


def test_a_past_deadline_gives_a_400_with_the_error_on_the_form(client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.post("/portal/projects/calls/new/", _call_form(deadline=in_days(-1).isoformat()))
    assert response.status_code == 400
    message = "Deze datum ligt in het verleden. Kies een datum vanaf vandaag."
    assert response.context["form"].errors["deadline"] == [message]
    assert message in response.content.decode()
    assert FundingCall.objects.count() == 0


def test_amounts_in_the_wrong_order_are_refused(client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.post("/portal/projects/calls/new/", _call_form(amount_min="30000", amount_max="20000"))
    assert response.status_code == 400
    assert FundingCall.objects.count() == 0


def test_amounts_in_the_wrong_order_are_explained_on_the_highest_amount(client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.post("/portal/projects/calls/new/", _call_form(amount_min="30000", amount_max="20000"))
    assert response.context["form"].errors.get("amount_max") == [
        "Het hoogste bedrag is kleiner dan het laagste."
    ]
    assert "funding_call_amounts_ordered" not in response.content.decode()


def test_a_call_whose_deadline_passed_is_still_edited_through_the_form(client, network_a, coordinator_a):
    call = CallFactory(network=network_a, deadline=in_days(-10), amount_max=Decimal("20000.50"))
    client.force_login(coordinator_a)
    page = client.get(f"/portal/projects/calls/{call.pk}/edit/")
    data = {**page.context["form"].initial, "title": "Afgelopen oproep"}
    data = {key: value for key, value in data.items() if value is not None}
    data["deadline"] = call.deadline.isoformat()
    data["amount_max"] = "20000,50"
    data.pop("life_domains", None)
    data.pop("target_groups", None)
    response = client.post(f"/portal/projects/calls/{call.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else None
    call.refresh_from_db()
    assert call.title == "Afgelopen oproep" and call.deadline == in_days(-10)
    assert call.amount_max == Decimal("20000.50")


def test_alerts_are_switched_on_and_off_from_the_index(client, partner_a, editor_a):
    client.force_login(editor_a)
    assert client.post("/portal/projects/alerts/", {"on": "1"}).status_code == 302
    assert CallAlert.objects.get().organization == partner_a
    assert client.get("/portal/projects/").context["alert_on"] is True
    assert client.post("/portal/projects/alerts/", {"on": "0"}).status_code == 302
    assert CallAlert.objects.count() == 0


def test_the_coordinator_has_no_alerts_to_switch(client, coordinator_a):
    client.force_login(coordinator_a)
    assert client.post("/portal/projects/alerts/", {"on": "1"}).status_code == 404
    assert CallAlert.objects.count() == 0


# --- an application from start to grant -------------------------------------------------------------------------


@pytest.fixture
def call(network_a):
    return CallFactory(network=network_a, deadline=in_days(30), title="Samen sterk")


def _start(client, call, **data) -> Application:
    response = client.post(f"/portal/projects/calls/{call.pk}/", {"title": "Speel-o-theek", **data})
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/portal/projects/applications/{application.pk}/"
    return application


def test_a_partners_editor_starts_an_application_from_the_call(client, call, partner_a, editor_a):
    client.force_login(editor_a)
    application = _start(client, call, summary="Een bus vol speelgoed.")
    lead = application.partners.get()
    assert (lead.organization, lead.role, lead.answer) == (partner_a, Role.LEAD, Answer.ACCEPTED)
    assert application.summary == "Een bus vol speelgoed." and application.started_by == editor_a


def test_the_coordinator_starts_one_naming_a_lead(client, call, partner_a2, coordinator_a):
    client.force_login(coordinator_a)
    application = _start(client, call, organization=str(partner_a2.pk))
    assert application.partners.get().organization == partner_a2


def test_no_application_is_started_for_a_past_call(client, network_a, editor_a):
    past = CallFactory(network=network_a, deadline=in_days(-1))
    client.force_login(editor_a)
    assert client.get(f"/portal/projects/calls/{past.pk}/").context["form"] is None
    assert client.post(f"/portal/projects/calls/{past.pk}/", {"title": "Te laat"}).status_code == 404
    assert Application.objects.count() == 0


def test_an_application_without_a_title_gives_a_400(client, call, editor_a):
    client.force_login(editor_a)
    response = client.post(f"/portal/projects/calls/{call.pk}/", {"title": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["title"] == ["Geef de aanvraag een werktitel."]
    assert Application.objects.count() == 0


@pytest.fixture
def started(client, call, editor_a):
    client.force_login(editor_a)
    return _start(client, call)


def test_invite_answer_and_write_together(
    client, started, partner_a2, editor_a, editor_a2, django_capture_on_commit_callbacks
):
    page = f"/portal/projects/applications/{started.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{page}invite/", {"organization": str(partner_a2.pk), "role": "partner"})
    assert response.status_code == 302 and response["Location"] == page
    invitation = started.partners.get(organization=partner_a2)
    [message] = mail.outbox
    assert message.to == ["editor@a2.example"] and page in message.body

    other = Client()
    other.force_login(editor_a2)
    assert "answer_form" in other.get(page).context
    response = other.post(
        f"/portal/projects/invitations/{invitation.pk}/", {"accept": "1", "role": "supporting"}
    )
    assert response.status_code == 302 and response["Location"] == page
    invitation.refresh_from_db()
    assert (invitation.answer, invitation.role, invitation.answered_by) == (
        Answer.ACCEPTED,
        Role.SUPPORTING,
        editor_a2,
    )

    version = other.get(page).context["text_form"].initial["version"]
    response = other.post(
        f"{page}text/",
        {
            "version": version,
            "title": "Speel-o-theek",
            "text": "Wij rijden op woensdag.",
            "amount_asked": "20000,50",
        },
    )
    assert response.status_code == 302
    started.refresh_from_db()
    assert started.text == "Wij rijden op woensdag." and started.amount_asked == Decimal("20000.50")


def test_an_invitation_to_an_organisation_of_another_network_gives_a_400(client, started, partner_b):
    response = client.post(
        f"/portal/projects/applications/{started.pk}/invite/",
        {"organization": str(partner_b.pk), "role": "partner"},
    )
    assert response.status_code == 400
    assert response.context["invite_form"].errors["organization"] == ["Kies een partner van dit netwerk."]
    assert started.partners.count() == 1


def test_declining_an_invitation_goes_back_to_the_index(client, started, partner_a2, editor_a2):
    invitation = services.partner_invite(
        application=started, organization=partner_a2, role=Role.PARTNER, acting_user=started.started_by
    )
    client.force_login(editor_a2)
    response = client.post(f"/portal/projects/invitations/{invitation.pk}/", {"accept": "0"})
    assert response.status_code == 302 and response["Location"] == "/portal/projects/"
    invitation.refresh_from_db()
    assert invitation.answer == Answer.DECLINED
    assert client.get(f"/portal/projects/applications/{started.pk}/").status_code == 404


@pytest.mark.parametrize("who", ["member_a2", "editor_a", "coordinator_a"])
def test_only_the_invited_organisations_editor_answers_through_the_page(
    request, client, started, partner_a2, who
):
    invitation = services.partner_invite(
        application=started, organization=partner_a2, role=Role.PARTNER, acting_user=started.started_by
    )
    if who == "member_a2":
        user = person("member@a2.example", partner_a2.network, RoleAssignment.Role.MEMBER, partner_a2)
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.post(f"/portal/projects/invitations/{invitation.pk}/", {"accept": "1"}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.answer == Answer.INVITED


@pytest.fixture
def two_writers(started, partner_a2, editor_a2):
    ApplicationPartnerFactory(application=started, organization=partner_a2, answer=Answer.ACCEPTED)
    other = Client()
    other.force_login(editor_a2)
    return other


def test_a_stale_save_gives_the_message_and_keeps_the_other_writers_text(client, started, two_writers):
    page = f"/portal/projects/applications/{started.pk}/"
    mine = client.get(page).context["text_form"].initial["version"]
    theirs = two_writers.get(page).context["text_form"].initial["version"]
    assert mine == theirs
    first = client.post(
        f"{page}text/", {"version": mine, "title": "Speel-o-theek", "text": "De tekst van A."}
    )
    assert first.status_code == 302
    second = two_writers.post(
        f"{page}text/", {"version": theirs, "title": "Speel-o-theek", "text": "De tekst van A2."}
    )
    assert second.status_code == 409
    content = second.content.decode()
    assert "Iemand anders paste de aanvraag intussen aan." in content
    assert "De tekst van A2." in content  # the refused writer still has their text to copy
    started.refresh_from_db()
    assert started.text == "De tekst van A."


@pytest.mark.parametrize("data", [{"title": ""}, {"amount_asked": "-5"}])
def test_a_text_form_with_a_mistake_gives_a_400_not_a_conflict(client, started, data):
    page = f"/portal/projects/applications/{started.pk}/"
    version = client.get(page).context["text_form"].initial["version"]
    response = client.post(
        f"{page}text/", {"version": version, "title": "Speel-o-theek", "text": "x", **data}
    )
    assert response.status_code == 400
    started.refresh_from_db()
    assert started.text == ""


def test_an_accepted_partner_cannot_invite_through_the_page(started, two_writers, partner_a3):
    response = two_writers.post(
        f"/portal/projects/applications/{started.pk}/invite/",
        {"organization": str(partner_a3.pk), "role": "partner"},
    )
    assert response.status_code == 404
    assert not started.partners.filter(organization=partner_a3).exists()


def test_an_outsider_cannot_save_the_text(client, started, outsider_a):
    client.force_login(outsider_a)
    response = client.post(
        f"/portal/projects/applications/{started.pk}/text/",
        {"version": services.application_version(started), "title": "Gekaapt", "text": "Gekaapt"},
    )
    assert response.status_code == 404
    started.refresh_from_db()
    assert started.text == ""


def test_a_partner_uploads_a_document_and_partners_download_it(
    client, started, two_writers, outsider_a, editor_b, coordinator_a, coordinator_b, private_storage
):
    page = f"/portal/projects/applications/{started.pk}/"
    response = two_writers.post(
        f"{page}documents/",
        {"title": "Begroting 2027", "file": SimpleUploadedFile("begroting.pdf", PDF, "application/pdf")},
    )
    assert response.status_code == 302
    document = ApplicationDocument.objects.get()
    assert stored_files(private_storage) == [private_storage / document.file.name]
    url = f"/portal/projects/documents/{document.pk}/"
    assert url in client.get(page).content.decode()

    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="begroting-2027.pdf"'
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in download["Cache-Control"] and "private" in download["Cache-Control"]
    assert b"".join(download.streaming_content) == PDF

    for user, expected in ((coordinator_a, 200), (outsider_a, 404), (editor_b, 404), (coordinator_b, 404)):
        other = Client()
        other.force_login(user)
        assert other.get(url).status_code == expected, user.email


def test_a_renamed_program_is_refused_on_the_upload_form(client, started, private_storage):
    response = client.post(
        f"/portal/projects/applications/{started.pk}/documents/",
        {"title": "Begroting", "file": SimpleUploadedFile("begroting.pdf", b"MZ\x90\x00 program")},
    )
    assert response.status_code == 400
    assert "Toegelaten zijn" in response.context["document_form"].errors["file"][0]
    assert ApplicationDocument.objects.count() == 0 and stored_files(private_storage) == []


@pytest.fixture
def submitted(started):
    Application.objects.filter(pk=started.pk).update(
        status=Status.SUBMITTED, amount_asked=Decimal(20000), submitted_on=in_days(-5)
    )
    started.refresh_from_db()
    return started


def test_a_grant_above_the_amount_asked_gives_a_400_with_the_message(client, submitted):
    response = client.post(
        f"/portal/projects/applications/{submitted.pk}/status/",
        {"status": "granted", "amount_granted": "25000"},
    )
    assert response.status_code == 400
    message = "Het toegekende bedrag is groter dan het gevraagde. Kijk beide bedragen na."
    assert response.context["status_form"].errors["amount_granted"] == [message]
    assert message in response.content.decode()
    submitted.refresh_from_db()
    assert (submitted.status, submitted.amount_granted) == (Status.SUBMITTED, None)


def test_a_grant_with_a_belgian_amount_then_the_project(client, submitted):
    page = f"/portal/projects/applications/{submitted.pk}/"
    response = client.post(f"{page}status/", {"status": "granted", "amount_granted": "15000,50"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.status, submitted.amount_granted, submitted.decided_on) == (
        Status.GRANTED,
        Decimal("15000.50"),
        timezone.localdate(),
    )
    milestone = {"title": "Eerste rit", "due_on": in_days(20).isoformat()}
    assert client.post(f"{page}milestones/", milestone).status_code == 302
    assert Milestone.objects.get().title == "Eerste rit"
    assert client.post(f"{page}report/", {"report": "De bus reed 40 keer."}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.report == "De bus reed 40 keer."
    # the text of a decided application is fixed: the page offers no text form any more
    assert "text_form" not in client.get(page).context


@pytest.mark.parametrize("done", ["1", "0"])
def test_a_partner_marks_a_milestone_done_and_not_done_through_the_page(client, submitted, done):
    Application.objects.filter(pk=submitted.pk).update(status=Status.GRANTED, amount_granted=Decimal(15000))
    milestone = Milestone.objects.create(
        network=submitted.network,
        application=submitted,
        title="Eerste rit",
        due_on=in_days(20),
        done_on=None if done == "1" else timezone.localdate(),
    )
    response = client.post(f"/portal/projects/milestones/{milestone.pk}/", {"done": done})
    assert response.status_code == 302
    assert response["Location"] == f"/portal/projects/applications/{submitted.pk}/"
    milestone.refresh_from_db()
    assert milestone.done_on == (timezone.localdate() if done == "1" else None)


def test_a_status_date_in_the_future_gives_a_400(client, submitted):
    response = client.post(
        f"/portal/projects/applications/{submitted.pk}/status/",
        {"status": "refused", "on": in_days(1).isoformat()},
    )
    assert response.status_code == 400
    assert response.context["status_form"].errors["on"] == ["Deze datum ligt in de toekomst."]


def test_milestones_wait_for_the_grant(client, submitted):
    response = client.post(
        f"/portal/projects/applications/{submitted.pk}/milestones/",
        {"title": "Eerste rit", "due_on": in_days(20).isoformat()},
    )
    assert response.status_code == 400
    assert Milestone.objects.count() == 0


# --- the yearly overview -----------------------------------------------------------------------------------------


@pytest.fixture
def year_world(network_a, network_b, partner_a):
    today = timezone.localdate()
    call = CallFactory(network=network_a, title="+Oproep", funder="@Fonds", deadline=in_days(10))
    formula = ApplicationFactory(
        call=call,
        title='=HYPERLINK("http://kwaad.example","klik")',
        status=Status.GRANTED,
        amount_asked=Decimal(20000),
        amount_granted=Decimal("15000.50"),
        submitted_on=today,
        decided_on=today,
    )
    ApplicationPartnerFactory(
        application=formula, organization=partner_a, role=Role.LEAD, answer=Answer.ACCEPTED
    )
    ApplicationFactory(call=call, title="Nog een idee")
    ApplicationFactory(call=CallFactory(network=network_b), title="Aanvraag van netwerk B")
    return formula


def test_the_yearly_overview_counts_the_networks_applications(client, year_world, coordinator_a):
    client.force_login(coordinator_a)
    response = client.get("/portal/projects/overview/")
    assert response.status_code == 200
    overview = response.context["overview"]
    assert overview.year == timezone.localdate().year
    assert {a.title for a in overview.applications} == {year_world.title, "Nog een idee"}
    assert (overview.submitted, overview.granted, overview.pending) == (1, 1, 1)
    assert (overview.asked, overview.granted_amount) == (Decimal(20000), Decimal("15000.50"))
    assert "Aanvraag van netwerk B" not in response.content.decode()


def test_the_yearly_csv_keeps_formulas_as_text(client, year_world, coordinator_a, partner_a):
    client.force_login(coordinator_a)
    year = timezone.localdate().year
    response = client.get(f"/portal/projects/overview.csv?year={year}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="aanvragen-{year}.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Aanvraag", "Oproep", "Financier", "Trekker", "Status", "Gevraagd", "Toegekend"]
    row = next(r for r in rows if "HYPERLINK" in r[0])
    assert row == [
        "'" + year_world.title,
        "'+Oproep",
        "'@Fonds",
        partner_a.name,
        "goedgekeurd",
        "20000,00",
        "15000,50",
    ]
    assert len(rows) == 3 and "Aanvraag van netwerk B" not in text


# --- a script in a title -----------------------------------------------------------------------------------------


def test_a_script_in_a_title_is_shown_as_text(client, network_a, partner_a, coordinator_a, editor_a):
    call = CallFactory(
        network=network_a, title=SCRIPT, funder=SCRIPT, description=SCRIPT, deadline=in_days(20)
    )
    application = ApplicationFactory(
        call=call,
        title=SCRIPT,
        summary=SCRIPT,
        text=SCRIPT,
        status=Status.SUBMITTED,
        submitted_on=timezone.localdate(),
    )
    ApplicationPartnerFactory(
        application=application, organization=partner_a, role=Role.LEAD, answer=Answer.ACCEPTED
    )
    for user, urls in (
        (
            coordinator_a,
            [
                "/portal/projects/",
                f"/portal/projects/calls/{call.pk}/",
                f"/portal/projects/applications/{application.pk}/",
                "/portal/projects/overview/",
            ],
        ),
        (editor_a, ["/portal/projects/", f"/portal/projects/applications/{application.pk}/"]),
    ):
        client.force_login(user)
        for url in urls:
            content = client.get(url).content.decode()
            assert SCRIPT not in content, url
            assert ESCAPED in content, url
