#pragma once
// Fresh, empty databases for tests, on either backend, and raw SQL on them (to damage data
// behind the application's back). PostgreSQL databases are schemas in the server named by
// $STYR_TEST_POSTGRES_URL, which scripts/test.sh starts; without it PostgreSQL tests skip.

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace styr::test {

enum class BackendKind { sqlite, postgres };

std::string toString(BackendKind kind);
//! Names the backend in GoogleTest's output.
inline void PrintTo(BackendKind kind, std::ostream* out) {
  *out << toString(kind);
}

//! Every backend. Tests are listed for all of them whatever this run can reach (CTest lists
//! them at build time, before scripts/test.sh starts PostgreSQL); a PostgreSQL test skips
//! itself when no server is configured.
std::vector<BackendKind> allBackends();
bool postgresConfigured();

//! An empty database, removed when the object goes.
class TestDatabase {
 public:
  TestDatabase(BackendKind kind, const std::string& name);
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  ~TestDatabase();

  //! What `--db` takes: a file path or a postgresql:// URL.
  [[nodiscard]] const std::string& db() const { return db_; }
  [[nodiscard]] BackendKind kind() const { return kind_; }
  //! Runs SQL directly, outside Styr.
  void execute(const std::string& sql) const;

 private:
  BackendKind kind_;
  std::string db_;
  std::string schema_;
};

}  // namespace styr::test
