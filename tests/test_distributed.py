"""Tests for utils.distributed: results come back, failures fail fast and leave nothing running."""

import os
import time

import pytest
import torch
import torch.distributed as dist

from utils.distributed import WorkerError, free_port, launch


def _alive(pid: int) -> bool:
    """True if process ``pid`` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def _sum_ranks(rank, world_size):
    t = torch.tensor([rank + 1.0], dtype=torch.float64)
    dist.all_reduce(t)
    return t.item(), os.getpid()


def _raise_on_rank_1(rank, world_size, pids):
    pids[rank] = os.getpid()
    if rank == 1:
        raise ValueError("deliberate failure")
    dist.all_reduce(torch.ones(1))                     # the other ranks would wait here forever


def _hang(rank, world_size, pids):
    pids[rank] = os.getpid()
    time.sleep(600)


def _exit_hard(rank, world_size):
    os._exit(3)


def test_free_port_is_bindable():
    import socket
    port = free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


def test_all_reduce_results_and_clean_exit():
    out = launch(_sum_ranks, 3, timeout=30)
    assert [v for v, _ in out] == [6.0, 6.0, 6.0]
    assert not any(_alive(pid) for _, pid in out)


def test_environment_restored():
    before = {k: os.environ.get(k) for k in ("MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE")}
    launch(_sum_ranks, 2, timeout=30)
    assert {k: os.environ.get(k) for k in before} == before


@pytest.mark.parametrize("backend", ["gloo", None])
def test_failing_worker_raises_fast_and_leaves_nothing(backend):
    pids = torch.zeros(3, dtype=torch.int64).share_memory_()
    start = time.monotonic()
    worker = _raise_on_rank_1 if backend else _hang
    with pytest.raises((WorkerError, TimeoutError)) as info:
        launch(worker, 3, args=(pids,), backend=backend, timeout=5 if backend is None else 60)
    elapsed = time.monotonic() - start
    if backend:
        assert info.type is WorkerError and "deliberate failure" in str(info.value)
        assert elapsed < 10, f"took {elapsed:.1f} s"
    else:
        assert info.type is TimeoutError and elapsed < 10
    assert all(int(p) > 0 for p in pids)
    assert not any(_alive(int(p)) for p in pids)


def test_hard_exit_is_reported():
    with pytest.raises(WorkerError, match="exited with code 3"):
        launch(_exit_hard, 2, backend=None, timeout=20)


def test_rejects_bad_world_size():
    with pytest.raises(ValueError):
        launch(_sum_ranks, 0)


def _return_tensor(rank, world_size):
    return torch.full((1000,), float(rank), dtype=torch.float64)


def test_tensor_results_survive_the_worker_exiting():
    # tensors must travel by value: a worker that has exited cannot hand over a shared fd
    for _ in range(5):
        out = launch(_return_tensor, 2, backend=None, timeout=20)
        time.sleep(0.05)
        assert [float(t[0]) for t in out] == [0.0, 1.0] and out[1].shape == (1000,)


def test_interrupt_stops_every_worker():
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    pids = torch.zeros(2, dtype=torch.int64).share_memory_()
    old = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 1.0)                 # like pressing "interrupt" after 1 s
    try:
        with pytest.raises(KeyboardInterrupt):
            launch(_hang, 2, args=(pids,), backend="gloo", timeout=60)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert all(int(p) > 0 for p in pids)
    assert not any(_alive(int(p)) for p in pids)


def test_port_taken_meanwhile_is_retried(monkeypatch):
    import socket

    import utils.distributed as ud
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        ports = iter([busy.getsockname()[1]])                # the first "free" port is taken
        real = ud.free_port
        monkeypatch.setattr(ud, "free_port",
                            lambda host="127.0.0.1": next(ports, None) or real(host))
        out = launch(_sum_ranks, 2, timeout=30)
    assert [v for v, _ in out] == [3.0, 3.0]
