"""How allauth treats our accounts: no open sign-up (people are invited), mails in the platform's voice."""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        """Accounts come by invitation from a coordinator (accounts.services.invitation_create), never by signing up."""
        return False
