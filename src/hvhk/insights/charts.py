"""Charts drawn on the server by matplotlib as SVG, to put inline in a page or a PDF: readable without
JavaScript, each with a title, a one-line summary in words and its data as a table beside it
(templates/insights/_chart.html shows all three).

The page's Content-Security-Policy allows no inline styles, so matplotlib's `style="..."` attributes and its
<style> element become SVG presentation attributes (fill="...", stroke="..."), which the policy does not touch.
Element ids get a prefix of their own per chart, so two charts on one page never share a clip path.

Drawing costs about a tenth of a second per chart, so a drawn chart is kept in the cache for CHART_CACHE_SECONDS
under a hash of everything it is drawn from (kind, labels, values, title, size and language): the same figures
are drawn once, and new figures are a new key."""

import hashlib
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

# Colours that keep 3:1 contrast against white and stay apart for colour-blind readers (Okabe-Ito, darkened).
PALETTE = ["#1b5e7a", "#b35900", "#2e7d32", "#8e3b8e", "#a6761d", "#005a9c", "#6b6b6b"]
_PRESENTATION = {
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "font-size",
    "font-family", "font-weight", "font-style", "text-anchor", "clip-path", "display", "visibility",
}  # fmt: skip
CHART_CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class Chart:
    title: str
    summary: str
    svg: SafeString
    headers: Sequence[str] = ()
    rows: Sequence[Sequence[object]] = field(default_factory=list)


def new_figure(width: float, height: float):
    """An empty figure of `width` × `height` inches at 72 dpi (the SVG's units are points; the page scales it to
    its column), laid out so that no label is cut off; every chart and map of insights starts from one."""
    from matplotlib.figure import Figure  # no pyplot: no global state, safe in threads

    figure = Figure(figsize=(width, height), dpi=72)
    figure.set_layout_engine("constrained")
    return figure


def warm_up() -> None:
    """Import matplotlib and draw one small chart, so a web process's first insights page does not pay for it
    (about a second and a half: the import, the fonts). The WSGI entry point runs it in a thread at start."""
    figure = new_figure(1, 1)
    figure.add_subplot().bar([0], [1])
    svg_markup(figure, label="", prefix="warm-")


def _style_axes(axes) -> None:
    from matplotlib.ticker import MaxNLocator

    for axis in (axes.xaxis, axes.yaxis):  # counts: no tick at 2,5 (the label axis gets its own ticks later)
        axis.set_major_locator(MaxNLocator(nbins=6, integer=True, steps=[1, 2, 5, 10]))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=11, colors="#222222")
    axes.grid(axis="y", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)


def cached_svg(key_parts: tuple, draw) -> SafeString:
    """The SVG `draw()` returns, from the cache when the same chart (same `key_parts`) was drawn before. `draw`
    gets the id prefix to pass on to `svg_markup`."""
    digest = hashlib.sha256(repr((key_parts, get_language())).encode()).hexdigest()[:16]
    key = f"insights:chart:{digest}"
    svg = cache.get(key)
    if svg is None:
        svg = str(draw(f"c{digest[:8]}-"))
        cache.set(key, svg, CHART_CACHE_SECONDS)
    return mark_safe(svg)  # noqa: S308 - drawn by svg_markup from our own figures


def svg_markup(figure, *, label: str, prefix: str = "chart-") -> SafeString:
    """The figure as inline SVG: no XML prologue, scalable (viewBox, no fixed size), styles as attributes, ids
    unique on the page (`prefix`, unique per chart), `role="img"` with `label` as its accessible name."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(
        {"svg.fonttype": "none", "svg.hashsalt": "hvhk", "font.family": "DejaVu Sans"}
    ):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    root = ET.fromstring(buffer.getvalue())  # noqa: S314 - matplotlib wrote it just now, from our figures
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{{{SVG_NS}}}style" or child.tag == f"{{{SVG_NS}}}metadata":
                parent.remove(child)
    for element in root.iter():
        style = element.attrib.pop("style", "")
        for declaration in style.split(";"):
            name, _sep, value = declaration.partition(":")
            name, value = name.strip(), value.strip()
            if name in _PRESENTATION and value:
                element.set(name, value.strip("'\""))
        if "id" in element.attrib:
            element.set("id", prefix + element.attrib["id"])
        for key, value in list(element.attrib.items()):
            if "url(#" in value:
                element.set(key, value.replace("url(#", f"url(#{prefix}"))
            elif key == f"{{{XLINK_NS}}}href" and value.startswith("#"):
                element.set(key, "#" + prefix + value[1:])
    width, height = root.attrib.pop("width", ""), root.attrib.pop("height", "")
    if "viewBox" not in root.attrib and width and height:
        root.set("viewBox", f"0 0 {float(width.rstrip('pt'))} {float(height.rstrip('pt'))}")
    root.set("role", "img")
    root.set("aria-label", label)
    root.set("stroke-linejoin", "round")
    root.set("focusable", "false")
    # matplotlib placed every label for left-to-right text: in a right-to-left page (Arabic) the inherited
    # direction would flip each label's anchor and put it over the bars. Arabic words still read right to left.
    root.set("direction", "ltr")
    root.set("class", "chart-svg")
    # Namespace prefixes are global to ElementTree, and WeasyPrint laying out a PDF in this process registers its
    # own: name ours just before writing.
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    text = ET.tostring(root, encoding="unicode")
    text = re.sub(r">\s+<", "><", text)
    return mark_safe(text)  # noqa: S308 - built by matplotlib from our own figures, re-serialised by ElementTree


def number(value) -> str:
    """A count or figure in Belgian Dutch (1.234 or 3,5); text (such as "< 5") as it is."""
    if isinstance(value, int | float):
        return number_format(
            value, decimal_pos=None if isinstance(value, int) else 1, use_l10n=True, force_grouping=True
        )
    return str(value)


def _rows(labels: Sequence[str], series: dict[str, Sequence[float | str | None]]) -> list[list[str]]:
    """The chart's table: numbers in Belgian Dutch, a hidden count as its marker ("< 5", "×"); None reads "< 5"."""
    return [
        [label, *("< 5" if values[i] is None else number(values[i]) for values in series.values())]
        for i, label in enumerate(labels)
    ]


def _key(kind: str, title: str, labels, series: dict, *rest) -> tuple:
    return (
        kind,
        title,
        tuple(labels),
        tuple((name, tuple(values)) for name, values in series.items()),
        *rest,
    )


def bar_chart(
    *,
    title: str,
    summary: str,
    labels: Sequence[str],
    series: dict[str, Sequence[float | str | None]],
    label_header: str = "",
    horizontal: bool = False,
    width: float = 6.0,
    height: float = 3.6,
) -> Chart:
    """Bars per label, one colour per series (a hidden count, None or its marker such as "< 5", draws no bar and
    reads as its marker in the table)."""
    svg = cached_svg(
        _key("bar", title, labels, series, horizontal, width, height),
        lambda prefix: _bars(title, labels, series, horizontal, width, height, prefix),
    )
    return Chart(title, summary, svg, [label_header, *series.keys()], _rows(labels, series))


def _bars(title, labels, series, horizontal, width, height, prefix) -> SafeString:
    figure = new_figure(width, height)
    axes = figure.add_subplot()
    _style_axes(axes)
    step = 0.8 / max(len(series), 1)
    positions = list(range(len(labels)))
    draw = axes.barh if horizontal else axes.bar
    for index, (name, values) in enumerate(series.items()):
        offsets = [p - 0.4 + step * (index + 0.5) for p in positions]
        heights = [v if isinstance(v, int | float) else 0 for v in values]
        draw(offsets, heights, step * 0.9, label=name, color=PALETTE[index % len(PALETTE)])
    if horizontal:
        axes.set_yticks(positions, labels)
        axes.invert_yaxis()
        axes.grid(axis="y", visible=False)
        axes.grid(axis="x", color="#dddddd", linewidth=0.8)
    else:
        long = max(map(len, labels or [""])) > 6
        axes.set_xticks(positions, labels, rotation=30 if long else 0, ha="right" if long else "center")
    if len(series) > 1:
        axes.legend(frameon=False, fontsize=10)
    return svg_markup(figure, label=title, prefix=prefix)


def line_chart(
    *,
    title: str,
    summary: str,
    labels: Sequence[str],
    series: dict[str, Sequence[float | str | None]],
    label_header: str = "",
    width: float = 6.0,
    height: float = 3.2,
) -> Chart:
    """Lines over `labels` (months, say), one per series; a hidden value (None or its marker) leaves a gap."""
    svg = cached_svg(
        _key("line", title, labels, series, width, height),
        lambda prefix: _lines(title, labels, series, width, height, prefix),
    )
    return Chart(title, summary, svg, [label_header, *series.keys()], _rows(labels, series))


def _lines(title, labels, series, width, height, prefix) -> SafeString:
    figure = new_figure(width, height)
    axes = figure.add_subplot()
    _style_axes(axes)
    for index, (name, values) in enumerate(series.items()):
        points = [v if isinstance(v, int | float) else float("nan") for v in values]
        color = PALETTE[index % len(PALETTE)]
        axes.plot(range(len(labels)), points, marker="o", linewidth=2, label=name, color=color)
    axes.set_xticks(list(range(len(labels))), labels)
    axes.set_ylim(bottom=0)
    if len(series) > 1:
        axes.legend(frameon=False, fontsize=10)
    return svg_markup(figure, label=title, prefix=prefix)
