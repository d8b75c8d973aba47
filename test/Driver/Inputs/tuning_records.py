"""Reads and writes an edgec tuning database for the driver's tests.

    %python tuning_records.py force DB SCHEDULE [DEVICE]  # make it fastest
    %python tuning_records.py summary DB          # what the database holds
    %python tuning_records.py records DB          # one line per record

`force` records SCHEDULE ("im2col r3 v1", "winograd4", ...) as the fastest
record of every workload DB knows on DEVICE (default host): searched and
confirmed where the device's records are timed, verified with the best
prediction where they are not (the qemu runner), so that a compile with
--tuning-db DB must use it. `summary` checks the file's integrity and prints
one line per workload: its measurement count, whether each schedule
appears once, and whether any claim is left. `records` prints each record
in the order received: device, schedule, runner, and whether it was timed,
verified (values checked, a predicted time) or failed.
"""
import sqlite3
import sys


def main(command, db, *args):
    connection = sqlite3.connect(db)
    if command == "force":
        device = args[1] if len(args) > 1 else "host"
        workloads = connection.execute(
            "SELECT DISTINCT workload, family FROM measurements "
            "WHERE device = ?", (device,)).fetchall()
        assert workloads, "the database holds no workloads"
        for workload, family in workloads:
            fastest, predicted = connection.execute(
                "SELECT MIN(COALESCE(confirmed_ms, ms)), MIN(predicted_ms) "
                "FROM measurements WHERE device = ? AND workload = ?",
                (device, workload)).fetchone()
            if fastest is None:
                connection.execute(
                    "INSERT OR REPLACE INTO measurements (device, workload, "
                    "family, schedule, predicted_ms, runner) VALUES "
                    "(?, ?, ?, ?, ?, 'qemu')",
                    (device, workload, family, args[0], predicted / 2))
                continue
            connection.execute(
                "INSERT OR REPLACE INTO measurements (device, workload, "
                "family, schedule, ms, confirmed_ms) VALUES "
                "(?, ?, ?, ?, ?, ?)",
                (device, workload, family, args[0], fastest / 2, fastest / 2))
        connection.commit()
        return
    if command == "records":
        for device, schedule, runner, ms, predicted, error in connection.execute(
                "SELECT device, schedule, runner, ms, predicted_ms, error "
                "FROM measurements ORDER BY sequence"):
            state = ("timed" if ms is not None else
                     "verified" if not error and predicted is not None else
                     "failed")
            print(f"{device} {schedule}: {runner} {state}")
        return
    assert command == "summary", command
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = connection.execute(
        "SELECT workload, COUNT(*), COUNT(DISTINCT schedule), "
        "SUM(schedule = 'default'), SUM(ms IS NULL AND (error != '' OR "
        "predicted_ms IS NULL)) FROM measurements "
        "GROUP BY workload ORDER BY workload").fetchall()
    claims = connection.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    for workload, count, distinct, defaults, failed in rows:
        print(f"{workload}: {count} measured, "
              f"{'unique' if distinct == count else 'DUPLICATES'}, "
              f"{defaults} default, {failed} failed")
    print(f"claims left: {claims}")


if __name__ == "__main__":
    main(*sys.argv[1:])
