"""Runs a command that must fail the way edgec promises to fail.

    %python -m expect_error [--absent PATH]... -- COMMAND ARGS...

Passes (exit 0) only when COMMAND exits with status 1, writes nothing on
stdout, writes exactly one line on stderr that starts with `error: ` and
holds no crash text, finishes within the timeout, and leaves no PATH given
with --absent behind (nor a `PATH.edgec-tmp*` / `PATH.edgec-old` sibling
from an interrupted artifact write). The error line is printed on stdout so
that FileCheck can check its text. Anything else fails with a message that
says what was wrong, followed by the command's output.
"""
# lit finds this file too (test/lib holds .py files); it then checks that the
# helper accepts exactly the failures it should.
# RUN: %python %s --self-test
import argparse
import glob
import os
import subprocess
import sys

# Text that only appears when a process crashes or asserts.
CRASH_MARKERS = (
    "Stack dump", "PLEASE submit a bug report", "Assertion", "assertion",
    "Segmentation fault", "Aborted", "terminate called", "LLVM ERROR",
    "UNREACHABLE", "core dumped", "AddressSanitizer",
)


def leftovers(path):
    found = [path] if os.path.lexists(path) else []
    found += glob.glob(glob.escape(path) + ".edgec-tmp*")
    found += glob.glob(glob.escape(path) + ".edgec-old*")
    return found


def main(argv):
    parser = argparse.ArgumentParser(prog="expect_error")
    parser.add_argument("--absent", action="append", default=[],
                        metavar="PATH",
                        help="must not exist after the command ran")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds before a hang counts as a failure")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command
    if command[:1] == ["--"]:
        command = command[1:]
    if not command:
        parser.error("no command given after --")

    try:
        proc = subprocess.run(command, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        print(f"expect_error: command did not finish in {args.timeout:g} s: "
              f"{' '.join(command)}", file=sys.stderr)
        return 1
    stdout = proc.stdout.decode(errors="replace")
    stderr = proc.stderr.decode(errors="replace")

    problems = []
    if proc.returncode != 1:
        problems.append(f"exit status {proc.returncode}, expected 1")
    if stdout:
        problems.append("stdout is not empty")
    # Only '\n' ends a line: names from a model may hold other control
    # characters that str.splitlines() would also split at.
    lines = stderr.split("\n")[:-1]
    if len(lines) != 1 or not stderr.endswith("\n"):
        problems.append(f"stderr has {stderr.count(chr(10))} newlines, "
                        "expected exactly one line ending in one")
    elif not lines[0].startswith("error: "):
        problems.append("the stderr line does not start with 'error: '")
    if any(marker in stderr for marker in CRASH_MARKERS):
        problems.append("stderr holds crash text")
    for path in args.absent:
        for found in leftovers(path):
            problems.append(f"'{found}' exists after the command")

    if problems:
        print("expect_error: " + "; ".join(problems), file=sys.stderr)
        print(f"  command: {' '.join(command)}", file=sys.stderr)
        print(f"  --- stdout ---\n{stdout}  --- stderr ---\n{stderr}",
              file=sys.stderr, end="")
        return 1
    print(lines[0])
    return 0


def self_test():
    import contextlib
    import io
    import tempfile

    def verdict(code, *extra):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main([*extra, "--", sys.executable, "-c", code])
        return status, out.getvalue()

    good = "import sys; sys.stderr.write('error: m.onnx: bad\\n'); sys.exit(1)"
    assert verdict(good) == (0, "error: m.onnx: bad\n")
    cases = {
        "status 0": "import sys; sys.stderr.write('error: x\\n')",
        "status 2": "import sys; sys.stderr.write('error: x\\n'); sys.exit(2)",
        "crash": "import os; os.abort()",
        "two lines": "import sys; sys.stderr.write('error: x\\nnote: y\\n'); "
                     "sys.exit(1)",
        "no prefix": "import sys; sys.stderr.write('x\\n'); sys.exit(1)",
        "no newline": "import sys; sys.stderr.write('error: x'); sys.exit(1)",
        "stdout": "import sys; print('hi'); sys.stderr.write('error: x\\n'); "
                  "sys.exit(1)",
        "stack dump": "import sys; sys.stderr.write('error: Stack dump:\\n'); "
                      "sys.exit(1)",
    }
    for name, code in cases.items():
        assert verdict(code)[0] == 1, name
    assert verdict("import time; time.sleep(5)", "--timeout", "0.5")[0] == 1
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        assert verdict(good, "--absent", out)[0] == 0
        os.mkdir(out + ".edgec-tmp-1234")
        assert verdict(good, "--absent", out)[0] == 1, "tmp sibling"
        os.rmdir(out + ".edgec-tmp-1234")
        os.mkdir(out)
        assert verdict(good, "--absent", out)[0] == 1, "present"
    print("expect_error: self-test passed")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    sys.exit(main(sys.argv[1:]))
