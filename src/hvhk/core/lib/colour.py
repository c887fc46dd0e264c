"""Colour contrast per WCAG 2.2 (relative luminance), so a network's brand colour stays readable."""


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(colour_a: str, colour_b: str) -> float:
    la, lb = sorted((relative_luminance(colour_a), relative_luminance(colour_b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
