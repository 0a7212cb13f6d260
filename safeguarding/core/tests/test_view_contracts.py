"""Contracts every views module keeps (docs/architecture.md, "One shape for every page").

* A views module shows forms through `core.pages.form_page` (or declares them with
  `core.pages.form_view` or `create_view`, directly or through an app's partial of them), or its
  docstring says why not in a line starting "Form page: not used".
* A views module never reaches the database past the permission checks: no `<Model>.objects`
  (objects come through `permissions.get_<entity>_for_user_or_404`, lists through selectors).
  `get_object_or_404` is banned by ruff (TID251, pyproject.toml).
* Every app's breadcrumbs come from `core.pages.Trail`: no private `_crumbs` helpers.
* One form template: no app has its own `form_page.html`.
* A form page is a declaration (`form_view`, `create_view`). A view that must stay a function
  calls `form_page` with the reason in a comment on the line above the call, starting
  `# A function, not a declaration:`; and the number of such calls may only go down
  (`FORM_PAGE_CALLERS_MAX`: lower it when you convert one).
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


FORM_PAGE_CALLERS_MAX = 10
"""How many direct `form_page` calls remain in the views (issue #11): only ever lower this."""

REASON = "# A function, not a declaration:"


def _form_page_calls() -> list[tuple[Path, int]]:
    """Every call of `form_page` in the views packages and modules, by file and line (the
    modules shared by an app's views, such as annual_reports' editor, included)."""
    found = []
    paths = sorted(PACKAGE.glob("*/views.py")) + sorted(PACKAGE.glob("*/views/*.py"))
    paths += sorted(PACKAGE.glob("*/*_views.py"))
    for path in paths:
        if "tests" in path.parts:
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name == "form_page":
                    found.append((path, node.lineno))
    return found


def _says_why_above(lines: list[str], lineno: int) -> bool:
    """The comment block right above the line (1-based) `lineno` starts with REASON."""
    index = lineno - 2
    block = []
    while index >= 0 and lines[index].strip().startswith("#"):
        block.append(lines[index].strip())
        index -= 1
    return bool(block) and block[-1].startswith(REASON) and len(block[-1]) > len(REASON) + 2


def test_every_direct_form_page_call_says_why_it_is_not_a_declaration() -> None:
    offending = []
    for path, lineno in _form_page_calls():
        lines = path.read_text(encoding="utf-8").splitlines()
        if not _says_why_above(lines, lineno):
            offending.append(f"{path.relative_to(PACKAGE)}:{lineno}")
    assert not offending, (
        f"Declare these pages with core.pages.form_view or create_view, or say why not in a "
        f"comment on the line above the call, starting {REASON!r}: {offending}"
    )


def test_direct_form_page_calls_only_go_down() -> None:
    calls = _form_page_calls()
    assert len(calls) <= FORM_PAGE_CALLERS_MAX, (
        f"{len(calls)} direct form_page calls (at most {FORM_PAGE_CALLERS_MAX}): declare the "
        "new page with core.pages.form_view or create_view instead."
    )
    assert len(calls) >= 1  # a glob that found nothing would make the cap vacuous


def test_the_reason_check_needs_a_reason_right_above_the_call() -> None:
    lines = [
        "def view(request):",
        "    # A function, not a declaration: its address names two records.",
        "    return form_page(request)",
        "def other(request):",
        "    # Not a form_view: something.",
        "    return form_page(request)",
        "def bare(request):",
        "    # A function, not a declaration:",
        "    return form_page(request)",
    ]
    assert _says_why_above(lines, 3)
    assert not _says_why_above(lines, 6)
    assert not _says_why_above(lines, 9)


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
