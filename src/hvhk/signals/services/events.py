"""The trail of a signal: every service that changes a signal writes one SignalEvent in its transaction."""

from hvhk.accounts.models import User
from hvhk.signals.models import Signal, SignalEvent


def signal_event_record(
    *,
    signal: Signal,
    action: str,
    acting_user: User | None,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
    related_signal: Signal | None = None,
) -> SignalEvent:
    """Write one step of `signal`'s trail: who (kept as a label too, for when the account goes), what, and the
    status before and after."""
    label = ""
    if acting_user is not None and acting_user.is_authenticated:
        label = acting_user.get_full_name() or acting_user.email
    event = SignalEvent(
        network_id=signal.network_id,
        signal=signal,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        user=acting_user if acting_user is not None and acting_user.is_authenticated else None,
        user_label=label,
        related_signal=related_signal,
    )
    event.full_clean()
    event.save()
    return event
