"""Portal pages of activities: the list (the coordinator's with filters, a partner's own), writing and editing an
activity, its sessions (one date, a series, a recurring pattern with a preview), the coordinator's moderation
queue and review page, and the network's holiday periods.

Every page works in the active role: what the role may not see is a 404, and read-only roles (a partner's
member, the analyst) see pages without their forms. The services check the acting person again.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.activities.forms_authoring import (
    ActivityForm,
    HolidayPeriodForm,
    RecurringForm,
    ReturnForm,
    SeriesForm,
    SessionForm,
)
from hvhk.activities.models import Activity, HolidayPeriod, Session
from hvhk.activities.selectors import portal as selectors
from hvhk.activities.selectors.access import editable_activities_for
from hvhk.activities.selectors.schedule import sessions_preview
from hvhk.activities.services import activities as services
from hvhk.activities.services import schedule
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory import permissions

PER_PAGE = 30
# Where a service's field error shows on a form that names the field differently.
FIELD_ALIASES = {
    "price_cents": "price",
    "uitpas_price_cents": "uitpas_price",
    "schedule": "registration_mode",
    "starts_at": "start",
    "ends_at": "end",
    "first_start": "first_day",
}


def _add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names (or its alias), else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        name = FIELD_ALIASES.get(field, field)
        form.add_error(name if name in form.fields else None, errors)


def _context(role: ActiveRole, **extra) -> dict:
    return {"role": role, "nav": "activities", **extra}


def _visible(role: ActiveRole) -> QuerySet[Activity]:
    if not selectors.sees_activities(role=role):
        raise Http404
    return selectors.portal_activities_for(role=role)


def _editable(role: ActiveRole, pk) -> Activity:
    return scoped_get_or_404(
        editable_activities_for(role=role).select_related("service__organization", "house", "location"),
        network=role.network,
        pk=pk,
    )


def _can_create(role: ActiveRole) -> bool:
    return role.is_coordinator or (role.is_editor and role.organization is not None)


def _can_edit(role: ActiveRole, activity: Activity) -> bool:
    return role.is_coordinator or (
        role.is_editor
        and role.organization is not None
        and activity.service.organization_id == role.organization.pk
    )


def _form_kwargs(role: ActiveRole, activity: Activity | None) -> dict:
    organization = activity.service.organization if activity is not None else role.organization
    services_qs = selectors.activity_services_for(role=role)
    if activity is not None:
        services_qs = services_qs | type(activity.service).objects.filter(pk=activity.service_id)
    return {
        "services": services_qs.distinct().select_related("organization").order_by("name"),
        "houses": selectors.activity_houses_for(network=role.network),
        "places": selectors.activity_places_for(
            network=role.network,
            organization=None if role.is_coordinator else organization,
            current=activity.location_id if activity is not None else None,
        ),
    }


# --- list, create, detail, edit -------------------------------------------------------------------------------


@role_required
def activity_list(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    _visible(role)
    status = request.GET.get("status", "")
    organization = request.GET.get("partner", "") if not role.organization else ""
    activities = selectors.activity_list(role=role, status=status, organization=organization)
    page = Paginator(activities, PER_PAGE).get_page(request.GET.get("page"))
    partners = selectors.organizations_with_activities(role=role) if not role.organization else []
    params = urlencode({k: v for k, v in (("status", status), ("partner", organization)) if v})
    return render(
        request,
        "activities/portal/list.html",
        _context(
            role,
            page=page,
            status=status,
            partner=organization,
            partners=partners,
            statuses=[("review", _("wacht op nazicht")), *Activity.Status.choices],
            params=f"{params}&" if params else "",
            can_create=_can_create(role),
        ),
    )


@require_http_methods(["GET", "POST"])
@role_required
def activity_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    if not _can_create(role):
        raise Http404
    form = ActivityForm(request.POST or None, **_form_kwargs(role, None))
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        service = fields.pop("service")
        try:
            activity = services.activity_create(
                network=role.network, service=service, acting_user=request.user, **fields
            )
            if request.POST.get("action") == "submit":
                services.activity_submit(activity=activity, acting_user=request.user)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _status_message(activity))
            return redirect("activities:portal-sessions", activity.pk)
    return render(
        request,
        "activities/portal/form.html",
        _context(
            role,
            form=form,
            activity=None,
            direct=role.is_coordinator
            or (
                role.organization is not None
                and permissions.publishes_directly(user=request.user, organization=role.organization)
            ),
            forms_with_errors=[form] if form.errors else [],
        ),
    )


def _status_message(activity: Activity) -> str:
    if (
        activity.status == Activity.Status.PUBLISHED
        and activity.pending_status == Activity.PendingStatus.SUBMITTED
    ):
        return _(
            "Je wijziging aan “{title}” wacht op nazicht. Tot dan blijft de vorige versie online."
        ).format(title=activity.title)
    return {
        Activity.Status.DRAFT: _(
            "“{title}” is bewaard als klad. Alleen jouw organisatie en de coördinator zien het."
        ),
        Activity.Status.SUBMITTED: _("“{title}” is ingediend. De coördinator kijkt het na."),
        Activity.Status.PUBLISHED: _("“{title}” staat online."),
        Activity.Status.RETURNED: _("“{title}” is bewaard. Dien het opnieuw in als het klaar is."),
        Activity.Status.WITHDRAWN: _("“{title}” is offline."),
    }[activity.status].format(title=activity.title)


@require_http_methods(["GET", "POST"])
@role_required
def activity_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    activity = scoped_get_or_404(
        _visible(role).select_related(
            "service__organization", "house", "location", "pending_by", "submitted_by"
        ),
        network=role.network,
        pk=pk,
    )
    can_edit = _can_edit(role, activity)
    if request.method == "POST":
        if not can_edit:
            raise Http404
        action = request.POST.get("action")
        step = {
            "submit": services.activity_submit,
            "publish": services.activity_publish,
            "withdraw": services.activity_withdraw,
        }.get(action)
        if step is None:
            raise Http404
        try:
            step(activity=activity, acting_user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _status_message(activity))
        return redirect("activities:portal-detail", activity.pk)
    upcoming, past = selectors.activity_sessions(activity=activity)
    return render(
        request,
        "activities/portal/detail.html",
        _context(
            role,
            activity=activity,
            can_edit=can_edit,
            direct=can_edit
            and permissions.publishes_directly(user=request.user, organization=activity.service.organization),
            changes=selectors.pending_diff(activity=activity),
            facts=selectors.activity_facts(activity=activity),
            upcoming=upcoming,
            past=past,
        ),
    )


@require_http_methods(["GET", "POST"])
@role_required
def activity_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    activity = _editable(role, pk)
    direct = activity.status != Activity.Status.PUBLISHED or permissions.publishes_directly(
        user=request.user, organization=activity.service.organization
    )
    # Who proposes changes works on their proposal; who publishes directly on what is online.
    initial = ActivityForm.initial_from(activity, None if not direct else {})
    form = ActivityForm(
        request.POST or None, initial=initial, activity=activity, **_form_kwargs(role, activity)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(
                activity=activity, acting_user=request.user, **form.service_fields(activity)
            )
            if request.POST.get("action") == "submit" and activity.status in (
                Activity.Status.DRAFT,
                Activity.Status.RETURNED,
                Activity.Status.WITHDRAWN,
            ):
                services.activity_submit(activity=activity, acting_user=request.user)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _status_message(activity))
            return redirect("activities:portal-detail", activity.pk)
    return render(
        request,
        "activities/portal/form.html",
        _context(
            role,
            form=form,
            activity=activity,
            direct=direct,
            forms_with_errors=[form] if form.errors else [],
        ),
    )


# --- sessions -------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@role_required
def activity_sessions(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    activity = scoped_get_or_404(
        _visible(role).select_related("service__organization"), network=role.network, pk=pk
    )
    can_edit = _can_edit(role, activity)
    action = request.POST.get("action") if request.method == "POST" else None
    if action and not can_edit:
        raise Http404
    one = SessionForm(request.POST if action == "add" else None, prefix="one")
    series = SeriesForm(
        request.POST if action == "series" else None,
        prefix="series",
        initial={"dates": _series_initial(activity)},
    )
    recurring = RecurringForm(
        request.POST if action in ("preview", "generate") else None,
        prefix="rec",
        initial={
            "skip_public_holidays": activity.skip_public_holidays,
            "skip_school_holidays": activity.skip_school_holidays,
        },
    )
    preview = None
    if action == "add" and one.is_valid():
        start, end = one.times()
        try:
            schedule.session_add(
                activity=activity,
                starts_at=start,
                ends_at=end,
                capacity=one.cleaned_data["capacity"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _add_errors(one, error)
        else:
            messages.success(request, _("Het moment is toegevoegd."))
            return redirect("activities:portal-sessions", activity.pk)
    elif action == "series" and series.is_valid():
        try:
            made = schedule.series_set(
                activity=activity, dates=series.cleaned_data["dates"], acting_user=request.user
            )
        except ValidationError as error:
            _add_errors(series, error)
        else:
            messages.success(
                request,
                ngettext(
                    "De reeks heeft nu %(n)s komend moment.",
                    "De reeks heeft nu %(n)s komende momenten.",
                    len(made),
                )
                % {"n": len(made)},
            )
            return redirect("activities:portal-sessions", activity.pk)
    elif action in ("preview", "generate") and recurring.is_valid():
        try:
            if action == "generate":
                made = schedule.sessions_generate(
                    activity=activity, acting_user=request.user, **recurring.arguments()
                )
            else:
                preview = sessions_preview(activity=activity, **recurring.arguments())
        except ValidationError as error:
            _add_errors(recurring, error)
        else:
            if action == "generate":
                messages.success(
                    request,
                    ngettext("%(n)s moment is gemaakt.", "%(n)s momenten zijn gemaakt.", len(made))
                    % {"n": len(made)},
                )
                return redirect("activities:portal-sessions", activity.pk)
    upcoming, past = selectors.activity_sessions(activity=activity)
    forms_with_errors = [f for f in (one, series, recurring) if f.errors]
    return render(
        request,
        "activities/portal/sessions.html",
        _context(
            role,
            activity=activity,
            can_edit=can_edit,
            upcoming=upcoming,
            past=past,
            one=one,
            series=series,
            recurring=recurring,
            preview=preview,
            preview_made=sum(1 for p in preview or [] if not p.skipped),
            open_form=action,
            forms_with_errors=forms_with_errors,
        ),
    )


def _series_initial(activity: Activity) -> str:
    now = timezone.now()
    lines = []
    for s in Session.objects.filter(activity=activity, starts_at__gt=now, is_cancelled=False).order_by(
        "starts_at"
    ):
        start, end = timezone.localtime(s.starts_at), timezone.localtime(s.ends_at)
        lines.append(f"{start:%d/%m/%Y %H:%M}-{end:%H:%M}")
    return "\n".join(lines)


@require_http_methods(["GET", "POST"])
@role_required
def session_edit(request: HttpRequest, role: ActiveRole, pk, session_pk) -> HttpResponse:
    activity = _editable(role, pk)
    session = scoped_get_or_404(
        Session.objects.filter(activity=activity), network=role.network, pk=session_pk
    )
    start, end = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    initial = {"day": start.date(), "start": start.time(), "end": end.time(), "capacity": session.capacity}
    action = request.POST.get("action")
    if request.method == "POST" and action == "delete":
        try:
            schedule.session_delete(session=session, acting_user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("activities:portal-session-edit", activity.pk, session.pk)
        messages.success(request, _("Het moment is verwijderd."))
        return redirect("activities:portal-sessions", activity.pk)
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        new_start, new_end = form.times()
        try:
            schedule.session_update(
                session=session,
                starts_at=new_start,
                ends_at=new_end,
                capacity=form.cleaned_data["capacity"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Het moment is aangepast."))
            return redirect("activities:portal-sessions", activity.pk)
    return render(
        request,
        "activities/portal/session_form.html",
        _context(
            role,
            activity=activity,
            session=session,
            form=form,
            started=session.starts_at <= timezone.now(),
            forms_with_errors=[form] if form.errors else [],
        ),
    )


# --- moderation (the coordinator) -------------------------------------------------------------------------------


@role_required(coordinator=True)
def moderation_queue(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    return render(
        request,
        "activities/portal/moderation.html",
        _context(role, activities=selectors.moderation_queue(network=role.network)),
    )


@require_http_methods(["GET", "POST"])
@role_required(coordinator=True)
def activity_review(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    activity = scoped_get_or_404(
        Activity.objects.select_related(
            "service__organization", "house", "location", "submitted_by", "pending_by"
        ),
        network=role.network,
        pk=pk,
    )
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        try:
            if action == "publish":
                services.activity_publish(activity=activity, acting_user=request.user)
                messages.success(request, _("“{title}” staat online.").format(title=activity.title))
            elif action == "return":
                services.activity_return(
                    activity=activity, acting_user=request.user, comment=form.cleaned_data["comment"]
                )
                messages.success(request, _("“{title}” is teruggestuurd.").format(title=activity.title))
            else:
                raise Http404
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("activities:portal-moderation")
    return render(
        request,
        "activities/portal/review.html",
        _context(
            role,
            activity=activity,
            changes=selectors.pending_diff(activity=activity),
            facts=selectors.activity_facts(activity=activity),
            form=form,
            open=activity.status == Activity.Status.SUBMITTED
            or activity.pending_status == Activity.PendingStatus.SUBMITTED,
            forms_with_errors=[form] if form.errors else [],
        ),
    )


# --- holiday periods (the coordinator) --------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@role_required(coordinator=True)
def holidays(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    form = HolidayPeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            schedule.holiday_period_create(
                network=role.network, acting_user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("De vakantieperiode is toegevoegd."))
            return redirect("activities:portal-holidays")
    return render(
        request,
        "activities/portal/holidays.html",
        _context(
            role,
            form=form,
            periods=selectors.holiday_periods(network=role.network),
            forms_with_errors=[form] if form.errors else [],
        ),
    )


@require_http_methods(["GET", "POST"])
@role_required(coordinator=True)
def holiday_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    period = scoped_get_or_404(HolidayPeriod, network=role.network, pk=pk)
    if request.method == "POST" and request.POST.get("action") == "delete":
        schedule.holiday_period_delete(period=period, acting_user=request.user)
        messages.success(request, _("De vakantieperiode is verwijderd."))
        return redirect("activities:portal-holidays")
    form = HolidayPeriodForm(
        request.POST or None,
        initial={"name": period.name, "starts_on": period.starts_on, "ends_on": period.ends_on},
    )
    if request.method == "POST" and form.is_valid():
        try:
            schedule.holiday_period_update(period=period, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("De vakantieperiode is aangepast."))
            return redirect("activities:portal-holidays")
    return render(
        request,
        "activities/portal/holiday_form.html",
        _context(role, form=form, period=period, forms_with_errors=[form] if form.errors else []),
    )
