"""Freshness: a partner confirms that a service is still correct ("laatst nagekeken")."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from hvhk.accounts.models import User
from hvhk.directory import models as m
from hvhk.directory import permissions


@transaction.atomic
def service_confirm_current(*, service: m.Service, acting_user: User) -> m.Service:
    """ "Still correct": the service was checked today, by `acting_user` (its partner editor or a coordinator);
    the history names them, also when they confirm from the reminder's link without signing in."""
    if not permissions.edits(user=acting_user, organization=service.organization):
        raise PermissionDenied
    service.assured_date = timezone.localdate()
    service.assurer_email = acting_user.email[:254]
    service._history_user = acting_user  # read by django-simple-history instead of request.user
    service.save(update_fields=["assured_date", "assurer_email", "updated_at"])
    return service
