"""What an import found and did: counts per table, problems per record, and the summary people read."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from hvhk.directory.hsds.mapping import Problem

MAX_PROBLEMS = 1000  # listed in full; beyond this only counted


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: int = 0

    def add(self, other: "Counts") -> None:
        for name in ("created", "updated", "unchanged", "deleted", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class ImportReport:
    network: str
    dry_run: bool
    skip_invalid: bool
    records: int = 0
    services: Counts = field(default_factory=Counts)
    tables: dict[str, Counts] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    rejected_records: set[int] = field(default_factory=set)
    ignored: dict[str, int] = field(default_factory=dict)
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (created/updated, name, id), capped
    saved: bool = False
    seconds: float = 0.0
    indexed: int = 0
    index_seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return bool(self.problem_count) and not self.skip_invalid

    def problem(self, problem: Problem, *, rejects: bool = True) -> None:
        self.problem_count += 1
        if problem.index and rejects:
            self.rejected_records.add(problem.index)
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def summary(self) -> list[str]:
        """The report in a few lines, for the command line and the admin."""
        s = self.services
        lines = [
            _(
                "{records} records gelezen: {created} nieuw, {updated} gewijzigd, {unchanged} ongewijzigd, "
                "{rejected} geweigerd."
            ).format(
                records=self.records,
                created=s.created,
                updated=s.updated,
                unchanged=s.unchanged,
                rejected=len(self.rejected_records),
            )
        ]
        for label, counts in self.tables.items():
            if counts.created or counts.updated or counts.deleted:
                lines.append(
                    "  "
                    + _(
                        "{table}: {created} nieuw, {updated} gewijzigd, {unchanged} ongewijzigd, "
                        "{deleted} verwijderd"
                    ).format(table=label, **counts.__dict__)
                )
        if self.ignored:
            fields = ", ".join(f"{name} ({count}×)" for name, count in sorted(self.ignored.items()))
            lines.append(_("Niet overgenomen velden (wij bewaren ze niet): {fields}").format(fields=fields))
        if self.problem_count:
            lines.append(_("{count} fouten:").format(count=self.problem_count))
            lines.extend(f"  - {p}" for p in self.problems)
            if self.problem_count > len(self.problems):
                lines.append(
                    "  " + _("… en nog {count} fouten.").format(count=self.problem_count - len(self.problems))
                )
        if self.dry_run:
            lines.append(_("Proefimport: er is niets bewaard."))
        elif self.failed:
            lines.append(
                _(
                    "Het bestand heeft fouten: er is niets bewaard. Verbeter ze, of importeer alleen de "
                    "goede records met --skip-invalid."
                )
            )
        elif self.saved:
            lines.append(
                _(
                    "Bewaard in {seconds:.1f} s; {indexed} aanbod opnieuw geïndexeerd in {index:.1f} s."
                ).format(
                    seconds=self.seconds - self.index_seconds, indexed=self.indexed, index=self.index_seconds
                )
            )
        return lines
