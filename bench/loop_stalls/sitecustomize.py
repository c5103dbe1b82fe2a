"""Find where a `dialog serve` loop stalls: put this directory on PYTHONPATH and set LOOP_STALLS.

    LOOP_STALLS=/tmp/stalls.txt PYTHONPATH=$PWD:$PWD/bench/loop_stalls \\
        python bench/bench_town_hall.py --phones 1000

Only the `dialog serve` process records (the load processes and the analysis child do not).
Every greenlet switch is timed; a greenlet other than the hub that ran 40 ms or more before
switching is written as a ``SWITCH`` line with its wall time, the loop thread's CPU time in
it, and (from the kernel's schedstat) how long the thread ran and waited for a CPU over the
span. Wall time neither running nor waiting for a CPU is time blocked in a system call (an
SQLite lock or fsync, a blocking read). ``GC`` lines: collections of 10 ms or more (wall and
CPU). ``SAMPLE`` lines: the loop thread's stack every 10 ms while no switch came for 30 ms
(hub lines are the loop waiting for work, not a stall). A real thread samples; it is started
after gevent patched threading, so importlib's locks do not see two owners.
"""

import contextlib
import gc
import os
import sys
import time
import traceback

try:
    with open("/proc/self/cmdline", "rb") as _fh:
        _CMD = _fh.read().split(b"\0")
except OSError:
    _CMD = []

if b"serve" in _CMD and os.environ.get("LOOP_STALLS"):
    import _thread
    import collections
    import linecache  # noqa: F401 (imported now: the sampler must not import)
    import threading
    import tokenize  # noqa: F401

    import greenlet

    _sleep = time.sleep  # the real one: gevent patches time.sleep later
    _out = open(os.environ["LOOP_STALLS"], "a", buffering=1)  # noqa: SIM115
    _last = [time.perf_counter(), time.thread_time()]
    _ring: collections.deque[tuple[float, int, int]] = collections.deque(maxlen=400)
    _main = _thread.get_ident()
    _native = threading.get_native_id()
    _start = _thread.start_new_thread
    _started: list[int] = []

    def _sched() -> tuple[int, int]:
        with open(f"/proc/self/task/{_native}/schedstat") as fh:
            ran, waited = fh.read().split()[:2]
        return int(ran), int(waited)

    def _trace(event: str, args: tuple) -> None:
        try:
            now, cpu = time.perf_counter(), time.thread_time()
            wall = now - _last[0]
            if wall > 0.04 and event in ("switch", "throw") and type(args[0]).__name__ != "Hub":
                ran, waited = _sched()
                before = next((e for e in reversed(_ring) if e[0] <= _last[0]), None)
                sched = (f" run={(ran - before[1]) / 1e6:.0f}ms"
                         f" runq={(waited - before[2]) / 1e6:.0f}ms"
                         f" span={(now - before[0]) * 1000:.0f}ms") if before else ""
                _out.write(f"{time.time():.3f} SWITCH wall={wall * 1000:.0f}ms "
                           f"cpu={(cpu - _last[1]) * 1000:.0f}ms{sched}\n")
            _last[0], _last[1] = now, cpu
            monkey = sys.modules.get("gevent.monkey")
            if not _started and monkey is not None and monkey.is_module_patched("threading"):
                _started.append(1)
                _start(_sampler, ())
        except Exception:  # a probe must never break the server
            pass

    def _sampler() -> None:
        while True:
            _sleep(0.01)
            with contextlib.suppress(OSError):
                _ring.append((time.perf_counter(), *_sched()))
            spent = time.perf_counter() - _last[0]
            frame = sys._current_frames().get(_main) if spent > 0.03 else None
            if frame is not None:
                stack = [f"{os.path.basename(f.filename)}:{f.lineno}:{f.name}"
                         for f in traceback.extract_stack(frame, limit=60)
                         if "<frozen" not in f.filename][-16:]
                _out.write(f"{time.time():.3f} SAMPLE {spent * 1000:.0f}ms "
                           + " < ".join(reversed(stack)) + "\n")

    _gc = [0.0, 0.0]

    def _collections(phase: str, info: dict) -> None:
        if phase == "start":
            _gc[0], _gc[1] = time.perf_counter(), time.thread_time()
            return
        wall = time.perf_counter() - _gc[0]
        if wall > 0.01:
            _out.write(f"{time.time():.3f} GC gen{info['generation']} {wall * 1000:.0f}ms "
                       f"cpu={(time.thread_time() - _gc[1]) * 1000:.0f}ms "
                       f"collected={info['collected']}\n")

    greenlet.settrace(_trace)
    gc.callbacks.append(_collections)
