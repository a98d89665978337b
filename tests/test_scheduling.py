"""make test's group order: longest first by the last run's times, else most tests first."""

from __future__ import annotations

from types import SimpleNamespace

from tests.scheduling import group_of, order_groups

IDS = ["tests/a/test_x.py::t1", "tests/a/test_x.py::t2", "tests/b/test_y.py::t1",
       "tests/web/test_p.py::t1", "tests/web/test_q.py::t1", "tests/web/test_q.py::t2",
       "tests/c/test_z.py::t1"]


def _order(seconds: dict[str, float]) -> list[str]:
    items = [SimpleNamespace(nodeid=n) for n in IDS]
    order_groups(items, seconds)  # type: ignore[arg-type]
    return [i.nodeid for i in items]


def test_groups_go_longest_first_and_keep_their_own_order() -> None:
    assert group_of("tests/web/test_q.py::t2") == "web"
    assert group_of("tests/a/test_x.py::t2") == "tests/a/test_x.py"
    # no record: most tests first (web 3, a 2, then b and c in collection order)
    assert _order({}) == IDS[3:6] + IDS[:2] + [IDS[2], IDS[6]]
    timed = _order({"tests/c/test_z.py": 90.0, "web": 60.0, "tests/a/test_x.py": 2.0})
    # b was never timed: 1 test at the timed groups' 152 s / 6 tests
    assert timed == [IDS[6]] + IDS[3:6] + [IDS[2]] + IDS[:2]
