"""Shared helpers for the book's notebooks and labs.

One concept per module: :mod:`utils.seeding`, :mod:`utils.datasets`,
:mod:`utils.checks`, :mod:`utils.plotting`, :mod:`utils.grading`; information theory in
:mod:`utils.information` and :mod:`utils.coding`; optimization in :mod:`utils.autodiff`,
:mod:`utils.forward_mode` and :mod:`utils.optimizers`; training loops' plumbing in
:mod:`utils.training`; text in :mod:`utils.text` (an offline corpus) and :mod:`utils.ngram`;
reinforcement learning in :mod:`utils.bandits`, :mod:`utils.gridworld`, :mod:`utils.dp` and :mod:`utils.tabular`.
Nothing here touches the network.
"""

__version__ = "0.1.0"
