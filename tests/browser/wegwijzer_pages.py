"""Shared helpers for the browser tests of the public wegwijzer of the demo network `leuven`."""

import re

from hvhk.directory.models import Service

NETWORK = "/leuven/"
HOME = "/leuven/"
RESULTS = "/leuven/services/?q=opvoeding&age=3-6&cost=free"
ZERO_RESULTS = "/leuven/services/?q=xyzzy&when=SU"
ALL_RESULTS = "/leuven/services/"
HOUSE = "/leuven/houses/leuven-centrum/"
LIST = "/leuven/list/"
REPORT = "/leuven/report/"
SERVICE_URL = re.compile(r"/leuven/services/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/$")

# The forms of _save_button.html: "Bewaar in je lijst" posts to list/add/, "Bewaard ✓" to list/remove/.
SAVE_BUTTONS = "form.save-form[action$='/list/add/'] button[type=submit]"
SAVED_BUTTONS = "form.save-form[action$='/list/remove/'] button[type=submit]"


def service_path() -> str:
    """A public service page of the demo: the first active service of `leuven`, by name."""
    service = Service.objects.filter(network__slug="leuven", status="active").order_by("name").first()
    assert service is not None, "the demo has no active service in leuven"
    return f"/leuven/services/{service.id}/"


def save_services(page, live_server, count: int = 2) -> list[str]:
    """Click "Bewaar in je lijst" on the first `count` results (htmx swaps each button); return their names."""
    page.goto(live_server.url + ALL_RESULTS)
    names = []
    for n in range(1, count + 1):
        button = page.locator(SAVE_BUTTONS).first
        names.append(button.locator(".visually-hidden").inner_text().removeprefix(":").strip())
        button.click()
        page.locator(SAVED_BUTTONS).nth(n - 1).wait_for()
    return names


# What a visible focus indicator is: an outline that is drawn, or a box-shadow.
FOCUS_STYLE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const label = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.getAttribute("href") ? "[href=" + el.getAttribute("href") + "]" : "")
    + " " + (el.innerText || el.value || "").trim().slice(0, 40);
  return {
    label: label,
    outlineStyle: s.outlineStyle,
    outlineWidth: parseFloat(s.outlineWidth) || 0,
    boxShadow: s.boxShadow,
    focusVisible: el.matches(":focus-visible"),
  };
}"""


def focus_indicator(page) -> dict | None:
    """The focused element and whether it shows a focus indicator (None when nothing is focused)."""
    style = page.evaluate(FOCUS_STYLE_JS)
    if style is None:
        return None
    outline = style["outlineStyle"] != "none" and style["outlineWidth"] > 0
    shadow = style["boxShadow"] not in ("", "none")
    style["visible"] = outline or shadow
    return style


def tab_until(
    page, selector: str, seen: list[dict], *, max_tabs: int, key: str = "Tab", describe=None
) -> None:
    """Press Tab (or `key`) until the element matching `selector` has focus, recording every focused element
    (focus_indicator, plus what `describe(page)` adds) in `seen`."""
    for _ in range(max_tabs):
        page.keyboard.press(key)
        style = focus_indicator(page)
        if style is not None:
            if describe is not None:
                style.update(describe(page))
            seen.append(style)
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(
        f"{selector} not reached with {max_tabs} × {key}; focus went to {[s['label'] for s in seen]}"
    )
