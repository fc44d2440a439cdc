"""After logging in, /login?next=… sends the user on only to a path of this
site (routes.py ``safe_next``, used by the log-in page and by the HTTP redirect
that sets the session cookie): never to another host, never back to /login.
Pure logic, no browser and no database."""
import pytest

from hoffice_app import routes
from hoffice_app.routes import safe_next


@pytest.mark.parametrize("target", ["/", "/contacts", "/leads/L0007/edit", "/funnel/2?mine=1",
                                    "/settings/segment"])
def test_a_path_of_this_site_is_kept(target):
    assert safe_next(target) == target


@pytest.mark.parametrize("target", ["", "contacts", "//evil.example.com/phish", "https://evil.example.com/",
                                    "javascript:alert(1)", " /contacts",
                                    # browsers read a backslash as a slash: /\\host is //host in a Location
                                    "/\\evil.example.com", "/\\/evil.example.com", "/\t/evil.example.com",
                                    "/contacts\r\nSet-Cookie: x=1"])
def test_anything_else_goes_to_the_dashboard(target):
    assert safe_next(target) == routes.DASHBOARD


@pytest.mark.parametrize("target", [routes.LOGIN, f"{routes.LOGIN}?next=/contacts", f"{routes.LOGIN}/"])
def test_the_login_page_itself_is_never_the_target(target):
    assert safe_next(target) == routes.DASHBOARD
