"""Accepting an invitation: a new account sets its password; an existing one signs in and gets the role."""

from django.contrib import messages
from django.contrib.auth import login
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hvhk.accounts.forms import NewAccountForm
from hvhk.accounts.models import User
from hvhk.accounts.selectors import invitation_get_by_token
from hvhk.accounts.services import invitation_accept


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    found = invitation_get_by_token(token=token)
    if found is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    existing = User.objects.filter(email__iexact=found.email).first()
    if existing is not None:
        if not request.user.is_authenticated:
            messages.info(
                request,
                _("Meld je aan met {email} om de uitnodiging te aanvaarden.").format(email=found.email),
            )
            return redirect(f"/accounts/login/?next={request.path}")
        if request.user != existing:
            return render(
                request, "accounts/invitation_other_account.html", {"invitation": found}, status=403
            )
        if request.method == "POST":
            invitation_accept(invitation=found, acting_user=existing)
            messages.success(
                request, _("Je hebt er een rol bij: {role}.").format(role=found.get_role_display())
            )
            return redirect("portal:home")
        return render(request, "accounts/invitation.html", {"invitation": found, "form": None})
    form = NewAccountForm(request.POST or None, email=found.email)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = User.objects.create_user(
                found.email, form.cleaned_data["password1"], full_name=form.cleaned_data["full_name"]
            )
            invitation_accept(invitation=found, acting_user=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welkom! Je account is klaar."))
        return redirect("portal:home")
    context = {"invitation": found, "form": form, "forms_with_errors": [form] if form.errors else []}
    return render(request, "accounts/invitation.html", context)
