"""Small counts of people are never shown: a count under THRESHOLD reads "< 5", and no total lets a hidden count
be worked out.

A table of counts about families (questions, referrals, registrations) is suppressed in two steps:
1. primary: every count under THRESHOLD (none included), cell or total, is hidden;
2. secondary: a row or column in which exactly one value is hidden would give it away (its total minus the
   others), so the smallest other value shown in it is hidden too; this repeats until no row or column, totals
   included, has a single hidden value.
Both read HIDDEN ("< 5"), and every page that shows one says that it means "fewer than 5, or hidden too so that
no total gives a small count away". One mark for both, as statistics offices do: a second mark for the values
hidden in step 2 would tell they are 5 or more, and with the total that narrows the small ones down again.
Counts of services (the offering is public) are not suppressed."""

from dataclasses import dataclass

from django.utils.translation import gettext

from hvhk.insights.charts import number

THRESHOLD = 5
HIDDEN = "< 5"


@dataclass(frozen=True)
class Suppressed:
    """A table after suppression: every cell and total is an int or HIDDEN."""

    cells: list[list[int | str]]
    row_totals: list[int | str]
    column_totals: list[int | str]
    total: int | str


def small(value: int) -> bool:
    return value < THRESHOLD


def shown(value: int) -> int | str:
    """One count on its own (no table around it)."""
    return HIDDEN if small(value) else value


def in_words(value: int | str) -> str:
    """A count in a sentence: "1.234", or "een verborgen aantal" for a hidden one ("< 5" may also be a larger
    count hidden so that no total gives a small one away: a sentence says no more than that)."""
    return gettext("een verborgen aantal") if value == HIDDEN else number(value)


def suppress_table(cells: list[list[int]]) -> Suppressed:
    """Suppress a table of counts with its row totals, column totals and grand total (see the module).

    The table and its totals form one grid, the totals being a last column and a last row; every row and every
    column of that grid is one sum (its cells add up to its total). A value hidden alone in such a line could be
    worked out from the others, so the smallest other shown value of the line is hidden too, until no line has
    a single hidden value."""
    rows, columns = len(cells), len(cells[0]) if cells else 0
    grid = [[*row, sum(row)] for row in cells]
    grid.append([sum(grid[r][c] for r in range(rows)) for c in range(columns + 1)])
    hidden = [[small(value) for value in row] for row in grid]
    lines = [[(r, c) for c in range(columns + 1)] for r in range(rows + 1)]
    lines += [[(r, c) for r in range(rows + 1)] for c in range(columns + 1)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(hidden[r][c] for r, c in line) != 1:
                continue
            _value, r, c = min((grid[r][c], r, c) for r, c in line if not hidden[r][c])
            hidden[r][c] = changed = True

    shown_grid = [
        [HIDDEN if hidden[r][c] else grid[r][c] for c in range(columns + 1)] for r in range(rows + 1)
    ]
    return Suppressed(
        cells=[row[:columns] for row in shown_grid[:rows]],
        row_totals=[row[columns] for row in shown_grid[:rows]],
        column_totals=shown_grid[rows][:columns],
        total=shown_grid[rows][columns],
    )


def suppress_series(values: list[int]) -> tuple[list[int | str], int | str]:
    """One row of counts (months of a year, say) with its total."""
    table = suppress_table([values])
    return table.cells[0], table.total
