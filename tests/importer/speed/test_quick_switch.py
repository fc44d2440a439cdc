"""The GIL's switch interval is lowered while any import's writer thread runs, and put back
when the last one ends — never left lowered, never raised."""
import sys

import pytest

from hoffice_app.importer.speed import quick_switch


def test_two_imports_at_once_put_the_interval_back_only_when_both_end():
    before = sys.getswitchinterval()
    with quick_switch.quick_switches():
        assert sys.getswitchinterval() == pytest.approx(quick_switch.SWITCH_INTERVAL, abs=2e-6)
        quick_switch.begin()  # a second import's writer
        quick_switch.end()
        assert sys.getswitchinterval() == pytest.approx(quick_switch.SWITCH_INTERVAL, abs=2e-6)
    assert sys.getswitchinterval() == before
    quick_switch.end()  # an extra end changes nothing
    assert sys.getswitchinterval() == before


def test_a_lower_interval_set_by_someone_else_is_kept():
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.0001)
    try:
        with quick_switch.quick_switches():
            assert sys.getswitchinterval() == pytest.approx(0.0001, abs=2e-6)
        assert sys.getswitchinterval() == pytest.approx(0.0001, abs=2e-6)
    finally:
        sys.setswitchinterval(before)
