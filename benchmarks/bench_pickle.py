"""Benchmark: records pickled as a tuple of their fields vs pickle's own slot dict.

    python benchmarks/bench_pickle.py                       # 3,754 synthetic members
    python benchmarks/bench_pickle.py --data DIR --files 25600

Every file of a deterministic synthetic year (generator.synthetic, seed 0; or `--data`, a
repository written by `python -m generator.synthetic`, first `--files` files) is checked
as a loading worker checks it (`generator.loading.check_stat`), and its outcome kept. Then,
in one run, the outcomes are pickled in chunks of 256 (as a worker sends them and the load
cache keeps them) and read back, both ways, alternated `--rounds` times:

* **slot dict**: the records' `__getstate__`/`__setstate__` removed for the measurement
  (pickle's default for a slotted dataclass: the class and a dict of slot names);
* **tuple**: as the code is (generator.submissions.tuplestate).

Prints the best time per file of each, the ratio, and the bytes per file. Pickling is
what a cold check's workers pay per file and what its parent and every build pay again to
read the records (issue 11).
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator import loading, loadpool, synthetic  # noqa: E402
from generator.check import year_head  # noqa: E402
from generator.check.schemas import SchemaSet  # noqa: E402
from generator.orgtypes import use_schema_dir  # noqa: E402
from generator.submissions import records  # noqa: E402
from generator.submissions.layout import Kind, walk_year  # noqa: E402

YEAR = 2025
CHUNK = loadpool.CHUNK


def outcomes(repo: Path, limit: int) -> list[list[tuple[str, str, Any]]]:
    schemas = SchemaSet(repo / "schema")
    use_schema_dir(schemas.dir)
    files = walk_year(repo, YEAR)
    head = year_head(repo, [f for f in files if f.kind is Kind.YEAR], schemas, None)
    others = [f for f in files if f.kind is not Kind.YEAR][:limit]
    rows = []
    for f in others:
        outcome, digest, _ = loading.check_stat(f, head.ctx, schemas)
        rows.append((f.path, digest, outcome))
    return [rows[k : k + CHUNK] for k in range(0, len(rows), CHUNK)]


def _classes() -> list[type]:
    found = [c for c in vars(records).values() if isinstance(c, type)]
    return [*[c for c in found if "__getstate__" in c.__dict__], loading.Outcome]


@contextmanager
def slot_dict() -> Any:
    """pickle's own way for the measurement: the tuple state removed, then put back."""
    saved = [(c, c.__dict__["__getstate__"], c.__dict__["__setstate__"]) for c in _classes()]
    for c, _, _ in saved:
        delattr(c, "__getstate__")
        delattr(c, "__setstate__")
    try:
        yield
    finally:
        for c, get, put in saved:
            c.__getstate__ = get  # type: ignore[method-assign]
            c.__setstate__ = put  # type: ignore[attr-defined]


def measure(chunks: list[list[Any]]) -> tuple[float, float, int]:
    started = time.perf_counter()
    blobs = [pickle.dumps(c, pickle.HIGHEST_PROTOCOL) for c in chunks]
    dumped = time.perf_counter() - started
    started = time.perf_counter()
    for b in blobs:
        pickle.loads(b)
    loaded = time.perf_counter() - started
    return dumped, loaded, sum(map(len, blobs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="a synthetic repository (else one is made)")
    parser.add_argument("--files", type=int, default=25600, help="files to pickle (first N)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiemdiem-pickle-") as tmp:
        repo = args.data
        if repo is None:
            repo = Path(tmp)
            synthetic.generate(repo, year=YEAR, ruleset="qd366-hd43", grassroots=48, chi_bo=177,
                               members=3754, seed=0)  # fmt: skip
            shutil.copytree(ROOT / "schema", repo / "schema")
        chunks = outcomes(repo, args.files)
    n = sum(map(len, chunks))
    best: dict[str, list[float]] = {"slot dict": [1e9, 1e9], "tuple": [1e9, 1e9]}
    size: dict[str, int] = {}
    for _ in range(args.rounds):
        for label in best:
            if label == "slot dict":
                with slot_dict():
                    dumped, loaded, size[label] = measure(chunks)
            else:
                dumped, loaded, size[label] = measure(chunks)
            best[label] = [min(best[label][0], dumped), min(best[label][1], loaded)]
    for label, (dumped, loaded) in best.items():
        print(f"{label:>9}: dumps {dumped / n * 1e6:5.1f} µs/file, loads {loaded / n * 1e6:5.1f} "
              f"µs/file, {size[label] / n:6.0f} B/file ({n} files)")  # fmt: skip
    (d0, l0), (d1, l1) = best["slot dict"], best["tuple"]
    print(f"tuple vs slot dict: dumps {d0 / d1:.2f}x, loads {l0 / l1:.2f}x faster, "
          f"{size['slot dict'] / size['tuple']:.2f}x smaller")  # fmt: skip


if __name__ == "__main__":
    main()
