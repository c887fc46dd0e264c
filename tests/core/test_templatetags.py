"""The template filters every app shares ({% load hvhk %}): stored URLs become links only when they are safe."""

import pytest
from django.template import Context, Template

from hvhk.core.templatetags.hvhk import safe_href, safe_tel_href


@pytest.mark.parametrize(
    "url",
    [
        "https://www.kindengezin.be/",
        "http://example.org/a?b=c&d=e",
        "HTTPS://EXAMPLE.ORG/",
        "mailto:info@example.org",
    ],
)
def test_a_web_or_mail_url_is_kept(url):
    assert safe_href(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "tel:+3216000000",
        "//evil.example/",
        "www.example.org",
        "/leuven/services/",
        "https:evil",
        "http://",
        "",
        None,
    ],
)
def test_any_other_url_is_refused(url):
    assert safe_href(url) == ""


def test_a_phone_link_only_passes_tel():
    assert safe_tel_href("tel:+3216000000") == "tel:+3216000000"
    assert safe_tel_href("javascript:alert(1)") == ""
    assert safe_tel_href("https://example.org/") == ""


def _render(source: str, **context) -> str:
    return Template("{% load hvhk %}" + source).render(Context(context))


def test_safe_link_renders_a_link_for_a_web_url_and_escapes_it():
    html = _render("{% safe_link url 'Website' %}", url='https://example.org/?a=1&b="2"')
    assert html == '<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noopener">Website</a>'


def test_safe_link_renders_plain_text_for_a_javascript_url():
    html = _render("{% safe_link url 'Website' %}", url="javascript:alert('<b>')")
    assert "<a" not in html and "href" not in html
    assert html == '<span class="unlinked-url">javascript:alert(&#x27;&lt;b&gt;&#x27;)</span>'


def test_safe_href_in_an_attribute_stays_escaped():
    html = _render(
        '{% with href=url|safe_href %}<a href="{{ href }}">x</a>{% endwith %}', url='https://e.org/"x'
    )
    assert html == '<a href="https://e.org/&quot;x">x</a>'
