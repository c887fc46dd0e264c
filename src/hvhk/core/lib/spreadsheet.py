"""Cells of the CSV files staff open in a spreadsheet (registrations, applications): text that starts like a
formula gets a leading apostrophe, so a name such as "=HYPERLINK(…)" typed on a public form is never run."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
