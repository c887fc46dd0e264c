from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hvhk.accounts.access import ActiveRole, request_roles


def portal_page(request: HttpRequest, role: ActiveRole, template: str, context: dict) -> HttpResponse:
    """Render a portal page with what portal/base.html needs (the active role, the roles to switch to)."""
    return render(request, template, {"role": role, "roles": request_roles(request), **context})
