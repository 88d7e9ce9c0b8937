"""The layout of the package: dependencies point one way and every method has one name.

Chapters (``digecon.chapters.<name>``, notebooks) use the methods of :mod:`digecon.methods`; the
methods use only data and libraries. These tests read the import statements of the source
(so an import hidden inside a function counts too).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

import digecon.methods as methods

SRC = Path(methods.__file__).resolve().parents[1]
METHOD_FILES = sorted((SRC / "methods").glob("*.py"))
#: the digecon modules a method may import: its own package, the data and the vocabulary
ALLOWED = ("digecon.methods", "digecon.data", "digecon.i18n")


def imported_modules(path: Path) -> set[str]:
    """Every module named by an import statement anywhere in ``path``."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            names.add(base)
            if base == "digecon":  # from digecon import audit -> digecon.audit
                names.update(f"digecon.{alias.name}" for alias in node.names)
    return names


def test_imported_modules_sees_hidden_imports(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from digecon import audit, data\n"
                     "    import digecon_book.build\n")
    assert imported_modules(probe) >= {"digecon.audit", "digecon.data", "digecon_book.build"}


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.name)
def test_methods_import_no_chapter_or_authoring_code(path):
    own = {m for m in imported_modules(path) if m.split(".")[0] in ("digecon", "digecon_book")}
    wrong = sorted(m for m in own if m != "digecon" and not m.startswith(ALLOWED))
    assert not wrong, f"{path.name} imports {wrong}; methods may only import {ALLOWED}"


CHAPTERS = SRC / "chapters"
CHAPTER_CODE = sorted(p for p in CHAPTERS.glob("*/*.py") if p.stem != "__init__")


def test_every_chapter_has_its_folder():
    from digecon.chapters import NAMES

    folders = sorted(p.name for p in CHAPTERS.iterdir() if (p / "__init__.py").exists())
    assert folders == sorted(NAMES)
    for name in NAMES:
        assert (CHAPTERS / name / "audit.py").exists(), f"chapter {name} has no audit module"


@pytest.mark.parametrize("path", [p for p in CHAPTER_CODE if p.stem != "audit"],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_chapter_code_takes_no_data_from_an_audit(path):
    wrong = sorted(m for m in imported_modules(path) if m.endswith(".audit") and "chapters" in m)
    assert not wrong, f"{path} imports {wrong}; the audit checks the chapter, not the reverse"


#: within a chapter, analysis is the bottom layer; tables and figures may use it, not each other
LAYERS = {"analysis": set(), "tables": {"analysis"}, "figures": {"analysis"},
          "audit": {"analysis", "tables"}}


@pytest.mark.parametrize("path", CHAPTER_CODE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_chapter_layers_point_one_way(path):
    own = f"digecon.chapters.{path.parent.name}."
    used = {m.removeprefix(own) for m in imported_modules(path) if m.startswith(own)}
    other = sorted(m for m in imported_modules(path) if m.startswith("digecon.chapters.")
                   and not m.startswith(own))
    assert used <= LAYERS[path.stem], f"{path.stem} of {path.parent.name} uses {used}"
    assert not other, f"{path} uses another chapter's code: {other}"


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: p.name)
def test_student_package_imports_no_authoring_tool(path):
    """What a student installs (``digecon``) never imports the book's build tools."""
    wrong = sorted(m for m in imported_modules(path) if m.split(".")[0] == "digecon_book")
    assert not wrong, f"{path.relative_to(SRC)} imports {wrong}; authoring tools stay apart"


def test_authoring_tools_are_not_in_the_student_package():
    authoring = {"build", "lint", "pages", "appendix", "editions", "student"}
    present = sorted(p.stem for p in SRC.rglob("*.py") if p.stem in authoring)
    assert not present, f"authoring modules in src/digecon: {present}; they go in digecon_book"


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.name)
def test_methods_raise_through_the_one_checker(path):
    """Input errors are raised by digecon.methods._checks, so every message has one shape."""
    if path.name == "_checks.py":
        return
    raises = [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
              if isinstance(node, ast.Raise) and node.exc is not None
              and "ValueError" in ast.unparse(node.exc)]
    assert not raises, f"{path.name} raises ValueError itself at lines {raises}; use _checks.fail"


def public_methods() -> dict[str, list[str]]:
    """Public name -> the method modules that export it."""
    owners: dict[str, list[str]] = {}
    for module in methods.MODULES:
        for name in importlib.import_module(f"digecon.methods.{module}").__all__:
            owners.setdefault(name, []).append(module)
    return owners


def test_every_method_has_one_name_in_one_module():
    twice = {name: mods for name, mods in public_methods().items() if len(mods) > 1}
    assert not twice, f"names exported by more than one method module: {twice}"


def test_chapter_code_does_not_reuse_a_method_name():
    names = set(public_methods())
    clashes = []
    for path in CHAPTER_CODE:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name in names:
                clashes.append(f"{path.name}:{node.lineno} {node.name}")
    assert not clashes, f"chapter code defines a second meaning of a method: {clashes}"


def numpydoc_problems(name: str, func) -> list[str]:
    """What a method's docstring lacks of the numpydoc layout (pingouin's model): a
    ``Parameters`` section naming every argument, ``Returns`` and ``Examples`` with a doctest."""
    doc = inspect.getdoc(func) or ""
    sections = dict.fromkeys(re.findall(r"^(\w+)\n-{3,}$", doc, re.M))
    problems = [f"{name}: no {s} section" for s in ("Returns", "Examples") if s not in sections]
    params = [p for p in inspect.signature(func).parameters if p not in ("self", "cls")]
    if params:
        if "Parameters" not in sections:
            problems.append(f"{name}: no Parameters section")
        else:
            block = doc.split("Parameters\n----------\n", 1)[1].split("\n\n", 1)[0]
            named = {n.strip() for line in block.splitlines() if not line.startswith(" ")
                     for n in line.split(":")[0].split(",")}
            problems += [f"{name}: parameter {p!r} not described" for p in params
                         if p not in named]
    if ">>>" not in doc.split("Examples\n--------", 1)[-1]:
        problems.append(f"{name}: no example under Examples")
    return problems


def test_numpydoc_problems_finds_a_missing_section_and_parameter():
    def bare(x: int, y: int) -> int:
        """Add.

        Parameters
        ----------
        x : int
            A number.

        >>> bare(1, 2)
        3
        """
        return x + y

    assert numpydoc_problems("bare", bare) == [
        "bare: no Returns section", "bare: no Examples section",
        "bare: parameter 'y' not described"]


def test_every_module_is_listed_and_every_method_is_documented_with_an_example():
    files = {p.stem for p in METHOD_FILES} - {"__init__", "_checks"}
    assert files == set(methods.MODULES)
    problems = []
    for name, (module, *_) in public_methods().items():
        obj = getattr(methods, name)
        if inspect.isfunction(obj):
            problems += numpydoc_problems(f"{module}.{name}", obj)
            if f":func:`{name}`" not in (methods.__doc__ or ""):
                problems.append(f"{module}.{name}: missing from the table of digecon.methods")
    assert not problems, "\n".join(problems)


def test_a_method_is_reachable_by_its_one_name():
    from digecon.methods import growth

    assert methods.growth_rate is growth.growth_rate
    with pytest.raises(AttributeError, match="no attribute 'no_such_method'"):
        _ = methods.no_such_method
