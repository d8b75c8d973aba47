"""Reads and writes an edgec tuning database for the driver's tests.

    %python tuning_records.py force DB SCHEDULE   # make SCHEDULE the fastest
    %python tuning_records.py summary DB          # what the database holds

`force` records SCHEDULE ("im2col r3 v1", "winograd4", ...) as the fastest
measurement of every workload DB knows on the host, searched and confirmed,
so that a compile with --tuning-db DB must use it. `summary` checks the file's integrity and prints
one line per workload: its measurement count, whether each schedule
appears once, and whether any claim is left.
"""
import sqlite3
import sys


def main(command, db, *args):
    connection = sqlite3.connect(db)
    if command == "force":
        workloads = connection.execute(
            "SELECT DISTINCT workload, family FROM measurements "
            "WHERE device = 'host'").fetchall()
        assert workloads, "the database holds no workloads"
        for workload, family in workloads:
            fastest = connection.execute(
                "SELECT MIN(COALESCE(confirmed_ms, ms)) FROM measurements "
                "WHERE device = 'host' AND workload = ?",
                (workload,)).fetchone()[0]
            connection.execute(
                "INSERT OR REPLACE INTO measurements (device, workload, "
                "family, schedule, ms, confirmed_ms) VALUES "
                "('host', ?, ?, ?, ?, ?)",
                (workload, family, args[0], fastest / 2, fastest / 2))
        connection.commit()
        return
    assert command == "summary", command
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = connection.execute(
        "SELECT workload, COUNT(*), COUNT(DISTINCT schedule), "
        "SUM(schedule = 'default'), SUM(ms IS NULL) FROM measurements "
        "GROUP BY workload ORDER BY workload").fetchall()
    claims = connection.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    for workload, count, distinct, defaults, failed in rows:
        print(f"{workload}: {count} measured, "
              f"{'unique' if distinct == count else 'DUPLICATES'}, "
              f"{defaults} default, {failed} failed")
    print(f"claims left: {claims}")


if __name__ == "__main__":
    main(*sys.argv[1:])
