"""Disclosure control now lives in core (shared by datasets and exploitation): re-exported."""

from __future__ import annotations

from safeguarding.core.disclosure import *  # noqa: F403
from safeguarding.core.disclosure import __all__ as __all__
