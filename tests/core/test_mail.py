"""E-mail goes through one helper: a subject is always one line, whatever a partner typed in a name."""

from django.core import mail

from hvhk.core.lib.mail import send


def test_a_line_break_in_a_subject_does_not_stop_the_message():
    assert (
        send("Nieuw voorstel: Babymassage\r\nBcc: iemand@example.org", "Tekst", ["coordinator@example.org"])
        == 1
    )

    (message,) = mail.outbox
    assert message.subject == "Nieuw voorstel: Babymassage Bcc: iemand@example.org"
    assert message.to == ["coordinator@example.org"] and message.bcc == []
