"""Sending e-mail through Django's mail API (console or file backend in development, SMTP in production)."""

from django.core.mail import EmailMessage, send_mail


def send(
    subject: str,
    body: str,
    to: list[str],
    *,
    attachments: list[tuple[str, str | bytes, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    """Send one message from DEFAULT_FROM_EMAIL. The subject is made one line: it often holds a name a partner
    typed, and a line break in it would make Django refuse the whole message (BadHeaderError). `attachments`
    are (filename, content, mimetype) triples (an invitation's .ics); `headers` extra headers."""
    subject = " ".join(str(subject).split())
    if not attachments and not headers:
        return send_mail(subject, body, None, to)
    message = EmailMessage(subject, body, None, to, headers=headers)
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    return message.send()
