from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hvhk.portal import access, selectors
from hvhk.portal.access import ActiveRole
from hvhk.portal.decorators import portal_view
from hvhk.referrals import access as referral_access
from hvhk.referrals import selectors as referral_selectors


@portal_view
def home(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    """The dashboard of the active role: a partner's own offering, or the coordinator's queues."""
    context = {"role": role, "roles": access.roles_of(request.user)}
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
            locations=access.locations(role).order_by("name"),
            returned=access.drafts(role).filter(status="returned"),
            reports=selectors.open_reports(role)[:10],
            referrals=referral_selectors.partner_referrals(role=role)[:10],
        )
    elif referral_access.is_intake(role):
        context.update(referral_selectors.queue_counts(role=role, user=request.user))
    return render(request, "portal/home.html", context)


@require_POST
@portal_view
def switch_role(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    access.choose_role(request, request.POST.get("role", ""))
    return redirect("portal:home")
