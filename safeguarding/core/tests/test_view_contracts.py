"""Contracts every views module keeps (docs/architecture.md, "One shape for every page").

* A views module shows forms through `core.pages.form_page` (or declares them with
  `core.pages.form_view` or `create_view`, directly or through an app's partial of them), or its
  docstring says why not in a line starting "Form page: not used".
* A views module never reaches the database past the permission checks: no `<Model>.objects`
  (objects come through `permissions.get_<entity>_for_user_or_404`, lists through selectors).
  `get_object_or_404` is banned by ruff (TID251, pyproject.toml).
* Every app's breadcrumbs come from `core.pages.Trail`: no private `_crumbs` helpers.
* One form template: no app has its own `form_page.html`.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
TEMPLATES = PACKAGE / "templates"


def _views_modules() -> list[Path]:
    found = []
    for path in sorted(PACKAGE.glob("*/views.py")) + sorted(PACKAGE.glob("*/views/*.py")):
        if "tests" in path.parts:
            continue
        found.append(path)
    return found


VIEWS = _views_modules()


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(PACKAGE)) for p in paths]


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _uses_form_page(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in {"form_page", "form_view", "create_view"}:
                return True
    return False


def _declares_form_views(path: Path) -> bool:
    """The module holds views made by `core.pages.form_view` (each says which form it shows),
    for example through an app's `partial(form_view, ...)`."""
    name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    module = importlib.import_module(name)
    return any(
        callable(value) and hasattr(value, "form_class") and hasattr(value, "__wrapped__")
        for value in vars(module).values()
    )


def _has_views(tree: ast.Module) -> bool:
    """A module holds views when a top-level, decorated function takes `request` first (every
    view carries its HTTP method and sign-in decorators; a package's __init__ that only
    re-exports, or a module of shared helpers, holds none)."""
    return any(
        isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.decorator_list
        and node.args.args
        and node.args.args[0].arg == "request"
        for node in tree.body
    )


def test_there_are_views_modules_to_check() -> None:
    assert len(VIEWS) >= 12  # a glob that found nothing would make the contracts vacuous


@pytest.mark.parametrize("path", VIEWS, ids=_ids(VIEWS))
def test_views_module_uses_the_form_page_or_says_why(path: Path) -> None:
    tree = _tree(path)
    if not _has_views(tree):
        return
    docstring = ast.get_docstring(tree) or ""
    says_why = any(
        line.strip().startswith("Form page: not used") for line in docstring.splitlines()
    )
    assert _uses_form_page(tree) or _declares_form_views(path) or says_why, (
        f"{path.relative_to(PACKAGE)}: show forms with core.pages.form_page, or say in the "
        "module docstring why not, in a line starting 'Form page: not used'."
    )


@pytest.mark.parametrize("path", VIEWS, ids=_ids(VIEWS))
def test_views_module_does_not_query_models_directly(path: Path) -> None:
    offending = [
        node.lineno
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.Attribute) and node.attr == "objects"
    ]
    assert not offending, (
        f"{path.relative_to(PACKAGE)} uses `.objects` on lines {offending}: fetch through "
        "permissions.get_<entity>_for_user_or_404 and list through a selector."
    )


def test_no_app_defines_its_own_breadcrumbs() -> None:
    offending = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.FunctionDef) and node.name.lstrip("_") == "crumbs":
                offending.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offending, f"Use core.pages.Trail instead of private crumbs: {offending}"


def test_there_is_one_form_page_template() -> None:
    copies = sorted(
        str(p.relative_to(TEMPLATES))
        for p in TEMPLATES.rglob("form_page.html")
        if p.parent.name != "components"
    )
    assert copies == [], f"Extend components/form_page.html instead of: {copies}"


def test_the_contract_checks_catch_a_bare_query(tmp_path: Path) -> None:
    """The checks above can fail: a module written the old way is caught by each."""
    module = tmp_path / "views.py"
    module.write_text(
        '"""Views."""\n'
        "@login_required\n"
        "def agency_detail(request, pk):\n"
        "    agency = Agency.objects.get(pk=pk)\n"
        "    return render(request, 't.html', {'agency': agency})\n"
        "def _crumbs():\n"
        "    return []\n",
        encoding="utf-8",
    )
    tree = _tree(module)
    assert _has_views(tree)
    assert not _uses_form_page(tree)
    assert any(isinstance(n, ast.Attribute) and n.attr == "objects" for n in ast.walk(tree))
    assert any(isinstance(n, ast.FunctionDef) and n.name == "_crumbs" for n in ast.walk(tree))
