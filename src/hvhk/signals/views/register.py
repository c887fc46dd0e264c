"""Portal pages of the signals register: the list (with filters; the analyst gets counts only), reporting and
editing a signal, a signal with its trail and the triage forms (status, theme, merge), and the themes.

Every page works in the active role: partners' staff and intake see the signals they reported and every theme, the
coordinator and trekkers see and triage everything, the analyst sees counts. What a role may not see or change is a
404; another network's rows never come back. The services check the acting person again.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hvhk.accounts.access import ActiveRole, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.accounts.models import RoleAssignment
from hvhk.core.lib.charts import bar_chart
from hvhk.core.lib.forms import add_service_errors
from hvhk.core.selectors import area_list, scoped_get_or_404
from hvhk.directory.selectors import life_domain_list
from hvhk.network.models import Body
from hvhk.signals.forms_register import (
    MergeForm,
    SignalForm,
    StatusForm,
    ThemeForm,
    ThemeSetForm,
    ThemeStatusForm,
)
from hvhk.signals.models import Signal, Theme
from hvhk.signals.models.signals import TargetGroup
from hvhk.signals.selectors import register as selectors
from hvhk.signals.selectors.access import (
    REPORTERS,
    can_see_counts,
    is_trekker,
    signals_for,
    themes_for,
    triages,
)
from hvhk.signals.services import register as services

PER_PAGE = 30
FILTERS = ("status", "theme", "life_domain", "area", "source", "target_group", "q")


def _context(request: HttpRequest, role: ActiveRole, **extra) -> dict:
    return {"role": role, "roles": request_roles(request), "nav": "signals", **extra}


def _reporter(role: ActiveRole, user) -> bool:
    return role.role in REPORTERS or is_trekker(user, network=role.network)


def _signal_form(role: ActiveRole, data=None, **kwargs) -> SignalForm:
    return SignalForm(
        data,
        areas=area_list(network=role.network),
        life_domains=life_domain_list(network=role.network),
        **kwargs,
    )


def _themes(role: ActiveRole):
    return Theme.objects.for_network(role.network).order_by("title")


def _bodies(role: ActiveRole):
    return Body.objects.for_network(role.network).order_by("name")


# --- the list --------------------------------------------------------------------------------------------------


def _filters(request: HttpRequest, role: ActiveRole) -> tuple[dict, dict]:
    """The list's filters as chosen (only values the choices offer; anything else is ignored) and the choices."""
    themes = list(_themes(role))
    domains = list(life_domain_list(network=role.network))
    areas = list(area_list(network=role.network))
    choices = {
        "status": [
            (selectors.OPEN_FILTER, _("alle open signalen")),
            *[(value, label) for value, label in Signal.Status.choices],
        ],
        "theme": [(selectors.NO_THEME, _("zonder thema")), *[(str(t.pk), t.title) for t in themes]],
        "life_domain": [(str(d.pk), d.name) for d in domains],
        "area": [(str(a.pk), a.name) for a in areas],
        "source": Signal.Source.choices,
        "target_group": TargetGroup.choices,
    }
    chosen = {}
    for name, options in choices.items():
        value = request.GET.get(name, "")
        chosen[name] = value if value in {str(v) for v, _label in options} else ""
    chosen["q"] = request.GET.get("q", "").strip()[:200]
    return chosen, choices


@role_required
def signal_list(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    if not _reporter(role, request.user):
        if role.role == RoleAssignment.Role.ANALYST and can_see_counts(request.user, network=role.network):
            return _counts(request, role)
        raise Http404
    chosen, choices = _filters(request, role)
    signals = selectors.signal_list(role=role, user=request.user, **chosen)
    page = Paginator(signals, PER_PAGE).get_page(request.GET.get("page"))
    params = urlencode({name: value for name, value in chosen.items() if value})
    return render(
        request,
        "signals/register/list.html",
        _context(
            request,
            role,
            page=page,
            chosen=chosen,
            choices=choices,
            filtered=any(chosen.values()),
            params=f"{params}&" if params else "",
            triager=triages(role=role, user=request.user),
        ),
    )


def _counts(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    counts = selectors.signal_counts(network=role.network)
    charts = []
    if counts.total:
        by_status, by_theme = _("Signalen per status"), _("Signalen per thema")
        charts = [
            (
                by_status,
                bar_chart(
                    [(label, n) for label, n in counts.per_status if n], title=by_status, integers=True
                ),
            ),
            (by_theme, bar_chart(counts.per_theme, title=by_theme, integers=True)),
        ]
    return render(
        request, "signals/register/counts.html", _context(request, role, counts=counts, charts=charts)
    )


# --- one signal ------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@role_required
def signal_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    if not _reporter(role, request.user):
        raise Http404
    form = _signal_form(role, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            signal = services.signal_create(role=role, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("Het signaal is bewaard. De coördinator bekijkt het."))
            return redirect("signals:detail", signal.pk)
    return render(
        request,
        "signals/register/form.html",
        _context(request, role, form=form, signal=None, forms_with_errors=[form] if form.errors else []),
    )


def _visible(request: HttpRequest, role: ActiveRole, pk) -> Signal:
    if not _reporter(role, request.user):
        raise Http404
    return scoped_get_or_404(
        signals_for(role=role, user=request.user).select_related(
            "theme", "organization", "area", "life_domain", "merged_into", "reported_by", "body"
        ),
        network=role.network,
        pk=pk,
    )


@require_http_methods(["GET", "POST"])
@role_required
def signal_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    signal = _visible(request, role, pk)
    triager = triages(role=role, user=request.user)
    action = request.POST.get("action") if request.method == "POST" else None
    if request.method == "POST" and (not triager or action not in ("status", "theme", "merge")):
        raise Http404
    status_form = StatusForm(request.POST if action == "status" else None, signal=signal, prefix="status")
    theme_form = ThemeSetForm(
        request.POST if action == "theme" else None,
        themes=_themes(role),
        prefix="theme",
        initial={"theme": signal.theme_id},
    )
    merge_form = MergeForm(
        request.POST if action == "merge" else None,
        targets=selectors.merge_targets(signal=signal),
        prefix="merge",
    )
    form = {"status": status_form, "theme": theme_form, "merge": merge_form}.get(action)
    if form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            if action == "status":
                services.signal_status_set(
                    signal=signal, status=data["status"], note=data["note"], acting_user=request.user
                )
                done = _("De status is gewijzigd.")
            elif action == "theme":
                services.signal_theme_set(
                    signal=signal, theme=data["theme"], note=data["note"], acting_user=request.user
                )
                done = _("Het thema is gewijzigd.")
            else:
                target = services.signal_merge(
                    duplicate=signal, target=data["target"], note=data["note"], acting_user=request.user
                )
                done = _("Het signaal is samengevoegd met “%(title)s”.") % {"title": target.title}
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, done)
            return redirect("signals:detail", signal.pk)
    detail = selectors.signal_detail(signal=signal)
    forms = [status_form, theme_form, merge_form]
    return render(
        request,
        "signals/register/detail.html",
        _context(
            request,
            role,
            signal=signal,
            detail=detail,
            triager=triager,
            may_edit=services.signal_may_edit(signal=signal, user=request.user)
            and signal.status != Signal.Status.MERGED,
            themeable=signal.status in services.THEMEABLE,
            status_form=status_form,
            theme_form=theme_form,
            merge_form=merge_form,
            open_form=action,
            forms_with_errors=[f for f in forms if f.errors],
            age_labels=selectors.AGE_LABELS,
            target_labels=dict(TargetGroup.choices),
        ),
    )


@require_http_methods(["GET", "POST"])
@role_required
def signal_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    signal = _visible(request, role, pk)
    if signal.status == Signal.Status.MERGED or not services.signal_may_edit(
        signal=signal, user=request.user
    ):
        raise Http404
    form = _signal_form(role, request.POST or None, initial=SignalForm.initial_from(signal))
    if request.method == "POST" and form.is_valid():
        try:
            services.signal_update(signal=signal, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("Het signaal is aangepast."))
            return redirect("signals:detail", signal.pk)
    return render(
        request,
        "signals/register/form.html",
        _context(request, role, form=form, signal=signal, forms_with_errors=[form] if form.errors else []),
    )


# --- themes ----------------------------------------------------------------------------------------------------


def _sees_themes(request: HttpRequest, role: ActiveRole) -> None:
    if not _reporter(role, request.user):
        raise Http404


@role_required
def theme_list(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    _sees_themes(request, role)
    return render(
        request,
        "signals/register/themes.html",
        _context(
            request,
            role,
            rows=selectors.theme_overview(network=role.network),
            triager=triages(role=role, user=request.user),
        ),
    )


@require_http_methods(["GET", "POST"])
@role_required
def theme_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    if not triages(role=role, user=request.user):
        raise Http404
    form = ThemeForm(request.POST or None, bodies=_bodies(role))
    if request.method == "POST" and form.is_valid():
        try:
            theme = services.theme_create(network=role.network, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("Het thema is bewaard."))
            return redirect("signals:theme-detail", theme.pk)
    return render(
        request,
        "signals/register/theme_form.html",
        _context(request, role, form=form, theme=None, forms_with_errors=[form] if form.errors else []),
    )


@require_http_methods(["GET", "POST"])
@role_required
def theme_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    _sees_themes(request, role)
    theme = scoped_get_or_404(
        themes_for(role=role, user=request.user).select_related("body"), network=role.network, pk=pk
    )
    triager = triages(role=role, user=request.user)
    status_form = ThemeStatusForm(request.POST or None, initial={"status": theme.status})
    if request.method == "POST":
        if not triager:
            raise Http404
        if status_form.is_valid():
            try:
                services.theme_status_set(
                    theme=theme, status=status_form.cleaned_data["status"], acting_user=request.user
                )
            except ValidationError as error:
                add_service_errors(status_form, error)
            except PermissionDenied as exc:
                raise Http404 from exc
            else:
                messages.success(request, _("De status van het thema is gewijzigd."))
                return redirect("signals:theme-detail", theme.pk)
    return render(
        request,
        "signals/register/theme_detail.html",
        _context(
            request,
            role,
            theme=theme,
            detail=selectors.theme_detail(theme=theme, role=role, user=request.user),
            triager=triager,
            status_form=status_form,
            forms_with_errors=[status_form] if status_form.errors else [],
        ),
    )


@require_http_methods(["GET", "POST"])
@role_required
def theme_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    if not triages(role=role, user=request.user):
        raise Http404
    theme = scoped_get_or_404(Theme, network=role.network, pk=pk)
    initial = {
        "title": theme.title,
        "description": theme.description,
        "proposal": theme.proposal,
        "body": theme.body_id,
    }
    form = ThemeForm(request.POST or None, bodies=_bodies(role), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_update(theme=theme, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("Het thema is aangepast."))
            return redirect("signals:theme-detail", theme.pk)
    return render(
        request,
        "signals/register/theme_form.html",
        _context(request, role, form=form, theme=theme, forms_with_errors=[form] if form.errors else []),
    )
