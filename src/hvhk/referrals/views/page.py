import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from hvhk.accounts.access import ActiveRole, request_roles


def portal_page(request: HttpRequest, role: ActiveRole, template: str, context: dict) -> HttpResponse:
    """Render a portal page with what portal/base.html needs (the active role, the roles to switch to)."""
    return render(request, template, {"role": role, "roles": request_roles(request), **context})


def json_download(data: dict, reference: str) -> HttpResponse:
    """An export (services.request_export) as a JSON file named after the request's reference."""
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="hulpvraag-{slugify(reference)}.json"'
    return response
