"""Partners edit their services, organisation and places; every change becomes a draft, kept and published by
the directory's services (directory/services/drafts.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory import models as m
from hvhk.directory import permissions, snapshots
from hvhk.directory import selectors as directory
from hvhk.directory import services as directory_services
from hvhk.directory.display import service_page_context
from hvhk.directory.models import Draft
from hvhk.directory.selectors import (
    editable_drafts,
    editable_locations,
    editable_organizations,
    editable_services,
)
from hvhk.portal import forms

NEW_SERVICE = {"status": m.Service.Status.ACTIVE, "at_location": True}


def _after_save(request: HttpRequest, draft: Draft) -> HttpResponse:
    if draft.status == Draft.Status.PUBLISHED:
        messages.success(request, _("Bewaard en gepubliceerd: het staat nu online."))
        return redirect("portal:home")
    if draft.status == Draft.Status.SUBMITTED:
        messages.success(request, _("Verstuurd. De coördinator kijkt je wijziging na; je krijgt een e-mail."))
        return redirect("portal:home")
    messages.success(request, _("Bewaard als klad. Niets is al online veranderd."))
    return redirect("portal:draft", draft.pk)


def _propose(request, form, *, kind, organization, data, target, draft) -> HttpResponse | None:
    """Save the form's data as a draft (submitted, or published at once where the person may) if it would
    publish cleanly; otherwise put the problems on the form and return None."""
    try:
        draft = directory_services.draft_save(
            acting_user=request.user,
            kind=kind,
            organization=organization,
            data=data,
            target=target,
            draft=draft,
            submit=request.POST.get("action") == "submit",
        )
    except ValidationError as exc:
        for problem in exc.messages:
            form.add_error(None, problem)
        return None
    return _after_save(request, draft)


# --- services --------------------------------------------------------------------------------------------------


@role_required
def service_edit(request: HttpRequest, role: ActiveRole, service_id) -> HttpResponse:
    service = scoped_get_or_404(
        editable_services(role=role).select_related("organization__membership"),
        network=role.network,
        pk=service_id,
    )
    draft = directory.draft_open_for(kind=Draft.Kind.SERVICE, target_id=service.pk)
    return _service_form(request, role, service.organization, service=service, draft=draft)


@role_required
def service_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    chosen = request.GET.get("organization") or request.POST.get("organization")
    if chosen:
        organization = scoped_get_or_404(editable_organizations(role=role), network=role.network, pk=chosen)
    elif role.organization:
        organization = scoped_get_or_404(
            editable_organizations(role=role), network=role.network, pk=role.organization.pk
        )
    else:
        return render(
            request,
            "portal/choose_organization.html",
            {"role": role, "organizations": editable_organizations(role=role)},
        )
    return _service_form(request, role, organization)


@role_required
def draft_edit(request: HttpRequest, role: ActiveRole, draft_id) -> HttpResponse:
    """A draft of any kind, by its own id (a new service has no other)."""
    draft = scoped_get_or_404(
        editable_drafts(role=role).select_related("organization__membership"),
        network=role.network,
        pk=draft_id,
    )
    if not draft.is_open:
        messages.info(
            request, _("Dit voorstel is afgesloten: {status}.").format(status=draft.get_status_display())
        )
        return redirect("portal:home")
    if draft.kind == Draft.Kind.ORGANIZATION:
        return redirect("portal:organization", draft.target_id)
    if draft.kind == Draft.Kind.LOCATION:
        return redirect("portal:location", draft.target_id)
    service = (
        scoped_get_or_404(editable_services(role=role), network=role.network, pk=draft.target_id)
        if draft.target_id
        else None
    )
    return _service_form(request, role, draft.organization, service=service, draft=draft)


def _service_form(request, role, organization, *, service=None, draft=None) -> HttpResponse:
    network = role.network
    snapshot = (
        draft.data if draft else (snapshots.service_snapshot(service) if service else dict(NEW_SERVICE))
    )
    current_locations = {*snapshot.get("locations", [])}
    if service:
        current_locations |= {
            str(pk) for pk in service.service_at_locations.values_list("location_id", flat=True)
        }
    current = {
        "current_locations": current_locations,
        "current_ages": (snapshot.get("minimum_age_months"), snapshot.get("maximum_age_months")),
    }
    if request.method == "POST":
        form = forms.ServiceForm(request.POST, network=network, organization=organization, **current)
        hours = forms.HoursFormSet(request.POST, prefix="hours")
        costs = forms.CostFormSet(request.POST, prefix="costs")
        if form.is_valid() and hours.is_valid() and costs.is_valid():
            data = form.snapshot_part()
            data["terms"] = sorted({*data["terms"], *forms.ServiceForm.terms_not_edited(snapshot, network)})
            data["hours"] = [row for f in hours if (row := f.row())]
            data["costs"] = [row for f in costs if (row := f.row())]
            saved = _propose(
                request,
                form,
                kind=Draft.Kind.SERVICE,
                organization=organization,
                data=data,
                target=service,
                draft=draft,
            )
            if saved:
                return saved
    else:
        form = forms.ServiceForm(
            initial=forms.ServiceForm.initial_from(snapshot, network),
            network=network,
            organization=organization,
            **current,
        )
        hours = forms.HoursFormSet(initial=forms.hours_initial(snapshot), prefix="hours")
        costs = forms.CostFormSet(initial=forms.costs_initial(snapshot), prefix="costs")
    return render(
        request,
        "portal/service_form.html",
        {
            "role": role,
            "form": form,
            "hours": hours,
            "costs": costs,
            "service": service,
            "draft": draft,
            "organization": organization,
            "direct": permissions.publishes_directly(user=request.user, organization=organization),
            "forms_with_errors": [f for f in [form, *hours.forms, *costs.forms] if f.errors],
        },
    )


@role_required
def draft_preview(request: HttpRequest, role: ActiveRole, draft_id) -> HttpResponse:
    """The public service page as it will look: the draft applied in a transaction that is rolled back."""
    draft = scoped_get_or_404(
        editable_drafts(role=role).filter(kind=Draft.Kind.SERVICE), network=role.network, pk=draft_id
    )

    def page(service: m.Service) -> HttpResponse:
        context = service_page_context(service=service, with_related=False)
        context.update(
            network=role.network, preview=draft, nav="services", page_url=request.build_absolute_uri()
        )
        return render(request, "portal/preview.html", context)

    return directory_services.draft_preview(draft=draft, acting_user=request.user, render=page)


@require_POST
@role_required
def draft_withdraw(request: HttpRequest, role: ActiveRole, draft_id) -> HttpResponse:
    draft = scoped_get_or_404(
        editable_drafts(role=role).filter(status__in=Draft.OPEN), network=role.network, pk=draft_id
    )
    try:
        directory_services.draft_withdraw(draft=draft, acting_user=request.user)
    except ValidationError as exc:  # closed in the meantime (published, say)
        messages.error(request, " ".join(exc.messages))
        return redirect("portal:home")
    messages.success(
        request, _("Je voorstel is ingetrokken. De gepubliceerde gegevens blijven zoals ze waren.")
    )
    return redirect("portal:home")


@require_POST
@role_required
def still_correct(request: HttpRequest, role: ActiveRole, service_id) -> HttpResponse:
    service = scoped_get_or_404(editable_services(role=role), network=role.network, pk=service_id)
    directory_services.service_confirm_current(service=service, acting_user=request.user)
    messages.success(request, _("Dank je! '{name}' is nagekeken op vandaag.").format(name=service.name))
    return redirect("portal:home")


# --- organisation and places -----------------------------------------------------------------------------------


@role_required
def organization_edit(request: HttpRequest, role: ActiveRole, organization_id) -> HttpResponse:
    organization = scoped_get_or_404(
        editable_organizations(role=role), network=role.network, pk=organization_id
    )
    return _simple_form(
        request,
        role,
        kind=Draft.Kind.ORGANIZATION,
        target=organization,
        organization=organization,
        form_class=forms.OrganizationForm,
        snapshot=snapshots.organization_snapshot(organization),
    )


@role_required
def location_edit(request: HttpRequest, role: ActiveRole, location_id) -> HttpResponse:
    location = scoped_get_or_404(
        editable_locations(role=role).select_related("organization"), network=role.network, pk=location_id
    )
    return _simple_form(
        request,
        role,
        kind=Draft.Kind.LOCATION,
        target=location,
        organization=location.organization,
        form_class=forms.LocationForm,
        snapshot=snapshots.location_snapshot(location),
    )


def _simple_form(request, role, *, kind, target, organization, form_class, snapshot) -> HttpResponse:
    draft = directory.draft_open_for(kind=kind, target_id=target.pk)
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            data = form.snapshot()
            saved = _propose(
                request,
                form,
                kind=kind,
                organization=organization,
                data=data,
                target=target,
                draft=draft,
            )
            if saved:
                return saved
    else:
        form = form_class(initial=form_class.initial_from(draft.data if draft else snapshot))
    return render(
        request,
        "portal/simple_form.html",
        {
            "role": role,
            "form": form,
            "target": target,
            "kind": kind,
            "draft": draft,
            "organization": organization,
            "direct": permissions.publishes_directly(user=request.user, organization=organization),
            "forms_with_errors": [form] if form.errors else [],
        },
    )
