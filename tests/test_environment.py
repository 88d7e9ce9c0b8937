"""Pins: the lock file, environment.yml (Binder) and the venv agree."""

from __future__ import annotations

from importlib import metadata

import yaml


def lock_pins(root) -> dict[str, str]:
    pins = {}
    for line in (root / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==")
            pins[name.lower()] = version
    return pins


def test_environment_yml_has_exactly_the_lock_pins(root):
    env = yaml.safe_load((root / "environment.yml").read_text(encoding="utf-8"))
    assert "python=3.11" in env["dependencies"]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    env_pins = dict(p.lower().split("==") for p in pip)
    assert env_pins == lock_pins(root)


def test_every_direct_dependency_is_pinned(root):
    pins = lock_pins(root)
    for line in (root / "requirements.in").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name = line.replace(">", "<").replace("=", "<").split("<")[0].strip().lower()
        assert name in pins, f"{name} is not pinned in requirements.lock"


def test_the_venv_has_the_locked_versions(root):
    pins = lock_pins(root)
    for name in ("jupyter-book", "sphinx-design", "myst-nb", "papermill", "pandas", "statsmodels",
                 "pingouin", "seaborn"):
        assert metadata.version(name) == pins[name], name
    assert pins["sphinx-design"].startswith("0.8")
    assert int(pins["jupyter-book"].split(".")[0]) < 2
