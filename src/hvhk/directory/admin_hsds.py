"""Admin pages for coordinators: upload an HSDS file, see what it would change, confirm; download an export.

The uploaded file waits in a private temporary folder between the preview and the confirmation. The session
holds its token together with the network and the user it was checked for, so a confirmation can only import
exactly what was previewed, into the network it was previewed for.
"""

import secrets
import tempfile
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hvhk.accounts.selectors import coordinator_networks
from hvhk.core.models import Network
from hvhk.directory.hsds.service import export_file, import_file

SESSION_KEY = "hsds_import"
UPLOADS = Path(tempfile.gettempdir()) / "hvhk-hsds-uploads"
MAX_AGE_S = 24 * 3600


def _networks(request: HttpRequest):
    if request.user.is_superuser:
        return Network.objects.all()
    return coordinator_networks(user=request.user)


def _network(networks, pk) -> Network:
    """One of the user's networks; any other id (or no id at all) is a 404."""
    try:
        return networks.get(pk=pk)
    except (Network.DoesNotExist, ValidationError, ValueError) as exc:
        raise Http404 from exc


class UploadForm(forms.Form):
    network = forms.ModelChoiceField(queryset=Network.objects.none(), label=gettext_lazy("Netwerk"))
    file = forms.FileField(
        label=gettext_lazy("HSDS-bestand"),
        help_text=gettext_lazy("JSON (een lijst van aanbod) of een datapakket als .zip (CSV-bestanden)."),
    )
    skip_invalid = forms.BooleanField(
        required=False,
        label=gettext_lazy("Goede records importeren en de records met fouten overslaan"),
    )

    def __init__(self, *args, networks, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks
        if networks.count() == 1:
            self.fields["network"].initial = networks.first()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in (".json", ".zip"):
            raise forms.ValidationError(_("Kies een .json- of .zip-bestand."))
        limit = settings.HSDS_UPLOAD_MAX_MB * 1024 * 1024
        if upload.size > limit:
            raise forms.ValidationError(
                _("Dit bestand is {size} MB; het maximum is {limit} MB. Gebruik hvhk import-hsds.").format(
                    size=round(upload.size / 1024 / 1024), limit=settings.HSDS_UPLOAD_MAX_MB
                )
            )
        return upload


def _store(upload) -> str:
    """Keep the upload for the confirmation; clear out uploads nobody confirmed."""
    UPLOADS.mkdir(mode=0o700, exist_ok=True)
    for old in UPLOADS.iterdir():
        if time.time() - old.stat().st_mtime > MAX_AGE_S:
            old.unlink(missing_ok=True)
    token = secrets.token_urlsafe(16)
    path = UPLOADS / f"{token}{Path(upload.name).suffix.lower()}"
    with open(path, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path.name


def import_view(model_admin, request: HttpRequest) -> HttpResponse:
    networks = _networks(request)
    if not networks.exists():
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("HSDS importeren"),
        "opts": model_admin.model._meta,
    }
    if request.method == "POST" and request.POST.get("action") == "confirm":
        return _confirm(request, networks)
    form = UploadForm(request.POST or None, request.FILES or None, networks=networks)
    if request.method == "POST" and form.is_valid():
        network = form.cleaned_data["network"]
        name = _store(form.cleaned_data["file"])
        skip = form.cleaned_data["skip_invalid"]
        report = import_file(UPLOADS / name, network, dry_run=True, skip_invalid=skip)
        request.session[SESSION_KEY] = {
            "file": name,
            "network": str(network.pk),
            "skip_invalid": skip,
            "user": str(request.user.pk),
            "original": form.cleaned_data["file"].name,
        }
        context.update(report=report, network=network, can_confirm=not report.failed and report.records > 0)
        return TemplateResponse(request, "admin/directory/service/import_hsds_preview.html", context)
    context["form"] = form
    return TemplateResponse(request, "admin/directory/service/import_hsds.html", context)


def _confirm(request: HttpRequest, networks) -> HttpResponse:
    pending = request.session.pop(SESSION_KEY, None)
    if (
        not pending
        or pending.get("user") != str(request.user.pk)
        or request.POST.get("file") != pending["file"]
    ):
        messages.error(request, _("Deze import is verlopen of al uitgevoerd. Laad het bestand opnieuw op."))
        return redirect("admin:directory_service_import_hsds")
    network = _network(networks, pending["network"])
    path = UPLOADS / Path(pending["file"]).name
    if not path.exists():
        messages.error(request, _("Het opgeladen bestand is er niet meer. Laad het opnieuw op."))
        return redirect("admin:directory_service_import_hsds")
    try:
        report = import_file(path, network, skip_invalid=pending["skip_invalid"])
    finally:
        path.unlink(missing_ok=True)
    level = messages.SUCCESS if report.saved else messages.ERROR
    messages.add_message(request, level, " ".join(report.summary()[:1] + report.summary()[-1:]))
    return redirect("admin:directory_service_changelist")


def export_view(model_admin, request: HttpRequest, network_id, form: str) -> HttpResponse:
    network = _network(_networks(request), network_id)
    suffix = ".zip" if form == "zip" else ".json"
    with tempfile.TemporaryDirectory(prefix="hvhk-export-") as folder:
        out = Path(folder) / f"hsds-{network.slug}{suffix}"
        export_file(network, out)
        handle = open(out, "rb")  # noqa: SIM115 (the response closes it; the open file outlives its folder)
    return FileResponse(handle, as_attachment=True, filename=out.name)
