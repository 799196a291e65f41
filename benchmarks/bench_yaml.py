"""Benchmark: reading the YAML of a check's files, the fast reader vs libyaml.

    python benchmarks/bench_yaml.py [--members 3000] [--repeat 3]
    python benchmarks/bench_yaml.py --data /work/data/province-2025-100k --sample 3000

Generates a deterministic synthetic year (`generator.synthetic`, 2025, qd366-hd43) in a
temporary folder, or reads --data (read-only; --sample files picked with a fixed seed),
then times, per file, over the same texts:

- libyaml: `yamlload.compose` + `yamlplain.plain_value` (the path before the fast reader);
- fast: `yamlfast.read` (None for a file it leaves to libyaml);
- loads: `yamlload.loads(data, positions=False)` as a check's worker calls it (the UTF-8,
  NFC, tab and invisible-character checks, then the fast reader or libyaml).

Prints the best of --repeat runs in microseconds per file, the ratio libyaml/fast and how
many files the fast reader read (each of those compared with libyaml's value first).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.submissions import yamlfast, yamlload  # noqa: E402
from generator.submissions.yamlplain import plain_value  # noqa: E402
from generator.synthetic import generate  # noqa: E402


def best(fn: Callable[[Any], Any], items: list[Any], repeat: int) -> float:
    """The best time of `repeat` runs of `fn` over `items`, in microseconds per item."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            fn(item)
        times.append(time.perf_counter() - start)
    return min(times) / len(items) * 1e6


def files_of(args: argparse.Namespace, tmp: Path) -> list[Path]:
    if args.data:
        found = sorted((Path(args.data) / "submissions").rglob("*.yaml"))
        return sorted(random.Random(1).sample(found, min(args.sample, len(found))))
    n = args.members  # the shape bench_check uses for a size it has no table row for
    generate(
        tmp / "repo",
        year=2025,
        ruleset="qd366-hd43",
        grassroots=max(1, n // 80),
        chi_bo=max(1, n // 20),
        members=n,
        seed=0,
    )
    return sorted((tmp / "repo" / "submissions").rglob("*.yaml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=3000)
    parser.add_argument("--data", help="an existing repository to read (read-only)")
    parser.add_argument("--sample", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = files_of(args, Path(tmp))
        blobs = [p.read_bytes() for p in paths]
    texts = [b.decode("utf-8") for b in blobs]
    fast = 0
    for text in texts:  # the same values, or the benchmark is meaningless
        value = yamlfast.read(text)
        if value is not None:
            fast += 1
            assert value == plain_value(yamlload.compose(text)[0]), text[:200]
    libyaml = best(lambda t: plain_value(yamlload.compose(t)[0]), texts, args.repeat)
    quick = best(yamlfast.read, texts, args.repeat)
    loads = best(lambda b: yamlload.loads(b, positions=False), blobs, args.repeat)
    print(f"files: {len(texts)}, read by the fast reader: {fast} ({fast / len(texts):.1%})")
    print(f"libyaml (compose + plain_value): {libyaml:7.1f} us/file")
    print(f"fast reader (yamlfast.read):     {quick:7.1f} us/file")
    print(f"loads(positions=False):          {loads:7.1f} us/file")
    print(f"ratio libyaml/fast: {libyaml / quick:.2f}")


if __name__ == "__main__":
    main()
