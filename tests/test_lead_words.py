"""Every "lead" a page shows goes through the company's word for it (components/terms.say,
AuthState.say, or a helper that says its text): a page string with a lead word written
straight into a component fails here, naming the file and line."""
import ast
import pathlib
import re

ROOTS = ("hoffice_app/pages", "hoffice_app/components")
LEAD = re.compile(r"\blead(s)?\b", re.I)
# Calls whose text arguments are said (they call ``say`` themselves).
SAYING = {"say", "labelled", "text_field", "select_field", "choice", "_choice", "check_group", "_checks", "_scope",
          "filter_choice", "choose", "table_section", "empty_state", "chart_section", "num_cell", "number_link",
          "page_shell", "_breakdown", "text", "field", "_text"}
# Written with "lead" on purpose, each said where it is shown.
KNOWN = {
    ("login.py", "Leads & Contacts"),  # the product's name, before anyone (and the company's word) is known
    ("follow_ups_tab.py", "Unattended leads"), ("follow_ups_tab.py", "Leads assigned"),  # table_section headers
    ("leads_tab.py", "By lead type"), ("leads_tab.py", "Lead type"),  # table_section via _breakdown
    ("detail_view.py", "Lead type"),  # a key of the detail's info, said by _value
    ("detail_stage.py", "Choose why the lead was lost."),  # a field's message, said by the state
    ("form_funnel.py", "lead type"), ("form_funnel.py", "The default funnel for this lead type."),  # a hint's key; said
    ("funnel_defaults.py", "By lead type"),  # a caption, said by _table
}


def _name(func) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _reflex_own(func) -> bool:
    """``rx.text(...)`` shows its text as written; only our helpers of the same name say it."""
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "rx"


def _unsaid(path: pathlib.Path) -> list[str]:
    tree = ast.parse(path.read_text())
    said = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body \
                and isinstance(node.body[0], ast.Expr):
            said.add(id(node.body[0].value))  # docstrings
        if isinstance(node, ast.Call) and _name(node.func) in SAYING and not _reflex_own(node.func):
            said.update(id(m) for a in [*node.args, *(k.value for k in node.keywords)] for m in ast.walk(a))
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in said:
            continue
        text = node.value
        if not LEAD.search(text) or not re.search(r"[A-Za-z] [A-Za-z]|^Leads?$", text.strip()):
            continue  # an identifier ("lead-upload", "leads") is not read by anyone
        if (path.name, text) not in KNOWN:
            found.append(f"{path}:{node.lineno}: {text!r}")
    return found


def test_page_strings_with_a_lead_word_go_through_say():
    found = [line for root in ROOTS for path in sorted(pathlib.Path(root).rglob("*.py"))
             if path.name != "terms.py" for line in _unsaid(path)]
    assert not found, "say() these (components.terms.say / self.say):\n" + "\n".join(found)
