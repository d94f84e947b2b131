"""The metrics domain: footprint of every call, indicators, control charts and alerts, dashboards.

Importing the package registers the rollup's dirty-day hook (see :mod:`avec.metrics.rollup`).
"""

from avec.metrics import rollup as _rollup  # noqa: F401  (registers the before_flush hook)
