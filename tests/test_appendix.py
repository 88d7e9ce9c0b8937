"""The data appendix page: every resource is described, and every download link resolves."""

from __future__ import annotations

import re

import pytest

from digecon import data, i18n
from digecon_book import appendix, build

DOWNLOAD = re.compile(r"\{download\}`[^`<]*<([^>]+)>`")


@pytest.fixture(scope="module")
def page() -> str:
    return appendix.data_appendix_page()


def test_page_starts_with_its_target_and_trilingual_title(page):
    lines = page.splitlines()
    assert lines[0] == "(data-appendix)="
    assert lines[1] == "# Деректер қосымшасы · Приложение: данные · Data appendix"
    assert page.count("````{tab-set}") == len(data.resource_names()) + 1


def test_every_resource_appears_with_its_descriptions_columns_and_source(page):
    for res in data.package()["resources"]:
        name = res["name"]
        assert f"(data-{name})=" in page, name
        start = page.index(f"(data-{name})=")
        nxt = page.find("\n(data-", start + 1)
        section = page[start:] if nxt < 0 else page[start:nxt]
        for lang in i18n.LANGS:
            text = " ".join(res["descriptions"][lang].split())
            assert appendix._inline(text) in section, (name, lang)
            assert f":sync: {lang}" in section
        assert ":sync-group: lang" in section
        for field in res["schema"]["fields"]:
            assert f"`{field['name']}`" in section, (name, field["name"])
            if field.get("unit"):
                assert appendix._inline(field["unit"]) in section, (name, field["name"])
        for source in res["sources"]:
            for key in ("file", "publisher"):
                if source.get(key):
                    assert appendix._inline(source[key]) in section or source[key] in section
            if source.get("lines"):
                assert f"{source['lines'][0]}–{source['lines'][-1]}" in section
        assert f"<_static/data/{res['path']}>`" in section, name


def test_every_download_target_exists_after_staging(page, tmp_path, root):
    stage = tmp_path / "stage"
    build.stage_sources(root, stage)
    targets = DOWNLOAD.findall(page)
    assert len(targets) == len(data.resource_names())
    missing = [t for t in targets if not (stage / "book" / t).is_file()]
    assert not missing, f"download links with no staged file: {missing}"


def test_markdown_special_characters_are_escaped():
    assert appendix._inline("a | b *c*") == "a \\| b \\*c\\*"
    table = appendix.columns_table([{"name": "x", "type": "number", "unit": "%|pp"}], ["x"])
    assert table.splitlines()[-1].count(" | ") == 3
