import datetime as dt

import pytest

from randwijzer.deadlines import services

IMPULS = "impulssubsidie-vlaamse-rand"
FEEST = "subsidie-feest-vlaamse-gemeenschap"
SAMENLEVEN = "plan-samenleven"

# A day on which the horizons differ: nothing in 7 days, 1 February in 30, the feest line's
# lead-time deadlines (20 March, 20 April) in 90.
TODAY = dt.date(2027, 1, 20)


@pytest.fixture
def today(monkeypatch):
    """Fix the reference date of pages, API defaults and feeds."""
    monkeypatch.setattr(services, "today", lambda: TODAY)
    return TODAY
