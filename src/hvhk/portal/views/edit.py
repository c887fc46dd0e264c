"""Partners edit their services, organisation and places; every change becomes a draft (see services.py)."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.core.lib.versions import bump_network_version
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory import models as m
from hvhk.directory import selectors as directory
from hvhk.directory.selectors import (
    editable_locations,
    editable_organizations,
    editable_services,
    publishes_directly,
)
from hvhk.portal import forms, snapshots
from hvhk.portal import services as moderation
from hvhk.portal.models import Draft
from hvhk.portal.selectors import draft_open_get, editable_drafts
from hvhk.wegwijzer.views.services import detail_context

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


def _propose(
    request, role, form, *, kind, organization, data, target, draft, apply, instance
) -> HttpResponse | None:
    """Save the form's data as a draft (submitted, or published at once where the role may) if it would apply
    to `instance` cleanly; otherwise put the problems on the form and return None."""
    problems = forms.check_publishable(apply, instance, data)
    for problem in problems:
        form.add_error(None, problem)
    if problems:
        return None
    draft = moderation.draft_save(
        acting_user=request.user,
        kind=kind,
        organization=organization,
        data=data,
        target=target,
        draft=draft,
        submit=request.POST.get("action") == "submit",
    )
    return _after_save(request, draft)


# --- services --------------------------------------------------------------------------------------------------


@role_required
def service_edit(request: HttpRequest, role: ActiveRole, service_id) -> HttpResponse:
    service = scoped_get_or_404(
        editable_services(role=role).select_related("organization__membership"),
        network=role.network,
        pk=service_id,
    )
    draft = draft_open_get(kind=Draft.Kind.SERVICE, target_id=service.pk)
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
            target = (
                m.Service.objects.get(pk=service.pk)
                if service
                else m.Service(network=network, organization=organization)
            )
            saved = _propose(
                request,
                role,
                form,
                kind=Draft.Kind.SERVICE,
                organization=organization,
                data=data,
                target=service,
                draft=draft,
                apply=snapshots.apply_service_snapshot,
                instance=target,
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
            "direct": publishes_directly(role=role, organization=organization),
            "forms_with_errors": [f for f in [form, *hours.forms, *costs.forms] if f.errors],
        },
    )


@role_required
def draft_preview(request: HttpRequest, role: ActiveRole, draft_id) -> HttpResponse:
    """The public service page as it will look: the draft applied in a transaction that is rolled back."""
    draft = scoped_get_or_404(
        editable_drafts(role=role).filter(kind=Draft.Kind.SERVICE), network=role.network, pk=draft_id
    )
    network = role.network
    with transaction.atomic():
        target = (
            m.Service.objects.get(pk=draft.target_id)
            if draft.target_id
            else m.Service(network=network, organization=draft.organization)
        )
        snapshots.apply_service_snapshot(target, draft.data)
        service = directory.service_detail_queryset(network=network).get(pk=target.pk)
        context = detail_context(request, network, service)
        context.update(network=network, preview=draft, related=[])
        response = render(request, "portal/preview.html", context)
        transaction.set_rollback(True)
    bump_network_version(network.pk)  # nothing the preview may have cached under the current version stays
    return response


@require_POST
@role_required
def draft_withdraw(request: HttpRequest, role: ActiveRole, draft_id) -> HttpResponse:
    draft = scoped_get_or_404(
        editable_drafts(role=role).filter(status__in=Draft.OPEN), network=role.network, pk=draft_id
    )
    moderation.draft_withdraw(draft=draft, acting_user=request.user)
    messages.success(
        request, _("Je voorstel is ingetrokken. De gepubliceerde gegevens blijven zoals ze waren.")
    )
    return redirect("portal:home")


@require_POST
@role_required
def still_correct(request: HttpRequest, role: ActiveRole, service_id) -> HttpResponse:
    service = scoped_get_or_404(editable_services(role=role), network=role.network, pk=service_id)
    moderation.service_confirm_current(service=service, acting_user=request.user)
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
        apply=snapshots.apply_organization_snapshot,
        fresh=lambda: m.Organization.objects.get(pk=organization.pk),
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
        apply=snapshots.apply_location_snapshot,
        fresh=lambda: m.Location.objects.get(pk=location.pk),
    )


def _simple_form(
    request, role, *, kind, target, organization, form_class, snapshot, apply, fresh
) -> HttpResponse:
    draft = draft_open_get(kind=kind, target_id=target.pk)
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            data = form.snapshot()
            saved = _propose(
                request,
                role,
                form,
                kind=kind,
                organization=organization,
                data=data,
                target=target,
                draft=draft,
                apply=apply,
                instance=fresh(),
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
            "direct": publishes_directly(role=role, organization=organization),
            "forms_with_errors": [form] if form.errors else [],
        },
    )
