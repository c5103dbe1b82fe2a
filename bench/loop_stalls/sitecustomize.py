"""Find where a `dialog serve` loop stalls: put this directory on PYTHONPATH and set LOOP_STALLS.

    LOOP_STALLS=/tmp/stalls.txt PYTHONPATH=$PWD:$PWD/bench/loop_stalls \\
        python bench/bench_town_hall.py --phones 1000

Only the `dialog serve` process records (the load processes and the analysis child do not).
Every greenlet switch is timed; a greenlet other than the hub that ran 40 ms or more before
switching is written as a ``SWITCH`` line with its wall time, the loop thread's CPU time in
it, and (from the kernel's schedstat) how long the thread ran and waited for a CPU over the
span. Wall time neither running nor waiting for a CPU is time blocked in a system call (an
SQLite lock or fsync, a blocking read). ``GC`` lines: collections of 10 ms or more (wall and
CPU). ``GCSUM`` lines (every 10 s or so): every collection so far per generation, passes and
CPU ms. ``SAMPLE`` lines: the loop thread's stack every 10 ms while no switch came for 30 ms
(hub lines are the loop waiting for work, not a stall). A real thread samples; it is started
after gevent patched threading, so importlib's locks do not see two owners.

Once the server's modules are loaded the probe also wraps a few of them: ``TURN`` lines
are holds of the process's writer turn of 30 ms or more (with who held it: the analysis
child's ``store``, a group commit's ``batch`` of n units, or another ``transaction``),
``MAP`` lines each snapshot read back and sent (``map:update``). Times are ``time.time()``
at the end of what is timed, so ``bench_town_hall.py --timeline`` can line them up with
the phones' slow acks.
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
            if not _wrapped and "phases.inventering.map.scheduler" in sys.modules:
                _wrapped.append(1)
                _wrap()
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

    _wrapped: list[int] = []
    #: What holds the writer turn now: [since (perf_counter), who].
    _turn: list = [0.0, ""]

    def _wrap() -> None:
        from dialog import group_commit, sqlite_engine
        from phases.inventering.map import analysis_child, scheduler

        one = sqlite_engine._OneWriter
        take, give = one.take, one.give

        def timed_take(self, _take=take):  # type: ignore[no-untyped-def]
            mine = _take(self)
            if mine and self._depth == 1:
                _turn[0], _turn[1] = time.perf_counter(), "transaction"
            return mine

        def timed_give(self, _give=give):  # type: ignore[no-untyped-def]
            if self._depth == 1:
                held = (time.perf_counter() - _turn[0]) * 1000
                if held >= 30:
                    _out.write(f"{time.time():.3f} TURN {held:.0f}ms {_turn[1]}\n")
            _give(self)

        one.take, one.give = timed_take, timed_give
        commit = group_commit.Batcher._commit

        def named_commit(self, batch, _commit=commit):  # type: ignore[no-untyped-def]
            _turn[1] = f"batch of {len(batch)}"
            return _commit(self, batch)

        group_commit.Batcher._commit = named_commit
        ask = analysis_child.ChildRunner._ask

        def named_ask(self, request, _ask=ask):  # type: ignore[no-untyped-def]
            self.turn, turn = (lambda: _named(turn(), "store")), self.turn
            try:
                return _ask(self, request)
            finally:
                self.turn = turn

        analysis_child.ChildRunner._ask = named_ask
        send = scheduler.send_map

        def timed_send(*args, _send=send):  # type: ignore[no-untyped-def]
            began = time.perf_counter()
            _send(*args)
            _out.write(f"{time.time():.3f} MAP send {(time.perf_counter() - began) * 1000:.0f}ms\n")

        scheduler.send_map = timed_send

    @contextlib.contextmanager
    def _named(turn, who):  # type: ignore[no-untyped-def]
        with turn:
            _turn[1] = who
            yield

    _gc = [0.0, 0.0]
    #: Every collection, per generation: [passes, ms of CPU]; written every 10 s (GCSUM).
    _gc_sum = [[0, 0.0], [0, 0.0], [0, 0.0]]
    _gc_written = [time.perf_counter()]

    def _collections(phase: str, info: dict) -> None:
        if phase == "start":
            _gc[0], _gc[1] = time.perf_counter(), time.thread_time()
            return
        wall = time.perf_counter() - _gc[0]
        _gc_sum[info["generation"]][0] += 1
        _gc_sum[info["generation"]][1] += (time.thread_time() - _gc[1]) * 1000
        if time.perf_counter() - _gc_written[0] > 10:
            _gc_written[0] = time.perf_counter()
            _out.write(f"{time.time():.3f} GCSUM " + " ".join(
                f"gen{k}={n}/{ms:.0f}ms" for k, (n, ms) in enumerate(_gc_sum)) + "\n")
        if wall > 0.01:
            _out.write(f"{time.time():.3f} GC gen{info['generation']} {wall * 1000:.0f}ms "
                       f"cpu={(time.thread_time() - _gc[1]) * 1000:.0f}ms "
                       f"collected={info['collected']}\n")

    greenlet.settrace(_trace)
    gc.callbacks.append(_collections)
