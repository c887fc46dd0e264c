"""The "Meld het ons" inbox: the coordinator sorts out what visitors report and hands it to a partner.

A partner editor sees only the reports assigned to their organisation, and may move them on, but never sees
the reporter's e-mail address (personal data): answering the reporter is the coordinator's job.
"""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.accounts.models import User
from hvhk.core.lib.forms import add_service_errors
from hvhk.core.lib.http import is_local_path
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory.models import Organization
from hvhk.directory.selectors import editable_organizations, editable_services
from hvhk.feedback import services as feedback
from hvhk.feedback.models import ErrorReport

PER_PAGE = 50
Status = ErrorReport.Status
OPEN = [Status.NEW, Status.IN_PROGRESS]
# The inbox's filters: key in ?status=, label, statuses shown (None: all).
FILTERS = [
    ("open", gettext_lazy("open"), OPEN),
    *[(value, label, [value]) for value, label in Status.choices],
    ("all", gettext_lazy("alle"), None),
]


def _reports(role: ActiveRole) -> QuerySet[ErrorReport]:
    """Every report the role may open, whatever its status; roles without an inbox get a 404."""
    qs = ErrorReport.objects.for_network(role.network).select_related(
        "service", "assigned_organization", "handled_by"
    )
    if role.is_coordinator:
        return qs
    if role.is_editor:
        return qs.filter(assigned_organization__in=editable_organizations(role=role))
    raise Http404


# --- forms: one per action, posted with a hidden `action` field ------------------------------------------------


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Nieuwe status"),
        error_messages={
            "required": gettext_lazy("Kies een status."),
            "invalid_choice": gettext_lazy("Kies een status uit de lijst."),
        },
    )
    note = forms.CharField(
        label=gettext_lazy("Notitie (niet verplicht)"),
        required=False,
        max_length=feedback.MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Wat is er gedaan of wat moet er nog gebeuren? De melder ziet dit niet."),
        error_messages={
            "max_length": gettext_lazy(
                "Je notitie is te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            )
        },
    )

    def __init__(self, *args, role: ActiveRole, **kwargs) -> None:
        super().__init__(*args, prefix="status", **kwargs)
        allowed = Status.values if role.is_coordinator else feedback.EDITOR_STATUSES
        self.fields["status"].choices = [(v, label) for v, label in Status.choices if v in allowed]


class _ChoiceOfList(forms.ModelChoiceField):
    """A malformed id is just another choice that is not in the list (Django would speak of UUIDs)."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from error


class AssignForm(forms.Form):
    organization = _ChoiceOfList(
        label=gettext_lazy("Toewijzen aan"),
        queryset=Organization.objects.none(),
        empty_label=gettext_lazy("Kies een organisatie"),
        help_text=gettext_lazy("De partner ziet de melding dan in het portaal, maar niet het e-mailadres."),
        error_messages={
            "required": gettext_lazy("Kies een organisatie."),
            "invalid_choice": gettext_lazy("Kies een organisatie uit de lijst."),
        },
    )

    def __init__(self, *args, role: ActiveRole, **kwargs) -> None:
        super().__init__(*args, prefix="assign", **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_network(role.network).order_by("name")


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Je antwoord"),
        max_length=feedback.MAX_REPLY,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Schrijf kort en in gewone woorden. We sturen het als gewone e-mail."),
        error_messages={
            "required": gettext_lazy("Schrijf een antwoord."),
            "max_length": gettext_lazy(
                "Je antwoord is te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, prefix="reply", **kwargs)


def _forms(role: ActiveRole, report: ErrorReport, data=None, action: str | None = None) -> dict:
    """The forms this role gets on this report; only the one that was sent is bound (and keeps its input)."""

    def sent(name: str):
        return data if name == action else None

    found = {"status": StatusForm(sent("status"), role=role, initial={"status": report.status})}
    if role.is_coordinator:
        suggested = report.assigned_organization_id or (
            report.service.organization_id if report.service else None
        )
        found["assign"] = AssignForm(sent("assign"), role=role, initial={"organization": suggested})
        if report.reporter_email:
            found["reply"] = ReplyForm(sent("reply"))
    return found


def _perform(action: str, report: ErrorReport, data: dict, user: User) -> str:
    """Call the service for `action`; returns the message for the person who did it."""
    if action == "status":
        feedback.error_report_status_set(
            report=report, status=data["status"], note=data["note"], acting_user=user
        )
        return _("De status is nu: {status}.").format(status=report.get_status_display())
    if action == "assign":
        feedback.error_report_assign(report=report, organization=data["organization"], acting_user=user)
        return _("Toegewezen aan {organization}. Zij zien de melding nu in hun portaal.").format(
            organization=data["organization"].name
        )
    feedback.error_report_reply(report=report, text=data["text"], acting_user=user)
    return _("Je antwoord is verstuurd naar de melder.")


# --- pages -----------------------------------------------------------------------------------------------------


@require_GET
@role_required
def inbox(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    """The reports of the role, newest first; open ones unless ?status= says otherwise."""
    reports = _reports(role)
    filters = {key: statuses for key, _label, statuses in FILTERS}
    chosen = request.GET.get("status", "open")
    if chosen not in filters:
        chosen = "open"
    statuses = filters[chosen]
    if statuses is not None:
        reports = reports.filter(status__in=statuses)
    page = Paginator(reports.order_by("-created_at", "pk"), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/reports.html",
        {
            "role": role,
            "nav": "reports",
            "page": page,
            "filters": [(key, label) for key, label, _statuses in FILTERS],
            "chosen": chosen,
            "pagination_params": urlencode({"status": chosen}) + "&",
        },
    )


@require_http_methods(["GET", "POST"])
@role_required
def report(request: HttpRequest, role: ActiveRole, report_id) -> HttpResponse:
    report = scoped_get_or_404(_reports(role), network=role.network, pk=report_id)
    action = request.POST.get("action") if request.method == "POST" else None
    found = _forms(role, report, request.POST, action)
    if request.method == "POST":
        form = found.get(action)
        if form is None:  # an action this role does not have here, such as an editor's reply
            raise Http404
        if form.is_valid():
            try:
                done = _perform(action, report, form.cleaned_data, request.user)
            except ValidationError as error:
                add_service_errors(form, error)
                report.refresh_from_db()  # show what is stored, not what the failed attempt changed
            else:
                messages.success(request, done)
                return redirect("portal:report", report.pk)
    return render(
        request,
        "portal/report.html",
        {
            "role": role,
            "nav": "reports",
            "report": report,
            "status_form": found["status"],
            "assign_form": found.get("assign"),
            "reply_form": found.get("reply"),
            # Personal data: the template only ever gets the address through this, and only for the coordinator.
            "reporter_email": report.reporter_email if role.is_coordinator else "",
            "page_link": report.page_url if is_local_path(report.page_url) else "",
            "service_editable": bool(
                report.service_id and editable_services(role=role).filter(pk=report.service_id).exists()
            ),
            "forms_with_errors": [f for f in found.values() if f.errors],
        },
    )
