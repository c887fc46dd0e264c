"""Volunteers in the portal. The coordinator keeps every role, the pool of volunteers, their follow-up and the
access log; a partner's editor keeps the roles of their organisation and sees the volunteers matched to them
(`selectors.volunteers_for`). Every other role, and every id of another network, gets a 404.

Names and contact details open only after signing in with a second factor (as registrations and referrals); without
one, the pages show the roles and the counts and say how to set it up. Every page that shows a volunteer's data
writes a row to the access log."""

import functools

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hvhk.accounts.access import ActiveRole, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.core.lib.forms import add_service_errors
from hvhk.core.lib.pdf import logo_data_url, pdf_bytes, pdf_response
from hvhk.volunteers import selectors, services
from hvhk.volunteers.forms import (
    HelpRequestForm,
    HoursForm,
    PlacementStepForm,
    ProposeForm,
    RoleForm,
    ThankYouForm,
    VolunteerForm,
)
from hvhk.volunteers.models import (
    AVAILABILITY,
    DAY_PARTS,
    INTERESTS,
    LANGUAGES,
    WEEKDAYS,
    Placement,
    Volunteer,
    VolunteerAccess,
    VolunteerRole,
)

Action = VolunteerAccess.Action
REASONS = {
    "asked": gettext_lazy("meldde zich aan voor deze rol"),
    "interests": gettext_lazy("doet dit graag"),
    "languages": gettext_lazy("spreekt een taal die helpt"),
    "availability": gettext_lazy("kan op die momenten"),
    "area": gettext_lazy("woont in de buurt"),
}


def _page(request: HttpRequest, role: ActiveRole, template: str, context: dict, status: int = 200):
    return render(
        request,
        template,
        {"role": role, "roles": request_roles(request), "nav": "volunteers", **context},
        status=status,
    )


def second_factor(view):
    """A volunteer's data open only with a second factor; without one, a page says how to set it up."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, role: ActiveRole, *args, **kwargs) -> HttpResponse:
        selectors.roles_for(role=role)  # 404 for roles that do not work with volunteers
        if not is_mfa_enabled(request.user):
            return _page(request, role, "volunteers/portal/needs_two_factor.html", {}, status=403)
        return view(request, role, *args, **kwargs)

    return wrapped


def _labels(keys, table) -> list[str]:
    return [str(table[k]) for k in keys or [] if k in table]


def _slot_labels(keys) -> list[str]:
    return [
        f"{WEEKDAYS[AVAILABILITY[k][0]]} {DAY_PARTS[AVAILABILITY[k][1]]}"
        for k in keys or []
        if k in AVAILABILITY
    ]


# --- overview and roles ------------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def overview(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    roles = list(selectors.roles_for(role=role))
    context = {
        "volunteer_roles": roles,
        "second_factor": is_mfa_enabled(request.user),
        "year": selectors.year_count(network=role.network, year=timezone.localdate().year)
        if role.is_coordinator
        else None,
    }
    by_status = selectors.status_counts(role=role)
    context["status_counts"] = [(label, by_status.get(value, 0)) for value, label in Volunteer.Status.choices]
    context["help_requests"] = list(selectors.help_requests_for(role=role)[:10])
    context["thank_yous"] = (
        list(selectors.thank_yous(network=role.network)[:5]) if role.is_coordinator else []
    )
    return _page(request, role, "volunteers/portal/overview.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def role_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    selectors.roles_for(role=role)
    form = RoleForm(request.POST or None, network=role.network, choose_partner=role.is_coordinator)
    if request.method == "POST" and form.is_valid():
        try:
            fields = form.service_fields()
            organization = fields.pop("organization", None) if role.is_coordinator else role.organization
            created = services.role_create(
                network=role.network,
                acting_user=request.user,
                organization=organization,
                publish=request.POST.get("publish") == "1",
                **fields,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De rol is bewaard."))
            return redirect("volunteers:portal-role", created.pk)
    context = {"form": form, "forms_with_errors": [form] if form.errors else [], "editing": None}
    return _page(
        request, role, "volunteers/portal/role_form.html", context, status=400 if form.errors else 200
    )


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def role_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    volunteer_role = selectors.role_get(role=role, pk=pk)
    form = RoleForm(request.POST or None, instance=volunteer_role, network=role.network)
    if request.method == "POST" and form.is_valid():
        try:
            services.role_update(role=volunteer_role, acting_user=request.user, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De rol is bewaard."))
            return redirect("volunteers:portal-role", volunteer_role.pk)
    context = {"form": form, "forms_with_errors": [form] if form.errors else [], "editing": volunteer_role}
    return _page(
        request, role, "volunteers/portal/role_form.html", context, status=400 if form.errors else 200
    )


@never_cache
@require_GET
@role_required
def role_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    volunteer_role = selectors.role_get(role=role, pk=pk)
    second = is_mfa_enabled(request.user)
    placements, suggestions = [], []
    if second:
        placements = selectors.role_volunteers(volunteer_role=volunteer_role)
        if role.is_coordinator and volunteer_role.status in (
            VolunteerRole.Status.OPEN,
            VolunteerRole.Status.FILLED,
        ):
            suggestions = [
                (s, [str(REASONS[r]) for r in s.reasons])
                for s in selectors.suggestions(volunteer_role=volunteer_role)
            ]
        if placements or suggestions:
            services.volunteer_access_record(
                network=role.network,
                acting_user=request.user,
                action=Action.LIST,
                detail=f"role: {volunteer_role.title}"[:200],
            )
    context = {
        "volunteer_role": volunteer_role,
        "second_factor": second,
        "placements": placements,
        "suggestions": suggestions,
        "interest_labels": _labels(volunteer_role.interests, INTERESTS),
        "language_labels": _labels(volunteer_role.languages, LANGUAGES),
        "availability_labels": _slot_labels(volunteer_role.availability),
        "next_statuses": [
            (value, VolunteerRole.Status(value).label)
            for value in sorted(services.ROLE_TRANSITIONS.get(volunteer_role.status, set()))
        ],
    }
    return _page(request, role, "volunteers/portal/role_detail.html", context)


@require_POST
@role_required
def role_status(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    volunteer_role = selectors.role_get(role=role, pk=pk)
    try:
        services.role_status_set(
            role=volunteer_role, status=request.POST.get("status", ""), acting_user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De status van de rol is aangepast."))
    return redirect("volunteers:portal-role", volunteer_role.pk)


# --- the pool ----------------------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
@second_factor
def pool(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    status = request.GET.get("status", "")
    search = request.GET.get("q", "")[:100]
    volunteers = selectors.volunteers_for(role=role, status=status, search=search)
    page = Paginator(volunteers, 25).get_page(request.GET.get("page"))
    if page.object_list:
        services.volunteer_access_record(
            network=role.network,
            acting_user=request.user,
            action=Action.LIST,
            detail=ngettext("%(n)d vrijwilliger", "%(n)d vrijwilligers", len(page.object_list))
            % {"n": len(page.object_list)},
        )
    context = {
        "page": page,
        "status": status if status in Volunteer.Status.values else "",
        "q": search,
        "statuses": Volunteer.Status.choices,
    }
    return _page(request, role, "volunteers/portal/pool.html", context)


def _hours_form(role: ActiveRole, person: Volunteer, data=None) -> HoursForm | None:
    """The coordinator records hours in any role (or none); a partner's editor only in their roles in which the
    volunteer works (or worked)."""
    roles = selectors.hours_roles(role=role, volunteer=person)
    if not role.is_coordinator and not roles.exists():
        return None
    return HoursForm(data, roles=roles, role_required=not role.is_coordinator)


def _detail_context(request, role: ActiveRole, person: Volunteer, **forms) -> dict:
    hours = selectors.volunteer_hours(role=role, volunteer=person)
    context = {
        "person": person,
        "interest_labels": _labels(person.interests, INTERESTS),
        "language_labels": _labels(person.languages, LANGUAGES),
        "availability_labels": _slot_labels(person.availability),
        "placements": list(person.placements.all()),
        "hours_total": sum((h.hours for h in hours), start=0),
        "hours": hours[:10],
        "hours_form": forms.get("hours_form") or _hours_form(role, person),
    }
    if role.is_coordinator:
        context |= {
            "follow_form": forms.get("follow_form") or VolunteerForm(instance=person, network=role.network),
            "propose_form": forms.get("propose_form") or ProposeForm(network=role.network),
        }
    context["forms_with_errors"] = [f for f in forms.values() if f is not None and f.errors]
    return context


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
@second_factor
def volunteer_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    person = selectors.volunteer_get(role=role, pk=pk)
    follow_form = None
    if request.method == "POST":
        if not role.is_coordinator:
            raise Http404("Only the coordinator keeps a volunteer's follow-up")
        follow_form = VolunteerForm(
            request.POST, instance=Volunteer.objects.get(pk=person.pk), network=role.network
        )
        if follow_form.is_valid():
            try:
                services.volunteer_update(
                    volunteer=person, acting_user=request.user, **follow_form.service_fields()
                )
            except ValidationError as error:
                add_service_errors(follow_form, error)
            else:
                messages.success(request, _("De gegevens zijn bewaard."))
                return redirect("volunteers:portal-detail", person.pk)
        person = selectors.volunteer_get(role=role, pk=pk)
    else:
        services.volunteer_access_record(
            network=role.network, acting_user=request.user, action=Action.VIEW, volunteer=person
        )
    context = _detail_context(request, role, person, follow_form=follow_form)
    return _page(
        request, role, "volunteers/portal/volunteer_detail.html", context, status=400 if follow_form else 200
    )


@require_POST
@role_required
@second_factor
def volunteer_propose(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    if not role.is_coordinator:
        raise Http404("Only the coordinator")
    person = selectors.volunteer_get(role=role, pk=pk)
    form = ProposeForm(request.POST, network=role.network)
    if form.is_valid():
        try:
            services.placement_propose(
                volunteer=person,
                role=form.cleaned_data["role"],
                acting_user=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De vrijwilliger is voorgesteld voor de rol."))
            return redirect("volunteers:portal-detail", person.pk)
    context = _detail_context(request, role, person, propose_form=form)
    return _page(request, role, "volunteers/portal/volunteer_detail.html", context, status=400)


@require_POST
@role_required
@second_factor
def volunteer_hours(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    person = selectors.volunteer_get(role=role, pk=pk)
    form = _hours_form(role, person, request.POST)
    if form is None:
        raise Http404("This partner has no role in which the volunteer works")
    if form.is_valid():
        try:
            services.hours_record(volunteer=person, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De uren zijn bewaard."))
            return redirect("volunteers:portal-detail", person.pk)
    context = _detail_context(request, role, person, hours_form=form)
    return _page(request, role, "volunteers/portal/volunteer_detail.html", context, status=400)


@require_POST
@role_required
@second_factor
def volunteer_erase(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    if not role.is_coordinator:
        raise Http404("Only the coordinator")
    person = selectors.volunteer_get(role=role, pk=pk)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Vink aan dat je de gegevens wil wissen."))
        return redirect("volunteers:portal-detail", person.pk)
    services.volunteer_erase(volunteer=person, acting_user=request.user)
    messages.success(
        request, _("De gegevens van de vrijwilliger zijn gewist. Wat overblijft, telt alleen mee.")
    )
    return redirect("volunteers:portal-pool")


@require_POST
@role_required
@second_factor
def placement_step(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    placement = selectors.placement_get(role=role, pk=pk)
    form = PlacementStepForm(request.POST)
    back = request.POST.get("back") == "role"
    if not form.is_valid():
        messages.error(request, _("Deze stap kan niet meer."))
    else:
        try:
            services.placement_status_set(
                placement=placement, status=form.cleaned_data["status"], acting_user=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De plaatsing is aangepast."))
    # A partner no longer sees a volunteer they declined or who stopped in their role: back to the role then.
    still_theirs = selectors.volunteers_for(role=role).filter(pk=placement.volunteer_id).exists()
    if back or not still_theirs:
        return redirect("volunteers:portal-role", placement.role_id)
    return redirect("volunteers:portal-detail", placement.volunteer_id)


@never_cache
@require_GET
@role_required
@second_factor
def volunteer_agreement(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    """The volunteer agreement (vrijwilligersovereenkomst) as an A4 PDF to sign on paper: the parties, the roles the
    volunteer works in (or asked for), and what the law of 3 July 2005 asks to tell a volunteer: the organisation,
    insurance, expenses, discretion. The coordinator's; written to the access log."""
    if not role.is_coordinator:
        raise Http404("The coordinator makes the agreement")
    person = selectors.volunteer_get(role=role, pk=pk)
    placements = [p for p in person.placements.all() if p.status in Placement.OPEN]
    roles = [p.role for p in placements] or ([person.role_wanted] if person.role_wanted else [])
    services.volunteer_access_record(
        network=role.network, acting_user=request.user, action=Action.AGREEMENT, volunteer=person
    )
    context = {
        "person": person,
        "network": role.network,
        "logo": logo_data_url(role.network),
        "roles": roles,
        "expenses": any(r.expenses for r in roles),
        "training": any(r.training for r in roles),
        "signer": request.user.get_full_name() or request.user.email,
        "retention_months": settings.VOLUNTEER_RETENTION_MONTHS,
    }
    with translation.override(settings.LANGUAGE_CODE):
        pdf = pdf_bytes(request, "volunteers/agreement_pdf.html", context)
    response = pdf_response(pdf, filename=f"vrijwilligersovereenkomst-{person.name}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- asking the pool for a hand, thanking ------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def help_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    selectors.roles_for(role=role)
    form = HelpRequestForm(request.POST or None, network=role.network)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.help_request_create(
                network=role.network,
                acting_user=request.user,
                organization=None if role.is_coordinator else role.organization,
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d vrijwilliger kreeg je vraag.",
                    "%(n)d vrijwilligers kregen je vraag.",
                    created.asked,
                )
                % {"n": created.asked},
            )
            return redirect("volunteers:portal-help", created.pk)
    context = {"form": form, "forms_with_errors": [form] if form.errors else []}
    return _page(
        request, role, "volunteers/portal/help_form.html", context, status=400 if form.errors else 200
    )


@never_cache
@require_GET
@role_required
def help_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    help_request = selectors.help_request_get(role=role, pk=pk)
    second = is_mfa_enabled(request.user)
    offers = selectors.help_offers(help_request=help_request) if second else []
    if offers:
        services.volunteer_access_record(
            network=role.network,
            acting_user=request.user,
            action=Action.LIST,
            detail=f"help: {help_request.title}"[:200],
        )
    context = {"help": help_request, "offers": offers, "second_factor": second}
    return _page(request, role, "volunteers/portal/help_detail.html", context)


@require_POST
@role_required
def help_close(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    help_request = selectors.help_request_get(role=role, pk=pk)
    services.help_request_close(help_request=help_request, acting_user=request.user)
    messages.success(request, _("De vraag is afgesloten."))
    return redirect("volunteers:portal-help", help_request.pk)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def thank_you_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    if not role.is_coordinator:
        raise Http404("The coordinator thanks the volunteers")
    form = ThankYouForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            thanks = services.thank_you_send(
                network=role.network, acting_user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "De uitnodiging gaat naar %(n)d vrijwilliger.",
                    "De uitnodiging gaat naar %(n)d vrijwilligers.",
                    thanks.sent_to,
                )
                % {"n": thanks.sent_to},
            )
            return redirect("volunteers:portal")
    recipients = len(services.thank_you_recipients(network=role.network, year=timezone.localdate().year))
    context = {"form": form, "forms_with_errors": [form] if form.errors else [], "recipients": recipients}
    return _page(
        request, role, "volunteers/portal/thank_you_form.html", context, status=400 if form.errors else 200
    )


@never_cache
@require_GET
@role_required
def access_log(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    rows = selectors.access_log(role=role, limit=200)
    return _page(request, role, "volunteers/portal/access_log.html", {"rows": rows})
