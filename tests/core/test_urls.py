"""{% url %} and `cached_reverse` keep reversed addresses per process: the same answers and errors as Django's
`reverse`, under another script prefix or URL configuration too."""

import uuid

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.urls.base import get_script_prefix

from hvhk.core.lib.urls import _reversed, cached_reverse
from hvhk.core.templatetags.urls import CachedURLNode


@pytest.fixture(autouse=True)
def _fresh():
    _reversed.cache_clear()
    prefix = get_script_prefix()
    yield
    set_script_prefix(prefix)


def test_the_url_tag_is_the_cached_one_with_djangos_answers():
    template = Template(
        "{% url 'wegwijzer:services' slug %}|{% url 'wegwijzer:services' network_slug=slug %}"
        "|{% url 'nothing-here' as missing %}[{{ missing }}]"
    )
    assert isinstance(template.nodelist[0], CachedURLNode)
    rendered = template.render(Context({"slug": "leuven"}))
    expected = reverse("wegwijzer:services", args=["leuven"])
    assert rendered == f"{expected}|{expected}|[]"
    with pytest.raises(NoReverseMatch):
        Template("{% url 'wegwijzer:services' 'not a slug!' %}").render(Context())


def test_each_answer_is_worked_out_once_and_follows_the_script_prefix():
    first = cached_reverse("wegwijzer:services", args=["leuven"])
    assert cached_reverse("wegwijzer:services", args=["leuven"]) == first
    assert _reversed.cache_info().hits == 1
    set_script_prefix("/wegwijzer/")
    assert cached_reverse("wegwijzer:services", args=["leuven"]) == "/wegwijzer" + first


def test_arguments_that_are_not_plain_values_are_reversed_each_time(network_a):
    service_id = uuid.uuid4()
    assert cached_reverse("wegwijzer:service", args=[network_a.slug, service_id]) == reverse(
        "wegwijzer:service", args=[network_a.slug, service_id]
    )

    class Slug:
        def __str__(self):
            return network_a.slug

    assert cached_reverse("wegwijzer:services", args=[Slug()]) == f"/{network_a.slug}/services/"
    assert _reversed.cache_info().currsize == 1  # the uuid call only


def test_another_url_configuration_is_another_answer():
    cached_reverse("wegwijzer:services", args=["leuven"])
    with override_settings(ROOT_URLCONF="tests.core.urls_elsewhere"):
        assert _reversed.cache_info().currsize == 0
        assert cached_reverse("elsewhere") == "/somewhere-else/"
        with pytest.raises(NoReverseMatch):
            cached_reverse("wegwijzer:services", args=["leuven"])
    assert cached_reverse("wegwijzer:services", args=["leuven"]) == "/leuven/services/"
