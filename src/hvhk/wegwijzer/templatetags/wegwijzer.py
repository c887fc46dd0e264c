import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from hvhk.directory.languages import language_name
from hvhk.wegwijzer import display

register = template.Library()


@register.simple_tag
def tr(obj, field: str) -> display.Text:
    """{% tr service "name" as name %}: the text in the visitor's language, or Dutch with .fallback set."""
    return display.tr(obj, field)


@register.simple_tag
def text(value: display.Text, tag: str = "span", css: str = ""):
    """Render a translated text; a Dutch fallback gets lang="nl" so screen readers pronounce it right."""
    attrs = ' lang="nl" dir="ltr"' if value.fallback else ""
    css_attr = format_html(' class="{}"', css) if css else ""
    return format_html("<{}{}{}>{}</{}>", tag, css_attr, mark_safe(attrs), value.text, tag)  # noqa: S308


register.filter("cost_summary", display.cost_summary)
register.filter("cost_lines", display.cost_lines)
register.filter("ways", display.ways)
register.filter("place_label", display.place_label)
register.filter("distance_label", display.distance_label)
register.filter("language_name", language_name)
register.filter("is_stale", display.is_stale)
register.filter("is_free", display.is_free)


@register.filter
def open_now(service) -> bool | None:
    return display.open_now(display.service_schedules(service))


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data: dict) -> str:
    """A schema.org JSON-LD block; markup characters are escaped so text can never end the script."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


@register.filter
def contains(collection, value) -> bool:
    return str(value) in collection if collection else False
