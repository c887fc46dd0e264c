"""Sending e-mail through Django's mail API (console or file backend in development, SMTP in production)."""

from django.core.mail import EmailMessage, send_mail


def send(subject: str, body: str, to: list[str], *, headers: dict[str, str] | None = None) -> int:
    """Send one message from DEFAULT_FROM_EMAIL. The subject is made one line: it often holds a name a partner
    typed, and a line break in it would make Django refuse the whole message (BadHeaderError). `headers` adds
    extra headers (for example `List-Unsubscribe` on a digest)."""
    subject = " ".join(str(subject).split())
    if not headers:
        return send_mail(subject, body, None, to)
    return EmailMessage(subject, body, None, to, headers=headers).send()
