#pragma once
// Thin RAII over libpq: a connection, results and rows, text parameters, and COPY for bulk
// writes. Statements are prepared once per connection and reused.

#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/date.hpp"

namespace styr::store {

class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  PgResult& operator=(PgResult&&) = delete;
  ~PgResult() { PQclear(result_); }

  [[nodiscard]] int rows() const { return PQntuples(result_); }
  //! Rows changed by an INSERT, UPDATE or DELETE.
  [[nodiscard]] std::int64_t affected() const;
  [[nodiscard]] const PGresult* get() const { return result_; }

 private:
  PGresult* result_;
};

//! One row of a result, readable by the shared record readers (store/record_rows.hpp).
class PgRow {
 public:
  PgRow(const PgResult& result, int row) : result_(result.get()), row_(row) {}
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] bool isNull(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] double real(int column) const;

 private:
  const PGresult* result_;
  int row_;
};

//! Parameters of a statement, all sent as text ($1, $2, ... in order of adding).
class PgParams {
 public:
  PgParams& add(std::string_view text);
  //! NULL for an empty string: optional references are stored as NULL.
  PgParams& addOrNull(std::string_view text);
  PgParams& add(std::int64_t value);
  PgParams& add(int value) { return add(static_cast<std::int64_t>(value)); }
  PgParams& add(double value);
  PgParams& add(const std::optional<double>& value);
  PgParams& add(const std::optional<int>& value);
  PgParams& add(const domain::Date& date);
  PgParams& add(const std::optional<domain::Date>& date);
  PgParams& addNull();

  [[nodiscard]] std::vector<const char*> pointers() const;
  [[nodiscard]] int size() const { return static_cast<int>(values_.size()); }

 private:
  std::vector<std::optional<std::string>> values_;
};

//! Rows for COPY ... FROM STDIN in text format: fields escaped, tab-separated.
class CopyRows {
 public:
  CopyRows& add(std::string_view text);
  CopyRows& addOrNull(std::string_view text);
  CopyRows& add(std::int64_t value);
  CopyRows& add(int value) { return add(static_cast<std::int64_t>(value)); }
  CopyRows& add(double value);
  CopyRows& add(const std::optional<double>& value);
  CopyRows& add(const std::optional<int>& value);
  CopyRows& add(const domain::Date& date);
  CopyRows& add(const std::optional<domain::Date>& date);
  CopyRows& addNull();
  void endRow();

  [[nodiscard]] const std::string& data() const { return data_; }
  [[nodiscard]] bool empty() const { return data_.empty(); }

 private:
  void separate();

  std::string data_;
  bool row_started_ = false;
};

class PgConnection {
 public:
  //! Connects to `url` (postgresql://...); throws StoreError with libpq's reason on failure.
  explicit PgConnection(const std::string& url);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  //! Runs one or more statements without parameters.
  void execute(std::string_view sql);
  //! Runs a statement with parameters, prepared on first use.
  PgResult query(std::string_view sql, const PgParams& params = {});
  //! COPY `target` (a table and its column list) FROM STDIN with `rows`.
  void copy(std::string_view target, const CopyRows& rows);

 private:
  //! Throws for a failed result: DuplicateRecord for unique violations, StoreError otherwise.
  PgResult check(PGresult* result, std::string_view what);

  PGconn* connection_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  //!< SQL -> statement name
};

}  // namespace styr::store
