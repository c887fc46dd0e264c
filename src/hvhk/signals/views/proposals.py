"""Proposals from the platform's own figures (`hvhk signals-propose`): the coordinator and the trekkers see each
with its figures and the pages behind them, and accept it as a new signal or dismiss it with a reason. Everyone
else gets a 404, and a proposal of another network (or one already answered) is a 404 too."""

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from hvhk.accounts.access import ActiveRole, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.core.lib.forms import add_service_errors
from hvhk.core.selectors import scoped_get_or_404
from hvhk.signals.forms_proposals import proposal_forms
from hvhk.signals.models import Signal
from hvhk.signals.selectors.access import can_triage, signals_for
from hvhk.signals.selectors.proposals import OVERDUE, WAITING_LIST, proposals_for
from hvhk.signals.services import proposals as services

KIND_LABELS = {
    "zero-search": gettext_lazy("Zoekopdrachten zonder (bijna) resultaat"),
    "referral-gap": gettext_lazy("Hulpvragen zonder doorverwijzing of geweigerd"),
    "waiting-list": gettext_lazy("Volle activiteit met wachtlijst"),
    "overdue": gettext_lazy("Aanbod niet meer nagekeken"),
}
COUNT_LABELS = {
    "searches": gettext_lazy("Aantal keer gezocht"),
    "max_results": gettext_lazy("Hoogstens gevonden aanbod"),
    "requests": gettext_lazy("Hulpvragen in dit levensdomein"),
    "no_referral": gettext_lazy("Zonder doorverwijzing"),
    "no_capacity": gettext_lazy("Geweigerd: geen plaats"),
    "not_eligible": gettext_lazy("Geweigerd: buiten het aanbod of de voorwaarden"),
    "gap": gettext_lazy("Samen niet verder geholpen"),
    "sessions": gettext_lazy("Sessies in die maand"),
    "full_sessions": gettext_lazy("Volle sessies met een lange wachtlijst"),
    "max_waiting": gettext_lazy("Langste wachtlijst (gezinnen)"),
    "overdue": gettext_lazy("Aanbod niet meer nagekeken"),
    "active": gettext_lazy("Actief aanbod in het netwerk"),
}
LINK_LABELS = {
    "search": gettext_lazy("Probeer de zoekopdracht op de wegwijzer"),
    "domain": gettext_lazy("Bekijk het aanbod in dit levensdomein op de wegwijzer"),
    "activity": gettext_lazy("Open de activiteit"),
    "review": gettext_lazy("Open de lijst om na te kijken"),
}
ITEM_URLS = {WAITING_LIST: "activities:portal-detail", OVERDUE: "portal:service"}


def _triager(request: HttpRequest, role: ActiveRole) -> None:
    if not can_triage(request.user, network=role.network):
        raise Http404


def _url(name: str, args: list, query: dict | None = None) -> str:
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{url}?{urlencode(query)}" if query else url


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _card(signal: Signal, forms: tuple | None = None) -> dict:
    """What the page shows of one proposal: its figures as rows, the pages behind them, its two forms."""
    figures = signal.figures or {}
    kind = figures.get("kind", "")
    period = figures.get("period", {})
    month = _date(period.get("from"))
    links = []
    for link in figures.get("links", []):
        url = _url(link.get("name", ""), link.get("args", []), link.get("query"))
        if url:
            links.append({"url": url, "label": LINK_LABELS.get(link.get("label"), _("Open"))})
    items = []
    for item in figures.get("items", []):
        url = _url(ITEM_URLS[kind], [item["id"]]) if kind in ITEM_URLS and item.get("id") else ""
        checked = _date(item.get("checked"))
        items.append({**item, "url": url, "checked": checked})
    accept, dismiss = forms or proposal_forms(signal.pk)
    return {
        "signal": signal,
        "kind": KIND_LABELS.get(kind, kind),
        "month": date_format(month, "YEAR_MONTH_FORMAT") if month else "",
        "rows": [(COUNT_LABELS.get(key, key), value) for key, value in figures.get("counts", {}).items()],
        "links": links,
        "items": items,
        "overdue": kind == OVERDUE,
        "accept": accept,
        "dismiss": dismiss,
    }


def _page(
    request: HttpRequest, role: ActiveRole, *, bound: dict | None = None, status: int = 200
) -> HttpResponse:
    rows = proposals_for(signals=signals_for(role=role, user=request.user)).select_related("life_domain")
    bound = bound or {}
    cards = [_card(signal, bound.get(signal.pk)) for signal in rows]
    with_errors = [form for forms in bound.values() for form in forms if form.errors]
    context = {
        "role": role,
        "roles": request_roles(request),
        "nav": "signals",
        "cards": cards,
        "forms_with_errors": with_errors,
    }
    return render(request, "signals/proposals/list.html", context, status=status)


def _proposal(request: HttpRequest, role: ActiveRole, pk) -> Signal:
    return scoped_get_or_404(
        proposals_for(signals=signals_for(role=role, user=request.user)), network=role.network, pk=pk
    )


@never_cache
@require_GET
@role_required
def proposal_list(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    _triager(request, role)
    return _page(request, role)


@never_cache
@require_POST
@role_required
def proposal_accept(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    _triager(request, role)
    signal = _proposal(request, role, pk)
    forms = proposal_forms(signal.pk, request.POST, which="accept")
    accept = forms[0]
    if accept.is_valid():
        try:
            services.signal_proposal_accept(
                signal=signal, acting_user=request.user, title=accept.cleaned_data["title"]
            )
        except ValidationError as error:
            add_service_errors(accept, error)
        else:
            messages.success(request, _("Het voorstel is nu een nieuw signaal in het register."))
            return redirect("signals:proposals")
    return _page(request, role, bound={signal.pk: forms})


@never_cache
@require_POST
@role_required
def proposal_dismiss(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    _triager(request, role)
    signal = _proposal(request, role, pk)
    forms = proposal_forms(signal.pk, request.POST, which="dismiss")
    dismiss = forms[1]
    if dismiss.is_valid():
        try:
            services.signal_proposal_dismiss(
                signal=signal, acting_user=request.user, reason=dismiss.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(dismiss, error)
        else:
            messages.success(request, _("Het voorstel is niet weerhouden. De reden staat in het verloop."))
            return redirect("signals:proposals")
    return _page(request, role, bound={signal.pk: forms})
