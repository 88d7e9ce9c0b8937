"""Write environment.yml (for Binder) from requirements.lock: the same pins, Python 3.11."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pins(lock: Path) -> list[str]:
    """``name==version`` lines of a compiled lock file (comments dropped)."""
    out = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and "==" in line:
            out.append(line)
    return out


def main() -> None:
    lines = [
        "# Binder environment: Python 3.11 and exactly the pins of requirements.lock",
        "# (written by `make lock`; tests/test_environment.py checks the two agree).",
        "name: digecon",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        "  - python=3.11",
        "  - pip",
        "  - pip:",
    ]
    lines += [f"      - {pin}" for pin in pins(ROOT / "requirements.lock")]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
