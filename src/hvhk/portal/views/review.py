"""The coordinator reviews what partners propose: a readable diff, then publish or send back."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.core.models import Area
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory import models as m
from hvhk.directory.languages import LANGUAGE_NAMES
from hvhk.portal import selectors, snapshots
from hvhk.portal import services as moderation
from hvhk.portal.forms import ReviewForm
from hvhk.portal.models import Draft
from hvhk.portal.selectors import editable_drafts

CURRENT = {
    Draft.Kind.SERVICE: (m.Service, snapshots.service_snapshot),
    Draft.Kind.ORGANIZATION: (m.Organization, snapshots.organization_snapshot),
    Draft.Kind.LOCATION: (m.Location, snapshots.location_snapshot),
}


@role_required(coordinator=True)
def queue(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    return render(
        request,
        "portal/review_queue.html",
        {
            "role": role,
            "drafts": selectors.review_queue(role),
            "overdue": selectors.overdue_services(role)[:50],
        },
    )


@role_required(coordinator=True)
def review(request: HttpRequest, role: ActiveRole, draft_id) -> HttpResponse:
    draft = scoped_get_or_404(
        editable_drafts(role=role).select_related("organization", "author"), network=role.network, pk=draft_id
    )
    model, snapshot = CURRENT[draft.kind]
    current = model.objects.for_network(role.network).filter(pk=draft.target_id).first()
    before = snapshot(current) if current else {}
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and draft.is_open and form.is_valid():
        if request.POST.get("action") == "publish":
            moderation.draft_publish(draft=draft, acting_user=request.user)
            messages.success(request, _("Gepubliceerd: '{title}' staat online.").format(title=draft.title))
        else:
            moderation.draft_return(
                draft=draft, comment=form.cleaned_data["comment"], acting_user=request.user
            )
            messages.success(request, _("Teruggestuurd naar de partner met je opmerking."))
        return redirect("portal:review-queue")
    return render(
        request,
        "portal/review.html",
        {
            "role": role,
            "draft": draft,
            "current": current,
            "changes": snapshots.diff(before, draft.data, _names(role)),
            "form": form,
            "forms_with_errors": [form] if form.errors else [],
        },
    )


def _names(role: ActiveRole) -> dict[str, str]:
    """Ids and codes in a snapshot, in words."""
    network = role.network
    names = {
        str(pk): name for pk, name in m.TaxonomyTerm.objects.for_network(network).values_list("pk", "name")
    }
    names.update(
        {str(pk): name for pk, name in m.Location.objects.for_network(network).values_list("pk", "name")}
    )
    names.update(
        {
            str(p.pk): f"{p.house.name}: {p.title}"
            for p in m.Pillar.objects.for_network(network).select_related("house")
        }
    )
    names.update({code: str(name) for code, name in LANGUAGE_NAMES.items()})
    names.update({str(pk): name for pk, name in Area.objects.for_network(network).values_list("pk", "name")})
    names.update({value: str(label) for value, label in m.Accessibility.Feature.choices})
    names.update({value: str(label) for value, label in m.Service.Status.choices})
    return names
