"""Running work in forked processes, one per core: language builds and the checks of the built site.

Forked, so each process starts with this one's imports and everything it has read, the work and
its arguments included (they are handed over through this module, not pickled: a project holds
its MkDocs configuration); results travel back pickled. One piece of work runs here, in this process.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.synchronize import Semaphore
from typing import Any, TypeVar

Result = TypeVar("Result")


def cores() -> int:
    """The cores this process may use (a container's limit, not the machine's)."""
    return len(os.sched_getaffinity(0))


def in_processes(
    work: Callable[..., Result],
    arguments: Sequence[tuple[Any, ...]],
    meanwhile: Callable[[], None] | None = None,
    processes: int | None = None,
) -> list[Result]:
    """`work(*each)` for each tuple of `arguments`, in order, in `processes` processes (default: one
    each, all at once); `meanwhile` runs in this process while they work, once every process has
    taken its first piece of work (handing work over needs this process's helper threads, which a
    busy `meanwhile` would keep waiting)."""
    processes = min(processes or len(arguments), len(arguments))
    if processes <= 1:
        if meanwhile is not None:
            meanwhile()
        return [work(*each) for each in arguments]
    token = next(_tokens)
    context = multiprocessing.get_context("fork")
    started = context.Semaphore(0)
    _handed_over[token] = (work, arguments, started)  # the pool's processes are forked below, on submit
    gc.freeze()  # what exists now stays shared: no collection in a child writes (copies) its pages
    try:
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            try:
                futures = [pool.submit(_run_handed_over, token, index) for index in range(len(arguments))]
                taken = 0  # until each process has its work (or a piece of work has ended, a broken pool too)
                while taken < processes and not any(future.done() for future in futures):
                    taken += started.acquire(timeout=0.1)
                if meanwhile is not None:
                    meanwhile()
                return [future.result() for future in futures]
            except BaseException:  # Ctrl-C, SIGTERM or an error here: the work stops with this process
                for child in multiprocessing.active_children():
                    child.terminate()
                raise
    finally:
        del _handed_over[token]
        gc.unfreeze()


_handed_over: dict[int, tuple[Callable[..., Any], Sequence[tuple[Any, ...]], Semaphore]] = {}
_tokens = itertools.count()


def _run_handed_over(token: int, index: int) -> Any:
    work, arguments, started = _handed_over[token]  # forked after it was handed over
    started.release()
    return work(*arguments[index])


def call(work: Callable[..., Result], arguments: tuple[Any, ...]) -> Result:
    """`work(*arguments)`: lets in_processes run different work in each process."""
    return work(*arguments)


def split_evenly(items: Sequence[str], weight: Callable[[str], float], parts: int) -> list[list[str]]:
    """`items` in at most `parts` groups of about equal total weight (heaviest first, each to the
    lightest group so far); no group is empty."""
    groups: list[list[str]] = [[] for _ in range(max(1, min(parts, len(items))))]
    totals = [0.0] * len(groups)
    for item in sorted(items, key=lambda item: -weight(item)):
        lightest = totals.index(min(totals))
        groups[lightest].append(item)
        totals[lightest] += weight(item)
    return [group for group in groups if group]
