"""axe-core in a test's page: inject the pinned copy bin/_env.sh installs (HOFFICE_AXE_JS) and
report its serious and critical WCAG 2.1 A/AA violations in words a failing test can print."""
from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = Path(os.environ.get("HOFFICE_AXE_JS") or ROOT / ".tools/axe/node_modules/axe-core/axe.min.js")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
# WCAG 2.1's "label in name" (2.5.3): axe tags its rule experimental, so the tags alone leave it out.
EXTRA_RULES = {"label-content-name-mismatch": {"enabled": True}}
TARGETS_SHOWN = 4


def blocking_violations(page: Page, within: str = "") -> list[str]:
    """One line per serious or critical rule broken on the page as it is now (or in the element
    ``within`` selects, e.g. an open dialog, whose page behind is dimmed): rule, impact, how many
    elements and a few of their selectors."""
    if not AXE_JS.exists():
        raise RuntimeError(f"axe-core is missing at {AXE_JS}: source bin/_env.sh requirements-test.txt "
                           "(it installs the pinned copy) or set HOFFICE_AXE_JS")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        """([tags, rules, within]) => axe.run(within ? document.querySelector(within) : document,
                                              {runOnly: {type: 'tag', values: tags}, rules,
                                               resultTypes: ['violations']})
                  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
                                                     targets: v.nodes.map(n => n.target.join(' '))})))""",
        [WCAG_21_AA, EXTRA_RULES, within])
    return [f"{v['id']} ({v['impact']}, {len(v['targets'])}): {', '.join(v['targets'][:TARGETS_SHOWN])}"
            for v in violations if v["impact"] in BLOCKING]
