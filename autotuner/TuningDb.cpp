//===- TuningDb.cpp - The tuning database (SQLite) ------------------------===//

#include "autotuner/TuningDb.h"

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <thread>
#include <unistd.h>

namespace edgec::tuning {
namespace {

constexpr const char *kSchema = R"sql(
CREATE TABLE IF NOT EXISTS measurements (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  device TEXT NOT NULL,
  workload TEXT NOT NULL,
  family TEXT NOT NULL,
  schedule TEXT NOT NULL,
  ms REAL,
  confirmed_ms REAL,
  error TEXT NOT NULL DEFAULT '',
  predicted_ms REAL,
  runner TEXT NOT NULL DEFAULT 'local',
  UNIQUE (device, workload, schedule)
);
CREATE INDEX IF NOT EXISTS measurements_family
  ON measurements (device, family);
CREATE TABLE IF NOT EXISTS cost_models (
  device TEXT PRIMARY KEY,
  format TEXT NOT NULL,
  model BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
  device TEXT NOT NULL,
  workload TEXT NOT NULL,
  schedule TEXT NOT NULL,
  pid INTEGER NOT NULL,
  PRIMARY KEY (device, workload, schedule)
);
)sql";

/// A Measurement's columns, in its order, each prefixed with `table`.
std::string columns(llvm::StringRef table = "") {
  static const char *const names[] = {"device",       "workload",     "family",
                                      "schedule",     "ms",           "error",
                                      "confirmed_ms", "predicted_ms", "runner"};
  std::string list = table.str() + "sequence";
  for (const char *name : names)
    list += ", " + table.str() + name;
  return list;
}

/// A prepared statement, finalized when it goes out of scope.
class Statement {
public:
  Statement(sqlite3 *db, const char *sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  explicit operator bool() const { return stmt_; }
  Statement &bind(int i, llvm::StringRef text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Statement &bind(int i, int64_t value) {
    sqlite3_bind_int64(stmt_, i, value);
    return *this;
  }
  Statement &bind(int i, std::optional<double> value) {
    if (value)
      sqlite3_bind_double(stmt_, i, *value);
    else
      sqlite3_bind_null(stmt_, i);
    return *this;
  }
  Statement &bindBlob(int i, const std::string &bytes) {
    sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  int step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }
  std::string blob(int column) {
    const void *data = sqlite3_column_blob(stmt_, column);
    int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::string(static_cast<const char *>(data), size) : "";
  }
  std::string text(int column) {
    const unsigned char *t = sqlite3_column_text(stmt_, column);
    return t ? reinterpret_cast<const char *>(t) : "";
  }
  std::optional<double> real(int column) {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL)
      return std::nullopt;
    return sqlite3_column_double(stmt_, column);
  }
  int64_t integer(int column) { return sqlite3_column_int64(stmt_, column); }
  /// Reads the rows of `SELECT <columns()> ...`.
  std::vector<Measurement> measurements() {
    std::vector<Measurement> rows;
    while (step() == SQLITE_ROW)
      rows.push_back({text(1), text(2), text(3), text(4), real(5), text(6),
                      integer(0), real(7), real(8), text(9)});
    return rows;
  }

private:
  sqlite3_stmt *stmt_ = nullptr;
};

bool processAlive(int64_t pid) {
  return pid == getpid() || kill(static_cast<pid_t>(pid), 0) == 0 ||
         errno == EPERM;
}

} // namespace

std::unique_ptr<TuningDb> TuningDb::open(llvm::StringRef path,
                                         std::string &error) {
  sqlite3 *db = nullptr;
  std::string file = path.str();
  if (sqlite3_open_v2(file.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    error = "cannot open tuning database '" + file +
            "': " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  std::unique_ptr<TuningDb> result(new TuningDb(db));
  // Wait for a concurrent tuner's write rather than failing on it.
  sqlite3_busy_timeout(db, 60000);
  // Two tuners creating the file at once can meet SQLite's deadlock
  // avoidance, which answers SQLITE_BUSY at once instead of waiting for
  // the busy timeout: set-up is idempotent, so try again a little later.
  for (int attempt = 0;; ++attempt) {
    std::string why;
    if (result->exec("PRAGMA journal_mode=WAL;", why) &&
        result->exec("PRAGMA synchronous=NORMAL;", why) &&
        result->exec(kSchema, why) && result->addMissingColumns(why))
      return result;
    if ((sqlite3_errcode(db) & 0xff) != SQLITE_BUSY || attempt == 600) {
      error = "'" + file + "' is not a usable tuning database: " + why;
      return nullptr;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

TuningDb::~TuningDb() {
  releaseClaims();
  sqlite3_close(db_);
}

bool TuningDb::addMissingColumns(std::string &error) {
  // Files written by earlier versions lack the later columns.
  static const std::pair<const char *, const char *> columns[] = {
      {"confirmed_ms", "confirmed_ms REAL"},
      {"predicted_ms", "predicted_ms REAL"},
      {"runner", "runner TEXT NOT NULL DEFAULT 'local'"}};
  for (auto [name, definition] : columns) {
    Statement present(db_, "SELECT 1 FROM pragma_table_info('measurements') "
                           "WHERE name = ?1");
    present.bind(1, llvm::StringRef(name));
    if (present.step() == SQLITE_ROW)
      continue;
    std::string sql =
        std::string("ALTER TABLE measurements ADD COLUMN ") + definition + ";";
    if (!exec(sql.c_str(), error))
      return false;
  }
  return true;
}

bool TuningDb::exec(const char *sql, std::string &error) {
  char *message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK)
    return true;
  error = message ? message : sqlite3_errmsg(db_);
  sqlite3_free(message);
  return false;
}

bool TuningDb::record(const Measurement &m, std::string &error) {
  Statement insert(db_, "INSERT OR REPLACE INTO measurements (device, "
                        "workload, family, schedule, ms, error, predicted_ms, "
                        "runner) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert.bind(1, m.device)
      .bind(2, m.workload)
      .bind(3, m.family)
      .bind(4, m.schedule)
      .bind(5, m.ms)
      .bind(6, m.error)
      .bind(7, m.predictedMs)
      .bind(8, m.runner);
  if (insert.step() != SQLITE_DONE) {
    error =
        std::string("cannot write the tuning database: ") + sqlite3_errmsg(db_);
    return false;
  }
  Statement release(db_, "DELETE FROM claims WHERE device = ?1 AND "
                         "workload = ?2 AND schedule = ?3");
  release.bind(1, m.device).bind(2, m.workload).bind(3, m.schedule).step();
  return true;
}

bool TuningDb::claim(llvm::StringRef device, llvm::StringRef workload,
                     llvm::StringRef schedule) {
  // One transaction, so that two tuners cannot both see the candidate free.
  std::string error;
  if (!exec("BEGIN IMMEDIATE;", error))
    return false;
  bool claimed = false;
  {
    Statement measured(db_, "SELECT 1 FROM measurements WHERE device = ?1 "
                            "AND workload = ?2 AND schedule = ?3");
    measured.bind(1, device).bind(2, workload).bind(3, schedule);
    Statement owner(db_, "SELECT pid FROM claims WHERE device = ?1 AND "
                         "workload = ?2 AND schedule = ?3");
    owner.bind(1, device).bind(2, workload).bind(3, schedule);
    if (measured.step() != SQLITE_ROW &&
        (owner.step() != SQLITE_ROW || !processAlive(owner.integer(0)))) {
      Statement take(db_, "INSERT OR REPLACE INTO claims (device, workload, "
                          "schedule, pid) VALUES (?1, ?2, ?3, ?4)");
      take.bind(1, device)
          .bind(2, workload)
          .bind(3, schedule)
          .bind(4, static_cast<int64_t>(getpid()));
      claimed = take.step() == SQLITE_DONE;
    }
  }
  if (!exec("COMMIT;", error)) {
    exec("ROLLBACK;", error);
    return false;
  }
  return claimed;
}

void TuningDb::releaseClaims() {
  // This process's claims, and those of tuners that were killed.
  std::vector<int64_t> owners;
  Statement select(db_, "SELECT DISTINCT pid FROM claims");
  while (select.step() == SQLITE_ROW)
    owners.push_back(select.integer(0));
  for (int64_t pid : owners)
    if (pid == getpid() || !processAlive(pid)) {
      Statement release(db_, "DELETE FROM claims WHERE pid = ?1");
      release.bind(1, pid).step();
    }
}

std::vector<Measurement> TuningDb::measurements(llvm::StringRef device,
                                                llvm::StringRef workload) {
  Statement select(db_, ("SELECT " + columns() +
                         " FROM measurements WHERE device = ?1 AND workload "
                         "= ?2 ORDER BY sequence")
                            .c_str());
  select.bind(1, device).bind(2, workload);
  return select.measurements();
}

bool TuningDb::confirm(llvm::StringRef device, llvm::StringRef workload,
                       llvm::StringRef schedule, double ms,
                       std::string &error) {
  Statement update(db_, "UPDATE measurements SET confirmed_ms = ?4 WHERE "
                        "device = ?1 AND workload = ?2 AND schedule = ?3");
  update.bind(1, device)
      .bind(2, workload)
      .bind(3, schedule)
      .bind(4, std::optional<double>(ms));
  if (update.step() == SQLITE_DONE)
    return true;
  error =
      std::string("cannot write the tuning database: ") + sqlite3_errmsg(db_);
  return false;
}

std::vector<Measurement> TuningDb::allMeasurements(llvm::StringRef device) {
  Statement select(db_, ("SELECT " + columns() +
                         " FROM measurements WHERE device = ?1 AND ms IS NOT "
                         "NULL ORDER BY sequence")
                            .c_str());
  select.bind(1, device);
  return select.measurements();
}

bool TuningDb::saveCostModel(llvm::StringRef device, const std::string &model,
                             std::string &error) {
  Statement insert(db_, "INSERT OR REPLACE INTO cost_models (device, format, "
                        "model) VALUES (?1, 'xgboost-ubj', ?2)");
  insert.bind(1, device);
  insert.bindBlob(2, model);
  if (insert.step() == SQLITE_DONE)
    return true;
  error =
      std::string("cannot write the tuning database: ") + sqlite3_errmsg(db_);
  return false;
}

std::optional<std::string> TuningDb::loadCostModel(llvm::StringRef device) {
  Statement select(db_, "SELECT model FROM cost_models WHERE device = ?1 AND "
                        "format = 'xgboost-ubj'");
  select.bind(1, device);
  if (select.step() != SQLITE_ROW)
    return std::nullopt;
  return select.blob(0);
}

std::vector<Measurement> TuningDb::best(llvm::StringRef device) {
  // Confirmed times, where a workload has them, rank before search times;
  // times before the predictions of verified, untimed records.
  Statement select(
      db_, ("SELECT " + columns() +
            " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY workload ORDER "
            "BY ms IS NULL, confirmed_ms IS NULL, COALESCE(confirmed_ms, ms, "
            "predicted_ms), sequence) AS rank FROM measurements WHERE device = "
            "?1 AND "
            "(ms IS NOT NULL OR (error = '' AND predicted_ms IS NOT NULL))) "
            "WHERE rank = 1 ORDER BY workload")
               .c_str());
  select.bind(1, device);
  return select.measurements();
}

std::vector<Measurement> TuningDb::bestInFamily(llvm::StringRef device,
                                                llvm::StringRef family,
                                                llvm::StringRef exceptWorkload,
                                                int limit) {
  Statement select(
      db_, ("SELECT " + columns("m.") +
            " FROM measurements m JOIN measurements d ON d.device = m.device "
            "AND d.workload = m.workload AND d.schedule = 'default' WHERE "
            "m.device = ?1 AND m.family = ?2 AND m.workload != ?3 AND m.ms IS "
            "NOT NULL AND d.ms > 0 AND m.schedule != 'default' ORDER BY m.ms / "
            "d.ms LIMIT ?4")
               .c_str());
  select.bind(1, device)
      .bind(2, family)
      .bind(3, exceptWorkload)
      .bind(4, static_cast<int64_t>(limit));
  return select.measurements();
}

} // namespace edgec::tuning
