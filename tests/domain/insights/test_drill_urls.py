"""A drill-down's link carries exactly what urlencode makes of its parameters, whether a
value needs escaping or not (the plain ones skip urlencode for speed)."""
from urllib.parse import parse_qsl, urlencode

from hoffice_app import routes
from hoffice_app.domain.insights import Drill, from_params


def test_links_are_urlencoded_parameters():
    drills = [Drill("won", "2026-11-01", "2026-11-30", "", "source", "campaign-5"),
              Drill("planned", "2026-11-01", "2026-11-30", "7", "person", "12"),
              Drill("open", by="stage", key="none"),
              Drill("lost", "2026-11-01", "2026-11-30", by="source", key="a b&c=d/é+~_.-"),
              Drill("created", "2026-11-01", "2026-11-30", key="%20#?")]
    for drill in drills:
        base = routes.FOLLOW_UPS if drill.follow_ups else routes.LEADS
        assert drill.url() == base + "?" + urlencode(drill.params())
        assert from_params(dict(parse_qsl(drill.url().partition("?")[2]))) == drill
