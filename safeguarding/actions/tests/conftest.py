"""The actions tests use the root conftest's frozen clock (`frozen`, Monday 2 June 2025) and
its two agencies with a lead each (`agency_a`, `lead_a`, `agency_b`, `lead_b`)."""

from __future__ import annotations

from datetime import date

# The day of the root conftest's FROZEN_AT.
TODAY = date(2025, 6, 2)
