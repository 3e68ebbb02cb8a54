# The three start methods of CPython on Linux: get_context,
# set_start_method, get_start_method, get_all_start_methods; the exit codes
# of a child that returns, raises, exits, and is terminated or killed.
import multiprocessing as mp
import sys
import time


def ok():
    pass


def boom():
    sys.stderr = open("/dev/null", "w")     # keep the traceback out of the output
    raise ValueError("boom")


def exit3():
    sys.exit(3)


def sleeper():
    time.sleep(30)


if __name__ == "__main__":
    print(mp.get_all_start_methods())
    print(mp.get_start_method(allow_none=True))
    print(mp.get_start_method(), mp.get_start_method(allow_none=True))
    try:
        mp.set_start_method("spawn")
    except RuntimeError as e:
        print("RuntimeError:", e)
    mp.set_start_method("spawn", force=True)
    print(mp.get_start_method())
    mp.set_start_method(None, force=True)
    print(mp.get_start_method(allow_none=True))
    mp.set_start_method("fork")
    try:
        mp.get_context("thread")
    except ValueError as e:
        print("ValueError:", e)
    try:
        mp.set_start_method("nope", force=True)
    except ValueError as e:
        print("ValueError:", e)
    for method in mp.get_all_start_methods():
        ctx = mp.get_context(method)
        print(method, type(ctx).__name__, ctx.get_start_method(), ctx.Process.__name__,
              ctx.get_context() is ctx, ctx.get_context("spawn") is mp.get_context("spawn"))
        try:
            ctx.set_start_method("spawn")
        except ValueError as e:
            print("  ValueError:", e)
        codes = []
        for target in (ok, boom, exit3):
            p = ctx.Process(target=target)
            p.start()
            p.join()
            codes.append(p.exitcode)
        for stop in ("terminate", "kill"):
            p = ctx.Process(target=sleeper)
            p.start()
            time.sleep(0.2)
            getattr(p, stop)()
            p.join()
            codes.append(p.exitcode)
        print("  exit codes:", codes)
        with ctx.Pool(2) as pool:
            print("  pool:", pool.map(abs, [-1, -2, 3]))
