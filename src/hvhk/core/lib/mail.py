"""Sending e-mail through Django's mail API (console or file backend in development, SMTP in production)."""

from django.core.mail import send_mail


def send(subject: str, body: str, to: list[str]) -> int:
    """Send one message from DEFAULT_FROM_EMAIL. The subject is made one line: it often holds a name a partner
    typed, and a line break in it would make Django refuse the whole message (BadHeaderError)."""
    return send_mail(" ".join(str(subject).split()), body, None, to)
