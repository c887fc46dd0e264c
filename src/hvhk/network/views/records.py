"""Decisions register, action items, documents and the minutes as a PDF (staff pages, namespace `network`).

Every id-bearing page looks its object up through the role's querysets (selectors.access, selectors.records) with
`scoped_get_or_404`: an object of another network, of a closed body one is not a member of, or one the person may
not manage is a 404. The services check the person who acts once more.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from hvhk.accounts.access import ActiveRole, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.core.lib.forms import add_service_errors
from hvhk.core.lib.http import private_download
from hvhk.core.lib.pdf import pdf_bytes
from hvhk.core.selectors import scoped_get_or_404
from hvhk.network.models import ActionItem, AgendaItem, Decision, Meeting
from hvhk.network.records_forms import ActionForm, ActionStatusForm, DecisionForm, DocumentForm
from hvhk.network.selectors import records as selectors
from hvhk.network.selectors.access import (
    documents_for,
    managed_bodies_for,
    managed_meetings_for,
    member_bodies_for,
    visible_meetings_for,
)
from hvhk.network.services import records as services

PER_PAGE = 25
ACTION_FILTER_LABELS = {
    "open": gettext_lazy("open"),
    "done": gettext_lazy("afgerond"),
    "cancelled": gettext_lazy("geschrapt"),
    "all": gettext_lazy("alle"),
}


def _page(request: HttpRequest, role: ActiveRole, template: str, context: dict) -> HttpResponse:
    """A portal page with what portal/base.html needs (the active role, the roles to switch to)."""
    return render(request, template, {"role": role, "roles": request_roles(request), **context})


def _meeting_url(meeting: Meeting, item: AgendaItem | None = None) -> str:
    url = reverse("network:meeting", args=[meeting.pk])
    return f"{url}#punt-{item.pk}" if item is not None else url


def _managed_meeting(role: ActiveRole, request: HttpRequest, meeting_id) -> Meeting:
    return scoped_get_or_404(
        managed_meetings_for(role=role, user=request.user).select_related("body"),
        network=role.network,
        pk=meeting_id,
    )


def _item_of(meeting: Meeting, role: ActiveRole, item_id) -> AgendaItem:
    return scoped_get_or_404(AgendaItem.objects.filter(meeting=meeting), network=role.network, pk=item_id)


def _is_member(role: ActiveRole, request: HttpRequest, body_id) -> bool:
    return member_bodies_for(role=role, user=request.user).filter(pk=body_id).exists()


# --- decisions ---------------------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def decisions(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    rows = selectors.decisions_for(role=role, user=request.user, q=q)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    for decision in page:
        decision.meeting_url = _meeting_url(decision.meeting, decision.agenda_item)
    context = {
        "nav": "decisions",
        "page": page,
        "q": q,
        "pagination_params": urlencode({"q": q}) + "&" if q else "",
    }
    return _page(request, role, "network/records/decisions.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def decision_new(request: HttpRequest, role: ActiveRole, meeting_id, item_id) -> HttpResponse:
    meeting = _managed_meeting(role, request, meeting_id)
    item = _item_of(meeting, role, item_id)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_create(
                meeting=meeting, agenda_item=item, text=form.cleaned_data["text"], acting_user=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het besluit is bewaard."))
            return redirect(_meeting_url(meeting, item))
    context = {
        "nav": "decisions",
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "meeting": meeting,
        "item": item,
        "back_url": _meeting_url(meeting, item),
    }
    return _page(request, role, "network/records/decision_form.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def decision_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    managed = managed_meetings_for(role=role, user=request.user)
    decision = scoped_get_or_404(
        Decision.objects.filter(meeting__in=managed).select_related(
            "meeting", "meeting__body", "agenda_item"
        ),
        network=role.network,
        pk=pk,
    )
    form = DecisionForm(request.POST or None, initial={"text": decision.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_update(
                decision=decision, text=form.cleaned_data["text"], acting_user=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Het besluit is aangepast. De vorige tekst blijft in de geschiedenis.")
            )
            return redirect("network:decision-edit", decision.pk)
    context = {
        "nav": "decisions",
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "decision": decision,
        "meeting": decision.meeting,
        "item": decision.agenda_item,
        "history": selectors.decision_history(decision=decision),
        "back_url": _meeting_url(decision.meeting, decision.agenda_item),
    }
    return _page(request, role, "network/records/decision_form.html", context)


# --- actions -----------------------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def actions(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    mine = request.GET.get("mine") == "1"
    status = request.GET.get("status", "open")
    status = status if status in selectors.ACTION_FILTERS else "open"
    overdue = request.GET.get("overdue") == "1"
    rows = selectors.action_list(role=role, user=request.user, mine=mine, status=status, overdue=overdue)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    params = {"status": status, **({"mine": "1"} if mine else {}), **({"overdue": "1"} if overdue else {})}
    context = {
        "nav": "actions",
        "page": page,
        "mine": mine,
        "status": status,
        "overdue": overdue,
        "filters": [(key, str(label)) for key, label in ACTION_FILTER_LABELS.items()],
        "mine_query": "mine=1&" if mine else "",
        "overdue_query": "overdue=1&" if overdue else "",
        "pagination_params": urlencode(params) + "&",
        "today": timezone.localdate(),
    }
    return _page(request, role, "network/records/actions.html", context)


def _action_history(action: ActionItem) -> list:
    return list(action.history.select_related("history_user").order_by("-history_date", "-history_id"))


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def action(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    item = scoped_get_or_404(selectors.actions_for(role=role, user=request.user), network=role.network, pk=pk)
    if item.meeting_id:
        can_manage = managed_bodies_for(role=role, user=request.user).filter(pk=item.meeting.body_id).exists()
    else:
        can_manage = role.is_coordinator
    can_status = can_manage or services.can_change_action_status(request.user, action=item)
    edit_form = ActionForm(
        request.POST if request.POST.get("form") == "edit" else None,
        network=role.network,
        initial={
            "text": item.text,
            "owner_user": item.owner_user_id,
            "owner_organization": item.owner_organization_id,
            "due_on": item.due_on,
        },
    )
    if request.method == "POST":
        if request.POST.get("form") == "status":
            status_form = ActionStatusForm(request.POST)
            if not can_status:
                raise Http404
            if status_form.is_valid():
                services.action_set_status(
                    action=item, status=status_form.cleaned_data["status"], acting_user=request.user
                )
                messages.success(request, _("De status van de actie is aangepast."))
                return redirect("network:action", item.pk)
            messages.error(request, _("Kies een geldige status."))
        elif request.POST.get("form") == "edit":
            if not can_manage:
                raise Http404
            if edit_form.is_valid():
                try:
                    services.action_update(action=item, acting_user=request.user, **edit_form.cleaned_data)
                except ValidationError as error:
                    add_service_errors(edit_form, error)
                else:
                    messages.success(request, _("De actie is aangepast."))
                    return redirect("network:action", item.pk)
        else:
            raise Http404
    context = {
        "nav": "actions",
        "action": item,
        "can_manage": can_manage,
        "can_status": can_status,
        "form": edit_form,
        "forms_with_errors": [edit_form] if edit_form.errors else [],
        "history": _action_history(item),
        "meeting_url": _meeting_url(item.meeting, item.agenda_item) if item.meeting_id else "",
        "today": timezone.localdate(),
    }
    return _page(request, role, "network/records/action.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def action_new(request: HttpRequest, role: ActiveRole, meeting_id, item_id) -> HttpResponse:
    meeting = _managed_meeting(role, request, meeting_id)
    item = _item_of(meeting, role, item_id)
    form = ActionForm(request.POST or None, network=role.network)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_create(
                meeting=meeting, agenda_item=item, acting_user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De actie is bewaard."))
            return redirect(_meeting_url(meeting, item))
    context = {
        "nav": "actions",
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "meeting": meeting,
        "item": item,
        "back_url": _meeting_url(meeting, item),
    }
    return _page(request, role, "network/records/action_form.html", context)


# --- documents ---------------------------------------------------------------------------------------------------


def _upload(request, role, *, body, meeting=None, item=None, back_url: str) -> HttpResponse:
    form = DocumentForm(
        request.POST or None,
        request.FILES or None,
        meeting=meeting,
        initial={"agenda_item": item.pk if item else None},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.document_upload(
                body=body,
                meeting=meeting,
                agenda_item=data.get("agenda_item"),
                title=data["title"],
                file=data["file"],
                acting_user=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het document is toegevoegd."))
            return redirect(back_url)
    context = {
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "body": body,
        "meeting": meeting,
        "item": item,
        "back_url": back_url,
    }
    return _page(request, role, "network/records/document_form.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def document_upload(request: HttpRequest, role: ActiveRole, meeting_id) -> HttpResponse:
    meeting = _managed_meeting(role, request, meeting_id)
    item_id = request.GET.get("item")
    item = _item_of(meeting, role, item_id) if item_id else None
    return _upload(
        request, role, body=meeting.body, meeting=meeting, item=item, back_url=_meeting_url(meeting, item)
    )


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def body_document_upload(request: HttpRequest, role: ActiveRole, body_id) -> HttpResponse:
    body = scoped_get_or_404(
        managed_bodies_for(role=role, user=request.user), network=role.network, pk=body_id
    )
    return _upload(request, role, body=body, back_url=reverse("network:body", args=[body.pk]))


@never_cache
@require_GET
@role_required
def document(request: HttpRequest, role: ActiveRole, pk) -> FileResponse:
    """The file itself, for the body's members and the coordinator only; always downloaded, never shown inline."""
    doc = scoped_get_or_404(documents_for(role=role, user=request.user), network=role.network, pk=pk)
    return private_download(doc)


# --- the minutes as a PDF ----------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def minutes_pdf(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    """The minutes of a meeting as an A4 PDF: members see the draft (marked "ontwerp"), others who see the body
    only approved minutes."""
    meeting = scoped_get_or_404(
        visible_meetings_for(role=role, user=request.user).select_related("body", "minutes_approved_by"),
        network=role.network,
        pk=pk,
    )
    approved = meeting.minutes_status == Meeting.Minutes.APPROVED
    if not approved and not _is_member(role, request, meeting.body_id):
        raise Http404
    context = {
        "meeting": meeting,
        "network": role.network,
        "approved": approved,
        "items": selectors.agenda_items_with_records(meeting=meeting).order_by("position", "created_at"),
        "loose_decisions": meeting.decisions.filter(agenda_item__isnull=True).order_by("created_at"),
        "loose_actions": meeting.actions.filter(agenda_item__isnull=True)
        .select_related("owner_user", "owner_organization")
        .order_by("created_at"),
        "participants": meeting.participants.select_related("organization").order_by("name"),
    }
    pdf = pdf_bytes(request, "network/records/minutes_pdf.html", context)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(
        f"verslag {meeting.title} {meeting.starts_at:%Y-%m-%d}" if meeting.starts_at else meeting.title
    )
    response["Content-Disposition"] = f'attachment; filename="{name or "verslag"}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
