"""The records pages with every role: the decisions register, actions, documents and the minutes PDF. Every
id-bearing URL is a 404 for people without a right to the object (another network's coordinator included)."""

import datetime as dt

import pytest
from allauth.mfa.utils import is_mfa_enabled
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from hvhk.network.models import ActionItem, Decision, Document, Meeting
from tests.conftest import with_two_factor
from tests.network import records_world
from tests.network.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
)
from tests.network.records_world import PDF, upload

pytestmark = pytest.mark.django_db
world, private_storage = records_world.world, records_world.private_storage  # the shared fixtures

MANAGE = {"decision-new", "decision-edit", "action-new", "document-upload", "body-document-upload"}
READ = {"action", "document", "minutes-pdf"}


def _urls(world) -> dict:
    m, i = world["meeting"].pk, world["item"].pk
    return {
        "decision-new": f"/portal/meetings/{m}/items/{i}/decisions/new/",
        "decision-edit": f"/portal/decisions/{world['decision'].pk}/edit/",
        "action": f"/portal/actions/{world['action'].pk}/",
        "action-new": f"/portal/meetings/{m}/items/{i}/actions/new/",
        "document-upload": f"/portal/meetings/{m}/documents/new/",
        "body-document-upload": f"/portal/bodies/{world['closed'].pk}/documents/new/",
        "document": f"/portal/documents/{world['document'].pk}/",
        "minutes-pdf": f"/portal/meetings/{m}/minutes.pdf",
    }


@pytest.fixture
def login(client, world):
    def login(who: str):
        user = world["people"][who]
        if not is_mfa_enabled(user):
            with_two_factor(user)
        client.force_login(user)
        return user

    return login


def test_the_url_names_are_the_agreed_ones(world):
    from django.urls import reverse

    urls = _urls(world)
    m, i = world["meeting"].pk, world["item"].pk
    assert reverse("network:decisions") == "/portal/decisions/"
    assert reverse("network:actions") == "/portal/actions/"
    assert reverse("network:decision-new", args=[m, i]) == urls["decision-new"]
    assert reverse("network:decision-edit", args=[world["decision"].pk]) == urls["decision-edit"]
    assert reverse("network:action", args=[world["action"].pk]) == urls["action"]
    assert reverse("network:action-new", args=[m, i]) == urls["action-new"]
    assert reverse("network:document-upload", args=[m]) == urls["document-upload"]
    assert reverse("network:body-document-upload", args=[world["closed"].pk]) == urls["body-document-upload"]
    assert reverse("network:document", args=[world["document"].pk]) == urls["document"]
    assert reverse("network:minutes-pdf", args=[m]) == urls["minutes-pdf"]


def test_without_an_account_every_page_asks_to_sign_in(client, world):
    read_only = {"document", "minutes-pdf"}  # GET only: a POST is 405 before anything else
    for name, url in [
        *_urls(world).items(),
        ("decisions", "/portal/decisions/"),
        ("actions", "/portal/actions/"),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
        response = client.post(url)
        if name in read_only or name in ("decisions", "actions"):
            assert response.status_code == 405, url
        else:
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url


@pytest.mark.parametrize(
    ("who", "opens"),
    [
        ("coordinator_a", MANAGE | READ),
        ("trekker", MANAGE | READ),
        ("member", READ),
        ("staff", set()),
        ("outsider", set()),
        ("coordinator_b", set()),
        ("b_editor", set()),
    ],
)
def test_every_id_bearing_page_by_role(client, world, login, who, opens):
    login(who)
    got = {}
    for name, url in _urls(world).items():
        got[name] = client.get(url).status_code
    assert got == {name: 200 if name in opens else 404 for name in got}


@pytest.mark.parametrize("who", ["member", "staff", "outsider", "coordinator_b"])
def test_posts_to_manager_pages_are_404_and_write_nothing(client, world, login, who):
    login(who)
    urls = _urls(world)
    counts = (Decision.objects.count(), ActionItem.objects.count(), Document.objects.count())
    assert client.post(urls["decision-new"], {"text": "Stiekem besluit"}).status_code == 404
    assert client.post(urls["decision-edit"], {"text": "Anders"}).status_code == 404
    assert (
        client.post(urls["action-new"], {"text": "x", "owner_user": world["people"][who].pk}).status_code
        == 404
    )
    assert (
        client.post(urls["document-upload"], {"title": "x", "file": upload("a.pdf", PDF)}).status_code == 404
    )
    assert (Decision.objects.count(), ActionItem.objects.count(), Document.objects.count()) == counts


def test_malformed_and_unknown_ids_are_404(client, world, login):
    login("coordinator_a")
    for bad in ("not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        assert client.get(f"/portal/actions/{bad}/").status_code == 404
        assert client.get(f"/portal/documents/{bad}/").status_code == 404


# --- decisions register ------------------------------------------------------------------------------------------


def test_the_register_lists_searches_and_links_to_the_meeting(client, world, login):
    older = MeetingFactory(
        body=world["closed"], title="Stuurgroep oktober", starts_at=timezone.now() - dt.timedelta(days=60)
    )
    DecisionFactory(agenda_item=AgendaItemFactory(meeting=older), text="We kiezen een nieuw logo.")
    login("member")

    page = client.get("/portal/decisions/").content.decode()
    assert "De netwerklunch gaat door in maart." in page and "We kiezen een nieuw logo." in page
    assert page.index("De netwerklunch") < page.index("nieuw logo")  # the newest meeting first
    assert "Stuurgroep januari" in page

    found = client.get("/portal/decisions/", {"q": "logo"}).content.decode()
    assert "nieuw logo" in found and "netwerklunch gaat door" not in found
    by_meeting = client.get("/portal/decisions/", {"q": "oktober"}).content.decode()
    assert "nieuw logo" in by_meeting and "netwerklunch gaat door" not in by_meeting
    by_body = client.get("/portal/decisions/", {"q": "stuurgroep"}).content.decode()
    assert "nieuw logo" in by_body and "netwerklunch gaat door" in by_body
    assert "Geen besluiten gevonden" in client.get("/portal/decisions/", {"q": "zwembad"}).content.decode()


def test_the_register_is_paginated(client, world, login):
    for n in range(30):
        DecisionFactory(agenda_item=world["item"], text=f"Besluit nummer {n}")
    login("coordinator_a")
    first = client.get("/portal/decisions/").content.decode()
    assert "Pagina 1 van 2" in first and "31 besluiten" in first
    second = client.get("/portal/decisions/", {"page": 2}).content.decode()
    assert "Pagina 2 van 2" in second


@pytest.mark.parametrize("who", ["staff", "outsider"])
def test_a_closed_bodys_decisions_stay_hidden_from_others(client, world, login, who):
    login(who)
    assert "netwerklunch gaat door" not in client.get("/portal/decisions/").content.decode()


def test_another_networks_coordinator_sees_none_of_them(client, world, login):
    login("coordinator_b")
    assert "netwerklunch gaat door" not in client.get("/portal/decisions/").content.decode()


def test_an_open_bodys_decisions_show_to_everyone_once_the_minutes_are_approved(client, world, login):
    opened = BodyFactory(network=world["network_a"], name="Netwerkmoment", is_open=True)
    meeting = MeetingFactory(body=opened, title="Netwerkmoment lente")
    decision = DecisionFactory(
        agenda_item=AgendaItemFactory(meeting=meeting), text="Volgend jaar een denkdag."
    )
    login("outsider")
    assert decision.text not in client.get("/portal/decisions/").content.decode()
    assert client.get(f"/portal/meetings/{meeting.pk}/minutes.pdf").status_code == 404

    meeting.minutes_status = Meeting.Minutes.APPROVED
    meeting.minutes_approved_at = timezone.now()
    meeting.save()
    assert decision.text in client.get("/portal/decisions/").content.decode()
    assert client.get(f"/portal/meetings/{meeting.pk}/minutes.pdf").status_code == 200


def test_the_trekker_adds_a_decision(client, world, login):
    trekker = login("trekker")
    response = client.post(_urls(world)["decision-new"], {"text": "We nodigen de scholen uit."})
    assert response.status_code == 302
    decision = Decision.objects.get(text="We nodigen de scholen uit.")
    assert decision.agenda_item == world["item"] and decision.created_by == trekker


def test_an_empty_decision_shows_the_error_and_writes_nothing(client, world, login):
    login("trekker")
    response = client.post(_urls(world)["decision-new"], {"text": "  "})
    assert response.status_code == 200 and "Er ging iets mis" in response.content.decode()
    assert Decision.objects.count() == 1


def test_editing_a_decision_shows_who_changed_what_and_when(client, world, login):
    coordinator = login("coordinator_a")
    decision = world["decision"]
    response = client.post(_urls(world)["decision-edit"], {"text": "De netwerklunch gaat door in april."})
    assert response.status_code == 302

    decision.refresh_from_db()
    assert decision.text == "De netwerklunch gaat door in april."
    latest = decision.history.latest("history_date")
    assert (
        latest.history_user == coordinator
        and latest.prev_record.text == "De netwerklunch gaat door in maart."
    )
    page = client.get(_urls(world)["decision-edit"]).content.decode()
    assert "Geschiedenis" in page and str(coordinator) in page
    assert "<del>De netwerklunch gaat door in maart.</del>" in page and "Oude tekst" in page
    assert "<ins>De netwerklunch gaat door in april.</ins>" in page


# --- actions -----------------------------------------------------------------------------------------------------


def test_my_open_actions_list_my_own_and_my_organisations(client, world, login):
    world_action = world["action"]  # the member's
    org_action = ActionItemFactory(
        agenda_item=world["item"], owner_user=None, owner_organization=world["partner_a"], text="Flyer maken"
    )
    login("member")
    mine = client.get("/portal/actions/", {"mine": "1"}).content.decode()
    assert world_action.text in mine and "Flyer maken" not in mine

    login("partner_staff")  # staff of partner_a, not a member of the closed body
    mine = client.get("/portal/actions/", {"mine": "1"}).content.decode()
    assert "Flyer maken" in mine and world_action.text not in mine
    assert client.get(f"/portal/actions/{org_action.pk}/").status_code == 200
    assert client.get(f"/portal/actions/{world_action.pk}/").status_code == 404


def test_the_actions_list_filters_by_status_and_overdue(client, world, login):
    ActionItemFactory(
        agenda_item=world["item"], text="Te laat", due_on=timezone.localdate() - dt.timedelta(days=2)
    )
    ActionItemFactory(agenda_item=world["item"], text="Al gedaan", status="done")
    login("coordinator_a")
    open_page = client.get("/portal/actions/").content.decode()
    assert "Te laat" in open_page and "Zaal reserveren" in open_page and "Al gedaan" not in open_page
    assert "over datum" in open_page
    overdue = client.get("/portal/actions/", {"overdue": "1"}).content.decode()
    assert "Te laat" in overdue and "Zaal reserveren" not in overdue
    done = client.get("/portal/actions/", {"status": "done"}).content.decode()
    assert "Al gedaan" in done and "Te laat" not in done
    everything = client.get("/portal/actions/", {"status": "all"}).content.decode()
    assert "Al gedaan" in everything and "Te laat" in everything


def test_the_owner_closes_and_reopens_the_action(client, world, login):
    login("member")
    url = _urls(world)["action"]
    page = client.get(url).content.decode()
    assert 'value="done"' in page and "Actie aanpassen" not in page  # closing yes, editing no
    assert client.post(url, {"form": "status", "status": "done"}).status_code == 302
    action = ActionItem.objects.get(pk=world["action"].pk)
    assert action.status == "done" and action.done_at is not None
    assert client.post(url, {"form": "status", "status": "open"}).status_code == 302
    action.refresh_from_db()
    assert action.status == "open" and action.done_at is None


def test_a_reader_who_does_not_own_the_action_cannot_close_it(client, world, login):
    other = ActionItemFactory(agenda_item=world["item"], owner_user=world["people"]["trekker"])
    login("member")
    url = f"/portal/actions/{other.pk}/"
    assert 'value="done"' not in client.get(url).content.decode()
    assert client.post(url, {"form": "status", "status": "done"}).status_code == 404
    assert client.post(url, {"form": "edit", "text": "x"}).status_code == 404
    other.refresh_from_db()
    assert other.status == "open"


def test_the_trekker_adds_and_edits_an_action(client, world, login):
    login("trekker")
    due = timezone.localdate() + dt.timedelta(days=20)
    response = client.post(
        _urls(world)["action-new"],
        {"text": "Affiche drukken", "owner_organization": world["partner_a"].pk, "due_on": due.isoformat()},
    )
    assert response.status_code == 302
    action = ActionItem.objects.get(text="Affiche drukken")
    assert action.owner_organization == world["partner_a"] and action.due_on == due

    response = client.post(
        f"/portal/actions/{action.pk}/",
        {"form": "edit", "text": "Affiche drukken en verdelen", "owner_user": world["people"]["member"].pk},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.owner_user == world["people"]["member"] and action.owner_organization is None
    assert action.due_on is None


def test_an_action_with_two_owners_or_none_is_refused_in_dutch(client, world, login):
    login("trekker")
    url = _urls(world)["action-new"]
    before = ActionItem.objects.count()
    both = client.post(
        url,
        {
            "text": "x",
            "owner_user": world["people"]["member"].pk,
            "owner_organization": world["partner_a"].pk,
        },
    ).content.decode()
    assert "Kies één eigenaar" in both
    none = client.post(url, {"text": "x"}).content.decode()
    assert "Kies wie de actie uitvoert" in none
    assert ActionItem.objects.count() == before


# --- documents and the minutes PDF -------------------------------------------------------------------------------


def test_a_document_downloads_as_an_attachment_with_nosniff(client, world, login):
    login("member")
    response = client.get(_urls(world)["document"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and "agenda-januari.pdf" in response["Content-Disposition"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_trekker_uploads_a_document_for_an_item(client, world, login, private_storage):
    login("trekker")
    url = f"{_urls(world)['document-upload']}?item={world['item'].pk}"
    page = client.get(url).content.decode()
    assert "10,0\xa0MB" in page  # the form names the limit
    response = client.post(
        url, {"title": "Presentatie", "file": upload("slides.pdf", PDF), "agenda_item": world["item"].pk}
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Presentatie")
    assert document.agenda_item == world["item"] and document.meeting == world["meeting"]


def test_a_body_document(client, world, login):
    login("coordinator_a")
    response = client.post(
        _urls(world)["body-document-upload"],
        {"title": "Huishoudelijk reglement", "file": upload("r.pdf", PDF)},
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Huishoudelijk reglement")
    assert document.body == world["closed"] and document.meeting is None


def test_an_item_of_another_meeting_is_404_on_the_upload_page(client, world, login):
    login("trekker")
    other_item = AgendaItemFactory(meeting=MeetingFactory(body=world["closed"]))
    assert client.get(f"{_urls(world)['document-upload']}?item={other_item.pk}").status_code == 404


def test_refused_uploads_show_the_reason_and_write_nothing(client, world, login, settings, private_storage):
    login("trekker")
    url = _urls(world)["document-upload"]
    files_before = sorted(p for p in private_storage.rglob("*") if p.is_file())

    wrong = client.post(url, {"title": "Virus", "file": upload("factuur.pdf", b"MZ\x90\x00 not a pdf")})
    assert "Toegelaten zijn: pdf, docx" in wrong.content.decode()

    settings.HVHK_DOCUMENT_MAX_BYTES = 100
    large = client.post(url, {"title": "Groot", "file": upload("groot.pdf", PDF + b"0" * 200)})
    assert "Dit bestand is te groot. Een bestand mag ten hoogste 100\xa0bytes zijn." in large.content.decode()

    assert Document.objects.count() == 1
    assert sorted(p for p in private_storage.rglob("*") if p.is_file()) == files_before


@pytest.mark.parametrize("who", ["member", "trekker", "coordinator_a"])
def test_the_minutes_pdf(client, world, login, who):
    login(who)
    response = client.get(_urls(world)["minutes-pdf"])
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith('attachment; filename="verslag-stuurgroep-januari')


def test_the_minutes_template_marks_a_draft_and_lists_everything(world):
    from hvhk.network.selectors.records import agenda_items_with_records

    meeting = world["meeting"]
    context = {
        "meeting": meeting,
        "network": world["network_a"],
        "approved": False,
        "items": agenda_items_with_records(meeting=meeting),
        "loose_decisions": [],
        "loose_actions": [],
        "participants": [],
        "generated_on": timezone.localdate(),
        "print_css": "",
    }
    html = render_to_string("network/records/minutes_pdf.html", context)
    assert "ONTWERP" in html and "We bespraken de lunch." in html
    assert "De netwerklunch gaat door in maart." in html and "Zaal reserveren" in html and "Lies Lid" in html
    approved = render_to_string("network/records/minutes_pdf.html", {**context, "approved": True})
    assert "ONTWERP" not in approved


# --- the partials on the meeting page ----------------------------------------------------------------------------


def _item_partial(world, **context) -> str:
    from hvhk.network.selectors.records import agenda_items_with_records

    item = agenda_items_with_records(meeting=world["meeting"]).get(pk=world["item"].pk)
    request = RequestFactory().get("/")
    return render_to_string(
        "network/records/_item_records.html",
        {"item": item, "meeting": world["meeting"], **context},
        request=request,
    )


def test_the_item_partial_for_a_manager(world):
    html = _item_partial(world, can_manage=True, is_member=True)
    assert "Besluit" in html and "De netwerklunch gaat door in maart." in html
    assert "Zaal reserveren" in html and "Lies Lid" in html and "Agenda januari" in html
    assert f"/portal/meetings/{world['meeting'].pk}/items/{world['item'].pk}/decisions/new/" in html
    assert f"/portal/meetings/{world['meeting'].pk}/items/{world['item'].pk}/actions/new/" in html
    assert f"/portal/decisions/{world['decision'].pk}/edit/" in html


def test_the_item_partial_for_a_reader_hides_forms_and_for_a_non_member_documents(world):
    member = _item_partial(world, can_manage=False, is_member=True)
    assert "Agenda januari" in member and "decisions/new" not in member and "/edit/" not in member
    reader = _item_partial(world, can_manage=False, is_member=False)
    assert "Agenda januari" not in reader and "De netwerklunch gaat door in maart." in reader


def test_the_meeting_partial(world, private_storage):
    from hvhk.network.services.records import document_upload

    document_upload(
        meeting=world["meeting"],
        title="Presentielijst",
        file=upload("lijst.pdf", PDF),
        acting_user=world["people"]["trekker"],
    )
    context = {"meeting": world["meeting"], "can_manage": True, "is_member": True}
    world["meeting"].minutes_status = "none"
    html = render_to_string("network/records/_meeting_records.html", context)
    assert "minutes.pdf" not in html  # no minutes yet: no PDF to offer
    world["meeting"].minutes_status = "draft"
    html = render_to_string("network/records/_meeting_records.html", context)
    assert (
        "Presentielijst" in html and "Agenda januari" not in html
    )  # the item's document shows under its item
    assert f"/portal/meetings/{world['meeting'].pk}/documents/new/" in html
    assert f"/portal/meetings/{world['meeting'].pk}/minutes.pdf" in html and "ontwerp" in html
    reader = render_to_string(
        "network/records/_meeting_records.html", {**context, "can_manage": False, "is_member": False}
    )
    assert "Presentielijst" not in reader and "minutes.pdf" not in reader and "documents/new" not in reader


def test_documents_of_an_open_body_open_for_its_members_only(client, world, login, private_storage):
    from hvhk.network.services.records import document_upload

    opened = BodyFactory(network=world["network_a"], name="Netwerkmoment", is_open=True)
    meeting = MeetingFactory(body=opened, minutes_status=Meeting.Minutes.APPROVED)
    document = document_upload(
        meeting=meeting,
        title="Open agenda",
        file=upload("a.pdf", PDF),
        acting_user=world["people"]["coordinator_a"],
    )
    login("outsider")  # sees the open body's meeting and its minutes, but is not a member
    assert client.get(f"/portal/meetings/{meeting.pk}/minutes.pdf").status_code == 200
    assert client.get(f"/portal/documents/{document.pk}/").status_code == 404
    login("coordinator_a")
    assert client.get(f"/portal/documents/{document.pk}/").status_code == 200


def test_the_role_walk_covers_every_id_bearing_records_url(world):
    from hvhk.network.urls.records_portal import urlpatterns

    with_ids = {p.name for p in urlpatterns if p.pattern.converters}
    assert with_ids == set(_urls(world))
