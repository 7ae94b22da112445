"""The engine on Dask: a local cluster of two worker processes, a Parquet dataset in parts.

Every verdict computed through Dask is compared with the in-memory engine's
on the same rows: the per-unit review, verdicts by group, row by row, and
population targets whose units are spread over several partitions.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import resolmetrics as rm
from resolmetrics import batch
from resolmetrics.files import load_resolution

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

# Dask itself still calls pandas APIs that pandas 3.1 deprecates; those warnings are not ours
pytestmark = pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "units"
AS_OF = date(2023, 6, 30)
RESOLUTION = load_resolution(EXAMPLES / "resolution.toml")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


@pytest.fixture(scope="module")
def rows() -> pd.DataFrame:
    """The example's 849 results, as the columnar reader reads them."""
    table = batch.read_table(EXAMPLES / "results.csv", lang="vi", resolution=RESOLUTION)
    return table.drop(["line"]).to_pandas()


@pytest.fixture(scope="module")
def dataset(rows: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The results as a Parquet dataset of four files, read back lazily."""
    folder = tmp_path_factory.mktemp("results")
    dd.from_pandas(rows, npartitions=4).to_parquet(folder)
    assert len(list(folder.glob("*.parquet"))) == 4
    return dd.read_parquet(folder)


def _plain(frame: pd.DataFrame, keys: list[str]) -> list[dict[str, Any]]:
    """Rows as dicts, nulls as None, in key order: what two frames are compared on."""
    frame = frame.sort_values(keys).reset_index(drop=True)
    frame = frame.astype(object).where(frame.notna(), None)
    return frame.to_dict("records")  # type: ignore[no-any-return]


def test_the_review_through_dask_equals_the_review_in_memory(
    client: Any, rows: pd.DataFrame, dataset: Any
) -> None:
    got = batch.dask.review(RESOLUTION, dataset, as_of=AS_OF).compute()
    expected = batch.review(RESOLUTION, rows, as_of=AS_OF).to_pandas()
    expected["status"] = expected["status"].astype(str)
    assert len(got) == 71 * 6
    assert _plain(got, ["entity", "number"]) == _plain(expected[got.columns], ["entity", "number"])


def test_verdicts_by_group_through_dask(client: Any, rows: pd.DataFrame, dataset: Any) -> None:
    target = RESOLUTION.components[1]  # admitted: 2 a year or more, in total
    mine = dataset[dataset["indicator"] == target.key]
    got = batch.dask.evaluate(target, mine, by="entity", entity=None, as_of=AS_OF).compute()
    verdicts = batch.evaluate(target, rows[rows["indicator"] == target.key], by="entity",
                              entity=None, as_of=AS_OF)  # fmt: skip
    expected = verdicts.to_pandas(exact=True)
    assert len(got) == 71
    by_entity = {r["entity"]: r for r in _plain(got, ["entity"])}
    for row, entity in enumerate(expected["entity"]):
        assert by_entity[entity]["status"] == verdicts.status(row).value
        assert by_entity[entity]["actual"] == rm.numbers.as_text(verdicts.actual[row])  # type: ignore[arg-type]
        assert by_entity[entity]["met"] == verdicts.tally[0][row]  # type: ignore[index]


def test_rows_alone_through_dask_keep_their_index(
    client: Any, rows: pd.DataFrame, dataset: Any
) -> None:
    target = RESOLUTION.components[3]  # fees: 100%
    mine = dataset[dataset["indicator"] == target.key]
    got = batch.dask.evaluate(target, mine, entity=None).compute().sort_index()
    local = rows[rows["indicator"] == target.key]
    verdicts = batch.evaluate(target, local, entity=None)
    assert list(got.index) == list(local.index)
    assert list(got["status"]) == [verdicts.status(i).value for i in range(len(verdicts))]


POPULATIONS = [
    rm.Target(rm.Indicator("members_good", unit="percent"), rm.at_least(90), per="year",
              combine="each", term=(2020, 2025), across=across)
    for across in ("all", "any", rm.at_least_count(30), rm.at_least_share(40),
                   rm.above_share(42.25))
] + [
    rm.Target(rm.Indicator("rating", scale=rm.PARTY_QUALITY),
              rm.quota(rm.at_least("HTXSNV"), at_most=20, of=rm.at_least("HTTNV"),
                       rounding="down")),
    rm.Target(rm.Indicator("studied", unit="percent"), rm.at_least(90), across="all",
              due=2025),
]  # fmt: skip


@pytest.mark.parametrize("target", POPULATIONS, ids=lambda t: repr(t.rule) + repr(t.across))
def test_a_population_over_every_partition_equals_the_population_in_memory(
    client: Any, rows: pd.DataFrame, target: rm.Target
) -> None:
    """Units spread over three partitions: counts add up, and the weakest (or strongest)
    unit of all is found among the partitions' own, on exact margins."""
    local = rows[rows["indicator"] == target.key]
    spread = dd.from_pandas(local.sample(frac=1, random_state=7), npartitions=3)
    got = batch.dask.evaluate(target, spread, as_of=AS_OF).compute()
    verdicts = batch.evaluate(target, local, as_of=AS_OF)
    expected = _plain(batch._dask._text_frame(verdicts, 12), ["status"])
    assert len(got) == 1
    assert _plain(got, ["status"]) == expected


def test_the_weakest_unit_across_partitions_is_found_on_exact_margins(client: Any) -> None:
    """Units whose margins differ beyond the 12th decimal: the exact one decides."""
    target = rm.Target(rm.Indicator("share"), rm.at_least(40), across="all")
    rows = pd.DataFrame({"entity": ["A", "B", "C"], "value": ["119/3", "39.6666666666667", "41"]})
    spread = dd.from_pandas(rows, npartitions=3)
    got = batch.dask.evaluate(target, spread).compute()
    verdicts = batch.evaluate(target, rows)
    assert verdicts.actual.to_list() == [rm.numbers.exact("119/3", argument="x")]
    assert got["actual"].tolist() == ["39.666666666667"]  # 119/3, shown to 12 places
    assert got["margin"].tolist() == ["-0.333333333333"]


def test_by_entity_through_dask(client: Any, rows: pd.DataFrame, dataset: Any) -> None:
    target = RESOLUTION.components[1]
    mine = dataset[dataset["indicator"] == target.key]
    got = batch.dask.evaluate(target, mine, by="entity", as_of=AS_OF).compute()
    expected = batch.evaluate(target, rows[rows["indicator"] == target.key], by="entity",
                              as_of=AS_OF)  # fmt: skip
    statuses = dict(zip(got["entity"], got["status"], strict=True))
    assert len(statuses) == 71
    for row, entity in enumerate(expected.keys["entity"]):
        assert statuses[entity] == expected.status(row).value
