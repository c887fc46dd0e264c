from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from hvhk.accounts.access import active_role


def role_required(view=None, *, coordinator: bool = False):
    """A staff page: signed in, with a role (else a 403 page); `coordinator=True` pages are a 404 for every other
    role. The view is called as view(request, role, ...), `role` being the active role (access.ActiveRole).
    """

    def decorate(func):
        @login_required
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            role = active_role(request)
            if role is None:
                return render(request, "accounts/no_role.html", status=403)
            if coordinator and not role.is_coordinator:
                raise Http404
            return func(request, role, *args, **kwargs)

        return wrapper

    return decorate(view) if view else decorate
