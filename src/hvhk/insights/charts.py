"""Charts drawn on the server by matplotlib as SVG, to put inline in a page or a PDF: readable without
JavaScript, each with a title, a one-line summary in words and its data as a table beside it
(templates/insights/_chart.html shows all three).

The page's Content-Security-Policy allows no inline styles, so matplotlib's `style="..."` attributes and its
<style> element become SVG presentation attributes (fill="...", stroke="..."), which the policy does not touch.
Element ids get a per-chart prefix, so two charts on one page never share a clip path."""

import io
import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# Colours that keep 3:1 contrast against white and stay apart for colour-blind readers (Okabe-Ito, darkened).
PALETTE = ["#1b5e7a", "#b35900", "#2e7d32", "#8e3b8e", "#a6761d", "#005a9c", "#6b6b6b"]
_PRESENTATION = {
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "font-size",
    "font-family", "font-weight", "font-style", "text-anchor", "clip-path", "display", "visibility",
}  # fmt: skip
_ids = itertools.count(1)


@dataclass(frozen=True)
class Chart:
    title: str
    summary: str
    svg: SafeString
    headers: Sequence[str] = ()
    rows: Sequence[Sequence[object]] = field(default_factory=list)


def _figure(width: float, height: float):
    from matplotlib.figure import Figure  # no pyplot: no global state, safe in threads

    figure = Figure(figsize=(width, height), dpi=72)
    figure.set_layout_engine("constrained")
    return figure


def _style_axes(axes) -> None:
    from matplotlib.ticker import MaxNLocator

    for axis in (axes.xaxis, axes.yaxis):  # counts: no tick at 2,5 (the label axis gets its own ticks later)
        axis.set_major_locator(MaxNLocator(nbins=6, integer=True, steps=[1, 2, 5, 10]))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=10, colors="#222222")
    axes.grid(axis="y", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)


def svg_markup(figure, *, label: str) -> SafeString:
    """The figure as inline SVG: no XML prologue, scalable (viewBox, no fixed size), styles as attributes, ids
    unique on the page, `role="img"` with `label` as its accessible name."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(
        {"svg.fonttype": "none", "svg.hashsalt": "hvhk", "font.family": "DejaVu Sans"}
    ):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    root = ET.fromstring(buffer.getvalue())  # noqa: S314 - matplotlib wrote it just now, from our figures
    prefix = f"c{next(_ids)}-"
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
    root.set("class", "chart-svg")
    # Again here: another library (WeasyPrint laying out a PDF in this process) may have taken the default prefix.
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


def bar_chart(
    *,
    title: str,
    summary: str,
    labels: Sequence[str],
    series: dict[str, Sequence[float | None]],
    label_header: str = "",
    horizontal: bool = False,
    width: float = 7.5,
    height: float = 3.6,
) -> Chart:
    """Bars per label, one colour per series (a hidden count, None, draws no bar and reads "< 5" in the table)."""
    figure = _figure(width, height)
    axes = figure.add_subplot()
    _style_axes(axes)
    count = max(len(series), 1)
    step = 0.8 / count
    positions = range(len(labels))
    for index, (name, values) in enumerate(series.items()):
        offsets = [p - 0.4 + step * (index + 0.5) for p in positions]
        heights = [v if isinstance(v, int | float) else 0 for v in values]
        draw = axes.barh if horizontal else axes.bar
        draw(offsets, heights, step * 0.9, label=name, color=PALETTE[index % len(PALETTE)])
    if horizontal:
        axes.set_yticks(list(positions), labels)
        axes.invert_yaxis()
        axes.grid(axis="y", visible=False)
        axes.grid(axis="x", color="#dddddd", linewidth=0.8)
    else:
        axes.set_xticks(
            list(positions),
            labels,
            rotation=30 if max(map(len, labels or [""])) > 6 else 0,
            ha="right" if max(map(len, labels or [""])) > 6 else "center",
        )
    if len(series) > 1:
        axes.legend(frameon=False, fontsize=10)
    headers = [label_header, *series.keys()]
    rows = [
        [label, *(number(values[i]) if values[i] is not None else "< 5" for values in series.values())]
        for i, label in enumerate(labels)
    ]
    return Chart(
        title=title, summary=summary, svg=svg_markup(figure, label=title), headers=headers, rows=rows
    )


def line_chart(
    *,
    title: str,
    summary: str,
    labels: Sequence[str],
    series: dict[str, Sequence[float | None]],
    label_header: str = "",
    width: float = 7.5,
    height: float = 3.2,
) -> Chart:
    """Lines over `labels` (months, say), one per series; a hidden value (None) leaves a gap."""
    figure = _figure(width, height)
    axes = figure.add_subplot()
    _style_axes(axes)
    for index, (name, values) in enumerate(series.items()):
        points = [v if isinstance(v, int | float) else float("nan") for v in values]
        axes.plot(
            range(len(labels)),
            points,
            marker="o",
            linewidth=2,
            label=name,
            color=PALETTE[index % len(PALETTE)],
        )
    axes.set_xticks(list(range(len(labels))), labels)
    axes.set_ylim(bottom=0)
    if len(series) > 1:
        axes.legend(frameon=False, fontsize=10)
    headers = [label_header, *series.keys()]
    rows = [
        [label, *(number(values[i]) if values[i] is not None else "< 5" for values in series.values())]
        for i, label in enumerate(labels)
    ]
    return Chart(
        title=title, summary=summary, svg=svg_markup(figure, label=title), headers=headers, rows=rows
    )
