"""The one-click "still correct" link from the freshness reminder e-mail (see portal/freshness.py).

No sign-in: the signed link is the proof. A GET only shows the question, because mail scanners open links;
the change needs the POST of the button.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from hvhk.portal import freshness


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        service, user = freshness.check_token(token)
    except freshness.InvalidLink as invalid:
        context = {"link_days": freshness.FRESHNESS_LINK_DAYS}
        return render(request, "portal/fresh_invalid.html", context, status=invalid.status)
    context = {"service": service}
    if request.method == "POST":
        freshness.service_confirm_by_link(service=service, acting_user=user)
        return render(request, "portal/fresh_done.html", context)
    return render(request, "portal/fresh_confirm.html", context)
