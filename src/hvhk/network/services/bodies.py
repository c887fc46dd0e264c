"""Creating bodies and changing who takes part in them. Only the coordinator does this; a body's trekker manages
its meetings (services.meetings), not its membership."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.models import Network
from hvhk.network.models import Body, BodyMember
from hvhk.network.selectors.access import is_coordinator

BODY_FIELDS = ("kind", "name", "theme", "description", "is_open", "is_active")


def _require_coordinator(user: User, network) -> None:
    if not is_coordinator(user, network=network):
        raise PermissionDenied("Only the network's coordinator manages bodies")


def _check_unique_name(*, network: Network, name: str, exclude=None) -> None:
    others = Body.objects.for_network(network).filter(name__iexact=name.strip())
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if others.exists():
        raise ValidationError({"name": _("Er is al een orgaan met deze naam in het netwerk.")})


@transaction.atomic
def body_create(*, network: Network, acting_user: User, **fields) -> Body:
    _require_coordinator(acting_user, network)
    _check_unique_name(network=network, name=fields.get("name", ""))
    body = Body(network=network, **{k: v for k, v in fields.items() if k in BODY_FIELDS})
    body.full_clean()
    body._history_user = acting_user  # read by django-simple-history: the history names who made it
    body.save()
    return body


@transaction.atomic
def body_update(*, body: Body, acting_user: User, **fields) -> Body:
    _require_coordinator(acting_user, body.network)
    if "name" in fields:
        _check_unique_name(network=body.network, name=fields["name"], exclude=body)
    for name, value in fields.items():
        if name in BODY_FIELDS:
            setattr(body, name, value)
    body.full_clean()
    body._history_user = acting_user
    body.save()
    return body


@transaction.atomic
def body_member_add(
    *,
    body: Body,
    user: User | None = None,
    organization=None,
    is_trekker: bool = False,
    since=None,
    acting_user: User,
) -> BodyMember:
    """Add a person (who must hold a role in the network) or an organisation (of the network) to `body`."""
    _require_coordinator(acting_user, body.network)
    if bool(user) == bool(organization):
        raise ValidationError(_("Kies een persoon of een organisatie."))
    if user is not None and not RoleAssignment.objects.filter(user=user, network_id=body.network_id).exists():
        raise ValidationError({"user": _("Deze persoon werkt niet in dit netwerk.")})
    if organization is not None and organization.network_id != body.network_id:
        raise ValidationError({"organization": _("Deze organisatie hoort bij een ander netwerk.")})
    if is_trekker and user is None:
        raise ValidationError({"is_trekker": _("Een trekker is een persoon, geen organisatie.")})
    member = BodyMember(
        network_id=body.network_id,
        body=body,
        user=user,
        organization=organization,
        is_trekker=is_trekker,
        since=since,
    )
    member.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError as error:
        raise ValidationError(_("Deze persoon of organisatie is al lid van dit orgaan.")) from error
    return member


@transaction.atomic
def body_member_set_trekker(*, member: BodyMember, is_trekker: bool, acting_user: User) -> BodyMember:
    _require_coordinator(acting_user, member.body.network)
    if is_trekker and member.user_id is None:
        raise ValidationError(_("Een trekker is een persoon, geen organisatie."))
    member.is_trekker = is_trekker
    member.save(update_fields=["is_trekker", "updated_at"])
    return member


@transaction.atomic
def body_member_remove(*, member: BodyMember, acting_user: User) -> None:
    _require_coordinator(acting_user, member.body.network)
    member.delete()
