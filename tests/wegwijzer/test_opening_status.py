"""'Nu open' on the house and service pages, and what they say on a Belgian public holiday instead."""

import datetime as dt

import pytest
import time_machine

pytestmark = pytest.mark.django_db

WEDNESDAY = dt.datetime(2026, 11, 4, 10, tzinfo=dt.UTC)  # 11:00 in Brussels, within 9-17
ARMISTICE = dt.datetime(2026, 11, 11, 10, tzinfo=dt.UTC)  # also a Wednesday, but a public holiday
HOLIDAY_NOTE = "Vandaag is het een feestdag. Bel eerst om te vragen of het open is."


def _pages(client, network, listed) -> list[str]:
    house = client.get(f"/{network.slug}/houses/{listed['house'].slug}/")
    service = client.get(f"/{network.slug}/services/{listed['babymassage'].pk}/")
    assert house.status_code == service.status_code == 200
    return [house.content.decode(), service.content.decode()]


def test_on_an_ordinary_weekday_the_pages_say_open_now(client, network_a, listed):
    with time_machine.travel(WEDNESDAY, tick=False):
        pages = _pages(client, network_a, listed)
    for html in pages:
        assert "Nu open" in html and HOLIDAY_NOTE not in html


def test_on_a_public_holiday_the_pages_do_not_promise_open_and_say_to_call_first(client, network_a, listed):
    with time_machine.travel(ARMISTICE, tick=False):
        pages = _pages(client, network_a, listed)
    for html in pages:
        assert "Nu open" not in html and "Nu gesloten" not in html and HOLIDAY_NOTE in html
