"""The coordinator reviews what partners propose: the changed words, then publish or send back."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory import selectors as directory
from hvhk.directory import services as directory_services
from hvhk.portal import selectors
from hvhk.portal.forms import ReviewForm


@role_required(coordinator=True)
def queue(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    return render(
        request,
        "portal/review_queue.html",
        {
            "role": role,
            "drafts": selectors.review_queue(role),
            "overdue": selectors.overdue_services(role)[:50],
        },
    )


@role_required(coordinator=True)
def review(request: HttpRequest, role: ActiveRole, draft_id) -> HttpResponse:
    draft = scoped_get_or_404(
        directory.editable_drafts(role=role).select_related("organization", "author"),
        network=role.network,
        pk=draft_id,
    )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and draft.is_open and form.is_valid():
        try:
            if request.POST.get("action") == "publish":
                directory_services.draft_publish(draft=draft, acting_user=request.user)
                messages.success(
                    request, _("Gepubliceerd: '{title}' staat online.").format(title=draft.title)
                )
            else:
                directory_services.draft_return(
                    draft=draft, acting_user=request.user, comment=form.cleaned_data["comment"]
                )
                messages.success(request, _("Teruggestuurd naar de partner met je opmerking."))
            return redirect("portal:review-queue")
        except ValidationError as exc:  # a rule of the service (closed meanwhile, say): shown on the form
            form.add_error(None, exc)
    current, changes = directory.draft_changes(draft=draft)
    return render(
        request,
        "portal/review.html",
        {
            "role": role,
            "draft": draft,
            "current": current,
            "changes": changes,
            "form": form,
            "forms_with_errors": [form] if form.errors else [],
        },
    )
