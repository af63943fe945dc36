#pragma once
// Thin RAII over the SQLite C API: a connection and prepared statements. Errors from SQLite
// are infrastructure failures and are thrown as StoreError.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/record_rows.hpp"

namespace styr::store {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql);
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  //! Parameters are numbered from 1, as in SQL's ?1.
  SqliteStatement& bind(int index, std::string_view text);
  //! Binds NULL for an empty string: optional references are stored as NULL.
  SqliteStatement& bindOrNull(int index, std::string_view text);
  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, double value);
  SqliteStatement& bind(int index, const std::optional<double>& value);
  SqliteStatement& bind(int index, const std::optional<int>& value);
  SqliteStatement& bindNull(int index);

  //! Advances; true while a row is available.
  bool step();
  //! Runs a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();

  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] double real(int column) const;
  [[nodiscard]] bool isNull(int column) const;

 private:
  void check(int code, std::string_view what) const;

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

class SqliteConnection {
 public:
  explicit SqliteConnection(const std::string& path);
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection();

  void execute(std::string_view sql);
  [[nodiscard]] sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace styr::store
