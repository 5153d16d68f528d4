"""CPU time of one piece of code, for the guards against runaway parsing.

These guards catch a regular expression that backtracks for tens of seconds or a
loop that goes quadratic; they are not performance targets (those are in
`make bench`). Two things outside the code under test must not trip them:

- other processes on a busy machine: so the clock is this thread's CPU time, not
  wall time;
- the garbage collector: late in a full run the test process holds millions of
  objects, and a full collection that happens to start inside the timed call
  cost 2.1 s of this thread's CPU in CI (parse_who_does_what, normally 0.04 s).
  So collection is paused while the clock runs. (Not a full collection before
  each call: on a late test process that costs most of a second, per call.)
"""

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass
class Elapsed:
    seconds: float = 0.0


@contextmanager
def cpu_time() -> Iterator[Elapsed]:
    """Measure this thread's CPU seconds inside the block, without garbage collection."""
    elapsed = Elapsed()
    was_enabled = gc.isenabled()
    gc.disable()
    start = time.thread_time()
    try:
        yield elapsed
    finally:
        elapsed.seconds = time.thread_time() - start
        if was_enabled:
            gc.enable()
