"""The age bands insights count in, and which bands a service's ages fall in.

A band is a range of months with both ends included (zwangerschap -9..-1, 0-2 0..35, ..., 18-24 216..299, a
child of 24 years and 11 months still being 24). A service's ages are `[minimum, maximum)` months (docs/hsds.md,
"Ages"): the maximum is the first month it no longer takes, so its last month is `maximum - 1`. A missing bound
is no limit on that side; a service without ages counts in every band; a service counts in the pregnancy band
only when it takes expecting parents (a negative minimum)."""

from django.utils.translation import gettext_lazy as _

# code -> (first month, last month), both included
AGE_BANDS: dict[str, tuple[int, int]] = {
    "zwangerschap": (-9, -1),
    "0-2": (0, 35),
    "3-5": (36, 71),
    "6-11": (72, 143),
    "12-17": (144, 215),
    "18-24": (216, 299),
}
BAND_LABELS = {
    "zwangerschap": _("zwangerschap"),
    "0-2": _("0 tot 2 jaar"),
    "3-5": _("3 tot 5 jaar"),
    "6-11": _("6 tot 11 jaar"),
    "12-17": _("12 tot 17 jaar"),
    "18-24": _("18 tot 24 jaar"),
}


def service_bands(minimum: int | None, maximum: int | None) -> list[str]:
    """The bands a service with these ages (months, maximum excluded) counts in, in band order."""
    low = 0 if minimum is None else minimum  # no minimum: from birth, not during the pregnancy
    if minimum is None and maximum is None:
        return list(AGE_BANDS)
    return [
        band
        for band, (first, last) in AGE_BANDS.items()
        if low <= last and (maximum is None or maximum - 1 >= first)
    ]
