"""Staff pages for bodies and meetings: lists, the meeting page (poll, invitations, agenda), minutes, attendance,
the yearly attendance overview and the private calendar feed. Every id goes through the person's visible (or
managed) querysets: another network's or a closed body's ids are a 404."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory.selectors import organization_list
from hvhk.network.meeting_forms import AgendaItemForm, BodyForm, BodyMemberForm, MeetingForm, MinutesForm
from hvhk.network.models import AgendaItem, Body, BodyMember, DateOption, Meeting, Participant
from hvhk.network.selectors import meetings as selectors
from hvhk.network.selectors.access import (
    can_manage_body,
    is_body_member,
    network_people,
    visible_bodies_for,
    visible_meetings_for,
)
from hvhk.network.services import bodies as body_services
from hvhk.network.services import calendar as calendar_services
from hvhk.network.services import meetings as services


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _meeting(role: ActiveRole, user, pk) -> Meeting:
    return scoped_get_or_404(
        visible_meetings_for(role=role, user=user).select_related("body", "network"),
        network=role.network,
        pk=pk,
    )


def _managed_meeting(role: ActiveRole, user, pk) -> Meeting:
    meeting = _meeting(role, user, pk)
    if not can_manage_body(user, body=meeting.body):
        raise PermissionDenied
    return meeting


# --- bodies -----------------------------------------------------------------------------------------------------


@role_required
def body_list(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    context = {"role": role, "nav": "meetings", "bodies": selectors.body_list(role=role, user=request.user)}
    return render(request, "network/meetings/bodies.html", context)


@role_required
def body_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    body = scoped_get_or_404(visible_bodies_for(role=role, user=request.user), network=role.network, pk=pk)
    is_coordinator = role.is_coordinator
    form = None
    if is_coordinator:
        form = BodyMemberForm(
            request.POST or None,
            people=network_people(network=role.network),
            organizations=organization_list(network=role.network),
        )
        if request.method == "POST" and form.is_valid():
            try:
                body_services.body_member_add(
                    body=body,
                    user=form.cleaned_data["user"],
                    organization=form.cleaned_data["organization"],
                    is_trekker=form.cleaned_data["is_trekker"],
                    since=timezone.localdate(),
                    acting_user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Het lid is toegevoegd."))
                return redirect("network:body", pk=body.pk)
    meetings = visible_meetings_for(role=role, user=request.user).filter(body=body).order_by("-starts_at")
    context = {
        "role": role,
        "nav": "meetings",
        "body": body,
        "members": selectors.body_members(body=body),
        "meetings": meetings[:30],
        "form": form,
        "forms_with_errors": [form] if form is not None and form.errors else [],
        "can_manage": can_manage_body(request.user, body=body),
        "is_member": is_body_member(request.user, body=body),
    }
    return render(request, "network/meetings/body.html", context)


@role_required(coordinator=True)
def body_form(request: HttpRequest, role: ActiveRole, pk=None) -> HttpResponse:
    body = scoped_get_or_404(Body, network=role.network, pk=pk) if pk else None
    form = BodyForm(request.POST or None, instance=body)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if body is None:
                body = body_services.body_create(network=role.network, acting_user=request.user, **fields)
            else:
                body = body_services.body_update(
                    body=Body.objects.get(pk=body.pk), acting_user=request.user, **fields
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het orgaan is bewaard."))
            return redirect("network:body", pk=body.pk)
    context = {
        "role": role,
        "nav": "meetings",
        "form": form,
        "body": body,
        "forms_with_errors": [form] if form.errors else [],
    }
    return render(request, "network/meetings/body_form.html", context)


@require_POST
@role_required(coordinator=True)
def body_member_change(request: HttpRequest, role: ActiveRole, pk, member_id) -> HttpResponse:
    member = scoped_get_or_404(
        BodyMember.objects.select_related("body", "body__network"),
        network=role.network,
        pk=member_id,
        body_id=pk,
    )
    try:
        if request.POST.get("action") == "remove":
            body_services.body_member_remove(member=member, acting_user=request.user)
            messages.success(request, _("Het lid is verwijderd."))
        else:
            body_services.body_member_set_trekker(
                member=member, is_trekker=request.POST.get("action") == "trekker", acting_user=request.user
            )
            messages.success(request, _("De rol van het lid is aangepast."))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("network:body", pk=pk)


# --- meetings ---------------------------------------------------------------------------------------------------


@role_required
def meeting_list(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    context = {"role": role, "nav": "meetings", **selectors.meeting_lists(role=role, user=request.user)}
    return render(request, "network/meetings/list.html", context)


@role_required
def meeting_new(request: HttpRequest, role: ActiveRole, body_id) -> HttpResponse:
    body = scoped_get_or_404(
        visible_bodies_for(role=role, user=request.user), network=role.network, pk=body_id
    )
    if not can_manage_body(request.user, body=body):
        raise PermissionDenied
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                body=body, acting_user=request.user, date_options=form.date_options(), **form.service_fields()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De vergadering is aangemaakt. Zet nu de agenda klaar."))
            return redirect("network:meeting", pk=meeting.pk)
    context = {
        "role": role,
        "nav": "meetings",
        "form": form,
        "body": body,
        "forms_with_errors": [form] if form.errors else [],
    }
    return render(request, "network/meetings/meeting_form.html", context)


@role_required
def meeting_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    meeting = _managed_meeting(role, request.user, pk)
    form = MeetingForm(request.POST or None, initial=MeetingForm.initial_for(meeting), with_poll=False)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        if not fields["starts_at"] and meeting.status == Meeting.Status.POLL:
            fields.pop("starts_at"), fields.pop("ends_at")
        try:
            services.meeting_update(meeting=meeting, acting_user=request.user, **fields)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De vergadering is bewaard."))
            return redirect("network:meeting", pk=meeting.pk)
    context = {
        "role": role,
        "nav": "meetings",
        "form": form,
        "body": meeting.body,
        "meeting": meeting,
        "forms_with_errors": [form] if form.errors else [],
    }
    return render(request, "network/meetings/meeting_form.html", context)


@role_required
def meeting_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    meeting = _meeting(role, request.user, pk)
    can_manage = can_manage_body(request.user, body=meeting.body)
    is_member = is_body_member(request.user, body=meeting.body)
    people, organizations = network_people(network=role.network), organization_list(network=role.network)
    context = {
        "role": role,
        "nav": "meetings",
        "meeting": meeting,
        "items": selectors.meeting_items(meeting=meeting),
        "can_manage": can_manage,
        "is_member": is_member,
        "show_minutes": can_manage or is_member or meeting.minutes_status == Meeting.Minutes.APPROVED,
        "poll": selectors.poll_tally(meeting=meeting, user=request.user)
        if meeting.status == Meeting.Status.POLL
        else None,
        "participants": meeting.participants.select_related("organization")
        if (can_manage or is_member)
        else [],
        "item_form": AgendaItemForm(people=people, organizations=organizations) if can_manage else None,
        "history": meeting.history.select_related("history_user")[:10] if can_manage else [],
    }
    return render(request, "network/meetings/detail.html", context)


def _service_post(request, func, success: str, **kwargs):
    try:
        result = func(acting_user=request.user, **kwargs)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return None
    messages.success(request, success.format(count=result) if isinstance(result, int) else success)
    return result


@require_POST
@role_required
def meeting_poll(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    meeting = _meeting(role, request.user, pk)
    if request.POST.get("pick"):
        if not can_manage_body(request.user, body=meeting.body):
            raise PermissionDenied
        option = scoped_get_or_404(DateOption, network=role.network, pk=request.POST["pick"], meeting=meeting)
        _service_post(
            request,
            services.meeting_pick_date,
            _("De datum ligt vast. Verstuur nu de uitnodiging."),
            meeting=meeting,
            option=option,
        )
    else:
        answers = {
            key.removeprefix("vote_"): value
            for key, value in request.POST.items()
            if key.startswith("vote_") and value
        }
        if not answers:
            messages.error(request, _("Duid bij minstens één datum aan of ze past."))
        else:
            _service_post(
                request,
                services.date_votes_set,
                _("Je antwoord is bewaard."),
                meeting=meeting,
                answers=answers,
            )
    return redirect("network:meeting", pk=meeting.pk)


@require_POST
@role_required
def meeting_invite(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    meeting = _managed_meeting(role, request.user, pk)
    result = _service_post(
        request, services.invitations_send, _("{count} uitnodigingen verstuurd."), meeting=meeting
    )
    if result == 0:
        messages.info(request, _("Iedereen was al uitgenodigd."))
    return redirect("network:meeting", pk=meeting.pk)


@require_POST
@role_required
def meeting_cancel(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    meeting = _managed_meeting(role, request.user, pk)
    _service_post(request, services.meeting_cancel, _("De vergadering is geannuleerd."), meeting=meeting)
    return redirect("network:meeting", pk=meeting.pk)


@require_POST
@role_required
def meeting_approve(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    meeting = _managed_meeting(role, request.user, pk)
    if request.POST.get("action") == "reopen":
        _service_post(request, services.minutes_reopen, _("Het verslag is heropend."), meeting=meeting)
    else:
        _service_post(request, services.minutes_approve, _("Het verslag is goedgekeurd."), meeting=meeting)
    return redirect("network:meeting", pk=meeting.pk)


# --- agenda -----------------------------------------------------------------------------------------------------


@role_required
def agenda_item_form(request: HttpRequest, role: ActiveRole, pk, item_id=None) -> HttpResponse:
    meeting = _managed_meeting(role, request.user, pk)
    item = (
        scoped_get_or_404(AgendaItem, network=role.network, pk=item_id, meeting=meeting) if item_id else None
    )
    form = AgendaItemForm(
        request.POST or None,
        instance=item,
        people=network_people(network=role.network),
        organizations=organization_list(network=role.network),
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if item is None:
                services.agenda_item_create(meeting=meeting, acting_user=request.user, **fields)
            else:
                services.agenda_item_update(
                    item=AgendaItem.objects.get(pk=item.pk), acting_user=request.user, **fields
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het agendapunt is bewaard."))
            return redirect(f"{meeting_url(meeting)}#agenda")
    context = {
        "role": role,
        "nav": "meetings",
        "form": form,
        "meeting": meeting,
        "item": item,
        "forms_with_errors": [form] if form.errors else [],
    }
    return render(request, "network/meetings/item_form.html", context)


def meeting_url(meeting: Meeting) -> str:
    return reverse("network:meeting", kwargs={"pk": meeting.pk})


@require_POST
@role_required
def agenda_item_change(request: HttpRequest, role: ActiveRole, pk, item_id) -> HttpResponse:
    meeting = _managed_meeting(role, request.user, pk)
    item = scoped_get_or_404(
        AgendaItem.objects.select_related("meeting__body"), network=role.network, pk=item_id, meeting=meeting
    )
    action = request.POST.get("action")
    if action == "delete":
        _service_post(request, services.agenda_item_delete, _("Het agendapunt is verwijderd."), item=item)
    elif action in ("up", "down"):
        services.agenda_item_move(item=item, up=action == "up", acting_user=request.user)
    return redirect(f"{meeting_url(meeting)}#agenda")


# --- minutes and attendance -------------------------------------------------------------------------------------


@role_required
def meeting_minutes(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    """One form per agenda item, each saved on its own with the version it was opened with."""
    meeting = _managed_meeting(role, request.user, pk)
    items = list(meeting.agenda_items.order_by("position", "created_at"))
    forms_by_item = {
        item.pk: MinutesForm(prefix=str(item.pk), initial={"minutes": item.minutes, "version": item.version})
        for item in items
    }
    if request.method == "POST":
        item = scoped_get_or_404(
            AgendaItem, network=role.network, pk=request.POST.get("item"), meeting=meeting
        )
        form = MinutesForm(request.POST, prefix=str(item.pk))
        forms_by_item[item.pk] = form
        if form.is_valid():
            try:
                services.minutes_save(
                    item=item,
                    minutes=form.cleaned_data["minutes"],
                    version=form.cleaned_data["version"],
                    acting_user=request.user,
                )
            except services.StaleMinutes as error:
                item.refresh_from_db()
                form.add_error("minutes", error)
                # the person's text stays in the form; the newest version is shown beside it to compare
                form.data = form.data.copy()
                form.data[f"{item.pk}-version"] = item.version
                stale = {"item": item.pk, "text": item.minutes}
                return _render_minutes(request, role, meeting, items, forms_by_item, stale=stale)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Het verslag van “{title}” is bewaard.").format(title=item.title))
                return redirect(f"{request.path}#item-{item.pk}")
    return _render_minutes(request, role, meeting, items, forms_by_item)


def _render_minutes(request, role, meeting, items, forms_by_item, stale=None) -> HttpResponse:
    rows = [{"item": item, "form": forms_by_item[item.pk]} for item in items]
    context = {
        "role": role,
        "nav": "meetings",
        "meeting": meeting,
        "rows": rows,
        "stale": stale,
        "forms_with_errors": [r["form"] for r in rows if r["form"].errors],
    }
    return render(request, "network/meetings/minutes.html", context, status=409 if stale else 200)


@role_required
def meeting_attendance(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    meeting = _managed_meeting(role, request.user, pk)
    participants = list(meeting.participants.select_related("organization"))
    if request.method == "POST":
        answers = {
            key.removeprefix("attendance_"): value
            for key, value in request.POST.items()
            if key.startswith("attendance_")
        }
        try:
            services.attendance_record(meeting=meeting, attendance=answers, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("De aanwezigheden zijn bewaard."))
            return redirect("network:meeting", pk=meeting.pk)
    context = {
        "role": role,
        "nav": "meetings",
        "meeting": meeting,
        "participants": participants,
        "choices": Participant.Attendance.choices,
    }
    return render(request, "network/meetings/attendance.html", context)


@role_required
def attendance_overview(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    if not 2000 <= year <= this_year + 1:
        year = this_year
    rows = selectors.attendance_overview(role=role, user=request.user, year=year)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="aanwezigheden-{year}.csv"'
        writer = csv.writer(response)
        writer.writerow(
            ["organisatie", "uitgenodigd", "aanwezig", "verontschuldigd", "afwezig", "niet_genoteerd"]
        )
        for row in rows:
            writer.writerow(
                [
                    row["organization"],
                    row["invited"],
                    row["present"],
                    row["excused"],
                    row["absent"],
                    row["unknown"],
                ]
            )
        return response
    context = {
        "role": role,
        "nav": "meetings",
        "rows": rows,
        "year": year,
        "years": range(this_year, this_year - 5, -1),
    }
    return render(request, "network/meetings/attendance_overview.html", context)


@role_required
def calendar_feed(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    """The person's private calendar link: made (or made anew) and revoked here; the link is shown once."""
    feed_url = ""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            calendar_services.calendar_feed_revoke(network=role.network, acting_user=request.user)
            messages.success(request, _("Je agendalink werkt niet meer."))
            return redirect("network:calendar-feed")
        token = calendar_services.calendar_feed_create(network=role.network, acting_user=request.user)
        feed_url = request.build_absolute_uri(
            redirect("network:calendar", network_slug=role.network.slug, token=token).url
        )
    has_feed = request.user.calendar_feeds.filter(network=role.network, revoked_at__isnull=True).first()
    context = {"role": role, "nav": "meetings", "feed_url": feed_url, "has_feed": has_feed}
    return render(request, "network/meetings/calendar_feed.html", context)
