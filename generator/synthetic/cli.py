"""The command line of the synthetic generator (`python -m generator.synthetic`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.submissions.layout import SUBMISSIONS
from generator.synthetic.api import PRESET_SHAPES, PRESETS, RULESETS, SHAPES, generate


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.synthetic",
        description="Write a synthetic evaluation year (deterministic, seeded).",
    )
    parser.add_argument("out", type=Path, help="a folder to use as repository root")
    parser.add_argument("--preset", choices=sorted(PRESETS), default="district")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--ruleset", choices=RULESETS, default="qd366-hd43")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--size",
        type=int,
        nargs=3,
        metavar=("TCCSD", "CHI_BO", "MEMBERS"),
        help="explicit sizes instead of a preset",
    )
    parser.add_argument("--shape", choices=SHAPES, help="the tree's shape (default: the preset's)")
    args = parser.parse_args(argv)
    g, c, n = args.size or PRESETS[args.preset]
    shape = args.shape or PRESET_SHAPES.get(args.preset)
    try:
        s = generate(args.out, year=args.year, ruleset=args.ruleset, grassroots=g, chi_bo=c,
                     members=n, seed=args.seed, shape=shape)  # fmt: skip
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"{s.root / SUBMISSIONS / str(s.year)}: {s.grassroots} TCCSĐ, {s.chi_bo} chi bộ, "
        f"{s.members} members, {s.files} files, {s.bytes / 1e6:.1f} MB in {s.seconds:.2f} s; "
        f"levels {dict(sorted(s.levels.items()))}, not rated {s.not_rated}"
    )
    return 0
