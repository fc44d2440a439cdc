"""How the code is organised, checked: each domain context is a package whose __init__ says what
it owns and exports its public names; nobody borrows another module's _private name; callers
outside a context go through its package; every context and HTTP module imports on its own
(no import cycle that only works in one order)."""
import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "hoffice_app"
DOMAIN = APP / "domain"
CONTEXTS = sorted(p.name for p in DOMAIN.iterdir() if (p / "__init__.py").exists())


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports_from(path: Path):
    """(module, names) of every import of our code: ``from m import a, b`` and ``import m``."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hoffice_app"):
            yield node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("hoffice_app"):
                    yield alias.name, []


def test_domain_is_packages_not_loose_modules():
    loose = [p.name for p in DOMAIN.glob("*.py") if p.name != "__init__.py"]
    assert len(CONTEXTS) >= 5 and len(loose) <= 3, (CONTEXTS, loose)


@pytest.mark.parametrize("context", CONTEXTS)
def test_each_context_says_what_it_owns_and_exports_only_what_it_has(context):
    init = DOMAIN / context / "__init__.py"
    tree = ast.parse(init.read_text())
    assert ast.get_docstring(tree), f"{context}/__init__.py needs a docstring saying what the context owns"
    exported = next(ast.literal_eval(n.value) for n in tree.body
                    if isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in n.targets))
    module = __import__(f"hoffice_app.domain.{context}", fromlist=["*"])
    assert [name for name in exported if not hasattr(module, name)] == []
    assert [name for name in exported if name.startswith("_")] == []


def test_no_module_imports_another_modules_private_name():
    offenders = [f"{path.relative_to(ROOT)}: {module}.{name}"
                 for path in [*APP.rglob("*.py"), *(ROOT / "tests").rglob("*.py")] if ".web" not in path.parts
                 for module, names in _imports_from(path) for name in names
                 if name.startswith("_") and not name.startswith("__")]
    assert offenders == []


def test_callers_outside_a_context_go_through_its_package():
    """`from hoffice_app.domain.leads import search_leads`, never `…domain.leads.search import …`."""
    offenders = []
    for path in [*APP.rglob("*.py"), *(ROOT / "tests").rglob("*.py")]:
        me = _module_of(path) if path.is_relative_to(APP) else ""
        for module, _names in _imports_from(path):
            parts = module.split(".")
            if len(parts) >= 4 and parts[1] == "domain" and parts[2] in CONTEXTS:
                inside = me.startswith(f"hoffice_app.domain.{parts[2]}")
                if not inside:
                    offenders.append(f"{path.relative_to(ROOT)}: {module}")
    assert offenders == []


def test_app_code_outside_the_importer_uses_its_top_level_modules():
    """Pages, HTTP routes and the CLI call jobs / submit / run / uploads (and read views / errors); the
    stages stay inside, except the two sheets served on request (export, template)."""
    allowed = {"hoffice_app.importer", "hoffice_app.importer.sheets"} | {
        f"hoffice_app.importer.{m}" for m in ("jobs", "submit", "run", "uploads", "views", "errors",
                                               "sheets.export", "sheets.template")}
    offenders = [f"{path.relative_to(ROOT)}: {module}" for path in APP.rglob("*.py")
                 if ".web" not in path.parts and not path.is_relative_to(APP / "importer")
                 for module, _names in _imports_from(path)
                 if module.startswith("hoffice_app.importer") and module not in allowed]
    assert offenders == []


@pytest.mark.parametrize("module", [f"hoffice_app.domain.{c}" for c in CONTEXTS]
                         + ["hoffice_app.http.documents", "hoffice_app.http.spreadsheets", "hoffice_app.http.sessions",
                            "hoffice_app.http.insights",
                            "hoffice_app.http", "hoffice_app.http.uploads", "hoffice_app.http.headers",
                            "hoffice_app.origins", "hoffice_app.importer.uploads", "hoffice_app.importer",
                            "hoffice_app.importer.submit", "hoffice_app.backup"])
def test_imports_on_its_own(module):
    """A cycle can hide when another module happens to be imported first: each starts a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
