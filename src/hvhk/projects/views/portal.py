"""Funding calls and joint applications in the portal (/portal/projects/). The coordinator and every partner's staff
see the calls; an application only its partners and the coordinator (`selectors.applications_for`). Writing rules
are the services'; a refused step comes back as a message or on its form. Everyone else gets a 404."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hvhk.accounts.access import ActiveRole, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.core.lib.forms import add_service_errors
from hvhk.core.lib.http import private_download
from hvhk.core.lib.spreadsheet import safe_cell
from hvhk.projects import selectors, services
from hvhk.projects.forms import (
    AnswerForm,
    CallForm,
    DocumentForm,
    InviteForm,
    MilestoneForm,
    ReportForm,
    StartForm,
    StatusForm,
    TextForm,
)
from hvhk.projects.models import Application, ApplicationPartner

# The next statuses as offered in the form: the step forward first, going back and withdrawing last.
FORWARD_FIRST = ("writing", "submitted", "granted", "refused", "idea", "withdrawn")


def _page(request: HttpRequest, role: ActiveRole, template: str, context: dict, status: int = 200):
    return render(
        request,
        template,
        {"role": role, "roles": request_roles(request), "nav": "projects", **context},
        status=status,
    )


def _step(request: HttpRequest, step, success: str, **kwargs) -> bool:
    """Run a service step; its refusal becomes an error message, its success the message `success`."""
    try:
        step(acting_user=request.user, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    except PermissionDenied as error:
        raise Http404("Not allowed for this role") from error
    messages.success(request, success)
    return True


# --- calls -------------------------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def index(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    calls = list(selectors.calls_for(role=role))
    context = {
        "calls": calls,
        "for_you": selectors.calls_for_you(role=role, calls=calls),
        "past": list(selectors.calls_for(role=role, past=True)[:10]),
        "applications": list(selectors.applications_for(role=role).order_by("-updated_at")[:50]),
        "alert_on": selectors.alert_on(role=role, user=request.user),
        "can_share": role.is_coordinator or role.is_editor,
    }
    return _page(request, role, "projects/portal/index.html", context)


@require_POST
@role_required
def alerts(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    if role.organization is None:
        raise Http404("Alerts are for a partner's staff")
    on = request.POST.get("on") == "1"
    try:
        services.call_alert_set(user=request.user, organization=role.organization, on=on)
    except PermissionDenied as error:
        raise Http404 from error
    messages.success(
        request,
        _("Je krijgt een e-mail bij nieuwe oproepen die passen bij jullie aanbod.")
        if on
        else _("Je krijgt geen e-mails meer over nieuwe oproepen."),
    )
    return redirect("projects:index")


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def call_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    selectors.calls_for(role=role)
    if not (role.is_coordinator or role.is_editor):
        raise Http404("Only the coordinator and partners' editors share calls")
    form = CallForm(request.POST or None, network=role.network)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        try:
            call = services.call_create(
                network=role.network,
                acting_user=request.user,
                organization=None if role.is_coordinator else role.organization,
                **fields,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De oproep is gedeeld met de partners."))
            return redirect("projects:call", call.pk)
    context = {"form": form, "forms_with_errors": [form] if form.errors else [], "editing": None}
    return _page(request, role, "projects/portal/call_form.html", context, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def call_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    call = selectors.call_get(role=role, pk=pk)
    if not services.can_edit_call(request.user, call=call):
        raise Http404("Only who shared the call or the coordinator changes it")
    form = CallForm(request.POST or None, instance=call, network=role.network)
    if request.method == "POST" and form.is_valid():
        try:
            services.call_update(call=call, acting_user=request.user, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De oproep is bewaard."))
            return redirect("projects:call", call.pk)
    context = {"form": form, "forms_with_errors": [form] if form.errors else [], "editing": call}
    return _page(request, role, "projects/portal/call_form.html", context, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def call_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    call = selectors.call_get(role=role, pk=pk)
    can_start = (role.is_coordinator or role.is_editor) and call.deadline >= timezone.localdate()
    form = StartForm(request.POST or None, network=role.network) if can_start else None
    if request.method == "POST":
        if form is None:
            raise Http404("Starting an application is not possible here")
        if form.is_valid():
            organization = form.cleaned_data["organization"] if role.is_coordinator else role.organization
            try:
                application = services.application_start(
                    call=call,
                    acting_user=request.user,
                    title=form.cleaned_data["title"],
                    summary=form.cleaned_data["summary"],
                    organization=organization,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied as error:
                raise Http404 from error
            else:
                messages.success(request, _("De aanvraag is gestart. Nodig nu partners uit."))
                return redirect("projects:application", application.pk)
    mine = list(selectors.applications_for(role=role).filter(call=call))
    context = {
        "call": call,
        "form": form,
        "forms_with_errors": [form] if form is not None and form.errors else [],
        "applications": mine,
        "can_edit": services.can_edit_call(request.user, call=call),
        "for_you": call.pk in selectors.calls_for_you(role=role, calls=[call]),
    }
    status = 400 if form is not None and form.errors else 200
    return _page(request, role, "projects/portal/call_detail.html", context, status=status)


# --- applications ------------------------------------------------------------------------------------------------


def _application_context(request, role: ActiveRole, application: Application, **forms) -> dict:
    steer = services.can_steer(request.user, application=application)
    write = steer or services.can_write(request.user, application=application)
    open_ = application.status not in Application.DECIDED
    mine = next(
        (
            p
            for p in application.partners.all()
            if role.organization and p.organization_id == role.organization.pk
        ),
        None,
    )
    context = {
        "application": application,
        "call": application.call,
        "partners": list(application.partners.all()),
        "lead": selectors.lead_of(application),
        "mine": mine,
        "steer": steer,
        "write": write,
        "documents": list(application.documents.all()),
        "milestones": list(application.milestones.all()),
        "granted": application.status == Application.Status.GRANTED,
        "next_statuses": [
            (value, Application.Status(value).label)
            for value in FORWARD_FIRST
            if value in services.TRANSITIONS.get(application.status, set())
        ],
    }
    if write and open_:
        context["text_form"] = forms.get("text_form") or TextForm(
            initial={
                "version": services.application_version(application),
                "title": application.title,
                "summary": application.summary,
                "text": application.text,
                "amount_asked": application.amount_asked,
            }
        )
        context["document_form"] = forms.get("document_form") or DocumentForm()
    if steer and open_:
        context["invite_form"] = forms.get("invite_form") or InviteForm(
            network=role.network, application=application
        )
    if steer:
        context["status_form"] = forms.get("status_form") or StatusForm()
    if write and context["granted"]:
        context["milestone_form"] = forms.get("milestone_form") or MilestoneForm()
        context["report_form"] = forms.get("report_form") or ReportForm(
            initial={"report": application.report}
        )
    if mine is not None and mine.answer == ApplicationPartner.Answer.INVITED and role.is_editor and open_:
        context["answer_form"] = forms.get("answer_form") or AnswerForm(initial={"role": mine.role})
    context["forms_with_errors"] = [f for f in forms.values() if f is not None and f.errors]
    return context


def _application_page(request, role, application, status: int = 200, **forms) -> HttpResponse:
    context = _application_context(request, role, application, **forms)
    return _page(request, role, "projects/portal/application.html", context, status=status)


def _application_form(
    request: HttpRequest, role: ActiveRole, application: Application, form, *, name: str, step, success: str
) -> HttpResponse:
    """A form posted on an application's page: valid, `step(cleaned_data)` runs the service; its refusal comes back
    on the form (`name` in the page's context) with a 400, an action the role may not take is a 404."""
    if form.is_valid():
        try:
            step(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            raise Http404("Not allowed for this role") from error
        else:
            messages.success(request, success)
            return redirect("projects:application", application.pk)
    return _application_page(request, role, application, status=400, **{name: form})


@never_cache
@require_GET
@role_required
def application_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    application = selectors.application_get(role=role, pk=pk)
    return _application_page(request, role, application)


@require_POST
@role_required
def application_text(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    application = selectors.application_get(role=role, pk=pk)
    form = TextForm(request.POST)
    stale = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.application_update(
                application=application,
                acting_user=request.user,
                expected_version=data["version"],
                title=data["title"],
                summary=data["summary"],
                text=data["text"],
                amount_asked="" if data["amount_asked"] is None else data["amount_asked"],
            )
        except ValidationError as error:
            # Someone saved in between: a conflict (409), not bad input.
            stale = any(e.code == "stale" for e in getattr(error, "error_dict", {}).get("text", []))
            add_service_errors(form, error)
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(request, _("De aanvraag is bewaard."))
            return redirect("projects:application", application.pk)
    application = selectors.application_get(role=role, pk=pk)
    return _application_page(request, role, application, status=409 if stale else 400, text_form=form)


@require_POST
@role_required
def application_invite(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    application = selectors.application_get(role=role, pk=pk)
    form = InviteForm(request.POST, network=role.network, application=application)
    return _application_form(
        request,
        role,
        application,
        form,
        name="invite_form",
        step=lambda data: services.partner_invite(application=application, acting_user=request.user, **data),
        success=_("De partner is uitgenodigd en krijgt een e-mail."),
    )


@require_POST
@role_required
def application_answer(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    partner = selectors.partner_get(role=role, pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies of je organisatie meedoet."))
    else:
        accept = form.cleaned_data["accept"]
        _step(
            request,
            services.partner_answer,
            _("Fijn dat jullie meedoen.")
            if accept
            else _("Jullie doen niet mee. De trekker ziet je antwoord."),
            partner=partner,
            accept=accept,
            role=form.cleaned_data["role"] or None,
        )
    if form.is_valid() and not form.cleaned_data["accept"]:
        return redirect("projects:index")
    return redirect("projects:application", partner.application_id)


@require_POST
@role_required
def application_status(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    application = selectors.application_get(role=role, pk=pk)
    return _application_form(
        request,
        role,
        application,
        StatusForm(request.POST),
        name="status_form",
        step=lambda data: services.application_status_set(
            application=application,
            acting_user=request.user,
            status=data["status"],
            on=data["on"],
            amount_granted=data["amount_granted"],
        ),
        success=_("De status van de aanvraag is aangepast."),
    )


@require_POST
@role_required
def document_upload(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    application = selectors.application_get(role=role, pk=pk)
    return _application_form(
        request,
        role,
        application,
        DocumentForm(request.POST, request.FILES),
        name="document_form",
        step=lambda data: services.document_add(application=application, acting_user=request.user, **data),
        success=_("Het document is gedeeld met de partners."),
    )


@never_cache
@require_GET
@role_required
def document(request: HttpRequest, role: ActiveRole, pk) -> FileResponse:
    """The file itself, for the application's partners and the coordinator only; always downloaded."""
    doc = selectors.document_get(role=role, pk=pk)
    return private_download(doc)


@require_POST
@role_required
def milestone_add(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    application = selectors.application_get(role=role, pk=pk)
    return _application_form(
        request,
        role,
        application,
        MilestoneForm(request.POST),
        name="milestone_form",
        step=lambda data: services.milestone_add(application=application, acting_user=request.user, **data),
        success=_("De mijlpaal is toegevoegd."),
    )


@require_POST
@role_required
def milestone_done(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    milestone = selectors.milestone_get(role=role, pk=pk)
    _step(
        request,
        services.milestone_done,
        _("De mijlpaal is aangepast."),
        milestone=milestone,
        done=request.POST.get("done") == "1",
    )
    return redirect("projects:application", milestone.application_id)


@require_POST
@role_required
def report(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    application = selectors.application_get(role=role, pk=pk)
    return _application_form(
        request,
        role,
        application,
        ReportForm(request.POST),
        name="report_form",
        step=lambda data: services.report_save(application=application, acting_user=request.user, **data),
        success=_("Het verslag is bewaard."),
    )


# --- the yearly overview ------------------------------------------------------------------------------------------


def _year(request: HttpRequest, role: ActiveRole):
    if not role.is_coordinator:
        raise Http404("The yearly overview is the coordinator's")
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    if not 2000 <= year <= timezone.localdate().year + 1:
        year = timezone.localdate().year
    return year


@never_cache
@require_GET
@role_required
def year_overview(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    year = _year(request, role)
    context = {
        "overview": selectors.applications_in_year(network=role.network, year=year),
        "years": selectors.application_years(network=role.network),
    }
    return _page(request, role, "projects/portal/year.html", context)


@never_cache
@require_GET
@role_required
def year_csv(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    year = _year(request, role)
    overview = selectors.applications_in_year(network=role.network, year=year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="aanvragen-{year}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with a byte order mark
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Aanvraag"),
            _("Oproep"),
            _("Financier"),
            pgettext("application", "Trekker"),
            _("Status"),
            _("Gevraagd"),
            _("Toegekend"),
        ]
    )
    for application in overview.applications:
        lead = selectors.lead_of(application)
        writer.writerow(
            [
                safe_cell(application.title),
                safe_cell(application.call.title),
                safe_cell(application.call.funder),
                safe_cell(lead.organization.name if lead else ""),
                application.get_status_display(),
                f"{application.amount_asked:.2f}".replace(".", ",")
                if application.amount_asked is not None
                else "",
                f"{application.amount_granted:.2f}".replace(".", ",")
                if application.amount_granted is not None
                else "",
            ]
        )
    return response
