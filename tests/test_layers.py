"""The one architectural rule: models/, domain/, importer/, backup/, db.py, startup.py and deploy.py never
import reflex."""
import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "hoffice_app"
PLAIN = [APP / "models", APP / "domain", APP / "importer", APP / "backup", APP / "db.py", APP / "startup.py",
         APP / "deploy.py"]


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_plain_layers_never_import_reflex():
    files = [p for root in PLAIN if root.exists() for p in ([root] if root.is_file() else root.rglob("*.py"))]
    assert len(files) > 10
    offenders = [str(p.relative_to(APP)) for p in files if "reflex" in _imports(p)]
    assert offenders == []
