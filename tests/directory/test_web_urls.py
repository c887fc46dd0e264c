"""Links of services and organisations are web pages: http(s) only, in the models (so the admin, the portal's
forms and the HSDS import refuse the rest) and in what the API publishes."""

import json
import uuid

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.forms import modelform_factory

from hvhk.core.models import Network
from hvhk.directory.hsds.service import import_file
from hvhk.directory.models import Organization, Service
from hvhk.portal.forms import OrganizationForm
from tests.api.records import service_record
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db
UNSAFE = [
    "javascript:alert(document.cookie)",
    "JavaScript://example.org/%0aalert(1)",
    "data:text/html,x",
    "ftp://x.be/a",
]


@pytest.mark.parametrize("link", UNSAFE)
def test_a_service_refuses_a_link_that_is_not_a_web_page(link):
    service = ServiceFactory(url="https://www.kindengezin.be/")
    service.url = link

    with pytest.raises(ValidationError) as refused:
        service.full_clean()

    assert "url" in refused.value.message_dict


@pytest.mark.parametrize("field", ["website", "logo", "uri"])
def test_an_organisation_refuses_javascript_in_its_links(field):
    organization = ServiceFactory().organization
    setattr(organization, field, "javascript:alert(1)")

    with pytest.raises(ValidationError) as refused:
        organization.full_clean()

    assert field in refused.value.message_dict


def test_the_admin_form_refuses_an_ftp_link():
    form_class = modelform_factory(Service, form=site._registry[Service].form, fields=["url"])
    service = ServiceFactory()

    form = form_class({"url": "ftp://files.example.org/folder"}, instance=service)

    assert not form.is_valid()
    assert "http:// of https://" in " ".join(form.errors["url"])


def test_the_portal_form_refuses_an_ftp_link():
    form = OrganizationForm(
        {"name": "Vzw", "description": "Wat we doen", "website": "ftp://files.example.org/"}
    )

    assert not form.is_valid()
    assert "website" in form.errors


def test_an_import_refuses_a_javascript_link_naming_record_and_field(tmp_path):
    record = service_record(url="javascript:alert(1)")
    record["organization"]["website"] = "JavaScript://x/%0aalert(1)"
    path = tmp_path / "in.json"
    path.write_text(json.dumps([record]))

    report = import_file(path, Network.objects.create(slug="voorbeeld", name="Voorbeeld"))

    assert not report.saved
    paths = {problem.path for problem in report.problems}
    assert {"url", "organization.website"} <= paths
    assert all(problem.index == 1 for problem in report.problems)


def test_the_api_never_publishes_a_javascript_link_saved_before_the_rule(client):
    service = ServiceFactory(url="https://ok.example.org/")
    Service.objects.filter(pk=service.pk).update(url="javascript:alert(1)")  # a row from before the validator
    Organization.objects.filter(pk=service.organization_id).update(website="javascript:alert(2)")
    network = service.network

    detail = client.get(f"/{network.slug}/api/hsds/services/{service.pk}").json()
    listed = client.get(f"/{network.slug}/api/hsds/organizations/{service.organization_id}").json()

    assert "url" not in detail and "website" not in detail["organization"]
    assert "javascript" not in json.dumps(detail) and "javascript" not in json.dumps(listed)
    assert uuid.UUID(detail["id"]) == service.pk
