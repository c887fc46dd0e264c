from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hvhk.accounts.access import ActiveRole, choose_role, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.directory.selectors import editable_drafts, editable_locations
from hvhk.network.selectors.dashboard import week_at_a_glance
from hvhk.network.selectors.records import my_open_actions
from hvhk.portal import selectors
from hvhk.referrals import selectors as referral_selectors


@role_required
def home(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    """The dashboard of the active role: a partner's own offering, the coordinator's queues, the intake queue's
    counts; and for every role the network's week at a glance (meetings, minutes, actions, declarations, news)."""
    context = {
        "role": role,
        "roles": request_roles(request),
        "nav": "home",
        "week": week_at_a_glance(role=role, user=request.user),
        "my_actions": my_open_actions(role=role, user=request.user).select_related(
            "owner_user", "owner_organization", "meeting"
        )[:5],
    }
    if role.is_coordinator:
        context.update(
            queue=selectors.review_queue(role)[:20],
            queue_count=selectors.review_queue(role).count(),
            overdue=selectors.overdue_services(role)[:20],
            overdue_count=selectors.overdue_services(role).count(),
            reports_count=selectors.open_reports(role).count(),
        )
    elif role.is_editor:
        organization = role.organization
        context.update(
            organization=organization,
            rows=selectors.service_rows(role, organization=organization),
            locations=editable_locations(role=role).order_by("name"),
            returned=editable_drafts(role=role).filter(status="returned"),
            reports=selectors.open_reports(role)[:10],
            referrals=referral_selectors.partner_referrals(role=role)[:10],
        )
    elif role.is_intake:
        context.update(referral_selectors.queue_counts(role=role, user=request.user))
    return render(request, "portal/home.html", context)


@require_POST
@role_required
def switch_role(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    choose_role(request, request.POST.get("role", ""))
    return redirect("portal:home")
