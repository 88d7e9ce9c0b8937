"""The data package: every table validates; bad files fail with file, row, column and value."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from digecon import data
from digecon.data import DataError

DESCRIPTOR = {
    "name": "demo",
    "path": "demo.csv",
    "schema": {
        "fields": [
            {"name": "year", "type": "integer"},
            {"name": "osi", "type": "number", "constraints": {"minimum": 0, "maximum": 1}},
            {"name": "country", "type": "string", "constraints": {"required": True}},
        ],
        "primaryKey": ["year", "country"],
    },
}


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "demo.csv").write_text(text, encoding="utf-8")
    return tmp_path


def test_every_resource_validates(root):
    counts = data.validate_all()
    assert counts, "the data package lists no resources"
    assert all(n > 0 for n in counts.values())


def test_every_csv_is_described(root):
    described = {r["path"] for r in data.package()["resources"]}
    on_disk = {p.name for p in (root / "data").glob("*.csv")}
    assert on_disk - described == set(), "CSV files without a descriptor"
    assert described - on_disk == set(), "descriptors without a CSV file"


def test_every_resource_has_provenance_and_three_languages(root):
    for res in data.package()["resources"]:
        assert res.get("sources"), f"{res['name']}: no sources"
        for src in res["sources"]:
            assert src.get("title"), f"{res['name']}: a source without a title"
            if src.get("file", "").endswith(".txt") and "lines" in src:
                first, last = src["lines"]
                assert 1 <= first <= last, f"{res['name']}: bad line range {src['lines']}"
                seed = root.parent / "shared" / "seeds" / src["file"]
                if seed.exists():
                    n = len(seed.read_text(encoding="utf-8").splitlines())
                    assert last <= n, f"{res['name']}: line {last} beyond the end of {src['file']}"
        desc = res.get("descriptions", {})
        assert all(desc.get(lang) for lang in ("kk", "ru", "en")), f"{res['name']}: descriptions"
        for field in res["schema"]["fields"]:
            assert field.get("type") in {"integer", "number", "string", "boolean"}, field


def test_good_file_loads_typed(tmp_path):
    d = write(tmp_path, "year,osi,country\n2024,0.93,KAZ\n2022,,KAZ\n")
    frame = data.validate(DESCRIPTOR, d)
    assert frame["year"].tolist() == [2024, 2022]
    assert frame["osi"].iloc[0] == pytest.approx(0.93)
    assert frame["osi"].isna().iloc[1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("year,country\n2024,KAZ\n", "demo.csv, row 1: missing column 'osi'"),
        ("year,osi,country\n2024,0.9,KAZ\n2022,0,79a,KAZ\n", "demo.csv, row 3: 4 cells"),
        ("year,osi,country\n2024,0.9,KAZ\n2022,0.79a,KAZ\n",
         "demo.csv, row 3, column 'osi': '0.79a' is not a number"),
        ("year,osi,country\n20x4,0.9,KAZ\n",
         "demo.csv, row 2, column 'year': '20x4' is not an integer"),
        ("", "demo.csv: the file is empty"),
        ("year,osi,country\n", "demo.csv: the file has a header but no data rows"),
        ("year,osi,country\n2024,0.9,KAZ\n2024,0.8,KAZ\n",
         "demo.csv, row 3: duplicate key (year=2024, country='KAZ') already in row 2"),
        ("year,osi,country\n2024,1.5,KAZ\n",
         "demo.csv, row 2, column 'osi': '1.5' is above the maximum 1"),
        ("year,osi,country\n2024,0.5,\n", "demo.csv, row 2, column 'country': value is missing"),
        ("year,osi,country,extra\n2024,0.5,KAZ,1\n",
         "demo.csv, row 1: column 'extra' is not described"),
    ],
)
def test_bad_files_name_file_row_column_value(tmp_path, text, message):
    d = write(tmp_path, text)
    with pytest.raises(DataError) as err:
        data.validate(DESCRIPTOR, d)
    assert message in str(err.value)


def test_a_corrupted_copy_of_a_real_table_fails_with_its_name(tmp_path, root):
    shutil.copytree(root / "data", tmp_path / "data")
    pkg = json.loads((tmp_path / "data" / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in pkg["resources"] if r["name"] == "un-egov-survey")
    path = tmp_path / "data" / res["path"]
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[3].split(",")
    cells[header.index("egdi")] = "0,79a"
    lines[3] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        data.validate(res, tmp_path / "data")
    assert f"{res['path']}, row 4" in str(err.value)


def test_a_table_is_checked_once_and_again_after_an_edit(tmp_path, monkeypatch):
    (tmp_path / "datapackage.json").write_text(json.dumps({"resources": [DESCRIPTOR]}),
                                               encoding="utf-8")
    write(tmp_path, "year,osi,country\n2024,0.93,KAZ\n")
    checked = []
    real = data.validate
    monkeypatch.setattr(data, "validate", lambda res, d=None: checked.append(1) or real(res, d))
    first = data.load("demo", tmp_path)
    first.loc[0, "osi"] = 0.0  # a reader's change stays in their copy
    second = data.load("demo", tmp_path)
    assert len(checked) == 1
    assert second["osi"].tolist() == [pytest.approx(0.93)]
    write(tmp_path, "year,osi,country\n2024,0.5,KAZ\n2022,0.4,KAZ\n")  # size changes
    assert data.load("demo", tmp_path)["osi"].tolist() == [0.5, 0.4]
    write(tmp_path, "year,osi,country\n2024,0.5,KAZ\n2022,0.4a,KAZ\n")
    with pytest.raises(DataError, match=r"demo.csv, row 3, column 'osi'"):
        data.load("demo", tmp_path)
    assert len(checked) == 3


def test_unknown_resource_lists_known_names():
    with pytest.raises(KeyError, match=r"known: .*glossary"):
        data.load("no-such-table")


# -- encodings and a broken descriptor: each gets one paragraph, not a traceback ---------------


def test_a_csv_saved_by_excel_as_csv_utf8_with_a_bom_is_accepted(tmp_path):
    (tmp_path / "demo.csv").write_bytes(
        "year,osi,country\n2020,0.5,KAZ\n".encode("utf-8-sig")
    )
    frame = data.validate(DESCRIPTOR, tmp_path)
    assert frame.columns.tolist() == ["year", "osi", "country"]
    assert frame["year"].tolist() == [2020]


def test_a_csv_in_another_encoding_is_named_with_the_byte_and_the_fix(tmp_path):
    # what Excel writes as "CSV (Comma delimited)" on a Russian Windows
    (tmp_path / "demo.csv").write_bytes("year,osi,country\n2020,0.5,Россия\n".encode("cp1251"))
    with pytest.raises(DataError) as err:
        data.validate(DESCRIPTOR, tmp_path)
    position = len("year,osi,country\n2020,0.5,")
    assert str(err.value).startswith(
        f"data/demo.csv is not UTF-8 (byte 0xd0 at position {position}); "
        "re-save it as CSV UTF-8"
    )


def test_invalid_datapackage_json_names_the_file_line_and_column(tmp_path):
    bad = '    {"name": "demo", "path": "demo.csv",}'  # a trailing comma
    (tmp_path / "datapackage.json").write_text(
        '{\n  "resources": [\n' + bad + '\n  ]\n}\n', encoding="utf-8"
    )
    column = bad.index(",}") + 2  # JSON expects another key where the brace is
    with pytest.raises(DataError) as err:
        data.package(tmp_path)
    msg = str(err.value)
    where = f"line 3, column {column}:"
    assert msg.startswith(f"{tmp_path / 'datapackage.json'} is not valid JSON: {where}")
    assert "python -m json.tool" in msg
