"""The partner's side: referrals to their organisation, each with the request's shared data and the next step.

A partner opens a referral only while the family's consent holds. Afterwards the partner who follows the link in
their mail learns that the family no longer shares the request (410, without any of its data); anyone else still
gets a 404.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.referrals import access, selectors, services
from hvhk.referrals.display import request_labels
from hvhk.referrals.forms import AdvanceForm
from hvhk.referrals.models import AccessLog, Consent
from hvhk.referrals.views.page import portal_page


@never_cache
@require_GET
@role_required
def referral_list(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    if not (role.is_editor or role.is_intake):
        raise Http404
    show = "all" if request.GET.get("show") == "all" else "open"
    rows = selectors.partner_referrals(role=role, show=show)
    return portal_page(
        request, role, "referrals/referrals.html", {"nav": "referrals", "rows": rows, "show": show}
    )


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def referral_detail(request: HttpRequest, role: ActiveRole, referral_id: str) -> HttpResponse:
    try:
        referral = access.referral_get(role, referral_id)
    except Http404:
        gone = access.referral_no_longer_shared(role, referral_id)
        if gone is None:
            raise
        return _no_longer_shared(request, role, gone)
    if not is_mfa_enabled(request.user):
        # A partner editor signs in with a password alone to keep their offering; a family's data asks more.
        context = {"nav": "referrals", "referral": referral}
        response = portal_page(request, role, "referrals/needs_two_factor.html", context)
        response.status_code = 403
        return response
    support_request = referral.request
    partner = role.is_editor
    form = None
    if partner:
        if request.method == "GET":
            services.referral_open(referral=referral, acting_user=request.user)
        steps = selectors.referral_next_steps(referral=referral)
        form = AdvanceForm(request.POST or None, steps=steps) if steps else None
        if request.method == "POST":
            if form is None:
                raise Http404
            if form.is_valid():
                try:
                    services.referral_advance(
                        referral=referral,
                        to=form.cleaned_data["to"],
                        acting_user=request.user,
                        note=form.cleaned_data["note"],
                        decline_reason=form.cleaned_data.get("decline_reason", ""),
                    )
                except ValidationError as error:
                    form.add_error(None, error)  # a dict of field errors lands on its fields
                else:
                    messages.success(
                        request, _("De status is bewaard: %(s)s.") % {"s": referral.get_status_display()}
                    )
                    return redirect("referrals:referral", referral.pk)
    elif request.method == "POST":
        raise Http404
    # Every page that shows the family's data is logged, also one shown again with an error after a POST.
    services.access_log_create(
        request=support_request,
        acting_user=request.user,
        action=AccessLog.Action.VIEW,
        detail=referral.service_name,
    )
    consent = support_request.consent
    personal = access.may_see_personal_data(support_request)  # intake too: not after withdrawal or expiry
    context = {
        "nav": "referrals",
        "referral": referral,
        "r": support_request,
        "partner": partner,
        "personal": personal,
        "shares_question": personal and (not partner or consent.allows(Consent.Scope.QUESTION)),
        "shares_contact": personal and (not partner or consent.allows(Consent.Scope.CONTACT)),
        "events": list(referral.events.select_related("actor")),
        "form": form,
        "forms_with_errors": [form] if form is not None and form.errors else [],
        **request_labels(support_request),
    }
    return portal_page(request, role, "referrals/referral.html", context)


def _no_longer_shared(request: HttpRequest, role: ActiveRole, referral) -> HttpResponse:
    """The referral's own partner, after a withdrawal or expiry: what happened, with nothing of the family's data
    (the reference and the service are in the mail they got). Nothing changes, whatever the method."""
    context = {
        "nav": "referrals",
        "referral": referral,
        "withdrawn": referral.request.consent.withdrawn_at is not None,
    }
    response = portal_page(request, role, "referrals/referral_gone.html", context)
    response.status_code = 410
    return response
