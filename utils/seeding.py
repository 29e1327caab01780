"""Seeding every source of randomness the book uses."""

from __future__ import annotations

import os
import random

import numpy as np


def seed_everything(seed: int = 0) -> np.random.Generator:
    """Seed Python's ``random``, NumPy's global state and torch; return a Generator.

    Notebooks call this once at the top. Functions that sample should still take
    an explicit ``rng`` (the returned generator, or one derived from it), so
    that a cell's result does not depend on what ran before it.

    Parameters
    ----------
    seed : int
        A non-negative integer below 2**32.

    Returns
    -------
    numpy.random.Generator
        ``np.random.default_rng(seed)``.

    Examples
    --------
    >>> rng = seed_everything(0)
    >>> float(rng.random()) == float(np.random.default_rng(0).random())
    True
    """
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    if not 0 <= seed < 2**32:
        raise ValueError(f"seed must be in [0, 2**32), got {seed}")
    seed = int(seed)
    random.seed(seed)
    np.random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)  # inherited by subprocesses only
    try:
        import torch
    except ImportError:  # torch is optional for the NumPy-only chapters
        pass
    else:
        torch.manual_seed(seed)
        torch.use_deterministic_algorithms(True, warn_only=True)
    return np.random.default_rng(seed)
