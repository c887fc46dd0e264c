"""The organiser's pages of an activity's registrations: the list (with the waiting list), the CSV download,
attendance after a session, cancelling a session or one registration, and the coordinator's access log.

Every id goes through the active role's activities (`selectors.registrations`): another partner's or another
network's activity is a 404. Opening or downloading the list is logged; the pages say `no-store`."""

import csv
import functools
import io
import uuid

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from hvhk.accounts.access import ActiveRole, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.activities.forms_partner import AttendanceForm, CancelForm
from hvhk.activities.models import Registration, RegistrationAccess
from hvhk.activities.selectors import registrations as selectors
from hvhk.activities.services import attendance as services
from hvhk.core.lib.spreadsheet import safe_cell

Action = RegistrationAccess.Action


def _page(request: HttpRequest, role: ActiveRole, template: str, context: dict, status: int = 200):
    return render(
        request,
        template,
        {"role": role, "roles": request_roles(request), "nav": "activities", **context},
        status=status,
    )


def second_factor(view):
    """Registrations are a family's data: like a referral, they open only after signing in with a second factor
    (a partner's editor may keep their offering with a password alone). Without one, a page says how to set it up."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, role: ActiveRole, *args, **kwargs) -> HttpResponse:
        if not is_mfa_enabled(request.user):
            return _page(request, role, "activities/portal/needs_two_factor.html", {}, status=403)
        return view(request, role, *args, **kwargs)

    return wrapped


def _list_url(activity_pk, session=None) -> str:
    url = reverse("activities:registrations", args=[activity_pk])
    return f"{url}?session={session.pk}" if session is not None else url


def _error_form(form, error: ValidationError) -> None:
    """A service's ValidationError on the form: on its field when the form has one, else at the top."""
    if hasattr(error, "error_dict"):
        for key, value in error.error_dict.items():
            form.add_error(key if key in form.fields else None, value)
    else:
        form.add_error(None, error)


# --- the list ---------------------------------------------------------------------------------------------------


def _chosen(request: HttpRequest, role: ActiveRole, activity):
    """The session picked with ?session=<id> (one of this activity's), or None."""
    value = request.GET.get("session", "")
    if not value:
        return None
    session = selectors.session_for_registrations(role=role, pk=value)
    if session.activity_id != activity.pk:
        raise Http404("Not a session of this activity")
    return session


@never_cache
@require_GET
@role_required
@second_factor
def registrations(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    activity = selectors.activity_for_registrations(role=role, pk=pk)
    chosen = _chosen(request, role, activity)
    overview = selectors.registration_overview(
        activity=activity, show=request.GET.get("show", "upcoming"), chosen=chosen
    )
    shown = {"upcoming": "komende", "past": "voorbije", "all": "alle"}[overview.show]
    services.registration_access_record(
        activity=activity,
        action=Action.VIEW,
        acting_user=request.user,
        session=chosen,
        detail=f"{sum(s.families + len(s.offered) + len(s.waiting) for s in overview.slots)} inschrijvingen"
        + ("" if chosen else f", {shown} momenten"),
    )
    context = {
        "activity": activity,
        "overview": overview,
        "now": timezone.now(),
        "csv_query": f"?session={chosen.pk}" if chosen else "",
    }
    return _page(request, role, "activities/portal/registrations.html", context)


# --- CSV --------------------------------------------------------------------------------------------------------


def _row(registration: Registration) -> list[str]:
    session = registration.session
    if session is not None:
        start = timezone.localtime(session.starts_at)
        day, hour = start.strftime("%Y-%m-%d"), start.strftime("%H:%M")
    else:
        day, hour = _("hele reeks"), ""
    hidden = registration.is_anonymised
    return [
        day,
        hour,
        registration.get_status_display(),
        registration.position or "",
        _("(geanonimiseerd)") if hidden else registration.name,
        "" if hidden else registration.email,
        "" if hidden else registration.phone,
        registration.adults,
        registration.children,
        "" if hidden else registration.children_ages,
        "" if hidden else registration.remark,
        _("ja") if registration.consent_contact else _("nee"),
        timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
    ]


CSV_HEADER = (
    _lazy("datum"),
    _lazy("uur"),
    _lazy("status"),
    _lazy("plaats op de wachtlijst"),
    _lazy("naam"),
    _lazy("e-mail"),
    _lazy("telefoon"),
    _lazy("volwassenen"),
    _lazy("kinderen"),
    _lazy("leeftijden van de kinderen"),
    _lazy("opmerking"),
    _lazy("mag gecontacteerd worden"),
    _lazy("ingeschreven op"),
)


@never_cache
@require_GET
@role_required
@second_factor
def registrations_csv(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    """Every registration as a CSV file Excel opens in Belgium (UTF-8 with BOM, `;`). A GET (a download link) that
    changes nothing but the access log."""
    activity = selectors.activity_for_registrations(role=role, pk=pk)
    chosen = _chosen(request, role, activity)
    rows = selectors.registrations_for_export(activity=activity, session=chosen)
    services.registration_access_record(
        activity=activity,
        action=Action.EXPORT,
        acting_user=request.user,
        session=chosen,
        detail=f"{len(rows)} inschrijvingen" + ("" if chosen else ", alle momenten"),
    )
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(h) for h in CSV_HEADER])
    for registration in rows:
        writer.writerow([safe_cell(value) for value in _row(registration)])
    day = timezone.localtime(chosen.starts_at) if chosen else timezone.localtime()
    name = f"inschrijvingen-{slugify(activity.title)[:60] or 'activiteit'}-{day:%Y-%m-%d}.csv"
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- attendance -------------------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
@second_factor
def session_attendance(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    session = selectors.session_for_registrations(role=role, pk=pk)
    activity = session.activity
    registered = list(
        selectors.session_registrations(session=session).filter(
            status=Registration.Status.CONFIRMED, anonymised_at__isnull=True
        )
    )
    marked_before = any(r.attended is not None for r in registered)
    initial = {
        "present_count": session.present_count,
        "present_children": session.present_children,
        "note": session.attendance_note,
        "mark_names": marked_before,
        "attended": [str(r.pk) for r in registered if r.attended],
    }
    form = AttendanceForm(
        request.POST or None, initial=initial, registrations=registered, series=activity.per_series
    )
    closed = ""
    if session.is_cancelled:
        closed = _("Dit moment is afgelast: er valt geen aanwezigheid te noteren.")
    elif session.starts_at > timezone.now():
        closed = _("Dit moment is nog niet begonnen. Noteer de aanwezigheid achteraf.")
    if request.method == "POST" and not closed and form.is_valid():
        try:
            services.session_attendance_set(
                session=session,
                present_count=form.cleaned_data["present_count"],
                present_children=form.cleaned_data.get("present_children"),
                attended_ids=form.attended_ids() if "attended" in form.fields else None,
                note=form.cleaned_data.get("note", ""),
                acting_user=request.user,
            )
        except ValidationError as error:
            _error_form(form, error)
        else:
            messages.success(request, _("De aanwezigheid is bewaard."))
            return redirect(_list_url(activity.pk, session))
    context = {
        "activity": activity,
        "session": session,
        "form": form,
        "closed": closed,
        "forms_with_errors": [form] if form.errors else [],
    }
    status = 400 if request.method == "POST" and (closed or form.errors) else 200
    return _page(request, role, "activities/portal/session_attendance.html", context, status=status)


# --- cancelling -------------------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def session_cancel(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    """A confirmation page (who will hear it, and the reason they will read), then the cancellation."""
    session = selectors.session_for_registrations(role=role, pk=pk)
    activity = session.activity
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.session_cancel(
                session=session, reason=form.cleaned_data["reason"], acting_user=request.user
            )
        except ValidationError as error:
            _error_form(form, error)
        else:
            mailed, phone = len(result.mailed), len(result.to_phone)
            text = ngettext(
                "Het moment is afgelast. %(n)d gezin krijgt een e-mail.",
                "Het moment is afgelast. %(n)d gezinnen krijgen een e-mail.",
                mailed,
            ) % {"n": mailed}
            if phone:
                text += " " + ngettext(
                    "%(n)d gezin heeft geen e-mailadres: bel het (nummer in de lijst).",
                    "%(n)d gezinnen hebben geen e-mailadres: bel hen (nummers in de lijst).",
                    phone,
                ) % {"n": phone}
            messages.success(request, text)
            return redirect(_list_url(activity.pk, session))
    active = selectors.session_registrations(session=session).filter(status__in=Registration.ACTIVE)
    context = {
        "activity": activity,
        "session": session,
        "form": form,
        "families": active.count(),
        "without_email": active.filter(email="").count(),
        "started": session.starts_at <= timezone.now(),
        "forms_with_errors": [form] if form.errors else [],
    }
    status = 400 if request.method == "POST" else 200
    return _page(request, role, "activities/portal/session_cancel.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
@second_factor
def registration_cancel(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    """Cancel one family's registration for them (they called); the freed place goes to the waiting list."""
    registration = selectors.registration_for_organiser(role=role, pk=pk)
    activity = registration.activity
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_cancel_by_organiser(
                registration=registration, reason=form.cleaned_data["reason"], acting_user=request.user
            )
        except ValidationError as error:
            _error_form(form, error)
        else:
            messages.success(request, _("De inschrijving is geannuleerd."))
            return redirect(_list_url(activity.pk, registration.session))
    context = {
        "activity": activity,
        "registration": registration,
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
    }
    status = 400 if request.method == "POST" else 200
    return _page(request, role, "activities/portal/registrations_cancel_one.html", context, status=status)


# --- access log -------------------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required(coordinator=True)
def access_log(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    try:
        activity_id = uuid.UUID(request.GET.get("activity", ""))
    except ValueError:
        activity_id = None
    entries = selectors.access_log_list(role=role, activity_id=activity_id)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    params = f"activity={activity_id}&" if activity_id else ""
    return _page(
        request,
        role,
        "activities/portal/registrations_access_log.html",
        {"page": page, "params": params, "activity_id": activity_id},
    )
