"""The coordinator's people: who holds which role in the network, and invitations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hvhk.accounts import selectors, services
from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.accounts.forms import InviteForm
from hvhk.accounts.models import Invitation, RoleAssignment
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory.selectors import organization_list


@role_required(coordinator=True)
def people(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    network = role.network
    form = InviteForm(request.POST or None, organizations=organization_list(network=network))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.invitation_create(
                network=network,
                email=data["email"],
                role=data["role"],
                organization=data.get("organization"),
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Uitnodiging verstuurd naar {email}.").format(email=data["email"]))
            return redirect("portal:people")
    context = {
        "role": role,
        "nav": "people",
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "assignments": selectors.role_assignment_list(network=network),
        "pending": selectors.pending_invitation_list(network=network),
    }
    return render(request, "portal/people.html", context)


@require_POST
@role_required(coordinator=True)
def revoke(request: HttpRequest, role: ActiveRole, invitation_id) -> HttpResponse:
    invitation = scoped_get_or_404(
        Invitation.objects.filter(accepted_at__isnull=True), network=role.network, pk=invitation_id
    )
    services.invitation_revoke(invitation=invitation, acting_user=request.user)
    messages.success(request, _("De uitnodiging voor {email} is ingetrokken.").format(email=invitation.email))
    return redirect("portal:people")


@require_POST
@role_required(coordinator=True)
def remove_role(request: HttpRequest, role: ActiveRole, assignment_id) -> HttpResponse:
    assignment = scoped_get_or_404(
        RoleAssignment.objects.select_related("user"), network=role.network, pk=assignment_id
    )
    try:
        services.role_remove(assignment=assignment, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("portal:people")
    messages.success(request, _("De rol van {email} is weggenomen.").format(email=assignment.user.email))
    return redirect("portal:people")
