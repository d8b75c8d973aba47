//===- TuningDb.h - The tuning database (SQLite) ----------------*- C++ -*-===//
//
// Every measurement the tuner takes, keyed by device, workload and
// schedule. Each record is committed on its own (write-ahead log), so a
// tuner killed at any point loses at most the measurement in flight, and a
// restarted one skips what is recorded. Two tuners may share a file: SQLite
// serializes their writes, and a claim on a candidate keeps the second from
// measuring what the first is measuring.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_TUNINGDB_H
#define EDGEC_AUTOTUNER_TUNINGDB_H

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace edgec::tuning {

struct Measurement {
  std::string device, workload, family, schedule;
  /// Milliseconds of the fastest run; none when the candidate failed or
  /// its runner does not time (qemu).
  std::optional<double> ms;
  /// Why the candidate failed; empty when it succeeded.
  std::string error;
  /// This record's place in the order the database received them.
  int64_t sequence = 0;
  /// The median of the confirmation runs the fastest candidates and the
  /// default get once the search ends; it ranks before `ms`.
  std::optional<double> confirmedMs;
  /// The cost model's estimate when the runner checked values without
  /// timing them: what ranks a board's candidates that nothing here can
  /// time.
  std::optional<double> predictedMs;
  /// Where it came from: "local", "qemu", "ssh://pi@board".
  std::string runner = "local";
};

class TuningDb {
public:
  /// Opens (creating it if needed) the database at `path`; null with
  /// `error` saying why not.
  static std::unique_ptr<TuningDb> open(llvm::StringRef path,
                                        std::string &error);
  ~TuningDb();
  TuningDb(const TuningDb &) = delete;
  TuningDb &operator=(const TuningDb &) = delete;

  /// Stores `m` (replacing an earlier record of the same candidate) and
  /// releases its claim.
  bool record(const Measurement &m, std::string &error);

  /// Claims a candidate for this process. False when it is measured, or
  /// claimed by another live process (a claim whose process died is taken
  /// over).
  bool claim(llvm::StringRef device, llvm::StringRef workload,
             llvm::StringRef schedule);
  /// Drops this process's unfinished claims and those of dead processes.
  void releaseClaims();

  /// Every record of `workload` on `device`, in the order received.
  std::vector<Measurement> measurements(llvm::StringRef device,
                                        llvm::StringRef workload);
  /// Records the confirmed time of a measured candidate.
  bool confirm(llvm::StringRef device, llvm::StringRef workload,
               llvm::StringRef schedule, double ms, std::string &error);

  /// The fastest successful record of each workload on `device`: by
  /// confirmed time where the workload has confirmed records, by search
  /// time where it has times, else the verified record the cost model
  /// ranks first.
  std::vector<Measurement> best(llvm::StringRef device);
  /// The fastest successful records of other workloads of `family` on
  /// `device`, fastest relative to their workload's default first.
  std::vector<Measurement> bestInFamily(llvm::StringRef device,
                                        llvm::StringRef family,
                                        llvm::StringRef exceptWorkload,
                                        int limit);

  /// Every timed record on `device`.
  std::vector<Measurement> allMeasurements(llvm::StringRef device);

  /// The learned cost model of `device`, stored beside its measurements.
  bool saveCostModel(llvm::StringRef device, const std::string &model,
                     std::string &error);
  std::optional<std::string> loadCostModel(llvm::StringRef device);

private:
  explicit TuningDb(sqlite3 *db) : db_(db) {}
  bool exec(const char *sql, std::string &error);
  bool addMissingColumns(std::string &error);

  sqlite3 *db_;
};

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_TUNINGDB_H
