"""Announce / listen on the test's engine (SQLite: the announcement table read by a poll;
PostgreSQL: NOTIFY and LISTEN). Two listeners stand for two server processes: news
committed by anyone reaches both; news of a rolled-back change reaches neither."""
from __future__ import annotations

import queue

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from hoffice_app.domain import live
from hoffice_app.domain.funnel import move_lead
from hoffice_app.models import FunnelStage
from tests.databases import ON_POSTGRES
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead  # noqa: F401

WAIT = 10  # seconds: generous for a loaded machine; news normally arrives within the poll interval


@pytest.fixture
def listeners(engine):
    started = []

    def start(topic: str = live.FUNNEL) -> queue.Queue:
        got, listener = queue.Queue(), live.Listener(engine)
        listener.subscribe(topic, got.put)
        assert listener.wait_ready(WAIT)
        started.append(listener)
        return got
    yield start
    for listener in started:
        listener.stop()


def test_committed_news_reaches_every_process_and_rolled_back_news_none(engine, listeners):
    first, second = listeners(), listeners()
    with Session(engine) as s:
        live.announce(s, live.News(live.FUNNEL, 7, {"lead": 1}))
        s.rollback()
    with Session(engine) as s:
        live.announce(s, live.News(live.FUNNEL, 8, {"lead": 2}))
        s.commit()
    # News arrives in commit order, so had the rolled-back news been sent it would come first.
    for got in (first, second):
        assert got.get(timeout=WAIT) == live.News(live.FUNNEL, 8, {"lead": 2})


def test_a_listener_hands_news_only_to_its_topic(engine, listeners):
    funnel, sessions = listeners(live.FUNNEL), listeners(live.SESSIONS)
    with Session(engine) as s:
        live.announce(s, live.News(live.SESSIONS, 3))
        live.announce(s, live.News(live.FUNNEL, 1, {"n": 1}))
        s.commit()
    assert funnel.get(timeout=WAIT) == live.News(live.FUNNEL, 1, {"n": 1})
    assert sessions.get(timeout=WAIT) == live.News(live.SESSIONS, 3)
    assert funnel.empty() and sessions.empty()


def test_a_move_announces_the_card_and_what_viewers_need_to_place_it(engine, demo, listeners, now):
    with Session(engine) as s:
        lead = new_lead(s, now, "Rooftop solar", assigned_to="E03", followers=("E04",), value="1500")
        target = s.exec(select(FunnelStage).where(FunnelStage.name == "Contacted")).one()
        s.commit()
        got = listeners()
        start_stage = lead.stage_id
        move_lead(s, actor(s, "E02"), lead.id, target.id, expected_version=lead.version, now=now)
        s.commit()
        news = got.get(timeout=WAIT)
        while news.data is None:  # the lead's creation announced a refresh first (committed before we listened)
            news = got.get(timeout=WAIT)
        assert news.key == lead.funnel_id
        data = news.data
        assert (data["lead"], data["from"], data["to"], data["version"]) == (lead.id, start_stage, target.id,
                                                                             lead.version)
        assert data["value"] == "1500.00" and data["card"]["title"] == "Rooftop solar"
        assert data["card"]["days_in_stage"] == 0 and not data["private"]
        assert data["followers"] == [demo_id(s, "E04")] and data["assigned"] == demo_id(s, "E03")


def test_news_of_ended_sessions_names_the_employee(engine, demo, listeners, now):
    from hoffice_app.domain.auth import revoke_all_sessions
    from hoffice_app.models import AuthSession

    got = listeners(live.SESSIONS)
    with Session(engine) as s:
        e04 = demo_id(s, "E04")
        s.add(AuthSession(token_hash="x" * 64, employee_id=e04, created_at=now, last_seen_at=now, client_ip=""))
        s.commit()
        revoke_all_sessions(s, e04, now=now)
        s.commit()
    assert got.get(timeout=WAIT) == live.News(live.SESSIONS, e04)


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only: SQLite's listener reads a table, no connection to lose")
def test_a_listener_that_lost_its_connection_listens_again_and_says_look_again(engine, listeners):
    got = listeners()
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE application_name = 'hoffice-live' AND datname = current_database()"))
        conn.commit()
    assert got.get(timeout=WAIT) == live.News(live.FUNNEL, None)  # missed news, if any: look again
    with Session(engine) as s:
        live.announce(s, live.News(live.FUNNEL, 5, {"after": True}))
        s.commit()
    assert got.get(timeout=WAIT) == live.News(live.FUNNEL, 5, {"after": True})


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only: its NOTIFY payload is limited; SQLite rows are not")
def test_news_too_big_for_notify_travels_as_look_again(engine, listeners):
    got = listeners()
    with Session(engine) as s:
        live.announce(s, live.News(live.FUNNEL, 9, {"blob": "x" * 9000}))
        s.commit()
    assert got.get(timeout=WAIT) == live.News(live.FUNNEL, 9)


def demo_id(session, code: str) -> int:
    return actor(session, code).id
