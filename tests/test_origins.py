"""Which origins may use the employee's cookie: the configured ones, else the app's own URLs;
never "*" (Reflex's default, which let a page on another port read every download)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hoffice_app.origins import ENV, allowed_origins, origin_of

ROOT = Path(__file__).resolve().parents[1]


def test_by_default_the_apps_own_urls_and_their_loopback_twin():
    assert allowed_origins(("http://localhost:3000", "http://localhost:3000/", None), environ={}) == (
        "http://localhost:3000", "http://127.0.0.1:3000")


def test_the_setting_replaces_the_default():
    environ = {ENV: " https://crm.example.com/ ,https://CRM.example.com:443,http://10.0.0.5:3000"}
    assert allowed_origins(("http://localhost:3000",), environ=environ) == (
        "https://crm.example.com", "http://10.0.0.5:3000")


@pytest.mark.parametrize("bad", ["*", "crm.example.com", "ftp://x.example.com", "null"])
def test_anything_but_an_origin_is_refused(bad):
    with pytest.raises(ValueError):
        allowed_origins((), environ={ENV: bad})


def test_origin_of_drops_paths_and_default_ports():
    assert origin_of("https://crm.example.com:443/login?x=1") == "https://crm.example.com"
    assert origin_of("http://[::1]:3000") == "http://[::1]:3000"


def _reflex_origins(**env) -> str:
    """cors_allowed_origins as rxconfig.py leaves them, in a fresh interpreter (as `reflex run` does)."""
    code = "import rxconfig; print(','.join(rxconfig.config.cors_allowed_origins))"
    environ = {k: v for k, v in os.environ.items() if k != ENV and not k.startswith("REFLEX_")} | env
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def test_reflex_gets_the_list_not_a_wildcard():
    assert _reflex_origins(REFLEX_FRONTEND_PORT="4455", REFLEX_BACKEND_PORT="4455") == (
        "http://localhost:4455,http://127.0.0.1:4455")
    assert _reflex_origins(**{ENV: "https://crm.example.com"}) == "https://crm.example.com"
