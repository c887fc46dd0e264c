"""Partners propose, the coordinator publishes or sends back; the public page follows only a publication."""

import pytest
from django.core import mail

from hvhk.directory.models import Draft, Service
from tests.directory.factories import LocationFactory

pytestmark = pytest.mark.django_db


def _form(service, **changes) -> dict:
    data = {
        "organization": str(service.organization_id),
        "name": service.name,
        "description": "Een vaste plek waar ouders met hun vragen terechtkunnen, elke week, zonder afspraak.",
        "status": "active",
        "minimum_age_months": "0",
        "maximum_age_months": "72",
        "at_home": "on",
        "application_process": "Kom langs of bel ons.",
        "languages": ["nl", "fr"],
        "hours-TOTAL_FORMS": "2",
        "hours-INITIAL_FORMS": "0",
        "hours-0-days": ["MO", "WE"],
        "hours-0-opens_at": "09:00",
        "hours-0-closes_at": "12:00",
        "costs-TOTAL_FORMS": "1",
        "costs-INITIAL_FORMS": "0",
        "costs-0-kind": "free",
        "action": "submit",
    }
    data.update(changes)
    return data


def test_a_partners_change_waits_for_the_coordinator(
    client, editor_a, coordinator_a, service_a, django_capture_on_commit_callbacks
):
    client.force_login(editor_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/portal/services/{service_a.pk}/", _form(service_a, name="Opvoedingswinkel"), follow=True
        )

    assert "De coördinator kijkt je wijziging na" in response.content.decode()
    draft = Draft.objects.get(target_id=service_a.pk)
    assert draft.status == Draft.Status.SUBMITTED and draft.author == editor_a
    service_a.refresh_from_db()
    assert service_a.name != "Opvoedingswinkel"  # nothing is online yet
    public = client.get(f"/{service_a.network.slug}/services/{service_a.pk}/").content.decode()
    assert "Opvoedingswinkel" not in public
    assert [m.to for m in mail.outbox] == [[coordinator_a.email]]
    assert f"/portal/review/{draft.pk}/" in mail.outbox[0].body

    client.force_login(coordinator_a)
    review = client.get(f"/portal/review/{draft.pk}/").content.decode()
    assert "Opvoedingswinkel" in review and "Openingsuren" in review  # the readable diff
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/portal/review/{draft.pk}/", {"action": "publish"})

    assert mail.outbox[-1].to == [editor_a.email] and "staat online" in mail.outbox[-1].subject
    service_a.refresh_from_db()
    assert service_a.name == "Opvoedingswinkel"
    assert service_a.at_home and service_a.maximum_age_months == 72
    assert sorted(service_a.languages.values_list("code", flat=True)) == ["fr", "nl"]
    assert service_a.schedules.get().byday == "MO,WE"
    assert service_a.cost_options.get().kind == "free"
    assert service_a.history.first().history_user == coordinator_a  # the audit trail names who published
    draft.refresh_from_db()
    assert draft.status == Draft.Status.PUBLISHED
    assert (
        "Opvoedingswinkel"
        in client.get(f"/{service_a.network.slug}/services/{service_a.pk}/").content.decode()
    )


def test_the_coordinator_sends_back_with_a_reason(client, editor_a, coordinator_a, service_a):
    client.force_login(editor_a)
    client.post(f"/portal/services/{service_a.pk}/", _form(service_a, name="Te kort"))
    draft = Draft.objects.get(target_id=service_a.pk)
    client.force_login(coordinator_a)

    refused = client.post(f"/portal/review/{draft.pk}/", {"action": "return", "comment": ""})
    client.post(f"/portal/review/{draft.pk}/", {"action": "return", "comment": "Schrijf de naam voluit."})

    assert "Zeg wat er anders moet" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.status == Draft.Status.RETURNED and draft.review_comment == "Schrijf de naam voluit."
    client.force_login(editor_a)
    home = client.get("/portal/").content.decode()
    assert "Schrijf de naam voluit." in home


def test_a_trusted_partner_publishes_directly(client, editor_a, service_a):
    membership = service_a.organization.membership
    membership.publishes_directly = True
    membership.save()
    client.force_login(editor_a)

    client.post(f"/portal/services/{service_a.pk}/", _form(service_a, name="Meteen online"))

    service_a.refresh_from_db()
    assert service_a.name == "Meteen online"
    assert Draft.objects.get(target_id=service_a.pk).status == Draft.Status.PUBLISHED


def test_a_draft_is_kept_and_previewed_without_going_online(client, editor_a, service_a):
    client.force_login(editor_a)

    saved = client.post(
        f"/portal/services/{service_a.pk}/", _form(service_a, name="Nieuwe naam", action="save")
    )
    draft = Draft.objects.get(target_id=service_a.pk)
    preview = client.get(f"/portal/drafts/{draft.pk}/preview/").content.decode()

    assert draft.status == Draft.Status.DRAFT and saved.status_code == 302
    assert "Nieuwe naam" in preview and "Nog niets is online veranderd" in preview
    service_a.refresh_from_db()
    assert service_a.name != "Nieuwe naam"
    assert (
        "Nieuwe naam"
        not in client.get(f"/{service_a.network.slug}/services/{service_a.pk}/").content.decode()
    )
    again = client.get(f"/portal/services/{service_a.pk}/").content.decode()
    assert 'value="Nieuwe naam"' in again  # editing goes on from the draft


def test_a_new_service_comes_online_when_published(client, editor_a, coordinator_a, partner_a):
    place = LocationFactory(organization=partner_a, network=partner_a.network)
    client.force_login(editor_a)
    form = _form(
        Service(organization=partner_a, name="Babyzwemmen"), at_location="on", locations=[str(place.pk)]
    )

    client.post("/portal/services/new/", form)
    draft = Draft.objects.get(title="Babyzwemmen")
    client.force_login(coordinator_a)
    client.post(f"/portal/review/{draft.pk}/", {"action": "publish"})

    service = Service.objects.get(name="Babyzwemmen")
    assert service.organization == partner_a and service.network == partner_a.network
    assert list(service.service_at_locations.values_list("location_id", flat=True)) == [place.pk]
    assert service.assured_date is not None


def test_bad_input_is_refused_with_clear_messages_and_kept(client, editor_a, service_a):
    client.force_login(editor_a)
    bad = _form(
        service_a,
        name="",
        at_home="",
        minimum_age_months="72",
        maximum_age_months="12",
        **{"hours-0-opens_at": "14:00", "hours-0-closes_at": "10:00", "costs-0-amount": "5"},
        description="<script>alert(1)</script> en nog wat uitleg over het aanbod",
    )

    page = client.post(f"/portal/services/{service_a.pk}/", bad).content.decode()

    assert "Dit veld is verplicht." in page
    assert "Kies minstens één manier" in page
    assert "De hoogste leeftijd ligt voor de laagste." in page
    assert "Het sluitingsuur moet na het openingsuur liggen." in page
    assert "Gratis aanbod heeft geen bedrag." in page
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; en nog wat uitleg" in page
    )  # what was typed comes back, inert
    assert not Draft.objects.exists()


def test_still_correct_marks_the_service_checked_today(client, editor_a, service_a):
    from django.utils import timezone

    client.force_login(editor_a)

    client.post(f"/portal/services/{service_a.pk}/still-correct/")

    service_a.refresh_from_db()
    assert service_a.assured_date == timezone.localdate() and service_a.assurer_email == editor_a.email


def _form_data(html: str, form_id: str) -> dict:
    """The values a browser would send for the form with this id (inputs, checked boxes, selects, textareas)."""
    from html.parser import HTMLParser

    class Form(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.inside, self.data, self.select, self.textarea = False, {}, None, None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "form":
                self.inside = a.get("id") == form_id
            elif self.inside and tag == "input" and a.get("name"):
                if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                    return
                if a.get("type") not in ("submit", "button", "file"):
                    self.data[a["name"]] = a.get("value", "on" if a.get("type") == "checkbox" else "")
            elif self.inside and tag == "select":
                self.select = a.get("name")
                self.data.setdefault(self.select, "")
            elif self.inside and tag == "option" and self.select and "selected" in a:
                self.data[self.select] = a.get("value", "")
            elif self.inside and tag == "textarea":
                self.textarea = a.get("name")
                self.data[self.textarea] = ""

        def handle_endtag(self, tag):
            if tag == "form":
                self.inside = False
            elif tag == "select":
                self.select = None
            elif tag == "textarea":
                self.textarea = None

        def handle_data(self, data):
            if self.textarea:
                self.data[self.textarea] += data.lstrip("\n") if not self.data[self.textarea] else data

    parser = Form()
    parser.feed(html)
    return parser.data


def test_the_coordinator_sees_the_history_and_restores_an_earlier_version(
    client, coordinator_a, coordinator_b, service_a
):
    original = service_a.name
    service_a.name = "Verkeerde naam"
    service_a.save()
    first = service_a.history.earliest()
    client.force_login(coordinator_b)
    assert client.get(f"/admin/directory/service/{service_a.pk}/history/").status_code in (403, 404)
    assert client.get(f"/admin/directory/service/{service_a.pk}/history/{first.history_id}/").status_code in (
        403,
        404,
    )

    client.force_login(coordinator_a)
    history = client.get(f"/admin/directory/service/{service_a.pk}/history/").content.decode()
    url = f"/admin/directory/service/{service_a.pk}/history/{first.history_id}/"
    page = client.get(url).content.decode()
    restored = client.post(url, _form_data(page, "historicalservice_form"))

    assert "Verkeerde naam" in history and original in history
    assert restored.status_code == 302, restored.content.decode()[:2000]
    service_a.refresh_from_db()
    assert service_a.name == original
    assert service_a.history.first().history_user == coordinator_a


def test_an_edit_keeps_the_categories_the_form_does_not_show(client, editor_a, service_a, network_a):
    """An imported service may carry categories of other taxonomies; the partner's form shows life domains and
    target groups only, and saving it must not drop the rest unseen."""
    from hvhk.directory.models import Attribute
    from tests.directory.factories import TaxonomyFactory, TaxonomyTermFactory

    membership = service_a.organization.membership
    membership.publishes_directly = True
    membership.save()
    imported = TaxonomyTermFactory(
        taxonomy=TaxonomyFactory(network=network_a, code="uit-import"), network=network_a
    )
    Attribute.objects.create(network=network_a, service=service_a, taxonomy_term=imported, link_type="other")
    client.force_login(editor_a)

    client.post(f"/portal/services/{service_a.pk}/", _form(service_a, name="Nieuwe naam"))

    service_a.refresh_from_db()
    assert service_a.name == "Nieuwe naam"
    assert service_a.attributes.filter(taxonomy_term=imported).exists()


def test_the_review_shows_the_changed_words_struck_through_and_added(
    client, editor_a, coordinator_a, service_a
):
    service_a.description = "Elke dinsdag kun je hier terecht met al je vragen over opvoeden en groeien."
    service_a.save()
    client.force_login(editor_a)
    new = "Elke woensdag kun je hier terecht met al je vragen over opvoeden en groeien."
    client.post(f"/portal/services/{service_a.pk}/", _form(service_a, description=new))
    draft = Draft.objects.get(target_id=service_a.pk)
    client.force_login(coordinator_a)

    page = client.get(f"/portal/review/{draft.pk}/").content.decode()

    assert '<del><span class="visually-hidden">verwijderd: </span>dinsdag</del>' in page
    assert '<ins><span class="visually-hidden">toegevoegd: </span>woensdag</ins>' in page
    assert (
        '<del><span class="visually-hidden">verwijderd: </span>Elke' not in page
    )  # unchanged words unmarked


def test_markup_in_a_draft_stays_inert_on_the_review_page(client, editor_a, coordinator_a, service_a):
    client.force_login(editor_a)
    sneaky = "Kom langs <script>alert(1)</script> <img src=x onerror=alert(2)> en vraag het ons gerust."
    client.post(f"/portal/services/{service_a.pk}/", _form(service_a, description=sneaky))
    draft = Draft.objects.get(target_id=service_a.pk)
    client.force_login(coordinator_a)

    page = client.get(f"/portal/review/{draft.pk}/").content.decode()

    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img" in page


def test_a_draft_published_meanwhile_is_not_published_twice(client, editor_a, coordinator_a, service_a):
    client.force_login(editor_a)
    client.post(f"/portal/services/{service_a.pk}/", _form(service_a, name="Opvoedingswinkel"))
    draft = Draft.objects.get(target_id=service_a.pk)
    client.force_login(coordinator_a)
    client.post(f"/portal/review/{draft.pk}/", {"action": "publish"})
    history = service_a.history.count()

    again = client.post(f"/portal/review/{draft.pk}/", {"action": "publish"})

    assert again.status_code == 200  # the page again, saying the draft is closed; no second publication
    assert service_a.history.count() == history
