"""Shared helpers for the book's notebooks and labs.

One concept per module: :mod:`utils.seeding`, :mod:`utils.datasets`,
:mod:`utils.checks`, :mod:`utils.plotting`, :mod:`utils.grading`.
Nothing here touches the network.
"""

__version__ = "0.1.0"
