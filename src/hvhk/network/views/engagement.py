"""Partners and their engagement: the partners overview, a partner's membership, the declaration versions and
their signatures (online with a confirm step, or on paper with a scan), the directory for professionals, and the
public partners page with the signed declaration as a PDF.

Every staff role of the network reads the overview, the declarations and the directory; only the coordinator
changes memberships, publishes versions and records paper signatures; a partner's editor signs for their own
organisation. Every id is looked up in the active role's network: anything else is a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from hvhk.accounts.access import ActiveRole, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.core.lib.pdf import pdf_bytes
from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.directory.models import Membership, Organization
from hvhk.network.forms_engagement import DeclarationForm, MembershipForm, PaperSignatureForm, SignForm
from hvhk.network.selectors import engagement as selectors
from hvhk.network.services import engagement as services

NAV = "network"


def _page(
    request: HttpRequest, role: ActiveRole, template: str, context: dict, status: int = 200
) -> HttpResponse:
    context = {"role": role, "roles": request_roles(request), "nav": NAV, **context}
    return render(request, f"network/engagement/{template}", context, status=status)


def _errors(form, error: ValidationError) -> None:
    """A service's ValidationError on the form: on its field when the form has one, else on top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _may_open_scan(role: ActiveRole, signature) -> bool:
    if not signature.scan:
        return False
    return role.is_coordinator or (
        role.organization is not None and signature.organization_id == role.organization.pk
    )


# --- partners --------------------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def partners_portal(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    rows = selectors.partner_rows(role=role, user=request.user)
    current = [row for row in rows if selectors.is_current(row.membership)]
    former = [row for row in rows if not selectors.is_current(row.membership)]
    context = {
        "current": current,
        "former": former,
        "newest": selectors.newest_declaration(network=role.network),
        "lead_count": sum(1 for row in current if row.membership.role == Membership.Role.LEAD),
    }
    return _page(request, role, "partners.html", context)


@never_cache
@require_GET
@role_required
def partner_portal(request: HttpRequest, role: ActiveRole, org_id) -> HttpResponse:
    membership = selectors.membership_get(network=role.network, organization_id=org_id)
    row = selectors.partner_rows(role=role, user=request.user, memberships=[membership])[0]
    signatures = list(selectors.organization_signatures(organization=membership.organization))
    context = {
        "row": row,
        "membership": membership,
        "organization": membership.organization,
        "is_current": selectors.is_current(membership),
        "signatures": [(s, _may_open_scan(role, s)) for s in signatures],
        "newest": selectors.newest_declaration(network=role.network),
    }
    return _page(request, role, "partner.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required(coordinator=True)
def membership_edit(request: HttpRequest, role: ActiveRole, org_id) -> HttpResponse:
    membership = selectors.membership_get(network=role.network, organization_id=org_id)
    initial = {
        "role": membership.role,
        "joined_on": membership.joined_on,
        "left_on": membership.left_on,
        "houses": list(membership.houses.all()),
        "contact_name": membership.contact_name,
        "contact_email": membership.contact_email,
        "contact_phone": membership.contact_phone,
    }
    form = MembershipForm(request.POST or None, initial=initial, network=role.network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.membership_update(
                membership=membership,
                role=data["role"],
                joined_on=data["joined_on"],
                left_on=data["left_on"],
                houses=list(data["houses"]),
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                contact_phone=data["contact_phone"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(
                request, _("Het lidmaatschap van %(name)s is bewaard.") % {"name": membership.organization}
            )
            return redirect("network:partner-portal", membership.organization_id)
    context = {"membership": membership, "form": form, "forms_with_errors": [form] if form.errors else []}
    return _page(request, role, "membership_form.html", context)


# --- declarations ----------------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def declarations(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    versions = list(selectors.declaration_list(network=role.network))
    newest = versions[0] if versions else None
    context = {
        "versions": versions,
        "newest": newest,
        "signed_count": selectors.signature_list(declaration=newest).count() if newest else 0,
        "unsigned_count": selectors.unsigned_memberships(declaration=newest).count() if newest else 0,
    }
    return _page(request, role, "declarations.html", context)


@never_cache
@require_GET
@role_required
def declaration(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    declaration = selectors.declaration_get(network=role.network, pk=pk)
    newest = selectors.newest_declaration(network=role.network)
    is_newest = newest is not None and newest.pk == declaration.pk
    signatures = list(selectors.signature_list(declaration=declaration))
    own = None
    if role.is_editor and role.organization is not None:
        own = next((s for s in signatures if s.organization_id == role.organization.pk), None)
    context = {
        "declaration": declaration,
        "is_newest": is_newest,
        "newest": newest,
        "signatures": [(s, _may_open_scan(role, s)) for s in signatures],
        "unsigned": list(selectors.unsigned_memberships(declaration=declaration)) if is_newest else [],
        "own_signature": own,
        "may_sign": is_newest and role.is_editor and role.organization is not None and own is None,
    }
    return _page(request, role, "declaration.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required(coordinator=True)
def declaration_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    newest = selectors.newest_declaration(network=role.network)
    initial = {"title": newest.title, "text": newest.text} if newest else {}
    form = DeclarationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.declaration_publish(
                network=role.network, acting_user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(
                request,
                _("Versie %(version)d is gepubliceerd. Alle partners krijgen de vraag om ze te tekenen.")
                % {"version": created.version},
            )
            return redirect("network:declaration", created.pk)
    context = {
        "form": form,
        "newest": newest,
        "next_version": (newest.version + 1) if newest else 1,
        "forms_with_errors": [form] if form.errors else [],
    }
    return _page(request, role, "declaration_form.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def declaration_sign(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    """A partner's editor signs the newest version for their organisation: the first post shows a summary and
    asks to confirm; the second (confirm=1) signs."""
    if not role.is_editor or role.organization is None:
        raise Http404
    declaration = selectors.declaration_get(network=role.network, pk=pk)
    organization: Organization = role.organization
    newest = selectors.newest_declaration(network=role.network)
    if newest is None or newest.pk != declaration.pk:
        messages.error(request, _("Je kunt alleen de nieuwste versie van de verklaring tekenen."))
        return redirect("network:declaration", declaration.pk)
    existing = selectors.signature_for(declaration=declaration, organization=organization)
    if existing is not None:
        messages.info(request, str(services.ALREADY_SIGNED))
        return redirect("network:declaration", declaration.pk)
    form = SignForm(request.POST or None, initial={"signer_name": request.user.full_name})
    confirming = False
    if request.method == "POST" and form.is_valid():
        if request.POST.get("confirm") == "1" and request.POST.get("back") is None:
            try:
                services.signature_create(
                    declaration=declaration,
                    organization=organization,
                    signer_name=form.cleaned_data["signer_name"],
                    signer_function=form.cleaned_data["signer_function"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(
                    request,
                    _("Bedankt. %(org)s heeft versie %(version)d van de verklaring getekend.")
                    % {"org": organization.name, "version": declaration.version},
                )
                return redirect("network:declaration", declaration.pk)
        elif request.POST.get("back") is None:
            confirming = True
    context = {
        "declaration": declaration,
        "organization": organization,
        "form": form,
        "confirming": confirming,
        "today": timezone.localdate(),
        "forms_with_errors": [form] if form.errors else [],
    }
    return _page(request, role, "sign.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required(coordinator=True)
def signature_paper(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    declaration = selectors.declaration_get(network=role.network, pk=pk)
    signed = selectors.signature_list(declaration=declaration).values("organization_id")
    organizations = (
        Organization.objects.for_network(role.network)
        .filter(membership__isnull=False)
        .exclude(pk__in=signed)
        .order_by("name")
    )
    form = PaperSignatureForm(request.POST or None, request.FILES or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.signature_paper_create(
                declaration=declaration,
                organization=data["organization"],
                signer_name=data["signer_name"],
                signer_function=data["signer_function"],
                signed_on=data["signed_on"],
                scan=data["scan"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(
                request,
                _("De handtekening op papier van %(org)s is bewaard.") % {"org": data["organization"].name},
            )
            return redirect("network:declaration", declaration.pk)
    context = {"declaration": declaration, "form": form, "forms_with_errors": [form] if form.errors else []}
    return _page(request, role, "paper_form.html", context)


@never_cache
@require_GET
@role_required
def signature_scan(request: HttpRequest, role: ActiveRole, pk) -> FileResponse:
    """The scan of a paper signature, for the coordinator and the organisation's own staff only."""
    signature = selectors.signature_for_scan(role=role, pk=pk)
    try:
        handle = signature.scan.open("rb")
    except FileNotFoundError as error:
        raise Http404("The scan is missing") from error
    extension = signature.scan.name.rsplit(".", 1)[-1].lower()
    filename = f"verklaring-v{signature.declaration.version}-{signature.organization.slug}.{extension}"
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- the directory for professionals -------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def directory(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    q = " ".join(request.GET.get("q", "").split())[:100]
    memberships = list(selectors.directory_list(network=role.network, q=q))
    return _page(request, role, "directory.html", {"memberships": memberships, "q": q})


# --- public ----------------------------------------------------------------------------------------------------


@require_GET
@network_view
def partners(request: HttpRequest, network: Network) -> HttpResponse:
    memberships = list(selectors.public_partner_list(network=network))
    leads = [m for m in memberships if m.role == Membership.Role.LEAD]
    newest = selectors.newest_declaration(network=network)
    context = {
        "nav": "partners",
        "memberships": memberships,
        "leads": leads,
        "newest": newest,
        "signed_count": selectors.signature_list(declaration=newest).count() if newest else 0,
    }
    return render(request, "network/engagement/public_partners.html", context)


@require_GET
@network_view
def declaration_pdf(request: HttpRequest, network: Network) -> HttpResponse:
    """The newest declaration with its signatories (organisation, signer, function, date) as an A4 PDF."""
    newest = selectors.newest_declaration(network=network)
    if newest is None:
        raise Http404("No declaration published yet")
    signatures = selectors.public_signatures(declaration=newest)
    pdf = pdf_bytes(
        request, "network/engagement/declaration_pdf.html", {"declaration": newest, "signatures": signatures}
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"{network.slug} engagementsverklaring v{newest.version}")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
