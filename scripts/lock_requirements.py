"""Write requirements/base.txt and dev.txt from what is installed in the current venv.

Used by `make lock`: a fresh venv installs base.in and dev.in (unpinned), then this splits the
installed set into the runtime closure of base.in and the rest, every package pinned with ==.
"""

from __future__ import annotations

import importlib.metadata as md
import re
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"pip", "setuptools", "wheel"}


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main() -> None:
    dists = {norm(d.metadata["Name"]): d for d in md.distributions()}

    def closure(name: str, extras: tuple[str, ...], seen: set[str]) -> None:
        key = norm(name)
        if key in seen or key not in dists:
            return
        seen.add(key)
        for raw in dists[key].requires or []:
            req = Requirement(raw)
            wanted = req.marker is None or any(
                req.marker.evaluate({"extra": e}) for e in ("", *extras)
            )
            if wanted:
                closure(req.name, tuple(req.extras), seen)

    base: set[str] = set()
    for line in (ROOT / "requirements/base.in").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            req = Requirement(line)
            closure(req.name, tuple(req.extras), base)
    pinned = {
        key: f"{d.metadata['Name']}=={d.version}" for key, d in dists.items() if key not in SKIP
    }
    header = "# Pinned runtime set (generated from base.in by `make lock`).\n"
    (ROOT / "requirements/base.txt").write_text(
        header + "".join(f"{pinned[k]}\n" for k in sorted(base) if k in pinned)
    )
    header = "# Pinned test/check set on top of base.txt (generated from dev.in by `make lock`).\n"
    (ROOT / "requirements/dev.txt").write_text(
        header
        + "-r base.txt\n"
        + "".join(f"{pinned[k]}\n" for k in sorted(pinned) if k not in base)
    )


if __name__ == "__main__":
    main()
