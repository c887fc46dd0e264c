"""Small server-rendered SVG charts (no JavaScript needed to read them), for benchmarks and reports."""

from html import escape


def _value_text(value: float, *, integers: bool) -> str:
    """ "1,234.5" by default; with `integers`, whole numbers (counts) print as "3", not "3.0"."""
    if integers and float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def bar_chart(
    bars: list[tuple[str, float]],
    *,
    title: str,
    unit: str = "",
    width: int = 640,
    bar_height: int = 28,
    integers: bool = False,
) -> str:
    """A horizontal bar chart as an SVG document; each bar is labelled with its value (`integers=True` for
    counts: whole numbers without a decimal)."""
    label_width, gap, top = 230, 10, 44
    height = top + len(bars) * (bar_height + gap) + 16
    peak = max((value for _label, value in bars), default=0) or 1
    usable = width - label_width - 90
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' role="img" aria-label="{escape(title)}" font-family="sans-serif" font-size="14">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="22" font-size="16" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(bars):
        y = top + i * (bar_height + gap)
        length = max(1.0, usable * value / peak)
        parts += [
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.68:.1f}" text-anchor="end">{escape(label)}</text>',
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="#0e5a6b"/>',
            f'<text x="{label_width + length + 6:.1f}" y="{y + bar_height * 0.68:.1f}">'
            f"{_value_text(value, integers=integers)}{escape(unit)}</text>",
        ]
    parts.append("</svg>")
    return "\n".join(parts)
