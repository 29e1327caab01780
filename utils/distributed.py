"""Launching a few local worker processes for ``torch.distributed``, with clean teardown.

The book's distributed-training pages run 2-4 CPU processes on one machine. This
module is the plumbing: a free port, the rendezvous environment variables, one
process per rank, and a launcher that returns the workers' results, or raises
quickly (and leaves nothing running) when a worker fails, hangs or the cell is
interrupted. The algorithms themselves (all-reduce SGD, a parameter server,
Hogwild) are written out in the notebooks.

Processes are started with the ``fork`` start method (Linux, macOS with care):
a worker function defined in a notebook cell runs in the children without being
pickled, and a child starts in milliseconds instead of re-importing torch.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import socket
import time
import traceback
from datetime import timedelta
from typing import Any, Callable

import torch
import torch.distributed as dist

__all__ = ["free_port", "launch", "WorkerError"]


class WorkerError(RuntimeError):
    """A worker process raised or died; the message carries its traceback or exit code."""


def free_port(host: str = "127.0.0.1") -> int:
    """Return a TCP port that was free a moment ago, found by binding port 0.

    The operating system picks an unused port for port 0; we read it and release
    it for the rendezvous server. Two notebooks running at once get different
    ports, so no port number is ever fixed in the book.

    Examples
    --------
    >>> 1024 <= free_port() < 65536
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> None:
    """Linux: ask the kernel to kill this process if its parent (the notebook's kernel) dies."""
    try:
        import ctypes
        import signal
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):                                      # not Linux: skip
        pass


def _child(worker: Callable[..., Any], rank: int, world_size: int, args: tuple,
           backend: str | None, timeout: float, results: Any) -> None:
    """Body of one worker process: join the group, run ``worker``, report, leave the group."""
    _die_with_parent()
    torch.set_num_threads(1)
    try:
        if backend is not None:
            dist.init_process_group(backend, rank=rank, world_size=world_size,
                                    timeout=timedelta(seconds=timeout))
        # plain pickle copies tensors into the message; the queue's own pickler would pass
        # a file descriptor that dies with this process
        results.put((rank, True, pickle.dumps(worker(rank, world_size, *args))))
    except BaseException:                                   # noqa: BLE001: report everything
        # reported before leaving the group (the finally below): leaving makes the peers fail
        # too, and the launcher should see the original error first
        results.put((rank, False, traceback.format_exc()))
        raise SystemExit(1)
    finally:
        if backend is not None and dist.is_initialized():
            dist.destroy_process_group()


def _stop(procs: list) -> None:
    """Terminate every process still alive (SIGTERM, then SIGKILL) and reap them all."""
    for p in procs:
        if p.is_alive():
            p.terminate()
    deadline = time.monotonic() + 2.0
    for p in procs:
        p.join(max(0.0, deadline - time.monotonic()))
        if p.is_alive():
            p.kill()
            p.join(1.0)


def launch(worker: Callable[..., Any], world_size: int, args: tuple = (),
           backend: str | None = "gloo", timeout: float = 30.0,
           host: str = "127.0.0.1") -> list:
    """Run ``worker(rank, world_size, *args)`` in ``world_size`` processes; return their results.

    Each process gets ``MASTER_ADDR``/``MASTER_PORT`` (a fresh free port),
    ``RANK``/``WORLD_SIZE``, one torch thread, and (unless ``backend`` is None) an
    initialised default process group that is destroyed when ``worker`` returns.

    Parameters
    ----------
    worker : callable
        ``worker(rank, world_size, *args)``; its return value must be picklable
        (send tensors back as small CPU tensors or numbers).
    world_size : int
        Number of processes, 1 to about 8 on a laptop.
    args : tuple
        Extra arguments, inherited by the forked children (not pickled), so
        shared-memory tensors (``share_memory_()``) are shared.
    backend : str or None
        ``"gloo"`` for CPU collectives and send/recv; None for plain processes
        (Hogwild on shared memory needs no process group).
    timeout : float
        Seconds for the whole run; on expiry every worker is killed and
        ``TimeoutError`` is raised. Also the process group's own timeout.
    host : str
        Rendezvous address; 127.0.0.1 keeps everything on this machine.

    Returns
    -------
    list
        ``results[rank]`` is what rank ``rank``'s worker returned.

    Raises
    ------
    WorkerError
        As soon as one worker raises or exits abnormally (with its traceback);
        the others are terminated first.
    TimeoutError
        If the workers have not all finished after ``timeout`` seconds.
    """
    if world_size < 1:
        raise ValueError(f"world_size must be >= 1, got {world_size}")
    for attempt in range(3):
        try:
            return _launch_once(worker, world_size, args, backend, timeout, host)
        except WorkerError as err:
            # the free port was taken by someone else between our check and rank 0's bind
            # (rare: another notebook starting at the same moment); the workers never ran
            if "address already in use" not in str(err).lower() or attempt == 2:
                raise
    raise AssertionError("unreachable")


def _launch_once(worker: Callable[..., Any], world_size: int, args: tuple, backend: str | None,
                 timeout: float, host: str) -> list:
    """One attempt of ``launch`` with a fresh port."""
    ctx = mp.get_context("fork")
    results = ctx.SimpleQueue()
    env = {"MASTER_ADDR": host, "MASTER_PORT": str(free_port(host)), "WORLD_SIZE": str(world_size),
           "GLOO_SOCKET_IFNAME": os.environ.get("GLOO_SOCKET_IFNAME", "lo")}
    saved = {k: os.environ.get(k) for k in [*env, "RANK"]}
    procs: list = []
    try:                                                      # whatever happens, stop them all
        try:
            os.environ.update(env)                            # the children inherit it at fork
            for rank in range(world_size):
                os.environ["RANK"] = str(rank)
                p = ctx.Process(target=_child, args=(worker, rank, world_size, args, backend,
                                                     timeout, results), daemon=True)
                p.start()
                procs.append(p)
        finally:
            for k, v in saved.items():                        # the parent's environment unchanged
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        return _collect(procs, results, world_size, timeout)
    finally:
        _stop(procs)                                          # also on KeyboardInterrupt


def _collect(procs: list, results: Any, world_size: int, timeout: float) -> list:
    """Wait for one result per rank; fail fast on an error report or an abnormal exit."""
    out: dict[int, Any] = {}
    deadline = time.monotonic() + timeout
    while len(out) < world_size:
        while not results.empty():
            rank, ok, value = results.get()
            if not ok:
                time.sleep(0.2)                               # the peers' follow-on errors
                later = []
                while not results.empty():
                    r, o, _ = results.get()
                    if not o:
                        later.append(r)
                also = f" (then worker(s) {later} failed too)" if later else ""
                raise WorkerError(f"worker {rank} of {world_size} failed{also}:\n{value}")
            out[rank] = pickle.loads(value)
        if len(out) == world_size:
            break
        for rank, p in enumerate(procs):
            if rank not in out and p.exitcode is not None and results.empty():
                time.sleep(0.05)                              # its report may still be in the pipe
                if results.empty():
                    raise WorkerError(f"worker {rank} of {world_size} exited with code "
                                      f"{p.exitcode} without a result")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{world_size - len(out)} of {world_size} workers still running "
                               f"after {timeout:.0f} s; all were terminated")
        mp.connection.wait([p.sentinel for p in procs if p.exitcode is None] or [], timeout=0.02)
    return [out[r] for r in range(world_size)]
