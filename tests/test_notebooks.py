"""House rules on the committed notebooks: three languages, no outputs, parameters, glue."""

from __future__ import annotations

import json

import pytest

from digecon_book import build, lint
from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))


def test_every_toc_notebook_exists_and_every_notebook_is_in_the_toc():
    listed = {p.resolve() for p in build.toc_notebooks(ROOT)}
    assert listed == {p.resolve() for p in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_house_rules(path):
    assert lint.notebook_problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_cell_is_hidden_and_bootstrap_first(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert "remove-cell" in code[0]["metadata"].get("tags", []), "bootstrap cell must be hidden"
    assert "find_spec(\"digecon\")" in "".join(code[0]["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_valid_nbformat(path):
    """A merge can leave a cell half code, half Markdown; papermill then fails late."""
    import nbformat

    nbformat.validate(nbformat.read(path, as_version=4))


def test_lint_catches_a_missing_language(tmp_path):
    nb = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and "{tab-set}" in "".join(cell["source"]):
            text = "".join(cell["source"])
            start = text.index("{tab-item} English")
            cell["source"] = text[: start - 3] + "````\n"
            break
    bad = tmp_path / "bad.ipynb"
    bad.write_text(json.dumps(nb), encoding="utf-8")
    problems = lint.notebook_problems(bad)
    assert any("':sync: en'" in p for p in problems), problems


def test_lint_catches_outputs_and_typed_numbers(tmp_path):
    nb = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "x"}]
    md = next(c for c in nb["cells"] if "{tab-set}" in "".join(c.get("source", "")))
    md["source"] = "".join(md["source"]).replace(":sync: en\n", ":sync: en\nEGDI was 0.4876.\n")
    bad = tmp_path / "bad.ipynb"
    bad.write_text(json.dumps(nb), encoding="utf-8")
    problems = lint.notebook_problems(bad)
    assert any("committed with outputs" in p for p in problems)
    assert any("number 0.4876 typed" in p for p in problems)


@pytest.mark.book
def test_unknown_language_parameter_is_a_clear_error(tmp_path):
    import papermill as pm

    source = ROOT / "book" / "reproducibility.ipynb"
    with pytest.raises(pm.PapermillExecutionError) as err:
        pm.execute_notebook(str(source), str(tmp_path / "out.ipynb"), parameters={"lang": "fr"},
                            cwd=str(source.parent), progress_bar=False, kernel_name="python3")
    assert "unknown language 'fr'" in str(err.value)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_hidden_cells_only_present(path):
    """The analysis a chapter teaches is in its visible cells; hidden cells glue and display."""
    assert lint.hidden_cell_problems(path) == []


@pytest.mark.parametrize("source, flagged", [
    ('plots.glue_numbers({"x_n": len(rows), "x_r2": fit["r2"], "x_y": int(last["year"])})', []),
    ('plots.glue_figures("x", lambda code: figures.plot_x(df, code), lang)', []),
    ('plots.glue_tables("t", lambda code: fmt.compact(tables.t(df, code).style.hide(axis="index")),'
     ' lang)', []),
    ('plots.glue_numbers({f"x_top_{c}": i18n.place(top["code"], c) for c in i18n.LANGS})', []),
    ('from digecon import plots\nlang = i18n.check_lang(lang)\nchecks.check_int("h", h, 1, 9)\n'
     'k5 = load("ict-efficiency-printed")\nplots.setup()', []),
    ('if not ok:\n    raise ValueError("bad parameter")', []),
    # analysis: arithmetic, method calls, analysis functions, comparisons
    ('plots.glue_numbers({"x_fc": fit["intercept"] + 9 * fit["slope"]})', [0]),
    ('rows = chapter_audit.audit()', [0]),
    ('n = int(counts.get("ok", 0))', [0]),
    ('plots.glue_numbers({"x_ok": int((t["verdict"] == "ok").sum())})', [0]),
    ('plots.glue_figures("x", lambda code: figures.plot_x(analysis.fit(df), code), lang)', [0]),
    ('plots.glue_numbers({"x_n": len(rows)})\ngdp = analysis.gdp_check(wide, usd)', [1]),
    ('for y in years:\n    total += eff[y]', [0]),
])
def test_hidden_analysis_tells_presentation_from_analysis(source, flagged):
    statements = source.split("\n")
    found = lint.hidden_analysis(source)
    assert len(found) == len(flagged), found
    for index, text in zip(flagged, found, strict=True):
        assert text.split("\n")[0] == statements[index]


def test_lint_catches_analysis_in_a_hidden_cell(tmp_path):
    nb = json.loads((ROOT / "book" / "egov.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    hidden = next(c for c in code[1:] if "remove-cell" in c["metadata"].get("tags", []))
    hidden["source"] = "".join(hidden["source"]) + "\ngap = (check - home['egdi']).abs().max()"
    bad = tmp_path / "bad.ipynb"
    bad.write_text(json.dumps(nb), encoding="utf-8")
    problems = lint.hidden_cell_problems(bad)
    assert len(problems) == 1 and "hidden cell does analysis" in problems[0], problems
    assert "gap = (check" in problems[0]
