"""Merge data/_fragments/*.json (and *_glossary.csv, *_places.csv) into the data package.

Used while chapters are being transcribed in parallel: each contributor writes a fragment,
this script folds every fragment into ``data/datapackage.json`` (resources replaced by name,
so it is idempotent) and the vocabulary fragments into ``data/glossary.csv`` and
``data/places.csv`` (rows replaced by key/code).
"""

from __future__ import annotations

import csv
import fcntl
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
FRAG = DATA / "_fragments"


def _merge_csv(target: Path, pattern: str, key: str) -> int:
    rows: dict[str, dict[str, str]] = {}
    owner: dict[str, str] = {}
    fields: list[str] = []
    sources = [target] if target.exists() else []
    sources += sorted(FRAG.glob(pattern))
    for path in sources:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            for name in reader.fieldnames or []:
                if name not in fields:
                    fields.append(name)
            for row in reader:
                if row.get(key):
                    if (path != target and row[key] in owner
                            and owner[row[key]] not in (path.name, target.name)):
                        print(f"warning: {key} {row[key]!r} in {path.name} and {owner[row[key]]}")
                    owner[row[key]] = path.name
                    rows[row[key]] = {k: (v or "") for k, v in row.items() if k}
    if not rows:
        return 0
    with open(target, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows.values():
            writer.writerow({f: row.get(f, "") for f in fields})
    return len(rows)


def main() -> None:
    with open(DATA / ".merge.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        pkg_path = DATA / "datapackage.json"
        pkg = json.loads(pkg_path.read_text(encoding="utf-8"))
        by_name = {r["name"]: r for r in pkg["resources"]}
        for frag in sorted(FRAG.glob("*.json")):
            try:
                for res in json.loads(frag.read_text(encoding="utf-8"))["resources"]:
                    by_name[res["name"]] = res
            except (json.JSONDecodeError, KeyError) as err:
                print(f"skipped {frag.name}: {err}")
        pkg["resources"] = list(by_name.values())
        pkg_path.write_text(json.dumps(pkg, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        n_terms = _merge_csv(DATA / "glossary.csv", "*_glossary.csv", "key")
        n_places = _merge_csv(DATA / "places.csv", "*_places.csv", "code")
        print(f"{len(by_name)} resources, {n_terms} vocabulary rows, {n_places} places")


if __name__ == "__main__":
    main()
