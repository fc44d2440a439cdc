"""How long the lead form takes to open with every drop-down ready, in a real
browser against the production build (targets: ≤ 1 s; at 100,000 leads with 10
custom fields each, the form with 20 custom fields ≤ 1 s).

    .venv/bin/python benchmarks/lead_form_browser.py [--runs 15]
    .venv/bin/python benchmarks/lead_form_browser.py --custom 20 [--leads 100000] [--runs 15]

Starts the same server the e2e tests use (fresh database with the demo data),
logs in as the administrator, then opens /leads/new repeatedly: the clock runs
from navigation until the form's on_load has filled the drop-downs (the
"Created by" choice shows the logged-in employee, set in the same handler that
loads every option list). 2 warm-ups, then --runs timed; p50, p95, max.

With ``--custom 20`` the database is filled before the server starts: 5,000
contacts and --leads leads in all (benchmarks/_contacts_data.py,
benchmarks/_leads_data.py), twenty active lead custom fields of all fourteen
types spread over the form's sections, three required, and every lead's values
for ten of them (benchmarks/_custom_data.py, ~11.5 value rows a lead); the lead
in the middle gets values for all twenty through the real write_values. Two
things are timed, each 2 warm-ups + --runs:
- new: /leads/new until the drop-downs are filled (as above) and the form's
  last custom field ("Lead channel", in More details) is visible and enabled;
- edit: /leads/<code>/edit of the lead with twenty values until its last custom
  field shows the stored value.
Each run starts on the dashboard once its on_load has answered (at 100,000 leads
it keeps the backend worker busy ~120 ms, which a run started at once would
count against the form); --no-settle starts at once, as the plain run does. A
run ends when one check in the page finds both this visit's on_load ended and
the fields as described (four Playwright checks in a row would add a round trip
each).
Once, untimed, the script checks that the form shows twenty custom fields and
the edited lead's stored values in them. Prints a table, then one JSON line.
A smoke run: --leads 2000 --runs 3.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import expect, sync_playwright  # noqa: E402
from sqlmodel import func, select  # noqa: E402

from benchmarks._custom_data import fill_every_field, leads_with_values  # noqa: E402
from hoffice_app.db import make_engine, set_engine, unit_of_work  # noqa: E402
from hoffice_app.models import Lead, LeadCustomValue  # noqa: E402
from tests.e2e.conftest import CHROMIUM_ARGS  # noqa: E402
from tests.e2e.server import DEMO_PASSWORD, Server  # noqa: E402

CONTACTS = 5000
LAST = "cf_lead_channel"  # the form's last custom field (benchmarks/_custom_data.py adds it last, in More details)
FIELDS = 20  # what benchmarks/_custom_data.py makes


def prepare(server: Server, leads: int) -> tuple[str, dict, dict]:
    """Migrate, seed the demo data, then the contacts, leads, fields and values; returns the
    code of the lead with every value, its values as the form holds them, and counts."""
    server.cli("db", "upgrade")
    server.cli("seed", "demo")
    engine = make_engine(server.database_url)
    set_engine(engine)
    try:
        leads_with_values(engine, contacts=CONTACTS, leads=leads, form=True)
        with unit_of_work() as s:
            total = s.exec(select(func.count()).select_from(Lead)).one()
            code = s.exec(select(Lead.code).order_by(Lead.id).offset(total // 2).limit(1)).one()
        stored = fill_every_field(code)
        with unit_of_work() as s:
            rows = s.exec(select(func.count()).select_from(LeadCustomValue)).one()
    finally:
        engine.dispose()
        set_engine(None)
    return code, stored, {"leads": total, "value_rows": rows}


def _login(page) -> None:
    page.goto("/login")
    page.get_by_label("Email or employee code").fill("E01")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="User menu")).to_be_visible()


# Marks when the page's on_load chain has ended (Reflex's last delta of it sets is_hydrated) and
# when the last websocket frame came, so a run can start once the home page has done its work.
WATCH_FRAMES = """(() => {
  const Native = window.WebSocket;
  window.__loaded = false;
  window.__lastFrame = performance.now();
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    ws.addEventListener('message', e => {
      window.__lastFrame = performance.now();
      if (String(e.data).includes('"is_hydrated_rx_state_":true')) window.__loaded = true;
    });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();"""
SETTLED = "() => window.__loaded && performance.now() - window.__lastFrame > 300"


def _time(page, url: str, ready, runs: int, *, settle: bool = False) -> list[float]:
    """Milliseconds from navigation to ``ready(page)`` returning, ``runs`` times after two
    warm-ups, each opening from the home page. With ``settle`` (and WATCH_FRAMES in the page)
    the clock starts once the dashboard's on_load and its background check have answered:
    at 100,000 leads they take the single backend worker ~120 ms, which belong to the
    dashboard, not to the form."""
    timings = []
    for n in range(runs + 2):
        page.goto("/")
        expect(page.get_by_role("button", name="User menu")).to_be_visible()
        if settle:
            page.wait_for_function(SETTLED, polling=50, timeout=15_000)
        start = time.perf_counter()
        page.goto(url)
        ready(page)
        elapsed = (time.perf_counter() - start) * 1000
        if n >= 2:  # two warm-ups
            timings.append(elapsed)
    return timings


def _stats(timings: list[float]) -> dict:
    timings = sorted(timings)
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    return {"runs": len(timings), "p50_ms": round(statistics.median(timings)), "p95_ms": round(p95),
            "max_ms": round(timings[-1])}


def _drop_downs_filled(page) -> None:
    expect(page.get_by_label("Created by")).to_contain_text("Asha Patel", timeout=10_000)
    expect(page.get_by_label("Product category")).to_be_enabled()


def _control(page, key: str):
    return page.locator(f'[data-custom-field="{key}"]').locator("input, select, textarea").first


def _new_ready(page) -> None:
    _drop_downs_filled(page)
    last = _control(page, LAST)
    expect(last).to_be_visible(timeout=10_000)
    expect(last).to_be_enabled()


# The same conditions as _new_ready and the edit form's check, tested in the page at each
# animation frame: one round trip to the browser instead of four, each of which costs tens of
# milliseconds on a loaded machine and belongs to the instrument, not to the form. They hold only
# once this visit's on_load has ended (WATCH_FRAMES): the state snapshot sent on connecting
# still carries the previous visit's form, the same lead's values on the edit form.
READY_JS = """([last, value]) => {
  if (!window.__loaded) return false;
  const shown = el => { const r = el.getBoundingClientRect();
                        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const enabled = el => !el.disabled && el.getAttribute('aria-disabled') !== 'true';
  const box = document.querySelector(`[data-custom-field="${last}"]`);
  const control = box && box.querySelector('input, select, textarea');
  if (value !== null) return !!control && control.value === value;
  const creator = document.getElementById('lead-created_by_id');
  const category = document.getElementById('lead-product_category_id');
  return !!(creator && creator.textContent.includes('Asha Patel') && category && enabled(category)
            && control && shown(control) && enabled(control));
}"""


def _ready_in_page(value: str | None):
    """new (``value`` None): drop-downs filled, last custom field visible and enabled; edit: the
    last custom field shows ``value``."""
    return lambda page: page.wait_for_function(READY_JS, arg=[LAST, value], timeout=10_000)


def _check_form(page, code: str, stored: dict) -> None:
    """Untimed: the form carries the twenty fields, "Lead channel" last, and the edited lead's
    values show in them (a multi select's boxes aside)."""
    page.goto("/leads/new")
    _ready_in_page(None)(page)
    _new_ready(page)  # what the page-side check tests, as Playwright sees it
    fields = page.locator("[data-custom-field]")
    expect(fields).to_have_count(FIELDS)
    assert fields.last.get_attribute("data-custom-field") == LAST, "the last custom field moved"
    page.goto(f"/leads/{code}/edit")
    _ready_in_page(stored[LAST])(page)
    for key, value in stored.items():
        if isinstance(value, str):
            expect(_control(page, key)).to_have_value(value, timeout=10_000)
    assert len(stored) == FIELDS and all(stored.values()), f"{code} lacks values: {stored}"


def run_custom(args) -> None:
    load0 = round(os.getloadavg()[0], 2)
    server = Server(Path(tempfile.mkdtemp()), seed=False)
    code, stored, counts = prepare(server, args.leads)
    server.start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("HOFFICE_CHROMIUM", "/usr/bin/chromium"),
                                        args=CHROMIUM_ARGS)
            page = browser.new_page(base_url=server.url)
            page.add_init_script(WATCH_FRAMES)
            _login(page)
            _check_form(page, code, stored)
            settle = not args.no_settle
            new = _stats(_time(page, "/leads/new", _ready_in_page(None), args.runs, settle=settle))
            edit = _stats(_time(page, f"/leads/{code}/edit", _ready_in_page(stored[LAST]), args.runs, settle=settle))
            browser.close()
        errors = server.new_errors()
    finally:
        server.stop()
    load1 = round(os.getloadavg()[0], 2)
    start = "as soon as the dashboard shows" if args.no_settle else "once the dashboard's on_load has answered"
    print(f"\n{counts['leads']:,} leads, {counts['value_rows']:,} custom value rows, {FIELDS} lead custom fields; "
          f"{args.runs} runs after 2 warm-ups, each started {start}; ms from navigation (target ≤ 1000 ms)")
    print(f"{'form':<44} {'p50':>6} {'p95':>6} {'max':>6}")
    for label, r in (("new (/leads/new), last custom field enabled", new),
                     (f"edit (/leads/{code}/edit), its stored value", edit)):
        print(f"{label:<44} {r['p50_ms']:>6} {r['p95_ms']:>6} {r['max_ms']:>6}")
    met = max(new["p95_ms"], edit["p95_ms"]) <= 1000
    print(f"target (p95 ≤ 1000 ms, both): {'met' if met else 'MISSED'}; load average (1 min) {load0} at the start, "
          f"{load1} at the end on {os.cpu_count()} CPUs; server errors: {len(errors)}")
    for line in errors[:5]:
        print("  ", line)
    print(json.dumps({"benchmark": "lead_form_browser", "custom_fields": FIELDS, **counts, "edited": code,
                      "settled": not args.no_settle, "new": new, "edit": edit, "target_met": met,
                      "server_errors": len(errors), "loadavg_start_end": [load0, load1], "cpus": os.cpu_count(),
                      "machine": platform.platform(), "python": platform.python_version()}))


def run_plain(args) -> None:
    server = Server(Path(tempfile.mkdtemp()))
    server.start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("HOFFICE_CHROMIUM", "/usr/bin/chromium"),
                                        args=CHROMIUM_ARGS)
            page = browser.new_page(base_url=server.url)
            _login(page)
            timings = _time(page, "/leads/new", _drop_downs_filled, args.runs)
            browser.close()
    finally:
        server.stop()
    result = {"benchmark": "lead_form_browser", **_stats(timings), "cpus": os.cpu_count(),
              "machine": platform.platform()}
    print(f"lead form ready: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms "
          f"over {len(timings)} runs (target ≤ 1000 ms)")
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--custom", type=int, choices=[FIELDS], help="lead custom fields on the form (twenty: "
                        "the set benchmarks/_custom_data.py makes)")
    parser.add_argument("--leads", type=int, help="with --custom: leads in the database (default 100,000)")
    parser.add_argument("--no-settle", action="store_true", help="with --custom: start each run as soon as the "
                        "dashboard shows, while its on_load may still run (as without --custom)")
    args = parser.parse_args()
    if (args.leads is not None or args.no_settle) and not args.custom:
        parser.error("--leads and --no-settle go with --custom")
    if args.custom:
        args.leads = args.leads or 100_000
        run_custom(args)
    else:
        run_plain(args)


if __name__ == "__main__":
    main()
