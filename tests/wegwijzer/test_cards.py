"""Result cards stamped from a process copy of their HTML must be the cards the list template renders, byte for
byte: open, closed or without hours, with and without a distance, a marked name, a name that needs escaping, a
Dutch name on an English page, saved and not saved, for a visitor with and without a session."""

import datetime as dt
import re

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client

from hvhk.wegwijzer import cards
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db

WEDNESDAY = dt.datetime(2026, 11, 4, 10, tzinfo=dt.UTC)  # 11:00 in Brussels: open
SUNDAY = dt.datetime(2026, 11, 8, 10, tzinfo=dt.UTC)  # closed


def _page(client, url: str) -> str:
    caches["pages"].clear()
    body = client.get(url).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value="…"', body)


@pytest.mark.parametrize("when", [WEDNESDAY, SUNDAY])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("params", ["?q=babymassage", "?q=babymassage&near=50.88,4.70", "?q=baby&sort=name"])
@pytest.mark.parametrize("session", [False, True])
def test_stamped_cards_are_the_cards_the_template_renders(
    client, listed, partner_a, monkeypatch, when, language, params, session
):
    listed["sleep"].name = 'Slaap "Zzz" <voor> ouders & baby\'s'
    listed["sleep"].save()
    ServiceFactory(organization=partner_a, name="Babyzwemmen zonder vaste uren", description="Voor je baby.")
    from hvhk.search.indexing import reindex

    reindex(network=listed["house"].network)
    visitor = client if session else Client()
    visitor.cookies["django_language"] = language
    if session:
        visitor.post("/netwerk-a/list/add/", {"service": str(listed["babymassage"].id)})
        visitor.get("/netwerk-a/list/")  # uses up the message of saving
    url = "/netwerk-a/services/" + params
    with time_machine.travel(when, tick=False):
        stamped = _page(visitor, url)
        assert stamped.count('class="service-card"') == 3
        monkeypatch.setattr(cards, "stamp_cards", lambda *args, **kwargs: None)
        import hvhk.wegwijzer.views.services as services

        monkeypatch.setattr(services, "stamp_cards", lambda *args, **kwargs: None)
        rendered = _page(visitor, url)
    assert stamped == rendered
    if "near" in params:
        assert " km" in stamped or " m<" in stamped
    if "babymassage" in params:
        assert "<mark>" in stamped
    assert ("Nu open" in stamped or "Open now" in stamped) == (when == WEDNESDAY)
