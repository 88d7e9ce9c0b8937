"""Load the book's tables by name, validated against ``data/datapackage.json``.

The data package (Frictionless Data) describes every CSV in ``data/``: its columns, their
types and units, and where the numbers come from. :func:`load` reads a table and checks it
against that description; a bad file fails with a message that names the file, the row, the
column and the value, for example::

    DataError: data/egdi_printed.csv, row 7, column 'osi': '0,79a' is not a number. Correct ...

Rows are counted as a spreadsheet shows them: the header is row 1, the first data row is row 2.

>>> int(load("un-egov-survey").query("iso3 == 'KAZ' and survey_year == 2024")["egdi_rank"].item())
24
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "DataError",
    "data_dir",
    "load",
    "package",
    "read_csv_rows",
    "read_json",
    "resource",
    "resource_names",
    "validate",
    "validate_all",
]


class DataError(ValueError):
    """A data file does not match its description in the data package."""


def data_dir() -> Path:
    """The folder holding ``datapackage.json``.

    ``DIGECON_DATA`` overrides it; otherwise the ``data/`` folder of the repository that holds
    this package (a source checkout or an editable install).
    """
    env = os.environ.get("DIGECON_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "data" / "datapackage.json").exists():
            return parent / "data"
    raise DataError(
        "data/datapackage.json not found: set DIGECON_DATA to the book's data folder"
    )


def read_json(path: Path) -> Any:
    """Read a JSON file; a syntax error names the file, line and column and how to fix it.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "datapackage.json"
    >>> _ = p.write_text('{"resources": [\\n  {"name": "a",}\\n]}', encoding="utf-8")
    >>> read_json(p)
    Traceback (most recent call last):
    ...
    digecon.data.DataError: .../datapackage.json is not valid JSON: line 2, column 16: ...
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataError(
            f"{path} is not UTF-8 (byte 0x{err.object[err.start]:02x} at position {err.start}); "
            "re-save it as UTF-8"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise DataError(
            f"{path} is not valid JSON: line {err.lineno}, column {err.colno}: {err.msg}. "
            "Fix the syntax there (a missing or extra comma, quote or bracket is the usual "
            "cause) and check it with `python -m json.tool` before building again."
        ) from None


@lru_cache(maxsize=8)
def _read_package(path: str, mtime: float) -> dict[str, Any]:
    return read_json(Path(path))


def package(directory: Path | None = None) -> dict[str, Any]:
    """The data package descriptor as a dict."""
    path = (directory or data_dir()) / "datapackage.json"
    return _read_package(str(path), path.stat().st_mtime)


def resource_names(directory: Path | None = None) -> list[str]:
    """Names of every resource in the package, in the order the package lists them."""
    return [r["name"] for r in package(directory)["resources"]]


def resource(name: str, directory: Path | None = None) -> dict[str, Any]:
    """The descriptor of one resource; an unknown name lists the known ones."""
    for res in package(directory)["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(resource_names(directory))
    raise KeyError(f"no resource named {name!r} in datapackage.json; known: {known}")


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_BOOL = {"true": True, "false": False, "1": True, "0": False}


def _convert(text: str, field: dict[str, Any]) -> Any:
    kind = field.get("type", "string")
    if kind == "integer":
        if not _INTEGER.match(text):
            raise ValueError("is not an integer")
        return int(text)
    if kind == "number":
        if not _NUMBER.match(text):
            raise ValueError("is not a number")
        return float(text)
    if kind == "boolean":
        if text.lower() not in _BOOL:
            raise ValueError("is not a boolean (true/false)")
        return _BOOL[text.lower()]
    if kind in ("year",):
        if not re.match(r"^\d{4}$", text):
            raise ValueError("is not a year")
        return int(text)
    return text


def _check_constraints(value: Any, text: str, field: dict[str, Any]) -> None:
    cons = field.get("constraints", {})
    if "minimum" in cons and value < cons["minimum"]:
        raise ValueError(f"is below the minimum {cons['minimum']}")
    if "maximum" in cons and value > cons["maximum"]:
        raise ValueError(f"is above the maximum {cons['maximum']}")
    if "enum" in cons and text not in [str(v) for v in cons["enum"]]:
        raise ValueError(f"is not one of {cons['enum']}")
    if "pattern" in cons and not re.fullmatch(cons["pattern"], text):
        raise ValueError(f"does not match the pattern {cons['pattern']!r}")


_DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "year": "Int64"}


def read_csv_rows(path: Path, name: str | None = None) -> list[list[str]]:
    """The rows of a UTF-8 CSV file; a byte-order mark (Excel's "CSV UTF-8") is accepted.

    Another encoding (for example Windows-1251) fails with a message naming the file, the first
    byte that is not UTF-8 and how to fix it.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = p.write_bytes("\\ufeffyear,v\\n2020,1\\n".encode("utf-8"))
    >>> read_csv_rows(p)
    [['year', 'v'], ['2020', '1']]
    """
    name = name or Path(path).name
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataError(
            f"data/{name} is not UTF-8 (byte 0x{raw[err.start]:02x} at position {err.start}); "
            "re-save it as CSV UTF-8 (in Excel: File > Save As > \"CSV UTF-8 (Comma delimited)\"; "
            "in LibreOffice: character set \"Unicode (UTF-8)\")"
        ) from None
    return list(csv.reader(io.StringIO(text, newline="")))


def validate(res: dict[str, Any], directory: Path | None = None) -> pd.DataFrame:
    """Read the CSV of resource descriptor ``res`` and check it against its schema.

    Returns the table with typed columns (integers as nullable ``Int64``, missing numbers as
    NaN). Raises :class:`DataError` naming file, row, column and value, and how to fix it.
    """
    try:
        return _validate(res, directory)
    except DataError as err:
        msg = str(err)
        if "re-save it" in msg:  # the encoding message says how to fix it already
            raise
        raise DataError(
            f"{msg}. Correct the file (rows are counted as a spreadsheet shows them, the header "
            f"is row 1), or the description of resource {res['name']!r} in "
            "data/datapackage.json, then build again."
        ) from None


def _validate(res: dict[str, Any], directory: Path | None = None) -> pd.DataFrame:
    base = directory or data_dir()
    path = base / res["path"]
    fname = f"data/{res['path']}"
    if not path.exists():
        raise DataError(f"{fname}: file not found in {base}")
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    rows = read_csv_rows(path, res["path"])
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise DataError(f"{fname}: the file is empty (expected a header with columns {names})")
    header = [h.strip() for h in rows[0]]
    missing = [n for n in names if n not in header]
    if missing:
        raise DataError(f"{fname}, row 1: missing column {missing[0]!r} (header is {header})")
    extra = [h for h in header if h not in names]
    if extra:
        raise DataError(f"{fname}, row 1: column {extra[0]!r} is not described in datapackage.json")
    if len(rows) < 2:
        raise DataError(f"{fname}: the file has a header but no data rows")
    index = {h: i for i, h in enumerate(header)}
    out: dict[str, list[Any]] = {n: [] for n in names}
    for rownum, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            raise DataError(f"{fname}, row {rownum}: the row is blank")
        if len(row) != len(header):
            raise DataError(
                f"{fname}, row {rownum}: {len(row)} cells where the header has {len(header)}"
            )
        for field in fields:
            name = field["name"]
            text = row[index[name]].strip()
            if text == "":
                required = field.get("constraints", {}).get("required", False)
                if required or name in res["schema"].get("primaryKey", []):
                    raise DataError(f"{fname}, row {rownum}, column {name!r}: value is missing")
                out[name].append(None)
                continue
            try:
                value = _convert(text, field)
                _check_constraints(value, text, field)
            except ValueError as err:
                raise DataError(f"{fname}, row {rownum}, column {name!r}: {text!r} {err}") from None
            out[name].append(value)
    frame = pd.DataFrame(out)
    for field in fields:
        dtype = _DTYPES.get(field.get("type", "string"))
        if dtype:
            frame[field["name"]] = frame[field["name"]].astype(dtype)
        else:
            frame[field["name"]] = frame[field["name"]].astype("object")
    key = res["schema"].get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    if key:
        seen: dict[tuple, int] = {}
        for i, values in enumerate(zip(*(out[k] for k in key), strict=True)):
            if values in seen:
                shown = ", ".join(f"{k}={v!r}" for k, v in zip(key, values, strict=True))
                raise DataError(
                    f"{fname}, row {i + 2}: duplicate key ({shown}) "
                    f"already in row {seen[values] + 2}"
                )
            seen[values] = i
    return frame


#: tables already validated in this session: by file, what they were read from (the file's
#: time and size, its description) and the table
_LOADED: dict[str, tuple[tuple, pd.DataFrame]] = {}


def load(name: str, directory: Path | None = None) -> pd.DataFrame:
    """Load the resource ``name`` as a validated, typed ``DataFrame``.

    A table is read and checked once per session; each call returns a fresh copy (change it
    freely). A file edited since, or its description, is read and checked again.

    >>> load("glossary").columns[:4].tolist()
    ['key', 'kind', 'kk', 'ru']
    >>> load("glossary") is load("glossary"), load("glossary").equals(load("glossary"))
    (False, True)
    """
    _trace(name)
    res = resource(name, directory)
    path = (directory or data_dir()) / res["path"]
    try:
        stat = path.stat()
    except OSError:  # missing: validate says so, naming the file
        return validate(res, directory)
    read_from = (stat.st_mtime_ns, stat.st_size, json.dumps(res, sort_keys=True))
    known = _LOADED.get(str(path))
    if known is None or known[0] != read_from:  # the earlier copy, if any, is replaced
        known = _LOADED[str(path)] = (read_from, validate(res, directory))
    return known[1].copy()


def validate_all(directory: Path | None = None) -> dict[str, int]:
    """Validate every resource; returns the number of rows of each."""
    return {
        res["name"]: len(validate(res, directory)) for res in package(directory)["resources"]
    }


def _trace(name: str) -> None:
    """Record which tables a notebook run reads (the build cache keys on them)."""
    target = os.environ.get("DIGECON_TRACE")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(name + "\n")
