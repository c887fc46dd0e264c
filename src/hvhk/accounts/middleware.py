"""Two-factor authentication is required for everyone who can see personal data."""

from allauth.mfa.utils import is_mfa_enabled
from django.shortcuts import redirect
from django.urls import reverse

from hvhk.accounts.selectors import needs_two_factor

# Pages a person without a second factor may still use: setting it up, logging out, and static files.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/healthz")


class RequireTwoFactorMiddleware:
    """Sends a coordinator, intake worker or platform admin without an authenticator app to set one up.

    allauth asks for the app's code at every login once it is set up; until then such a person can reach
    nothing but the set-up pages.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(ALLOWED_PREFIXES)
            and needs_two_factor(user=user)
            and not is_mfa_enabled(user)
        ):
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        return self.get_response(request)
