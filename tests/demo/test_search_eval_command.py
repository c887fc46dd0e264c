"""`hvhk search-eval` (in the demo app: its judged sets name the demo's services) and the evaluation it runs."""

import json
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

import hvhk.search
from hvhk.search.evaluation import JudgedSetError, evaluate, score_ranking

pytestmark = pytest.mark.django_db


def test_scores_follow_their_definitions():
    recall, rr, ndcg = score_ranking(["a", "x", "b"], {"a": 2, "b": 1, "c": 1})
    assert recall == pytest.approx(2 / 3) and rr == 1.0
    assert 0 < ndcg < 1
    assert score_ranking(["x", "y"], {"a": 2}) == (0.0, 0.0, 0.0)
    assert score_ranking(["a"], {"a": 2}) == (1.0, 1.0, 1.0)


def test_search_eval_reports_its_figures(tmp_path, service_a, capsys):
    path = tmp_path / "set.json"
    path.write_text(
        json.dumps(
            {
                "network": "netwerk-a",
                "queries": [
                    {"query": "consultatiebureau", "kind": "plain", "relevant": {str(service_a.id): 2}}
                ],
            }
        )
    )
    from hvhk.search.indexing import reindex

    reindex()
    call_command("search-eval", str(path), "--chart", str(tmp_path / "chart.svg"))
    out = capsys.readouterr().out
    assert "1 queries on netwerk-a: recall@5 1.000, MRR 1.000, nDCG@10 1.000" in out
    assert (tmp_path / "chart.svg").read_text().startswith("<svg")


def test_search_eval_reports_each_set_it_is_given(tmp_path, service_a, capsys):
    for name, query in (("first", "consultatiebureau"), ("second", "zwembad")):
        (tmp_path / f"{name}.json").write_text(
            json.dumps(
                {
                    "network": "netwerk-a",
                    "queries": [{"query": query, "kind": "plain", "relevant": {str(service_a.id): 2}}],
                }
            )
        )
    from hvhk.search.indexing import reindex

    reindex()
    chart = tmp_path / "chart.svg"
    call_command(
        "search-eval", str(tmp_path / "first.json"), str(tmp_path / "second.json"), "--chart", str(chart)
    )
    out = capsys.readouterr().out
    assert f"== 1/2 {tmp_path / 'first.json'}" in out and f"== 2/2 {tmp_path / 'second.json'}" in out
    assert "recall@5 1.000" in out and "recall@5 0.000" in out  # each set scored on its own
    assert "first plain recall@5" in chart.read_text() and "second plain recall@5" in chart.read_text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"queries": []}', "expected an object"),
        ('{"network": "x", "queries": [{"query": ""}]}', "query 0 needs"),
    ],
)
def test_search_eval_refuses_a_bad_file_clearly(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("search-eval", str(path))


def test_search_eval_names_a_missing_file_or_network(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("search-eval", str(tmp_path / "none.json"))
    path = tmp_path / "set.json"
    path.write_text('{"network": "nergens", "queries": []}')
    with pytest.raises(CommandError, match="does not exist"):
        call_command("search-eval", str(path))


def test_a_judged_key_that_is_no_service_id_needs_a_resolver(tmp_path, network_a):
    path = tmp_path / "set.json"
    path.write_text(
        json.dumps({"network": "netwerk-a", "queries": [{"query": "x", "relevant": {"geen-id": 1}}]})
    )
    with pytest.raises(JudgedSetError, match="'geen-id' is not a service id"):
        evaluate(path)


def test_the_search_app_does_not_import_the_demo():
    search = Path(hvhk.search.__file__).parent
    offenders = [
        str(p.relative_to(search))
        for p in search.rglob("*.py")
        if re.search(r"^\s*(from|import) hvhk\.demo\b", p.read_text(), re.MULTILINE)
    ]
    assert offenders == []
