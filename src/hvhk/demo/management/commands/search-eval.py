from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hvhk.core.lib.charts import bar_chart
from hvhk.core.models import Network
from hvhk.demo.services import demo_id
from hvhk.search.evaluation import JUDGED_DIR, JudgedSetError, evaluate


def demo_service_id(network: Network, key: str):
    """The judged sets name the demo's services by their keys ("speelotheek-kessel-lo")."""
    return demo_id(network.slug, "service", key)


class Command(BaseCommand):
    # Here rather than in the search app: the judged sets name the demo's services, and search must not know
    # the demo (the layers run one way: the demo uses search).
    help = "Measure search relevance on a judged query set: recall@5, MRR and nDCG@10."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "files",
            nargs="*",
            metavar="file",
            help=f"judged query sets (default: leuven.json; --all: every set in {JUDGED_DIR.name}/)",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help=f"every judged set in {JUDGED_DIR.name}/, after the files given",
        )
        parser.add_argument("--verbose", action="store_true", help="show every query with its top results")
        parser.add_argument("--chart", help="also write an SVG chart of the scores per kind of query here")

    def handle(
        self,
        *args,
        files: list[str],
        all: bool = False,
        verbose: bool = False,
        chart: str | None = None,
        **options,
    ) -> None:
        if all:
            files = [*files, *(str(p) for p in sorted(JUDGED_DIR.glob("*.json")))]
        files = files or [str(JUDGED_DIR / "leuven.json")]
        bars = []
        for number, file in enumerate(files, 1):
            if len(files) > 1:
                self.stdout.write(("\n" if number > 1 else "") + f"== {number}/{len(files)} {file}")
            try:
                result = evaluate(Path(file), resolve=demo_service_id)
            except JudgedSetError as exc:
                raise CommandError(str(exc)) from exc
            self._report(result, verbose=verbose, queries=verbose or len(files) == 1)
            label = Path(file).stem
            bars += [
                (f"{label + ' ' if len(files) > 1 else ''}{kind} recall@5", values[1])
                for kind, values in result.by_kind().items()
            ]
        if chart:
            Path(chart).write_text(bar_chart(bars, title="Search relevance per kind of query (recall@5)"))
            self.stdout.write(f"chart written to {chart}")

    def _report(self, result, *, verbose: bool, queries: bool) -> None:
        for r in result.results if queries else ():
            flag = "  " if r.recall_at_5 >= 1 else "!!"
            if verbose or r.recall_at_5 < 1:
                self.stdout.write(
                    f"{flag} {r.query!r:40} recall@5 {r.recall_at_5:.2f}  RR {r.reciprocal_rank:.2f}  "
                    f"nDCG@10 {r.ndcg_at_10:.2f}"
                )
                if verbose or r.missed:
                    self.stdout.write(f"     top: {'; '.join(r.top) or '-'}")
                if r.missed:
                    self.stdout.write(f"     missed in top 5: {'; '.join(r.missed)}")
        self.stdout.write(("\n" if queries else "") + "kind         queries  recall@5    MRR  nDCG@10")
        for kind, (n, recall, mrr, ndcg) in result.by_kind().items():
            self.stdout.write(f"{kind:12} {n:7}  {recall:8.3f}  {mrr:5.3f}  {ndcg:7.3f}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.results)} queries on {result.network}: recall@5 {result.recall_at_5:.3f}, "
                f"MRR {result.mrr:.3f}, nDCG@10 {result.ndcg_at_10:.3f}"
            )
        )
