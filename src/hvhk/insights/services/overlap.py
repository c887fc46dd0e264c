"""Writes of overlap: the coordinator's verdict on a flagged pair ("vullen elkaar aan" or "te bespreken", with an
optional note) and its undo, and the snapshot of the computed pairs (by the worker, or inline for a small network).

Only the coordinator marks or undoes (the analyst sees the pairs but may not: PermissionDenied). A pair is stored
once, the service with the smaller id first (the model's check constraint). Two coordinators marking the same
pair at the same moment do not crash: the unique constraint lets one insert win, and the other updates that row.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.access import Role, holds_role
from hvhk.accounts.models import User
from hvhk.core.models import Network
from hvhk.directory.models import Service
from hvhk.insights.models import OverlapReview, Snapshot
from hvhk.insights.selectors.overlap import SNAPSHOT_KIND, overlap_compute


def _require_coordinator(user: User | None, network: Network) -> None:
    if not holds_role(user, network=network, roles=(Role.COORDINATOR,)):
        raise PermissionDenied("Only the coordinator marks overlapping services")


def _ordered(network: Network, service_a: Service, service_b: Service) -> tuple[Service, Service]:
    for service in (service_a, service_b):
        if service.network_id != network.pk:
            raise ValidationError(_("Kies alleen aanbod van je eigen netwerk."))
    if service_a.pk == service_b.pk:
        raise ValidationError(_("Een aanbod overlapt niet met zichzelf: kies twee verschillende."))
    return (service_a, service_b) if service_a.pk < service_b.pk else (service_b, service_a)


def _existing_review(low: Service, high: Service) -> OverlapReview | None:
    return OverlapReview.objects.filter(service_low=low, service_high=high).select_for_update().first()


@transaction.atomic
def overlap_review_mark(
    *,
    network: Network,
    service_a: Service,
    service_b: Service,
    verdict: str,
    note: str = "",
    acting_user: User,
) -> OverlapReview:
    """Record the coordinator's verdict on the pair (a second verdict on the same pair replaces the first)."""
    _require_coordinator(acting_user, network)
    low, high = _ordered(network, service_a, service_b)
    if verdict not in OverlapReview.Verdict.values:
        raise ValidationError({"verdict": _("Kies 'vullen elkaar aan' of 'te bespreken'.")})
    note = (note or "").strip()
    limit = OverlapReview._meta.get_field("note").max_length
    if len(note) > limit:
        raise ValidationError(
            {"note": _("De toelichting is te lang: hoogstens %(limit)d tekens.") % {"limit": limit}}
        )
    values = {"verdict": verdict, "note": note, "reviewed_by": acting_user}
    review = _existing_review(low, high)
    if review is None:
        review = OverlapReview(network=network, service_low=low, service_high=high, **values)
        review.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():  # a savepoint: a concurrent insert of the same pair loses here
                review.save()
            return review
        except IntegrityError:
            review = OverlapReview.objects.select_for_update().get(service_low=low, service_high=high)
    for name, value in values.items():
        setattr(review, name, value)
    review.full_clean(validate_constraints=False)
    review.save()
    return review


@transaction.atomic
def overlap_review_undo(*, network: Network, review: OverlapReview, acting_user: User) -> None:
    """Take a verdict back: the pair is new again (if it is still flagged)."""
    _require_coordinator(acting_user, network)
    if review.network_id != network.pk:
        raise PermissionDenied("Another network's review")
    OverlapReview.objects.filter(pk=review.pk).delete()


@transaction.atomic
def overlap_snapshot_store(*, network: Network, data: dict | None = None) -> Snapshot:
    """Compute the pairs of `network` (unless given) and keep them as its overlap snapshot, stamped now."""
    if data is None:
        data = overlap_compute(network=network)
    snapshot, _created = Snapshot.objects.update_or_create(
        network=network, kind=SNAPSHOT_KIND, defaults={"data": data, "computed_at": timezone.now()}
    )
    return snapshot
