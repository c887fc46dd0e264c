"""Public ends of meetings: the answer link of an invitation (no sign-in: the link is the credential) and a
person's private calendar feed."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from hvhk.core.models import Network
from hvhk.network.calendar import feed_ics
from hvhk.network.models import CalendarFeed, Participant
from hvhk.network.selectors import meetings as selectors
from hvhk.network.services import meetings as services


@never_cache
def meeting_answer(request: HttpRequest, network_slug: str, token: str) -> HttpResponse:
    network = get_object_or_404(Network, slug=network_slug)
    participant = selectors.participant_by_token(network=network, token=token)
    if participant is None:
        raise Http404
    status, error, previous = 200, "", None
    if request.method == "POST":
        try:
            previous = services.participant_answer(
                participant=participant, response=request.POST.get("response", "")
            )
        except ValidationError as exc:
            error, status = " ".join(exc.messages), 400
        participant.refresh_from_db()
    context = {
        "network": network,
        "participant": participant,
        "meeting": participant.meeting,
        "error": error,
        "saved": request.method == "POST" and not error,
        "changed": previous not in (None, Participant.Response.PENDING, participant.response),
        "previous_label": Participant.Response(previous).label if previous else "",
        "closed": participant.meeting.status == "cancelled"
        or not participant.meeting.starts_at
        or participant.meeting.starts_at <= timezone.now(),
        "choices": [c for c in Participant.Response.choices if c[0] != Participant.Response.PENDING],
    }
    response = render(request, "network/meetings/answer.html", context, status=status)
    response["Referrer-Policy"] = "same-origin"  # the token is in the URL: never sent to another site
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def calendar(request: HttpRequest, network_slug: str, token: str) -> HttpResponse:
    network = get_object_or_404(Network, slug=network_slug)
    feed = selectors.feed_for_token(network=network, token=token)
    if feed is None:
        raise Http404
    CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=timezone.now())
    body = feed_ics(
        selectors.feed_meetings(feed=feed), name=_("Vergaderingen – {network}").format(network=network.name)
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="vergaderingen.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
