"""Chapter parameters: each is checked at the top of its chapter, with a message naming it."""

from __future__ import annotations

import ast
import json

import pytest

from digecon import checks, data
from digecon.checks import ParameterError
from digecon_book.build import toc_notebooks


def test_an_unknown_country_code_names_the_parameter_and_the_valid_codes():
    countries = data.load("un-egov-survey")["iso3"]
    with pytest.raises(ParameterError) as err:
        checks.check_choice("country", "XXX", countries, what="a country of the data")
    codes = ", ".join(sorted(set(countries)))
    assert str(err.value) == (
        f"parameter 'country' = 'XXX' is not a country of the data; choose one of: {codes}; "
        "to fix it, edit the chapter's parameters cell (or the value given to papermill -p)"
    )
    assert checks.check_choice("country", "KAZ", countries) == "KAZ"


def test_lists_numbers_and_fractions_are_checked():
    with pytest.raises(ParameterError, match=r"'peers' contains 'FRA', which is not a country"):
        checks.check_choices("peers", ["RUS", "FRA"], ["RUS", "KAZ"], what="a country")
    with pytest.raises(ParameterError, match=r"'peers' = 'RUS' must be a list"):
        checks.check_choices("peers", "RUS", ["RUS", "KAZ"])
    with pytest.raises(ParameterError, match=r"'horizon' = 2\.5 must be a whole number from 1"):
        checks.check_int("horizon", 2.5, 1, 10)
    with pytest.raises(ParameterError, match=r"'horizon' = True must be a whole number"):
        checks.check_int("horizon", True, 1, 10)
    with pytest.raises(ParameterError, match=r"'alpha' = 0 must be a number strictly between"):
        checks.check_fraction("alpha", 0)
    assert checks.check_fraction("alpha", 0.05) == 0.05


def _setup_cell(nb: dict) -> str:
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        if cell["cell_type"] == "code" and "i18n.check_lang(lang)" in src:
            return src
    raise AssertionError("no setup cell calling i18n.check_lang(lang)")


def _parameters(nb: dict) -> list[str]:
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            names = []
            for line in "".join(cell["source"]).splitlines():
                head = line.split("#")[0]
                if "=" in head and head[0].isalpha():
                    names.append(head.split("=")[0].strip())
            return names
    raise AssertionError("no parameters cell")


def _checked_names(setup: str) -> set[str]:
    """Names passed (directly or inside an expression) to a ``check*`` call."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(setup)):
        if isinstance(node, ast.Call):
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", "")
            if func.startswith("check"):
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    out |= {n.id for n in ast.walk(arg) if isinstance(n, ast.Name)}
    return out


def test_every_chapter_checks_every_parameter_in_its_setup_cell(root):
    for path in toc_notebooks(root):
        nb = json.loads(path.read_text(encoding="utf-8"))
        unchecked = set(_parameters(nb)) - _checked_names(_setup_cell(nb))
        assert not unchecked, f"{path.name}: parameters not checked in the setup cell: {unchecked}"


def test_egov_checks_the_country_before_using_it(root):
    setup = _setup_cell(json.loads((root / "book" / "egov.ipynb").read_text(encoding="utf-8")))
    check = setup.index('checks.check_choice("country", country')
    assert setup.index("i18n.check_lang(lang)") < check
