"""The coordinator's people: who holds which role in the network, and invitations."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hvhk.accounts import invitations
from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.accounts.forms import InviteForm
from hvhk.accounts.models import Invitation, RoleAssignment
from hvhk.core.selectors import scoped_get_or_404


@role_required(coordinator=True)
def people(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    network = role.network
    form = InviteForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invitations.invite(
            network=network,
            email=data["email"],
            role=data["role"],
            organization=data.get("organization"),
            by=request.user,
        )
        messages.success(request, _("Uitnodiging verstuurd naar {email}.").format(email=data["email"]))
        return redirect("portal:people")
    context = {
        "role": role,
        "nav": "people",
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "assignments": RoleAssignment.objects.filter(network=network)
        .select_related("user", "organization")
        .order_by("role", "user__email"),
        "pending": Invitation.objects.filter(
            network=network, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        ).select_related("organization"),
    }
    return render(request, "portal/people.html", context)


@require_POST
@role_required(coordinator=True)
def revoke(request: HttpRequest, role: ActiveRole, invitation_id) -> HttpResponse:
    invitation = scoped_get_or_404(
        Invitation.objects.filter(accepted_at__isnull=True), network=role.network, pk=invitation_id
    )
    invitations.revoke(invitation)
    messages.success(request, _("De uitnodiging voor {email} is ingetrokken.").format(email=invitation.email))
    return redirect("portal:people")


@require_POST
@role_required(coordinator=True)
def remove_role(request: HttpRequest, role: ActiveRole, assignment_id) -> HttpResponse:
    assignment = scoped_get_or_404(
        RoleAssignment.objects.select_related("user"), network=role.network, pk=assignment_id
    )
    if assignment.user == request.user and assignment.role == RoleAssignment.Role.COORDINATOR:
        messages.error(request, _("Je kunt je eigen rol van coördinator niet wegnemen."))
        return redirect("portal:people")
    invitations.remove_role(assignment)
    messages.success(request, _("De rol van {email} is weggenomen.").format(email=assignment.user.email))
    return redirect("portal:people")
