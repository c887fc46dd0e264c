"""Funding calls and joint applications: sharing a call, hearing of calls on your themes, starting an application,
inviting partners, answering an invitation, the shared text, documents, the status from idea to the funder's
answer, and after a grant the milestones and a short report.

Who may do what (checked here, whatever page called):
- a call: the coordinator shares it for the network, a partner's editor for their organisation; the one who
  shared it (or the coordinator) changes it;
- an application: the coordinator or a partner's editor starts it (an editor's organisation is its lead); the
  lead's editors and the coordinator invite partners and move its status; the editors of every partner that
  accepted share the text and the documents; an invited organisation's editor accepts or declines.

A shared text is saved only over the version its writer started from (`expected_version`): two partners editing
at once cannot silently overwrite each other. Every function is one transaction; mails go through the task worker
after commit."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.access import holds_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.uploads import check_upload
from hvhk.core.models import Network
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE, TARGET_GROUPS_CODE
from hvhk.directory.models import Membership, Organization
from hvhk.projects.models import (
    Application,
    ApplicationDocument,
    ApplicationPartner,
    CallAlert,
    FundingCall,
    Milestone,
)
from hvhk.projects.selectors import alert_recipients

Role = RoleAssignment.Role
Status = Application.Status
PartnerRole = ApplicationPartner.Role
Answer = ApplicationPartner.Answer

TEXT_MAX = 50000
CALL_FIELDS = (
    "funder",
    "funder_kind",
    "title",
    "url",
    "description",
    "eligibility",
    "amount_min",
    "amount_max",
    "deadline",
)
TRANSITIONS = {
    Status.IDEA: {Status.WRITING, Status.WITHDRAWN},
    Status.WRITING: {Status.IDEA, Status.SUBMITTED, Status.WITHDRAWN},
    Status.SUBMITTED: {Status.GRANTED, Status.REFUSED, Status.WITHDRAWN},
    Status.WITHDRAWN: {Status.IDEA},
    Status.GRANTED: set(),
    Status.REFUSED: set(),
}


def _after_commit(function) -> None:
    transaction.on_commit(function, robust=True)


# --- who acts ----------------------------------------------------------------------------------------------------


def is_coordinator(user: User | None, *, network) -> bool:
    return holds_role(user, network=network, roles=(Role.COORDINATOR,))


def is_editor_of(user: User | None, *, organization: Organization) -> bool:
    return holds_role(
        user, network=organization.network_id, roles=(Role.EDITOR,), organization=organization.pk
    )


def _lead(application: Application) -> ApplicationPartner | None:
    return application.partners.filter(role=PartnerRole.LEAD).select_related("organization").first()


def can_steer(user: User | None, *, application: Application) -> bool:
    """The coordinator and the lead's editors: invite partners, move the status, record amounts and the project."""
    if is_coordinator(user, network=application.network_id):
        return True
    lead = _lead(application)
    return lead is not None and is_editor_of(user, organization=lead.organization)


def can_write(user: User | None, *, application: Application) -> bool:
    """Who shares the text and the documents: the steerers and the editors of every partner that accepted."""
    if can_steer(user, application=application):
        return True
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    accepted = application.partners.filter(answer=Answer.ACCEPTED).values_list("organization_id", flat=True)
    return RoleAssignment.objects.filter(
        user=user, network_id=application.network_id, role=Role.EDITOR, organization_id__in=list(accepted)
    ).exists()


def _require(allowed: bool, what: str) -> None:
    if not allowed:
        raise PermissionDenied(what)


# --- checks ------------------------------------------------------------------------------------------------------


def _text(value, *, field: str, limit: int, required: str = "") -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError({field: required})
    if len(text) > limit:
        raise ValidationError(
            {
                field: _("Deze tekst is te lang: maximaal %(limit)d tekens (nu %(n)d).")
                % {"limit": limit, "n": len(text)}
            }
        )
    return text


def _amount(value, *, field: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
        if not amount.is_finite():
            raise ArithmeticError(value)
        amount = amount.quantize(Decimal("0.01"))
    except ArithmeticError as error:  # decimal.InvalidOperation is one
        raise ValidationError({field: _("Geef een bedrag in euro, bijvoorbeeld 15000.")}) from error
    if amount < 0:
        raise ValidationError({field: _("Een bedrag kan niet negatief zijn.")})
    if amount >= Decimal("1e10"):
        raise ValidationError({field: _("Dit bedrag is te groot.")})
    return amount


def _terms(network: Network, terms, *, code: str, field: str) -> list:
    terms = list(terms or [])
    for term in terms:
        if term.network_id != network.pk or term.taxonomy.code != code:
            raise ValidationError({field: _("Kies een thema van dit netwerk.")})
    return terms


def _call_fields(network: Network, fields: dict, *, deadline_before: dt.date | None) -> dict:
    clean = {key: fields[key] for key in CALL_FIELDS if key in fields}
    if "funder" in clean or deadline_before is None:
        clean["funder"] = _text(
            clean.get("funder"),
            field="funder",
            limit=200,
            required=_("Zeg wie het geld geeft (de financier)."),
        )
    if "title" in clean or deadline_before is None:
        clean["title"] = _text(
            clean.get("title"), field="title", limit=200, required=_("Geef de oproep een titel.")
        )
    for key, limit in (("description", 4000), ("eligibility", 2000)):
        if key in clean:
            clean[key] = _text(clean[key], field=key, limit=limit)
    if "url" in clean:
        clean["url"] = (clean["url"] or "").strip()
    for key in ("amount_min", "amount_max"):
        if key in clean:
            clean[key] = _amount(clean[key], field=key)
    if "deadline" in clean or deadline_before is None:
        deadline = clean.get("deadline")
        if deadline is None:
            raise ValidationError({"deadline": _("Geef de datum tot wanneer je kunt indienen.")})
        if deadline < timezone.localdate() and deadline != deadline_before:
            raise ValidationError(
                {"deadline": _("Deze datum ligt in het verleden. Kies een datum vanaf vandaag.")}
            )
    return clean


def _check_amounts(call: FundingCall) -> None:
    if call.amount_min is not None and call.amount_max is not None and call.amount_min > call.amount_max:
        raise ValidationError({"amount_max": _("Het hoogste bedrag is kleiner dan het laagste.")})


# --- calls -------------------------------------------------------------------------------------------------------


@transaction.atomic
def call_create(
    *,
    network: Network,
    acting_user: User,
    organization: Organization | None = None,
    life_domains=(),
    target_groups=(),
    **fields,
) -> FundingCall:
    """Share a funding call: for the network (the coordinator; organization None) or as a partner (its editor).
    Partners who asked for it hear of it by mail, if the call's themes match their services."""
    if organization is None:
        _require(
            is_coordinator(acting_user, network=network), "Only the coordinator shares a call for the network"
        )
    else:
        if organization.network_id != network.pk:
            raise ValidationError({"organization": _("Dit hoort niet bij dit netwerk.")})
        _require(
            is_editor_of(acting_user, organization=organization)
            or is_coordinator(acting_user, network=network),
            "Only the organisation's editor or the coordinator shares a call for it",
        )
    call = FundingCall(network=network, organization=organization, created_by=acting_user)
    for key, value in _call_fields(network, fields, deadline_before=None).items():
        setattr(call, key, value)
    _check_amounts(call)
    domains = _terms(network, life_domains, code=LIFE_DOMAINS_CODE, field="life_domains")
    groups = _terms(network, target_groups, code=TARGET_GROUPS_CODE, field="target_groups")
    call.full_clean()
    call.save()
    call.life_domains.set(domains)
    call.target_groups.set(groups)
    from hvhk.projects.tasks import send_call_alerts  # the tasks import this module

    _after_commit(lambda: send_call_alerts.enqueue(str(call.pk)))
    return call


def can_edit_call(user: User | None, *, call: FundingCall) -> bool:
    if is_coordinator(user, network=call.network_id):
        return True
    return call.organization_id is not None and is_editor_of(user, organization=call.organization)


@transaction.atomic
def call_update(
    *, call: FundingCall, acting_user: User, life_domains=None, target_groups=None, **fields
) -> FundingCall:
    call = (
        FundingCall.objects.select_for_update(of=("self",))
        .select_related("network", "organization")
        .get(pk=call.pk)
    )
    _require(can_edit_call(acting_user, call=call), "Only who shared the call or the coordinator changes it")
    deadline_before = call.deadline
    for key, value in _call_fields(call.network, fields, deadline_before=deadline_before).items():
        setattr(call, key, value)
    if call.deadline != deadline_before:  # a moved deadline gets its reminders again
        call.reminded_4w_at = call.reminded_1w_at = None
    _check_amounts(call)
    call.full_clean()
    call.save()
    if life_domains is not None:
        call.life_domains.set(
            _terms(call.network, life_domains, code=LIFE_DOMAINS_CODE, field="life_domains")
        )
    if target_groups is not None:
        call.target_groups.set(
            _terms(call.network, target_groups, code=TARGET_GROUPS_CODE, field="target_groups")
        )
    return call


@transaction.atomic
def call_alert_set(*, user: User, organization: Organization, on: bool) -> bool:
    """A partner's staff member opts in (or out) of mails of calls on their organisation's themes."""
    _require(
        holds_role(
            user,
            network=organization.network_id,
            roles=tuple(RoleAssignment.PARTNER_STAFF),
            organization=organization.pk,
        ),
        "Only the organisation's staff chooses its alerts",
    )
    alerts = CallAlert.objects.filter(
        network_id=organization.network_id, user=user, organization=organization
    )
    if on and not alerts.exists():
        CallAlert.objects.create(network_id=organization.network_id, user=user, organization=organization)
    elif not on:
        alerts.delete()
    return on


# --- applications ------------------------------------------------------------------------------------------------


@transaction.atomic
def application_start(
    *,
    call: FundingCall,
    acting_user: User,
    title: str,
    summary: str = "",
    organization: Organization | None = None,
) -> Application:
    """Start an application for a call. A partner's editor starts it for their organisation, which becomes its lead;
    the coordinator may name a lead organisation or leave it for later."""
    network = call.network
    if organization is not None and organization.network_id != network.pk:
        raise ValidationError({"organization": _("Dit hoort niet bij dit netwerk.")})
    coordinator = is_coordinator(acting_user, network=network)
    if not coordinator:
        _require(
            organization is not None and is_editor_of(acting_user, organization=organization),
            "Only the coordinator or a partner's editor starts an application",
        )
    if call.deadline < timezone.localdate():
        raise ValidationError(_("De deadline van deze oproep is voorbij. Een nieuwe aanvraag kan niet meer."))
    application = Application(
        network=network,
        call=call,
        title=_text(title, field="title", limit=200, required=_("Geef de aanvraag een werktitel.")),
        summary=_text(summary, field="summary", limit=2000),
        started_by=acting_user,
    )
    application.full_clean()
    application.save()
    if organization is not None:
        ApplicationPartner.objects.create(
            network=network,
            application=application,
            organization=organization,
            role=PartnerRole.LEAD,
            answer=Answer.ACCEPTED,
            invited_by=acting_user,
            answered_by=acting_user,
            answered_at=timezone.now(),
        )
    return application


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().select_related("network", "call").get(pk=application.pk)


def application_version(application: Application) -> str:
    """The version a writer started from: changes with every save."""
    return application.updated_at.isoformat() if application.updated_at else ""


@transaction.atomic
def application_update(
    *,
    application: Application,
    acting_user: User,
    expected_version: str,
    title: str | None = None,
    summary: str | None = None,
    text: str | None = None,
    amount_asked=None,
) -> Application:
    """Save the shared text (and the title, the summary, the amount asked) over the version the writer started
    from; if someone saved in between, nothing is saved and the writer is told."""
    application = _locked(application)
    _require(
        can_write(acting_user, application=application), "Only the application's partners write its text"
    )
    if application.status in Application.DECIDED:
        raise ValidationError(_("Over deze aanvraag is al beslist: de tekst ligt vast."))
    if expected_version != application_version(application):
        raise ValidationError(
            {
                "text": ValidationError(
                    _(
                        "Iemand anders paste de aanvraag intussen aan. Kopieer je wijzigingen, open de aanvraag "
                        "opnieuw en voeg ze toe aan de nieuwe versie."
                    ),
                    code="stale",
                )
            }
        )
    if title is not None:
        application.title = _text(
            title, field="title", limit=200, required=_("Geef de aanvraag een werktitel.")
        )
    if summary is not None:
        application.summary = _text(summary, field="summary", limit=2000)
    if text is not None:
        application.text = _text(text, field="text", limit=TEXT_MAX)
    if amount_asked is not None:
        application.amount_asked = _amount(amount_asked, field="amount_asked")
        if (
            application.amount_granted is not None
            and application.amount_asked is not None
            and application.amount_granted > application.amount_asked
        ):
            raise ValidationError({"amount_asked": _("Het gevraagde bedrag is kleiner dan het toegekende.")})
    application.full_clean()
    application.save()
    return application


@transaction.atomic
def partner_invite(
    *, application: Application, organization: Organization, role: str, acting_user: User
) -> ApplicationPartner:
    """Invite a partner of the network to join, as lead, partner or supporting partner; its editors get a mail."""
    application = _locked(application)
    _require(
        can_steer(acting_user, application=application), "Only the lead or the coordinator invites partners"
    )
    if application.status in Application.DECIDED:
        raise ValidationError(_("Over deze aanvraag is al beslist."))
    if (
        organization.network_id != application.network_id
        or not Membership.objects.filter(
            organization=organization, network_id=application.network_id, left_on__isnull=True
        ).exists()
    ):
        raise ValidationError({"organization": _("Kies een partner van dit netwerk.")})
    if role not in PartnerRole.values:
        raise ValidationError({"role": _("Kies een rol: trekker, partner of ondersteunend.")})
    if application.partners.filter(organization=organization).exists():
        raise ValidationError({"organization": _("Deze partner is al uitgenodigd.")})
    if role == PartnerRole.LEAD and application.partners.filter(role=PartnerRole.LEAD).exists():
        raise ValidationError({"role": _("Deze aanvraag heeft al een trekker.")})
    partner = ApplicationPartner(
        network_id=application.network_id,
        application=application,
        organization=organization,
        role=role,
        invited_by=acting_user,
    )
    partner.full_clean()
    try:
        with transaction.atomic():
            partner.save()
    except IntegrityError as error:  # the same partner, or a second lead, invited at the same moment
        raise ValidationError({"organization": _("Deze partner is al uitgenodigd.")}) from error
    from hvhk.projects.tasks import send_invitation

    _after_commit(lambda: send_invitation.enqueue(str(partner.pk)))
    return partner


@transaction.atomic
def partner_answer(
    *, partner: ApplicationPartner, accept: bool, acting_user: User, role: str | None = None
) -> ApplicationPartner:
    """The invited organisation's editor accepts (possibly with another role than asked) or declines."""
    partner = (
        ApplicationPartner.objects.select_for_update()
        .select_related("organization", "application")
        .get(pk=partner.pk)
    )
    _require(
        is_editor_of(acting_user, organization=partner.organization), "Only the invited organisation answers"
    )
    if partner.application.status in Application.DECIDED:
        raise ValidationError(_("Over deze aanvraag is al beslist."))
    if accept and role:
        if role not in PartnerRole.values:
            raise ValidationError({"role": _("Kies een rol: trekker, partner of ondersteunend.")})
        if (
            role == PartnerRole.LEAD
            and partner.role != PartnerRole.LEAD
            and partner.application.partners.filter(role=PartnerRole.LEAD).exists()
        ):
            raise ValidationError({"role": _("Deze aanvraag heeft al een trekker.")})
        partner.role = role
    partner.answer = Answer.ACCEPTED if accept else Answer.DECLINED
    partner.answered_by = acting_user
    partner.answered_at = timezone.now()
    if not accept and partner.role == PartnerRole.LEAD:
        partner.role = PartnerRole.PARTNER  # a lead that declines leaves the lead open
    partner.save()
    return partner


@transaction.atomic
def application_status_set(
    *,
    application: Application,
    status: str,
    acting_user: User,
    on: dt.date | None = None,
    amount_granted=None,
) -> Application:
    """Move the application: idea → writing → submitted → granted | refused, or withdrawn. `on` is the date it was
    submitted or decided (today by default). A grant needs the amount granted, which cannot be more than the
    amount asked."""
    application = _locked(application)
    _require(
        can_steer(acting_user, application=application), "Only the lead or the coordinator moves the status"
    )
    if status not in TRANSITIONS.get(application.status, set()):
        to = Status(status).label if status in Status.values else status
        raise ValidationError(
            {
                "status": _("Van '%(now)s' kan niet naar '%(to)s'.")
                % {"now": application.get_status_display(), "to": to}
            }
        )
    today = timezone.localdate()
    on = on or today
    if on > today:
        raise ValidationError({"on": _("Deze datum ligt in de toekomst.")})
    if status == Status.SUBMITTED:
        if on > application.call.deadline:
            raise ValidationError({"on": _("Deze datum ligt na de deadline van de oproep.")})
        application.submitted_on = on
    elif status == Status.GRANTED:
        granted = _amount(amount_granted, field="amount_granted")
        if granted is None:
            raise ValidationError({"amount_granted": _("Geef het toegekende bedrag.")})
        if application.amount_asked is not None and granted > application.amount_asked:
            raise ValidationError(
                {
                    "amount_granted": _(
                        "Het toegekende bedrag is groter dan het gevraagde. Kijk beide bedragen na."
                    )
                }
            )
        application.amount_granted = granted
        application.decided_on = on
    elif status in (Status.REFUSED, Status.WITHDRAWN):
        application.decided_on = on
    elif status == Status.IDEA:
        application.decided_on = None
    if (
        application.submitted_on
        and application.decided_on
        and application.decided_on < application.submitted_on
    ):
        raise ValidationError({"on": _("Deze datum ligt voor de datum van indienen.")})
    application.status = status
    application.full_clean()
    application.save()
    return application


@transaction.atomic
def document_add(*, application: Application, title: str, file, acting_user: User) -> ApplicationDocument:
    """Share a document among the application's partners (in the private storage; served only to them)."""
    application = _locked(application)
    _require(
        can_write(acting_user, application=application), "Only the application's partners share documents"
    )
    title = _text(title, field="title", limit=200, required=_("Geef het document een titel."))
    name, content_type = check_upload(file)
    document = ApplicationDocument(
        network_id=application.network_id,
        application=application,
        title=title,
        size=file.size,
        content_type=content_type,
        uploaded_by=acting_user,
    )
    document.full_clean(exclude=["file"])
    file.seek(0)
    document.file.save(name, file, save=False)
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)  # nothing half-written: no file without its row
        raise
    return document


@transaction.atomic
def document_remove(*, document: ApplicationDocument, acting_user: User) -> None:
    _require(can_write(acting_user, application=document.application), "Only the application's partners")
    document.file.delete(save=False)
    document.delete()


def _require_granted(application: Application) -> None:
    if application.status != Status.GRANTED:
        raise ValidationError(_("Mijlpalen en een verslag horen bij een goedgekeurd project."))


@transaction.atomic
def milestone_add(*, application: Application, title: str, due_on: dt.date, acting_user: User) -> Milestone:
    application = _locked(application)
    _require(can_write(acting_user, application=application), "Only the application's partners")
    _require_granted(application)
    milestone = Milestone(
        network_id=application.network_id,
        application=application,
        title=_text(title, field="title", limit=200, required=_("Geef de mijlpaal een naam.")),
        due_on=due_on,
    )
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_done(*, milestone: Milestone, acting_user: User, done: bool = True) -> Milestone:
    milestone = Milestone.objects.select_for_update().select_related("application").get(pk=milestone.pk)
    _require(can_write(acting_user, application=milestone.application), "Only the application's partners")
    milestone.done_on = timezone.localdate() if done else None
    milestone.save(update_fields=["done_on", "updated_at"])
    return milestone


@transaction.atomic
def report_save(*, application: Application, report: str, acting_user: User) -> Application:
    application = _locked(application)
    _require(can_write(acting_user, application=application), "Only the application's partners")
    _require_granted(application)
    application.report = _text(report, field="report", limit=5000)
    application.save(update_fields=["report", "updated_at"])
    return application


# --- reminders ---------------------------------------------------------------------------------------------------


def _participant_addresses(call: FundingCall) -> set[str]:
    """The editors of the partners in an open application for the call, and the coordinators if any is open."""
    open_applications = call.applications.filter(status__in=(Status.IDEA, Status.WRITING))
    organizations = ApplicationPartner.objects.filter(
        application__in=open_applications, answer=Answer.ACCEPTED
    ).values_list("organization_id", flat=True)
    wanted = Q(roles__role=Role.EDITOR, roles__organization_id__in=list(organizations))
    if open_applications.exists():
        wanted |= Q(roles__role=Role.COORDINATOR)
    return set(
        User.objects.filter(wanted, roles__network_id=call.network_id, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def deadline_reminders_due(*, today: dt.date | None = None) -> list[tuple[FundingCall, str]]:
    """The calls whose reminder is due today: ("4w", call) four weeks or less before the deadline (but more than a
    week), ("1w", call) a week or less before it; each reminder once."""
    today = today or timezone.localdate()
    due = []
    four = FundingCall.objects.filter(
        reminded_4w_at__isnull=True,
        deadline__gt=today + dt.timedelta(days=7),
        deadline__lte=today + dt.timedelta(days=28),
    )
    one = FundingCall.objects.filter(
        reminded_1w_at__isnull=True, deadline__gte=today, deadline__lte=today + dt.timedelta(days=7)
    )
    due += [(call, "4w") for call in four.select_related("network")]
    due += [(call, "1w") for call in one.select_related("network")]
    return due


def reminder_recipients(call: FundingCall) -> list[str]:
    return sorted(set(alert_recipients(call)) | _participant_addresses(call))


@transaction.atomic
def reminder_mark(*, call: FundingCall, which: str) -> bool:
    """Mark a reminder as sent; False if it already was (another run got there first)."""
    field = "reminded_4w_at" if which == "4w" else "reminded_1w_at"
    return bool(
        FundingCall.objects.filter(pk=call.pk, **{f"{field}__isnull": True}).update(**{field: timezone.now()})
    )
