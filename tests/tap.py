"""A few lines of TAP for the Python checks, so that meson counts each one."""
import sys

_results = []


def check(name, cond, detail=""):
    _results.append((name, bool(cond), detail))


def finish():
    print(f"1..{len(_results)}")
    failed = 0
    for i, (name, ok, detail) in enumerate(_results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {name}")
        if not ok:
            failed += 1
            print("# " + str(detail).replace("\n", "\n# "))
    sys.exit(1 if failed else 0)
