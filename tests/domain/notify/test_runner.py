"""Scheduled work: one run per period across workers (the lease), a dead worker's lease taken
over once it runs out, a failing job tried again, and the loop that keeps going through database
errors, one per process."""
from __future__ import annotations

import itertools
import threading
from datetime import timedelta

from hoffice_app.domain import notify
from tests.domain.notify.helpers import point_at, queue
from tests.test_fork_safety import in_child

WAIT = 30  # seconds: generous for a loaded machine


def recording_schedule(every=timedelta(minutes=1)):
    runs: list = []
    schedule = notify.Schedule()
    schedule.register("reminders", every=every, job=lambda _engine, at: runs.append(at))
    return schedule, runs


def test_two_workers_run_a_job_once_per_minute(engine, now):
    schedule, runs = recording_schedule()
    assert notify.run_due(engine, now=now, holder="A", schedule=schedule) == ["reminders"]
    assert notify.run_due(engine, now=now + timedelta(seconds=10), holder="B", schedule=schedule) == []
    assert notify.run_due(engine, now=now + timedelta(seconds=59), holder="A", schedule=schedule) == []
    assert notify.run_due(engine, now=now + timedelta(minutes=1), holder="B", schedule=schedule) == ["reminders"]
    assert runs == [now, now + timedelta(minutes=1)]


def test_while_one_worker_runs_a_job_another_does_not_start_it(engine, now):
    started, go, runs = threading.Event(), threading.Event(), []

    def slow(_engine, at):
        started.set()
        go.wait(WAIT)
        runs.append(at)
    schedule = notify.Schedule()
    schedule.register("escalations", job=slow)
    first = threading.Thread(target=notify.run_due, args=(engine,),
                             kwargs={"now": now, "holder": "A", "schedule": schedule})
    first.start()
    assert started.wait(WAIT)
    assert notify.run_due(engine, now=now + timedelta(minutes=5), holder="B", schedule=schedule) == []
    go.set()
    first.join(WAIT)
    assert runs == [now]


def test_a_dead_workers_lease_is_taken_over_once_it_runs_out(engine, now):
    lease = timedelta(minutes=10)
    assert notify.take_lease(engine, "reminders", holder="A", now=now, lease=lease)  # and A dies
    schedule, runs = recording_schedule()
    assert notify.run_due(engine, now=now + timedelta(minutes=9), holder="B", schedule=schedule) == []
    assert notify.run_due(engine, now=now + lease, holder="B", schedule=schedule) == ["reminders"]
    assert not notify.take_lease(engine, "reminders", holder="A", now=now + lease, lease=lease,
                                 every=timedelta(minutes=1))  # B has just run it


def test_a_failing_job_is_tried_again_and_does_not_stop_the_others(engine, now):
    calls = itertools.count()
    runs = []

    def flaky(_engine, _at):
        if next(calls) == 0:
            raise RuntimeError("the database went away")
    schedule = notify.Schedule()
    schedule.register("flaky", job=flaky)
    schedule.register("steady", job=lambda _engine, at: runs.append(at))
    assert notify.run_due(engine, now=now, holder="A", schedule=schedule) == ["steady"]
    assert notify.run_due(engine, now=now + timedelta(seconds=5), holder="B", schedule=schedule) == ["flaky"]


def test_the_loop_keeps_going_through_database_errors_and_sends_the_outbox(engine, session, admin, now,
                                                                          smtp_server):
    point_at(session, admin, now, smtp_server)
    queue(session, now, "k")
    calls, ran = itertools.count(), threading.Event()

    def engine_factory():
        if next(calls) < 2:  # the first dispatch and the first run of the jobs
            raise RuntimeError("could not connect to the database")
        return engine
    schedule = notify.Schedule()
    schedule.register("tick", job=lambda _engine, _at: ran.set())
    stop = threading.Event()
    loop = threading.Thread(target=notify.serve_forever, args=(stop, engine_factory),
                            kwargs={"schedule": schedule, "dispatch_every": 0.01, "run_every": 0.01,
                                    "clock": lambda: now})
    loop.start()
    try:
        assert ran.wait(WAIT) and smtp_server.wait_for(1, WAIT)
    finally:
        stop.set()
        loop.join(WAIT)
    assert not loop.is_alive()


def test_one_loop_per_process_and_a_forked_child_starts_its_own(engine):
    """The parent's loop waits for its engine meanwhile: a fork while a thread is inside SQLite
    would copy SQLite's locks held (why the loop starts after the fork, in each worker)."""
    gate = threading.Event()

    def parent_engine():
        gate.wait(WAIT)
        return engine
    first = notify.start_in_this_process(parent_engine)
    try:
        assert notify.start_in_this_process(parent_engine) is first and first.is_alive()

        def check():  # in the child, ``first`` is the copy of the parent's thread object: no thread runs it
            child = notify.start_in_this_process(lambda: engine)
            if child is first or first.is_alive() or not child.is_alive():
                return "the child has no loop of its own"
            notify.stop_in_this_process()
            return "the child's loop did not stop" if child.is_alive() else ""
        assert in_child(check) == "ok"
    finally:
        gate.set()
        notify.stop_in_this_process()
    assert not first.is_alive()
