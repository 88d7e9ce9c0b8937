"""Sphinx extension: the launch and download buttons open the student notebook of the edition.

sphinx-book-theme points its Binder and Colab buttons at the page's *source* in the repository
(a trilingual MyST notebook that reads badly outside the book) and its ``.ipynb`` download at
that source too. This extension rewrites the three URLs of every chapter page to the student
notebook of the edition's language (:mod:`digecon_book.student`):

* **download**: the notebook published with the edition (``<notebooks dir>/<chapter>.ipynb``);
* **Colab**: the same file in the published site's branch (``gh-pages``), since Colab opens
  notebooks from GitHub, not from an arbitrary web address;
* **Binder**: the repository's Binder image, where ``postBuild`` puts the student notebooks
  at the same path as on the site (see ``postBuild`` and CONTRIBUTING.md).

Configuration (``_config.yml`` → ``sphinx.config``):

``digecon_notebook_lang``
    the edition's language; default: Sphinx's ``language`` when it is kk/ru/en, else ``kk``.
``digecon_notebooks_dir``
    folder of the student notebooks relative to this build's HTML root, ``{lang}`` filled in
    (default ``{lang}/notebooks``; an edition built into ``html/<lang>/`` uses ``notebooks``).
``digecon_notebooks_site_path``
    the same folder relative to the site root (the ``gh-pages`` branch and the Binder image);
    default: ``digecon_notebooks_dir`` (an edition uses ``{lang}/notebooks``).

>>> rewrite_buttons([{"buttons": [{"text": "Colab", "url": "x"}]}], {"Colab": "y"})
[{'buttons': [{'text': 'Colab', 'url': 'y'}]}]
"""

from __future__ import annotations

from typing import Any

from digecon_book.student import SITE_PATH
from digecon_book.trilingual import LANGS

PAGES_BRANCH = "gh-pages"


def rewrite_buttons(buttons: list[dict], urls: dict[str, str]) -> list[dict]:
    """Set the ``url`` of every button whose text or label is a key of ``urls`` (nested too)."""
    for button in buttons:
        key = next((k for k in (button.get("label"), button.get("text")) if k in urls), None)
        if key is not None:
            button["url"] = urls[key]
        if isinstance(button.get("buttons"), list):
            rewrite_buttons(button["buttons"], urls)
    return buttons


def _lang(app: Any) -> str:
    lang = app.config.digecon_notebook_lang or app.config.language
    return lang if lang in LANGS else "kk"


def launch_urls(app: Any, pagename: str, pathto: Any) -> dict[str, str]:
    """The three URLs of a chapter page (``book/<chapter>``)."""
    lang = _lang(app)
    chapter = pagename.rsplit("/", 1)[-1]
    local = app.config.digecon_notebooks_dir.format(lang=lang).strip("/")
    site = (app.config.digecon_notebooks_site_path or local).format(lang=lang).strip("/")
    repo = app.config.html_theme_options.get("repository_url", "").rstrip("/")
    org_repo = repo.split("github.com/", 1)[-1]
    launch = app.config.html_theme_options.get("launch_buttons", {})
    binder = launch.get("binderhub_url", "https://mybinder.org").rstrip("/")
    colab = launch.get("colab_url", "https://colab.research.google.com").rstrip("/")
    branch = app.config.html_theme_options.get("repository_branch", "main")
    download = f"{pathto(local, 1)}/{chapter}.ipynb"
    return {
        # a notebook page's "source" download is its .ipynb: the trilingual source, replaced
        "download-notebook-button": download,
        "download-source-button": download,
        "Colab": f"{colab}/github/{org_repo}/blob/{PAGES_BRANCH}/{site}/{chapter}.ipynb",
        "Binder": f"{binder}/v2/gh/{org_repo}/{branch}?urlpath=lab/tree/{site}/{chapter}.ipynb",
    }


def on_page(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Rewrite the buttons of a page made from a notebook (a chapter)."""
    if "kernelspec" not in app.env.metadata.get(pagename, {}):
        return
    buttons = context.get("header_buttons")
    if buttons:
        rewrite_buttons(buttons, launch_urls(app, pagename, context["pathto"]))


def setup(app: Any) -> dict:
    app.add_config_value("digecon_notebook_lang", "", "html")
    app.add_config_value("digecon_notebooks_dir", SITE_PATH, "html")
    app.add_config_value("digecon_notebooks_site_path", "", "html")
    # after sphinx-book-theme made its buttons (priority 501)
    app.connect("html-page-context", on_page, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
