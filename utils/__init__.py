"""Shared helpers for the book's notebooks and labs.

One concept per module: :mod:`utils.seeding`, :mod:`utils.datasets`,
:mod:`utils.checks`, :mod:`utils.plotting`; information theory in
:mod:`utils.information` and :mod:`utils.coding`; optimization in :mod:`utils.autodiff`,
:mod:`utils.forward_mode` and :mod:`utils.optimizers`; training loops' plumbing in
:mod:`utils.training`; text in :mod:`utils.text` (an offline corpus) and :mod:`utils.ngram`;
generative models' 2-D data and yardsticks in :mod:`utils.toy2d`; reinforcement learning in
:mod:`utils.bandits`, :mod:`utils.gridworld`, :mod:`utils.dp`, :mod:`utils.tabular` and
:mod:`utils.rl_deep`, games in :mod:`utils.games`; the case studies in :mod:`utils.choice_models`,
:mod:`utils.continual` and :mod:`utils.distributed`. Grading: :mod:`utils.grading` (the
command line and the grading session), :mod:`utils.remote` (the channel through which the
grader's tests call a student's code) and :mod:`utils.confine` (the student kernel's sandbox).
Nothing here touches the network.
"""

__version__ = "0.1.0"
