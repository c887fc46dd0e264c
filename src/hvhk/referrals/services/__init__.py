"""Changing support requests, consents and referrals. Every change is one transaction and leaves an audit trail
(ReferralEvent for the referral's steps, AccessLog for personal data). E-mails carry a link, never personal data.

Every function that changes state first checks who acts (`acting_user`), whatever page called it: the network's
intake workers handle requests, the receiving partner's editors take a referral's steps, and `acting_user=None`
is the family itself, through its private link. A person without that right gets PermissionDenied.
"""

from hvhk.referrals.services.common import access_log_create
from hvhk.referrals.services.referrals import referral_advance, referral_create, referral_open
from hvhk.referrals.services.requests import (
    consent_withdraw,
    request_assign,
    request_close,
    request_create,
    request_erase,
    request_export,
    request_mark_contacted,
)
from hvhk.referrals.services.retention import reminders_send, requests_anonymise

__all__ = [
    "access_log_create",
    "consent_withdraw",
    "referral_advance",
    "referral_create",
    "referral_open",
    "reminders_send",
    "request_assign",
    "request_close",
    "request_create",
    "request_erase",
    "request_export",
    "request_mark_contacted",
    "requests_anonymise",
]
