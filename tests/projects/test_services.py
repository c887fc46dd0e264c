"""The services of funding calls and joint applications, called directly: who may share and change a call, the bad
input each refused on its field with nothing written, the alerts of new calls on a partner's themes, starting an
application, the shared text saved only over the version its writer started from, inviting partners and their
answer, the status from idea to the funder's answer, documents, the project after a grant, and the deadline
reminders of `hvhk projects`."""

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.projects import services
from hvhk.projects.models import (
    Application,
    ApplicationDocument,
    ApplicationPartner,
    CallAlert,
    FundingCall,
    Milestone,
)
from hvhk.projects.tasks import send_call_alerts
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.network.records_world import PDF, office_zip, upload
from tests.projects.factories import (
    ApplicationFactory,
    ApplicationPartnerFactory,
    CallFactory,
    in_days,
    offers,
    person,
    stored_files,
)

pytestmark = pytest.mark.django_db
Status = Application.Status
Role = ApplicationPartner.Role
Answer = ApplicationPartner.Answer
DROP = object()  # a key left out of the call's input


def _counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (FundingCall, CallAlert, Application, ApplicationPartner, ApplicationDocument, Milestone)
    }


def _fields(error: ValidationError) -> set:
    return set(getattr(error, "error_dict", None) or ())


def _person(request, name):
    return None if name is None else request.getfixturevalue(name)


def _call_input(**changes) -> dict:
    fields = {
        "funder": "Koning Boudewijnstichting",
        "funder_kind": FundingCall.FunderKind.FOUNDATION,
        "title": "Samen tegen kinderarmoede",
        "url": "https://www.kbs-frb.be/oproep",
        "description": "Projecten die gezinnen in armoede versterken.",
        "deadline": in_days(60),
        "amount_min": "5000",
        "amount_max": "25000",
    }
    fields.update(changes)
    return {key: value for key, value in fields.items() if value is not DROP}


# --- sharing a call ----------------------------------------------------------------------------------------------


def test_the_coordinator_shares_a_call_for_the_network(network_a, coordinator_a, themes):
    call = services.call_create(
        network=network_a,
        acting_user=coordinator_a,
        life_domains=[themes["gezondheid"]],
        target_groups=[themes["ouders"]],
        **_call_input(title="  Samen tegen kinderarmoede "),
    )
    call.refresh_from_db()
    assert call.network == network_a and call.organization is None and call.created_by == coordinator_a
    assert call.title == "Samen tegen kinderarmoede"
    assert (call.amount_min, call.amount_max) == (Decimal("5000.00"), Decimal("25000.00"))
    assert list(call.life_domains.all()) == [themes["gezondheid"]]
    assert list(call.target_groups.all()) == [themes["ouders"]]
    assert call.history.count() == 1


def test_a_partners_editor_shares_a_call_for_their_organisation(network_a, partner_a, editor_a):
    call = services.call_create(
        network=network_a, acting_user=editor_a, organization=partner_a, **_call_input(amount_min="")
    )
    assert call.organization == partner_a and call.created_by == editor_a
    assert call.amount_min is None and call.amount_max == Decimal("25000.00")


def test_the_coordinator_may_share_a_call_in_a_partners_name(network_a, partner_a, coordinator_a):
    call = services.call_create(
        network=network_a, acting_user=coordinator_a, organization=partner_a, **_call_input()
    )
    assert call.organization == partner_a


@pytest.mark.parametrize(
    ("who", "for_partner_a"),
    [
        ("editor_a2", True),  # an editor of another organisation
        ("editor_a", False),  # a partner's editor does not share in the network's name
        ("member_a", True),
        ("member_a", False),
        ("intake_a", False),
        ("intake_a", True),
        ("analyst_a", False),
        (None, False),
        (None, True),
        ("coordinator_b", False),
        ("coordinator_b", True),
        ("editor_b", False),
    ],
)
def test_others_cannot_share_a_call(request, network_a, partner_a, who, for_partner_a):
    user = _person(request, who)
    before = _counts()
    with pytest.raises(PermissionDenied):
        services.call_create(
            network=network_a,
            acting_user=user,
            organization=partner_a if for_partner_a else None,
            **_call_input(),
        )
    assert _counts() == before


def test_a_call_for_another_networks_organisation_is_refused(network_a, partner_b, coordinator_a):
    with pytest.raises(ValidationError) as error:
        services.call_create(
            network=network_a, acting_user=coordinator_a, organization=partner_b, **_call_input()
        )
    assert _fields(error.value) == {"organization"}
    assert FundingCall.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"deadline": -1}, "deadline"),  # in days from today
        ({"deadline": -400}, "deadline"),
        ({"deadline": DROP}, "deadline"),
        ({"deadline": None}, "deadline"),
        ({"funder": DROP}, "funder"),
        ({"funder": "   "}, "funder"),
        ({"funder": "x" * 201}, "funder"),
        ({"title": DROP}, "title"),
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"amount_min": "30000", "amount_max": "20000"}, "amount_max"),
        ({"amount_min": "-5"}, "amount_min"),
        ({"amount_max": "-0.01"}, "amount_max"),
        ({"amount_min": Decimal("-100")}, "amount_min"),
        ({"amount_max": "heel veel"}, "amount_max"),
        ({"amount_max": "1e12"}, "amount_max"),
        ({"description": "x" * 4001}, "description"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"funder_kind": "bank"}, "funder_kind"),
    ],
)
def test_bad_input_is_refused_on_its_field_and_writes_nothing(
    network_a, coordinator_a, django_capture_on_commit_callbacks, changes, field
):
    if isinstance(changes.get("deadline"), int):
        changes = {**changes, "deadline": in_days(changes["deadline"])}
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as error:
        services.call_create(network=network_a, acting_user=coordinator_a, **_call_input(**changes))
    assert field in _fields(error.value), error.value
    assert FundingCall.objects.count() == 0 and FundingCall.history.count() == 0
    assert mail.outbox == []


def test_not_a_number_is_refused_on_its_field(network_a, coordinator_a):
    with pytest.raises(ValidationError) as error:
        services.call_create(network=network_a, acting_user=coordinator_a, **_call_input(amount_min="NaN"))
    assert _fields(error.value) == {"amount_min"}


def test_a_deadline_of_today_is_still_open(network_a, coordinator_a):
    call = services.call_create(
        network=network_a, acting_user=coordinator_a, **_call_input(deadline=timezone.localdate())
    )
    assert call.deadline == timezone.localdate()


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("other_networks_domain", "life_domains"),
        ("target_group_as_domain", "life_domains"),
        ("domain_as_target_group", "target_groups"),
        ("other_networks_group", "target_groups"),
    ],
)
def test_themes_must_be_the_networks_own_of_the_right_kind(
    network_a, coordinator_a, themes, themes_b, kind, field
):
    terms = {
        "other_networks_domain": {"life_domains": [themes["opvoeding"], themes_b["gezondheid"]]},
        "target_group_as_domain": {"life_domains": [themes["ouders"]]},
        "domain_as_target_group": {"target_groups": [themes["gezondheid"]]},
        "other_networks_group": {"target_groups": [themes_b["ouders"]]},
    }[kind]
    with pytest.raises(ValidationError) as error:
        services.call_create(network=network_a, acting_user=coordinator_a, **terms, **_call_input())
    assert _fields(error.value) == {field}
    assert FundingCall.objects.count() == 0


# --- changing a call ---------------------------------------------------------------------------------------------


@pytest.fixture
def partners_call(network_a, partner_a):
    return CallFactory(network=network_a, organization=partner_a, deadline=in_days(40))


@pytest.mark.parametrize("who", ["editor_a", "coordinator_a"])
def test_who_shared_the_call_and_the_coordinator_change_it(request, partners_call, themes, who):
    user = request.getfixturevalue(who)
    services.call_update(
        call=partners_call,
        acting_user=user,
        title="Nieuwe titel",
        amount_max="10000,50",
        life_domains=[themes["welzijn"]],
    )
    partners_call.refresh_from_db()
    assert partners_call.title == "Nieuwe titel" and partners_call.amount_max == Decimal("10000.50")
    assert list(partners_call.life_domains.all()) == [themes["welzijn"]]
    assert partners_call.funder == "Koning Boudewijnstichting"  # fields not given are kept


@pytest.mark.parametrize("who", ["editor_a2", "member_a", "intake_a", "coordinator_b", "editor_b", None])
def test_others_cannot_change_a_call(request, partners_call, who):
    with pytest.raises(PermissionDenied):
        services.call_update(call=partners_call, acting_user=_person(request, who), title="Gekaapt")
    partners_call.refresh_from_db()
    assert partners_call.title.startswith("Samen sterk")


def test_a_partners_editor_cannot_change_the_coordinators_call(network_a, editor_a):
    call = CallFactory(network=network_a, organization=None)
    with pytest.raises(PermissionDenied):
        services.call_update(call=call, acting_user=editor_a, title="Gekaapt")


def test_a_call_whose_deadline_passed_can_still_be_edited_with_the_same_deadline(network_a, coordinator_a):
    call = CallFactory(network=network_a, deadline=in_days(-10))
    services.call_update(call=call, acting_user=coordinator_a, title="Verslag van de oproep")
    services.call_update(
        call=call, acting_user=coordinator_a, deadline=in_days(-10), description="De jury besliste in mei."
    )
    call.refresh_from_db()
    assert (call.title, call.description, call.deadline) == (
        "Verslag van de oproep",
        "De jury besliste in mei.",
        in_days(-10),
    )


def test_a_passed_deadline_cannot_be_moved_to_another_past_date(network_a, coordinator_a):
    call = CallFactory(network=network_a, deadline=in_days(-10))
    with pytest.raises(ValidationError) as error:
        services.call_update(call=call, acting_user=coordinator_a, deadline=in_days(-5))
    assert _fields(error.value) == {"deadline"}
    call.refresh_from_db()
    assert call.deadline == in_days(-10)
    services.call_update(call=call, acting_user=coordinator_a, deadline=in_days(5))  # extended: fine
    call.refresh_from_db()
    assert call.deadline == in_days(5)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"amount_min": "30000"}, "amount_max"),  # above the call's amount_max of 20000
        ({"amount_max": "-1"}, "amount_max"),
        ({"title": " "}, "title"),
        ({"funder": ""}, "funder"),
        ({"deadline": None}, "deadline"),
    ],
)
def test_a_refused_change_leaves_the_call_as_it_was(network_a, coordinator_a, changes, field):
    call = CallFactory(network=network_a, amount_min=Decimal(1000), amount_max=Decimal(20000))
    with pytest.raises(ValidationError) as error:
        services.call_update(call=call, acting_user=coordinator_a, description="Gewijzigd", **changes)
    assert _fields(error.value) == {field}
    call.refresh_from_db()
    assert (call.amount_min, call.amount_max, call.description) == (
        Decimal(1000),
        Decimal(20000),
        "Projecten die gezinnen met jonge kinderen ondersteunen.",
    )


def test_a_foreign_theme_in_a_change_rolls_back_the_whole_change(network_a, coordinator_a, themes, themes_b):
    call = CallFactory(network=network_a)
    call.life_domains.add(themes["gezondheid"])
    versions = call.history.count()
    with pytest.raises(ValidationError) as error:
        services.call_update(
            call=call, acting_user=coordinator_a, title="Gewijzigd", life_domains=[themes_b["gezondheid"]]
        )
    assert _fields(error.value) == {"life_domains"}
    call.refresh_from_db()
    assert call.title.startswith("Samen sterk") and list(call.life_domains.all()) == [themes["gezondheid"]]
    assert call.history.count() == versions  # the refused save left no version behind


# --- alerts of new calls -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["editor_a", "member_a"])
def test_a_partners_staff_member_opts_in_and_out_of_alerts(request, partner_a, who):
    user = request.getfixturevalue(who)
    assert services.call_alert_set(user=user, organization=partner_a, on=True) is True
    services.call_alert_set(user=user, organization=partner_a, on=True)  # twice: still one
    alert = CallAlert.objects.get()
    assert (alert.user, alert.organization, alert.network) == (user, partner_a, partner_a.network)
    assert services.call_alert_set(user=user, organization=partner_a, on=False) is False
    services.call_alert_set(user=user, organization=partner_a, on=False)
    assert CallAlert.objects.count() == 0


@pytest.mark.parametrize("who", ["coordinator_a", "editor_a2", "intake_a", "editor_b", "coordinator_b"])
def test_only_the_organisations_staff_choose_its_alerts(request, partner_a, who):
    with pytest.raises(PermissionDenied):
        services.call_alert_set(user=request.getfixturevalue(who), organization=partner_a, on=True)
    assert CallAlert.objects.count() == 0


@pytest.fixture
def following(
    themes,
    themes_b,
    partner_a,
    partner_a2,
    partner_a3,
    partner_b,
    editor_a,
    member_a,
    editor_a2,
    editor_a3,
    editor_b,
):
    """Partner A offers health (its editor and its member follow calls); partner A2 parenting for parents (its
    editor follows); partner A3 offers health too, but its editor does not follow; partner B in network B offers
    health and its editor follows."""
    offers(partner_a, themes["gezondheid"])
    offers(partner_a2, themes["opvoeding"], themes["ouders"])
    offers(partner_a3, themes["gezondheid"])
    offers(partner_b, themes_b["gezondheid"])
    for user, organization in (
        (editor_a, partner_a),
        (member_a, partner_a),
        (editor_a2, partner_a2),
        (editor_b, partner_b),
    ):
        services.call_alert_set(user=user, organization=organization, on=True)


def _share(django_capture_on_commit_callbacks, **kwargs) -> FundingCall:
    with django_capture_on_commit_callbacks(execute=True):
        return services.call_create(**kwargs, **_call_input())


def _recipients() -> list:
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ({"life_domains": ["gezondheid"]}, ["editor@a.example", "member@a.example"]),
        ({"target_groups": ["ouders"]}, ["editor@a2.example"]),
        (
            {"life_domains": ["opvoeding", "gezondheid"]},
            ["editor@a.example", "editor@a2.example", "member@a.example"],
        ),
        ({"life_domains": ["wonen"]}, []),
        (
            {},
            ["editor@a.example", "editor@a2.example", "member@a.example"],
        ),  # no themes: everyone who follows
    ],
)
def test_a_new_call_mails_the_followers_whose_services_match_its_themes(
    network_a, coordinator_a, themes, following, django_capture_on_commit_callbacks, theme, expected
):
    terms = {key: [themes[code] for code in codes] for key, codes in theme.items()}
    call = _share(django_capture_on_commit_callbacks, network=network_a, acting_user=coordinator_a, **terms)
    assert _recipients() == expected
    assert all(len(message.to) == 1 and not message.cc and not message.bcc for message in mail.outbox)
    for message in mail.outbox:
        assert message.subject == "Nieuwe projectoproep: Samen tegen kinderarmoede"
        assert f"/portal/projects/calls/{call.pk}/" in message.body
    call.refresh_from_db()
    assert call.alerted_at is not None


def test_the_one_who_shares_a_call_is_not_mailed_about_it(
    network_a, partner_a, editor_a, themes, following, django_capture_on_commit_callbacks
):
    _share(
        django_capture_on_commit_callbacks,
        network=network_a,
        acting_user=editor_a,
        organization=partner_a,
        life_domains=[themes["gezondheid"]],
    )
    assert _recipients() == ["member@a.example"]


def test_a_call_of_another_network_mails_only_that_networks_followers(
    network_b, coordinator_b, following, django_capture_on_commit_callbacks
):
    _share(django_capture_on_commit_callbacks, network=network_b, acting_user=coordinator_b)
    assert _recipients() == ["editor@b.example"]


def test_who_opted_out_hears_nothing_and_the_alert_goes_once(
    network_a, partner_a, member_a, coordinator_a, following, django_capture_on_commit_callbacks
):
    services.call_alert_set(user=member_a, organization=partner_a, on=False)
    call = _share(django_capture_on_commit_callbacks, network=network_a, acting_user=coordinator_a)
    assert _recipients() == ["editor@a.example", "editor@a2.example"]
    send_call_alerts.enqueue(str(call.pk))  # a second run of the task (a retry) sends nothing again
    assert len(mail.outbox) == 2


def test_someone_who_no_longer_works_for_the_partner_gets_no_alerts(
    network_a, member_a, coordinator_a, following, django_capture_on_commit_callbacks
):
    RoleAssignment.objects.filter(user=member_a).delete()
    _share(django_capture_on_commit_callbacks, network=network_a, acting_user=coordinator_a)
    assert "member@a.example" not in _recipients()


# --- starting an application -------------------------------------------------------------------------------------


@pytest.fixture
def open_call(network_a):
    return CallFactory(network=network_a, deadline=in_days(30))


def test_a_partners_editor_starts_an_application_with_their_organisation_as_lead(
    open_call, partner_a, editor_a
):
    application = services.application_start(
        call=open_call,
        acting_user=editor_a,
        title=" Speel-o-theek ",
        summary="Een bus vol speelgoed.",
        organization=partner_a,
    )
    assert (application.title, application.status, application.started_by) == (
        "Speel-o-theek",
        Status.IDEA,
        editor_a,
    )
    lead = application.partners.get()
    assert (lead.organization, lead.role, lead.answer, lead.answered_by) == (
        partner_a,
        Role.LEAD,
        Answer.ACCEPTED,
        editor_a,
    )


def test_the_coordinator_starts_an_application_with_or_without_a_lead(open_call, partner_a2, coordinator_a):
    without = services.application_start(
        call=open_call, acting_user=coordinator_a, title="Nog zonder trekker"
    )
    assert without.partners.count() == 0
    with_lead = services.application_start(
        call=open_call, acting_user=coordinator_a, title="Met trekker", organization=partner_a2
    )
    lead = with_lead.partners.get()
    assert (lead.organization, lead.role, lead.answer) == (partner_a2, Role.LEAD, Answer.ACCEPTED)


@pytest.mark.parametrize("who", ["editor_a", "coordinator_a"])
def test_no_application_after_the_deadline(request, network_a, partner_a, who):
    call = CallFactory(network=network_a, deadline=in_days(-1))
    with pytest.raises(ValidationError) as error:
        services.application_start(
            call=call, acting_user=request.getfixturevalue(who), title="Te laat", organization=partner_a
        )
    assert "deadline" in str(error.value)
    assert _counts()["Application"] == 0 and _counts()["ApplicationPartner"] == 0


@pytest.mark.parametrize("who", ["coordinator_a", "editor_b"])
def test_another_networks_organisation_cannot_lead(request, open_call, partner_b, who):
    with pytest.raises(ValidationError) as error:
        services.application_start(
            call=open_call,
            acting_user=request.getfixturevalue(who),
            title="Over de grens",
            organization=partner_b,
        )
    assert _fields(error.value) == {"organization"}
    assert Application.objects.count() == 0


@pytest.mark.parametrize(
    ("who", "organization"),
    [
        ("editor_a", "partner_a2"),  # for another organisation
        ("editor_a", None),
        ("member_a", "partner_a"),
        ("intake_a", None),
        ("analyst_a", None),
        ("coordinator_b", None),
        (None, "partner_a"),
    ],
)
def test_others_cannot_start_an_application(request, open_call, who, organization):
    with pytest.raises(PermissionDenied):
        services.application_start(
            call=open_call,
            acting_user=_person(request, who),
            title="Gekaapt",
            organization=_person(request, organization),
        )
    assert Application.objects.count() == 0


def test_an_application_needs_a_working_title(open_call, partner_a, editor_a):
    with pytest.raises(ValidationError) as error:
        services.application_start(call=open_call, acting_user=editor_a, title="  ", organization=partner_a)
    assert _fields(error.value) == {"title"}
    assert _counts()["Application"] == 0 and _counts()["ApplicationPartner"] == 0


# --- the shared text ---------------------------------------------------------------------------------------------


@pytest.fixture
def app(network_a, partner_a, partner_a2, partner_a3, editor_a, editor_a2, editor_a3, outsider_a, member_a):
    """An application in the making: partner A leads, partner A2 accepted, partner A3 is invited (no answer yet)."""
    call = CallFactory(network=network_a, deadline=in_days(30))
    application = ApplicationFactory(call=call, status=Status.WRITING, amount_asked=Decimal(20000))
    ApplicationPartnerFactory(
        application=application, organization=partner_a, role=Role.LEAD, answer=Answer.ACCEPTED
    )
    ApplicationPartnerFactory(application=application, organization=partner_a2, answer=Answer.ACCEPTED)
    ApplicationPartnerFactory(application=application, organization=partner_a3)
    return Application.objects.get(pk=application.pk)


@pytest.mark.parametrize("who", ["editor_a2", "editor_a", "coordinator_a"])
def test_an_accepted_partner_the_lead_and_the_coordinator_save_the_shared_text(request, app, who):
    version = services.application_version(app)
    saved = services.application_update(
        application=app,
        acting_user=request.getfixturevalue(who),
        expected_version=version,
        title="Speel-o-theek op wielen",
        text="  Wij rijden elke woensdag naar de wijk.  ",
        amount_asked="18000,50",
    )
    app.refresh_from_db()
    assert app.text == "Wij rijden elke woensdag naar de wijk." and app.amount_asked == Decimal("18000.50")
    assert app.title == "Speel-o-theek op wielen"
    assert services.application_version(saved) != version


@pytest.mark.parametrize("who", ["editor_a3", "outsider_a", "member_a", "intake_a", "coordinator_b", None])
def test_an_invited_partner_and_outsiders_cannot_write(request, app, who):
    with pytest.raises(PermissionDenied):
        services.application_update(
            application=app,
            acting_user=_person(request, who),
            expected_version=services.application_version(app),
            text="Gekaapt",
        )
    app.refresh_from_db()
    assert app.text == ""


def test_the_second_of_two_writers_is_refused_and_the_first_ones_text_stays(app, editor_a, editor_a2):
    first_read = Application.objects.get(pk=app.pk)
    second_read = Application.objects.get(pk=app.pk)
    version = services.application_version(first_read)
    assert services.application_version(second_read) == version
    services.application_update(
        application=first_read, acting_user=editor_a, expected_version=version, text="De tekst van A."
    )
    with pytest.raises(ValidationError) as error:
        services.application_update(
            application=second_read,
            acting_user=editor_a2,
            expected_version=version,
            title="Andere titel",
            text="De tekst van A2.",
            amount_asked="1",
        )
    assert _fields(error.value) == {"text"}
    assert "Iemand anders paste de aanvraag intussen aan" in str(error.value)
    app.refresh_from_db()
    assert (app.text, app.amount_asked) == ("De tekst van A.", Decimal(20000))
    assert app.title.startswith("Speel-o-theek op wielen")
    # read again, the second writer saves over the new version
    services.application_update(
        application=app,
        acting_user=editor_a2,
        expected_version=services.application_version(app),
        text="De tekst van A, aangevuld door A2.",
    )
    app.refresh_from_db()
    assert app.text == "De tekst van A, aangevuld door A2."


def test_a_stale_save_is_refused_with_the_code_stale(app, editor_a, editor_a2):
    version = services.application_version(app)
    services.application_update(application=app, acting_user=editor_a, expected_version=version, text="A")
    with pytest.raises(ValidationError) as error:
        services.application_update(
            application=app, acting_user=editor_a2, expected_version=version, text="B"
        )
    codes = {getattr(error.value, "code", None)} | {
        e.code for errors in (getattr(error.value, "error_dict", None) or {}).values() for e in errors
    }
    assert "stale" in codes


def test_a_made_up_version_is_refused(app, editor_a):
    with pytest.raises(ValidationError):
        services.application_update(application=app, acting_user=editor_a, expected_version="", text="x")
    app.refresh_from_db()
    assert app.text == ""


@pytest.mark.parametrize("status", [Status.GRANTED, Status.REFUSED, Status.WITHDRAWN])
def test_the_text_of_a_decided_application_is_fixed(app, editor_a, status):
    Application.objects.filter(pk=app.pk).update(status=status, text="Zo ingediend.")
    app.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.application_update(
            application=app,
            acting_user=editor_a,
            expected_version=services.application_version(app),
            text="Achteraf aangepast",
        )
    assert "beslist" in str(error.value)
    app.refresh_from_db()
    assert app.text == "Zo ingediend."


def test_a_too_long_text_or_a_negative_amount_is_refused(app, editor_a):
    version = services.application_version(app)
    for changes, field in (({"text": "x" * 50001}, "text"), ({"amount_asked": "-10"}, "amount_asked")):
        with pytest.raises(ValidationError) as error:
            services.application_update(
                application=app, acting_user=editor_a, expected_version=version, **changes
            )
        assert _fields(error.value) == {field}
    app.refresh_from_db()
    assert (app.text, app.amount_asked) == ("", Decimal(20000))


# --- inviting partners and their answer --------------------------------------------------------------------------


@pytest.fixture
def lone(network_a, partner_a, editor_a):
    """An application partner A leads alone, for an open call."""
    application = ApplicationFactory(call=CallFactory(network=network_a, deadline=in_days(30)))
    ApplicationPartnerFactory(
        application=application, organization=partner_a, role=Role.LEAD, answer=Answer.ACCEPTED
    )
    return application


@pytest.mark.parametrize("who", ["editor_a", "coordinator_a"])
def test_the_lead_and_the_coordinator_invite_a_partner_whose_editors_get_a_mail(
    request, lone, partner_a2, editor_a2, django_capture_on_commit_callbacks, who
):
    second_editor = person("second@a2.example", partner_a2.network, RoleAssignment.Role.EDITOR, partner_a2)
    person("member@a2.example", partner_a2.network, RoleAssignment.Role.MEMBER, partner_a2)
    user = request.getfixturevalue(who)
    with django_capture_on_commit_callbacks(execute=True):
        partner = services.partner_invite(
            application=lone, organization=partner_a2, role=Role.SUPPORTING, acting_user=user
        )
    assert (partner.organization, partner.role, partner.answer, partner.invited_by) == (
        partner_a2,
        Role.SUPPORTING,
        Answer.INVITED,
        user,
    )
    [message] = mail.outbox
    assert sorted(message.to) == sorted([editor_a2.email, second_editor.email])
    assert message.subject == f"Uitnodiging voor een gezamenlijke aanvraag: {lone.title}"
    assert f"/portal/projects/applications/{lone.pk}/" in message.body


@pytest.mark.parametrize("who", ["editor_a2", "member_a", "outsider_a", "intake_a", "coordinator_b", None])
def test_only_the_lead_and_the_coordinator_invite(request, app, who):
    other = MembershipFactory(organization=OrganizationFactory(network=app.network)).organization
    before = _counts()
    with pytest.raises(PermissionDenied):
        services.partner_invite(
            application=app, organization=other, role=Role.PARTNER, acting_user=_person(request, who)
        )
    assert _counts() == before and mail.outbox == []


def test_an_accepted_partner_does_not_invite(app, editor_a2):
    other = MembershipFactory(organization=OrganizationFactory(network=app.network)).organization
    with pytest.raises(PermissionDenied):
        services.partner_invite(application=app, organization=other, role=Role.PARTNER, acting_user=editor_a2)


@pytest.mark.parametrize("kind", ["not_a_member", "left", "other_network"])
def test_only_a_member_of_the_network_can_be_invited(lone, editor_a, partner_b, kind):
    organization = {
        "not_a_member": lambda: OrganizationFactory(network=lone.network),
        "left": lambda: (
            MembershipFactory(
                organization=OrganizationFactory(network=lone.network), left_on=dt.date(2024, 12, 31)
            ).organization
        ),
        "other_network": lambda: partner_b,
    }[kind]()
    with pytest.raises(ValidationError) as error:
        services.partner_invite(
            application=lone, organization=organization, role=Role.PARTNER, acting_user=editor_a
        )
    assert _fields(error.value) == {"organization"}
    assert lone.partners.count() == 1


def test_a_partner_is_invited_once_and_an_application_has_one_lead(
    lone, partner_a, partner_a2, partner_a3, editor_a
):
    services.partner_invite(
        application=lone, organization=partner_a2, role=Role.PARTNER, acting_user=editor_a
    )
    for organization, role, field in (
        (partner_a2, Role.PARTNER, "organization"),  # twice
        (partner_a2, Role.SUPPORTING, "organization"),
        (partner_a, Role.PARTNER, "organization"),  # the lead itself
        (partner_a3, Role.LEAD, "role"),  # a second lead
        (partner_a3, "baas", "role"),
    ):
        with pytest.raises(ValidationError) as error:
            services.partner_invite(
                application=lone, organization=organization, role=role, acting_user=editor_a
            )
        assert _fields(error.value) == {field}, (organization, role)
    assert lone.partners.count() == 2


def test_no_invitation_to_a_decided_application(lone, partner_a2, editor_a):
    Application.objects.filter(pk=lone.pk).update(status=Status.REFUSED)
    with pytest.raises(ValidationError):
        services.partner_invite(
            application=lone, organization=partner_a2, role=Role.PARTNER, acting_user=editor_a
        )
    assert lone.partners.count() == 1


@pytest.fixture
def invitation(app, partner_a3):
    return app.partners.get(organization=partner_a3)


def test_the_invited_organisations_editor_accepts_with_a_role(invitation, editor_a3):
    answered = services.partner_answer(
        partner=invitation, accept=True, role=Role.SUPPORTING, acting_user=editor_a3
    )
    invitation.refresh_from_db()
    assert (invitation.answer, invitation.role, invitation.answered_by) == (
        Answer.ACCEPTED,
        Role.SUPPORTING,
        editor_a3,
    )
    assert invitation.answered_at is not None and answered.pk == invitation.pk
    assert services.can_write(editor_a3, application=invitation.application)


def test_the_invited_organisations_editor_declines(invitation, editor_a3):
    services.partner_answer(partner=invitation, accept=False, role=Role.LEAD, acting_user=editor_a3)
    invitation.refresh_from_db()
    assert (invitation.answer, invitation.role) == (Answer.DECLINED, Role.PARTNER)
    assert not services.can_write(editor_a3, application=invitation.application)


def test_an_invited_lead_that_declines_leaves_the_lead_open(lone, partner_a2, editor_a2, coordinator_a):
    application = ApplicationFactory(call=lone.call)
    invited = services.partner_invite(
        application=application, organization=partner_a2, role=Role.LEAD, acting_user=coordinator_a
    )
    services.partner_answer(partner=invited, accept=False, acting_user=editor_a2)
    invited.refresh_from_db()
    assert invited.role == Role.PARTNER and invited.answer == Answer.DECLINED
    assert not application.partners.filter(role=Role.LEAD).exists()


def test_accepting_as_lead_when_there_is_one_is_refused(invitation, editor_a3):
    with pytest.raises(ValidationError) as error:
        services.partner_answer(partner=invitation, accept=True, role=Role.LEAD, acting_user=editor_a3)
    assert _fields(error.value) == {"role"}
    invitation.refresh_from_db()
    assert (invitation.answer, invitation.role) == (Answer.INVITED, Role.PARTNER)


@pytest.mark.parametrize(
    "who", ["editor_a", "editor_a2", "coordinator_a", "outsider_a", "intake_a", "coordinator_b", None]
)
def test_only_the_invited_organisations_editor_answers(request, invitation, who):
    with pytest.raises(PermissionDenied):
        services.partner_answer(partner=invitation, accept=True, acting_user=_person(request, who))
    invitation.refresh_from_db()
    assert invitation.answer == Answer.INVITED and invitation.answered_by is None


def test_a_member_of_the_invited_organisation_does_not_answer(invitation, partner_a3):
    member = person("member@a3.example", partner_a3.network, RoleAssignment.Role.MEMBER, partner_a3)
    with pytest.raises(PermissionDenied):
        services.partner_answer(partner=invitation, accept=True, acting_user=member)


@pytest.mark.parametrize("status", [Status.GRANTED, Status.REFUSED, Status.WITHDRAWN])
def test_no_answer_after_the_decision(invitation, editor_a3, status):
    Application.objects.filter(pk=invitation.application_id).update(status=status)
    with pytest.raises(ValidationError):
        services.partner_answer(partner=invitation, accept=True, acting_user=editor_a3)
    invitation.refresh_from_db()
    assert invitation.answer == Answer.INVITED


# --- the status --------------------------------------------------------------------------------------------------

ALLOWED = {
    (Status.IDEA, Status.WRITING),
    (Status.IDEA, Status.WITHDRAWN),
    (Status.WRITING, Status.IDEA),
    (Status.WRITING, Status.SUBMITTED),
    (Status.WRITING, Status.WITHDRAWN),
    (Status.SUBMITTED, Status.GRANTED),
    (Status.SUBMITTED, Status.REFUSED),
    (Status.SUBMITTED, Status.WITHDRAWN),
    (Status.WITHDRAWN, Status.IDEA),
}


def _at(status: str, lead, **fields) -> Application:
    """An application at `status` (with the dates that status has), partner `lead` leading."""
    dates = {
        Status.SUBMITTED: {"submitted_on": in_days(-20)},
        Status.GRANTED: {
            "submitted_on": in_days(-20),
            "decided_on": in_days(-2),
            "amount_granted": Decimal(15000),
        },
        Status.REFUSED: {"submitted_on": in_days(-20), "decided_on": in_days(-2)},
        Status.WITHDRAWN: {"decided_on": in_days(-2)},
    }.get(status, {})
    call = fields.pop("call", None) or CallFactory(network=lead.network, deadline=in_days(30))
    application = ApplicationFactory(
        call=call, status=status, amount_asked=Decimal(20000), **{**dates, **fields}
    )
    ApplicationPartnerFactory(
        application=application, organization=lead, role=Role.LEAD, answer=Answer.ACCEPTED
    )
    return application


@pytest.mark.parametrize(("now", "to"), sorted(itertools.product(Status.values, Status.values)))
def test_the_status_moves_only_along_the_table(partner_a, coordinator_a, now, to):
    application = _at(now, partner_a)
    kwargs = {"amount_granted": "15000"} if to == Status.GRANTED else {}
    if (now, to) in ALLOWED:
        moved = services.application_status_set(
            application=application, status=to, acting_user=coordinator_a, **kwargs
        )
        application.refresh_from_db()
        assert application.status == to == moved.status
    else:
        with pytest.raises(ValidationError) as error:
            services.application_status_set(
                application=application, status=to, acting_user=coordinator_a, **kwargs
            )
        assert _fields(error.value) == {"status"}
        application.refresh_from_db()
        assert application.status == now


def test_a_made_up_status_is_refused(partner_a, coordinator_a):
    application = _at(Status.IDEA, partner_a)
    with pytest.raises(ValidationError) as error:
        services.application_status_set(application=application, status="gestart", acting_user=coordinator_a)
    assert _fields(error.value) == {"status"}


def test_the_dates_follow_the_status(partner_a, editor_a):
    application = _at(Status.WRITING, partner_a)
    services.application_status_set(
        application=application, status=Status.SUBMITTED, on=in_days(-3), acting_user=editor_a
    )
    application.refresh_from_db()
    assert application.submitted_on == in_days(-3) and application.decided_on is None
    services.application_status_set(
        application=application, status=Status.GRANTED, amount_granted="12000,50", acting_user=editor_a
    )
    application.refresh_from_db()
    assert application.decided_on == timezone.localdate() and application.amount_granted == Decimal(
        "12000.50"
    )


def test_a_withdrawn_application_starts_again_as_an_idea(partner_a, editor_a):
    application = _at(Status.WITHDRAWN, partner_a)
    services.application_status_set(application=application, status=Status.IDEA, acting_user=editor_a)
    application.refresh_from_db()
    assert application.status == Status.IDEA and application.decided_on is None


@pytest.mark.parametrize("amount", [None, ""])
def test_a_grant_needs_the_amount_granted(partner_a, coordinator_a, amount):
    application = _at(Status.SUBMITTED, partner_a)
    with pytest.raises(ValidationError) as error:
        services.application_status_set(
            application=application, status=Status.GRANTED, amount_granted=amount, acting_user=coordinator_a
        )
    assert _fields(error.value) == {"amount_granted"}
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED and application.amount_granted is None


@pytest.mark.parametrize("amount", ["25000", "20000.01", Decimal("20000.01"), "-1", "veel"])
def test_a_grant_above_the_amount_asked_or_not_an_amount_is_refused(partner_a, coordinator_a, amount):
    application = _at(Status.SUBMITTED, partner_a)  # 20000 asked
    with pytest.raises(ValidationError) as error:
        services.application_status_set(
            application=application, status=Status.GRANTED, amount_granted=amount, acting_user=coordinator_a
        )
    assert _fields(error.value) == {"amount_granted"}
    application.refresh_from_db()
    assert (application.status, application.amount_granted, application.decided_on) == (
        Status.SUBMITTED,
        None,
        None,
    )


def test_the_amount_asked_itself_can_be_granted(partner_a, coordinator_a):
    application = _at(Status.SUBMITTED, partner_a)
    services.application_status_set(
        application=application, status=Status.GRANTED, amount_granted="20000", acting_user=coordinator_a
    )
    application.refresh_from_db()
    assert application.amount_granted == Decimal(20000)


def test_submitting_after_the_calls_deadline_is_refused(network_a, partner_a, coordinator_a):
    call = CallFactory(network=network_a, deadline=in_days(-2))
    application = _at(Status.WRITING, partner_a, call=call)
    with pytest.raises(ValidationError) as error:
        services.application_status_set(
            application=application, status=Status.SUBMITTED, acting_user=coordinator_a
        )
    assert _fields(error.value) == {"on"}
    application.refresh_from_db()
    assert application.status == Status.WRITING and application.submitted_on is None
    # recorded afterwards, with the day it was submitted before the deadline: fine
    services.application_status_set(
        application=application, status=Status.SUBMITTED, on=in_days(-3), acting_user=coordinator_a
    )
    application.refresh_from_db()
    assert application.submitted_on == in_days(-3)


@pytest.mark.parametrize(
    ("now", "to"),
    [(Status.WRITING, Status.SUBMITTED), (Status.SUBMITTED, Status.REFUSED), (Status.IDEA, Status.WITHDRAWN)],
)
def test_a_date_in_the_future_is_refused(partner_a, coordinator_a, now, to):
    application = _at(now, partner_a)
    with pytest.raises(ValidationError) as error:
        services.application_status_set(
            application=application, status=to, on=in_days(1), acting_user=coordinator_a
        )
    assert _fields(error.value) == {"on"}
    application.refresh_from_db()
    assert application.status == now


@pytest.mark.parametrize("to", [Status.GRANTED, Status.REFUSED, Status.WITHDRAWN])
def test_a_decision_before_the_submission_is_refused(partner_a, coordinator_a, to):
    application = _at(Status.SUBMITTED, partner_a)  # submitted 20 days ago
    with pytest.raises(ValidationError) as error:
        services.application_status_set(
            application=application,
            status=to,
            on=in_days(-21),
            amount_granted="100",
            acting_user=coordinator_a,
        )
    assert _fields(error.value) == {"on"}
    application.refresh_from_db()
    assert (application.status, application.decided_on, application.amount_granted) == (
        Status.SUBMITTED,
        None,
        None,
    )


@pytest.mark.parametrize("who", ["editor_a2", "member_a", "editor_a3", "outsider_a", "coordinator_b", None])
def test_only_the_lead_and_the_coordinator_move_the_status(request, app, who):
    with pytest.raises(PermissionDenied):
        services.application_status_set(
            application=app, status=Status.SUBMITTED, acting_user=_person(request, who)
        )
    app.refresh_from_db()
    assert app.status == Status.WRITING


# --- documents ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("begroting.pdf", PDF, "application/pdf"),
        (
            "steunbrief.docx",
            office_zip("docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
@pytest.mark.parametrize("who", ["editor_a2", "editor_a", "coordinator_a"])
def test_an_accepted_partner_shares_a_document_kept_in_private_storage(
    request, app, private_storage, settings, who, name, content, content_type
):
    user = request.getfixturevalue(who)
    document = services.document_add(
        application=app, title=" Begroting ", file=upload(name, content), acting_user=user
    )
    document.refresh_from_db()
    assert (document.title, document.size, document.content_type, document.uploaded_by) == (
        "Begroting",
        len(content),
        content_type,
        user,
    )
    assert document.file.name == f"projects/{app.network_id}/{app.pk}/{document.pk}-{name}"
    assert stored_files(private_storage) == [private_storage / document.file.name]
    assert stored_files(settings.MEDIA_ROOT) == []
    with document.file.open("rb") as handle:
        assert handle.read() == content


@pytest.mark.parametrize(
    ("name", "content", "limit", "message"),
    [
        ("programma.exe", b"MZ\x90\x00 windows program", None, "Toegelaten zijn"),
        ("begroting.pdf", b"MZ\x90\x00 windows program", None, "Toegelaten zijn"),  # a renamed .exe
        ("steunbrief.docx", b"MZ\x90\x00 windows program", None, "Toegelaten zijn"),
        ("leeg.pdf", b"", None, "leeg"),
        ("groot.pdf", PDF + b"0" * 2000, 1024, "te groot"),
    ],
)
def test_a_refused_file_writes_nothing(
    app, editor_a2, private_storage, settings, name, content, limit, message
):
    if limit:
        settings.HVHK_DOCUMENT_MAX_BYTES = limit
    before = _counts()
    with pytest.raises(ValidationError) as error:
        services.document_add(
            application=app, title="Bijlage", file=upload(name, content), acting_user=editor_a2
        )
    assert _fields(error.value) == {"file"} and message in str(error.value)
    assert _counts() == before and stored_files(private_storage) == []


def test_a_document_needs_a_title(app, editor_a2, private_storage):
    with pytest.raises(ValidationError) as error:
        services.document_add(application=app, title=" ", file=upload("a.pdf", PDF), acting_user=editor_a2)
    assert _fields(error.value) == {"title"}
    assert ApplicationDocument.objects.count() == 0 and stored_files(private_storage) == []


@pytest.mark.parametrize("who", ["editor_a3", "outsider_a", "member_a", "coordinator_b", "editor_b", None])
def test_only_partners_who_accepted_share_documents(request, app, private_storage, who):
    with pytest.raises(PermissionDenied):
        services.document_add(
            application=app, title="Bijlage", file=upload("a.pdf", PDF), acting_user=_person(request, who)
        )
    assert ApplicationDocument.objects.count() == 0 and stored_files(private_storage) == []


def test_a_removed_document_leaves_no_file(app, editor_a2, private_storage):
    document = services.document_add(
        application=app, title="Bijlage", file=upload("a.pdf", PDF), acting_user=editor_a2
    )
    services.document_remove(document=document, acting_user=editor_a2)
    assert ApplicationDocument.objects.count() == 0 and stored_files(private_storage) == []


# --- the project after a grant -----------------------------------------------------------------------------------


@pytest.fixture
def granted(app):
    Application.objects.filter(pk=app.pk).update(
        status=Status.GRANTED,
        submitted_on=in_days(-30),
        decided_on=in_days(-1),
        amount_granted=Decimal(15000),
    )
    app.refresh_from_db()
    return app


def test_partners_keep_milestones_and_a_report_of_a_granted_project(granted, editor_a2, editor_a):
    milestone = services.milestone_add(
        application=granted, title=" Eerste rit ", due_on=in_days(30), acting_user=editor_a2
    )
    assert (milestone.title, milestone.due_on, milestone.done_on) == ("Eerste rit", in_days(30), None)
    services.milestone_done(milestone=milestone, acting_user=editor_a)
    milestone.refresh_from_db()
    assert milestone.done_on == timezone.localdate()
    services.milestone_done(milestone=milestone, acting_user=editor_a, done=False)
    milestone.refresh_from_db()
    assert milestone.done_on is None
    services.report_save(application=granted, report="  De bus reed 40 keer.  ", acting_user=editor_a2)
    granted.refresh_from_db()
    assert granted.report == "De bus reed 40 keer."


@pytest.mark.parametrize(
    "status", [Status.IDEA, Status.WRITING, Status.SUBMITTED, Status.REFUSED, Status.WITHDRAWN]
)
def test_milestones_and_a_report_only_for_a_granted_project(app, editor_a, status):
    Application.objects.filter(pk=app.pk).update(status=status)
    with pytest.raises(ValidationError):
        services.milestone_add(application=app, title="Eerste rit", due_on=in_days(30), acting_user=editor_a)
    with pytest.raises(ValidationError):
        services.report_save(application=app, report="Verslag", acting_user=editor_a)
    app.refresh_from_db()
    assert Milestone.objects.count() == 0 and app.report == ""


@pytest.mark.parametrize("who", ["editor_a3", "outsider_a", "member_a", "coordinator_b", None])
def test_outsiders_keep_no_milestones_or_report(request, granted, who):
    user = _person(request, who)
    milestone = Milestone.objects.create(
        network=granted.network, application=granted, title="Eerste rit", due_on=in_days(3)
    )
    with pytest.raises(PermissionDenied):
        services.milestone_add(application=granted, title="x", due_on=in_days(30), acting_user=user)
    with pytest.raises(PermissionDenied):
        services.milestone_done(milestone=milestone, acting_user=user)
    with pytest.raises(PermissionDenied):
        services.report_save(application=granted, report="Verslag", acting_user=user)
    milestone.refresh_from_db()
    granted.refresh_from_db()
    assert Milestone.objects.count() == 1 and milestone.done_on is None and granted.report == ""


# --- deadline reminders ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "which"),
    [(-1, None), (0, "1w"), (5, "1w"), (7, "1w"), (8, "4w"), (20, "4w"), (28, "4w"), (29, None), (90, None)],
)
def test_which_reminder_is_due_by_days_to_the_deadline(network_a, days, which):
    call = CallFactory(network=network_a, deadline=in_days(days))
    due = services.deadline_reminders_due()
    assert due == ([(call, which)] if which else [])


def test_each_reminder_is_due_once(network_a):
    CallFactory(network=network_a, deadline=in_days(20), reminded_4w_at=timezone.now())
    CallFactory(network=network_a, deadline=in_days(5), reminded_1w_at=timezone.now())
    reminded_early = CallFactory(network=network_a, deadline=in_days(5), reminded_4w_at=timezone.now())
    assert services.deadline_reminders_due() == [(reminded_early, "1w")]
    today = timezone.localdate() + dt.timedelta(days=1)  # tomorrow, given as `today`
    assert services.deadline_reminders_due(today=today) == [(reminded_early, "1w")]


@pytest.fixture
def reminding(
    network_a,
    network_b,
    themes,
    partner_a,
    partner_a2,
    partner_a3,
    partner_b,
    editor_a,
    editor_a2,
    editor_a3,
    member_a,
    outsider_a,
    coordinator_a,
    coordinator_b,
    editor_b,
):
    """Three health calls of network A (20 days, 5 days and a day ago) and one of network B; partner A3 (health)
    follows calls, the outsider (parenting) too; an application for the 5-day call is being written by partner A
    (lead) and partner A2, with the outsider's organisation invited but not answering."""
    offers(partner_a3, themes["gezondheid"])
    services.call_alert_set(user=editor_a3, organization=partner_a3, on=True)
    outsiders = RoleAssignment.objects.get(user=outsider_a).organization
    offers(outsiders, themes["opvoeding"])
    services.call_alert_set(user=outsider_a, organization=outsiders, on=True)
    services.call_alert_set(user=editor_b, organization=partner_b, on=True)
    calls = {}
    for days in (20, 5, -1):
        calls[days] = CallFactory(
            network=network_a, deadline=in_days(days), title=f"Oproep over {days} dagen"
        )
        calls[days].life_domains.add(themes["gezondheid"])
    calls["b"] = CallFactory(network=network_b, deadline=in_days(20), title="Oproep in netwerk B")
    application = _at(Status.WRITING, partner_a, call=calls[5])
    ApplicationPartnerFactory(application=application, organization=partner_a2, answer=Answer.ACCEPTED)
    ApplicationPartnerFactory(application=application, organization=outsiders)
    calls["application"] = application
    return calls


def _mails() -> dict:
    sent = {}
    for message in mail.outbox:
        assert len(message.to) == 1
        sent.setdefault(message.subject, []).append(message.to[0])
    return {subject: sorted(to) for subject, to in sent.items()}


def test_the_command_sends_each_reminder_once_to_followers_and_the_applications_partners(reminding, capsys):
    call_command("projects")
    assert _mails() == {
        "Nog 20 dagen: Oproep over 20 dagen": ["editor@a3.example"],
        "Nog 5 dagen: Oproep over 5 dagen": [
            "coordinator@a.example",
            "editor@a.example",
            "editor@a2.example",
            "editor@a3.example",
        ],
        "Nog 20 dagen: Oproep in netwerk B": ["editor@b.example"],
    }
    assert "Projects: 3 deadline reminders queued." in capsys.readouterr().out
    for days, field in ((20, "reminded_4w_at"), (5, "reminded_1w_at")):
        reminding[days].refresh_from_db()
        assert getattr(reminding[days], field) is not None
    reminding[-1].refresh_from_db()
    assert reminding[-1].reminded_4w_at is None and reminding[-1].reminded_1w_at is None

    sent = len(mail.outbox)
    call_command("projects")  # running twice sends nothing twice
    assert len(mail.outbox) == sent
    assert "Projects: 0 deadline reminders queued." in capsys.readouterr().out


def test_a_reminder_body_names_the_call_and_links_to_it(reminding):
    call_command("projects")
    message = next(m for m in mail.outbox if m.subject == "Nog 5 dagen: Oproep over 5 dagen")
    assert (
        "Nog 5 dagen om in te dienen voor „Oproep over 5 dagen” (Koning Boudewijnstichting)." in message.body
    )
    assert f"/portal/projects/calls/{reminding[5].pk}/" in message.body


def test_a_submitted_application_no_longer_reminds_its_partners(reminding):
    Application.objects.filter(pk=reminding["application"].pk).update(
        status=Status.SUBMITTED, submitted_on=in_days(-1)
    )
    assert services.reminder_recipients(reminding[5]) == ["editor@a3.example"]


def test_a_reminder_already_sent_is_not_sent_by_a_second_task(reminding):
    from hvhk.projects.tasks import send_deadline_reminder

    send_deadline_reminder.enqueue(str(reminding[20].pk), "4w")
    send_deadline_reminder.enqueue(str(reminding[20].pk), "4w")
    assert len(mail.outbox) == 1


def test_a_call_whose_deadline_moves_later_is_reminded_again(reminding, coordinator_a):
    call_command("projects")
    services.call_update(call=reminding[20], acting_user=coordinator_a, deadline=in_days(80))
    later = in_days(60)  # 20 days before the new deadline
    assert (FundingCall.objects.get(pk=reminding[20].pk), "4w") in services.deadline_reminders_due(
        today=later
    )


# --- deleting -----------------------------------------------------------------------------------------------------


def test_a_network_goes_with_its_calls_and_applications_but_a_call_with_applications_stays(
    network_a, partner_a
):
    """A call with applications cannot be deleted on its own (they would lose their call); the whole network can
    (as the HSDS round trip and a host removing a network do)."""
    from django.db.models import RestrictedError

    call = CallFactory(network=network_a)
    application = ApplicationFactory(call=call)
    ApplicationPartnerFactory(
        application=application, organization=partner_a, role=ApplicationPartner.Role.LEAD
    )
    with pytest.raises(RestrictedError):
        call.delete()
    assert FundingCall.objects.filter(pk=call.pk).exists()

    network_a.delete()

    assert not FundingCall.objects.filter(pk=call.pk).exists()
    assert not Application.objects.filter(pk=application.pk).exists()
