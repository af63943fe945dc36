#include "support/test_databases.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace styr::test {

namespace {

std::string postgresUrl() {
  const char* url = std::getenv("STYR_TEST_POSTGRES_URL");
  return url != nullptr ? url : "";
}

void runPostgres(const std::string& url, const std::string& sql) {
  PGconn* connection = PQconnectdb(url.c_str());
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection);
    PQfinish(connection);
    throw std::runtime_error("test PostgreSQL: " + message);
  }
  // DROP ... CASCADE lists every dropped table as a notice; the tests need none of them.
  PQsetNoticeProcessor(
      connection, [](void*, const char*) {}, nullptr);
  PGresult* result = PQexec(connection, sql.c_str());
  std::string message = PQresultErrorMessage(result);
  bool ok = PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
  PQclear(result);
  PQfinish(connection);
  if (!ok) throw std::runtime_error("test PostgreSQL: " + message + " in: " + sql);
}

std::string sanitised(std::string name) {
  for (char& c : name) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      keep = true;
    }
    if (!keep) c = '_';
  }
  return name.substr(0, 40);
}

}  // namespace

std::string toString(BackendKind kind) {
  return kind == BackendKind::sqlite ? "sqlite" : "postgres";
}

bool postgresConfigured() {
  return !postgresUrl().empty();
}

std::vector<BackendKind> allBackends() {
  return {BackendKind::sqlite, BackendKind::postgres};
}

TestDatabase::TestDatabase(BackendKind kind, const std::string& name) : kind_(kind) {
  static std::atomic<int> counter{0};
  std::string unique =
      sanitised(name) + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  if (kind == BackendKind::sqlite) {
    db_ = (std::filesystem::temp_directory_path() / ("styr_" + unique + ".db")).string();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + suffix);
    return;
  }
  std::string base = postgresUrl();
  if (base.empty()) throw std::runtime_error("STYR_TEST_POSTGRES_URL is not set");
  schema_ = "t_" + unique;
  runPostgres(base, "CREATE SCHEMA " + schema_);
  // Tables are created in the first schema of the search path: this test's own.
  db_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
        schema_;
}

TestDatabase::~TestDatabase() {
  try {
    if (kind_ == BackendKind::sqlite) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + suffix);
    } else {
      runPostgres(postgresUrl(), "DROP SCHEMA " + schema_ + " CASCADE");
    }
  } catch (const std::exception&) {
    // A database left behind is only litter in a temporary folder or a throwaway server.
  }
}

void TestDatabase::execute(const std::string& sql) const {
  if (kind_ == BackendKind::postgres) {
    runPostgres(db_, sql);
    return;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(db_.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + db_);
  }
  char* error = nullptr;
  int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (code != SQLITE_OK) throw std::runtime_error("SQLite: " + message + " in: " + sql);
}

}  // namespace styr::test
