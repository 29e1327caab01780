import random

import numpy as np
import pytest
import torch

from utils.seeding import seed_everything


def test_same_seed_same_streams():
    rng = seed_everything(123)
    a = (random.random(), np.random.rand(), torch.rand(1).item(), rng.random())
    rng = seed_everything(123)
    b = (random.random(), np.random.rand(), torch.rand(1).item(), rng.random())
    assert a == b


def test_different_seeds_differ():
    seed_everything(1)
    a = torch.rand(3)
    seed_everything(2)
    assert not torch.equal(a, torch.rand(3))


def test_returns_default_rng_of_seed():
    assert seed_everything(7).random() == np.random.default_rng(7).random()


@pytest.mark.parametrize("bad, err", [(-1, ValueError), (2**32, ValueError), (1.5, TypeError),
                                      ("3", TypeError), (True, TypeError)])
def test_bad_seed_names_argument(bad, err):
    with pytest.raises(err, match="seed"):
        seed_everything(bad)
