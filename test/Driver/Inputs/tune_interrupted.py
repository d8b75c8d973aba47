"""Kills `edgec tune` mid-run, restarts it, and runs two tuners on one file.

    %python tune_interrupted.py DIR

Writes DIR/three.onnx (a dense 3x3, a pointwise and a depthwise conv) and
checks what the tuning database promises:
- after `kill -9` the file is intact and keeps every finished measurement;
- a restarted tuner completes each workload's budget without measuring any
  schedule twice (the AUTOINCREMENT sequence counts every insert, so a
  repeated measurement would leave it above the row count) and takes over
  the dead tuner's claim;
- two tuners started together on one file both finish, and together they
  measure each schedule once.
Prints one line per check; exits non-zero on the first that fails.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

TRIALS = 8
BATCH = 4


def write_model(path):
    rng = np.random.default_rng(3)

    def weight(name, *shape):
        return numpy_helper.from_array(
            rng.standard_normal(shape).astype(np.float32) * 0.2, name)

    nodes = [
        helper.make_node("Conv", ["x", "w1"], ["a"], pads=[1, 1, 1, 1]),
        helper.make_node("Conv", ["a", "w2"], ["b"]),
        helper.make_node("Conv", ["b", "w3"], ["y"], pads=[1, 1, 1, 1],
                         group=16),
    ]
    graph = helper.make_graph(
        nodes, "three",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                       [1, 8, 20, 20])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT,
                                       [1, 16, 20, 20])],
        [weight("w1", 16, 8, 3, 3), weight("w2", 16, 16, 1, 1),
         weight("w3", 16, 1, 3, 3)])
    onnx.save(helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 17)]), path)


def tune(model, db):
    return ["edgec", "tune", model, "--db", db, "--trials", str(TRIALS),
            "--batch", str(BATCH)]


def rows(db):
    try:
        with sqlite3.connect(db, timeout=60) as c:
            return c.execute(
                "SELECT COUNT(*) FROM measurements").fetchone()[0]
    except sqlite3.OperationalError:  # the tuner has not made the table yet
        return 0


def check(db, what, exact):
    c = sqlite3.connect(db, timeout=60)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", what
    per = c.execute("SELECT workload, COUNT(*) FROM measurements GROUP BY "
                    "workload").fetchall()
    assert len(per) == 3, (what, per)
    for workload, count in per:
        # Tuners stop once a workload has its budget; two running together
        # may each finish the batch they started.
        ok = count == TRIALS if exact else TRIALS <= count <= TRIALS + BATCH
        assert ok, (what, workload, count)
    inserts = c.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'measurements'"
    ).fetchone()[0]
    total = sum(count for _, count in per)
    assert inserts == total, (what, "a schedule was measured twice",
                              inserts, total)
    claims = c.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    assert claims == 0, (what, "claims left", claims)
    print(f"{what}: {total} measurements, each once, no claims left")


def main(out):
    os.makedirs(out, exist_ok=True)
    model = os.path.join(out, "three.onnx")
    write_model(model)

    db = os.path.join(out, "killed.db")
    tuner = subprocess.Popen(tune(model, db), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline and tuner.poll() is None:
        if os.path.exists(db) and rows(db) >= 5:
            break
        time.sleep(0.05)
    assert tuner.poll() is None, "the tuner finished before it was killed"
    tuner.send_signal(signal.SIGKILL)
    tuner.wait()
    kept = rows(db)
    assert kept >= 5, kept
    print("killed with", "some" if kept < 3 * TRIALS else "all",
          "measurements recorded")
    subprocess.run(tune(model, db), check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    check(db, "restarted", exact=True)

    db = os.path.join(out, "shared.db")
    both = [subprocess.Popen(tune(model, db), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE) for _ in range(2)]
    for p in both:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()
    check(db, "concurrent", exact=False)


if __name__ == "__main__":
    main(sys.argv[1])
