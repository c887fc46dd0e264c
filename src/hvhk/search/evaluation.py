"""Relevance evaluation: recall@5, MRR and nDCG@10 of the real search over a judged query set."""

import json
import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hvhk.core.models import Area, Network
from hvhk.directory.models import Service
from hvhk.search.query import understood_query
from hvhk.search.selectors import search_hits

JUDGED_DIR = Path(__file__).parent / "judged"


class JudgedSetError(ValueError):
    """The judged query file cannot be used (with a message saying why)."""


@dataclass
class QueryResult:
    query: str
    kind: str
    recall_at_5: float
    reciprocal_rank: float
    ndcg_at_10: float
    top: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


@dataclass
class Evaluation:
    network: str
    results: list[QueryResult]

    def _mean(self, attr: str, kind: str | None = None) -> float:
        values = [getattr(r, attr) for r in self.results if kind is None or r.kind == kind]
        return sum(values) / len(values) if values else 0.0

    @property
    def recall_at_5(self) -> float:
        return self._mean("recall_at_5")

    @property
    def mrr(self) -> float:
        return self._mean("reciprocal_rank")

    @property
    def ndcg_at_10(self) -> float:
        return self._mean("ndcg_at_10")

    def by_kind(self) -> dict[str, tuple[int, float, float, float]]:
        kinds = sorted({r.kind for r in self.results})
        return {
            k: (
                sum(r.kind == k for r in self.results),
                self._mean("recall_at_5", k),
                self._mean("reciprocal_rank", k),
                self._mean("ndcg_at_10", k),
            )
            for k in kinds
        }


def _dcg(gains: list[float]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def score_ranking(ranking: list[str], relevant: dict[str, int]) -> tuple[float, float, float]:
    """(recall@5, reciprocal rank, nDCG@10) of `ranking` (ids, best first) against graded judgments."""
    wanted = {k for k, grade in relevant.items() if grade > 0}
    recall = len(wanted & set(ranking[:5])) / min(len(wanted), 5) if wanted else 0.0
    rank = next((i + 1 for i, item in enumerate(ranking) if item in wanted), None)
    ideal = _dcg(sorted(relevant.values(), reverse=True)[:10])
    ndcg = _dcg([relevant.get(item, 0) for item in ranking[:10]]) / ideal if ideal else 0.0
    return recall, (1 / rank if rank else 0.0), ndcg


def load_judged(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise JudgedSetError(f"No such file: {path}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise JudgedSetError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("queries"), list) or not data.get("network"):
        raise JudgedSetError(f"{path}: expected an object with 'network' and a list of 'queries'")
    for i, q in enumerate(data["queries"]):
        if not isinstance(q, dict) or not q.get("query") or not isinstance(q.get("relevant"), dict):
            raise JudgedSetError(f"{path}: query {i} needs 'query' and a 'relevant' object")
    return data


Resolver = Callable[[Network, str], uuid.UUID]


def _service_id(network: Network, key: str, resolve: Resolver | None) -> str:
    """A judged item is a service id, or a key that `resolve` turns into one (the demo's keys, for example)."""
    try:
        return str(uuid.UUID(key))
    except ValueError:
        if resolve is None:
            raise JudgedSetError(f"'{key[:40]}' is not a service id") from None
        return str(resolve(network, key))


def evaluate(path: Path, *, network: Network | None = None, resolve: Resolver | None = None) -> Evaluation:
    """Score the search on the judged queries of `path`; `resolve` turns a judged key that is not a service id
    into one (the search app knows nothing of where the keys come from: `hvhk search-eval` passes the demo's)."""
    data = load_judged(path)
    if network is None:
        network = Network.objects.filter(slug=data["network"]).first()
        if network is None:
            raise JudgedSetError(f"Network '{data['network']}' does not exist here (run hvhk demo?)")
    names = dict(Service.objects.for_network(network).values_list("id", "name"))
    areas = dict(Area.objects.for_network(network).values_list("slug", "name"))
    results = []
    for q in data["queries"]:
        relevant = {_service_id(network, k, resolve): int(v) for k, v in q["relevant"].items()}
        # As the results page reads it: an age or a place in the question becomes its filter.
        page = search_hits(network=network, query=understood_query(q["query"], areas=areas), per_page=10)
        ranking = [str(hit.service_id) for hit in page.hits]
        recall, rr, ndcg = score_ranking(ranking, relevant)
        missed = [names.get(uuid.UUID(k), k) for k, g in relevant.items() if g and k not in ranking[:5]]
        results.append(
            QueryResult(
                q["query"],
                q.get("kind", ""),
                recall,
                rr,
                ndcg,
                top=[names.get(uuid.UUID(i), i) for i in ranking[:5]],
                missed=missed,
            )
        )
    return Evaluation(network=network.slug, results=results)
