#include "store/postgres/pg_handle.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "app/store.hpp"
#include "store/record_rows.hpp"

namespace styr::store {

std::int64_t PgResult::affected() const {
  const char* count = PQcmdTuples(result_);
  return count == nullptr || *count == '\0' ? 0 : std::strtoll(count, nullptr, 10);
}

std::string PgRow::text(int column) const {
  return std::string(PQgetvalue(result_, row_, column),
                     static_cast<std::size_t>(PQgetlength(result_, row_, column)));
}

bool PgRow::isNull(int column) const {
  return PQgetisnull(result_, row_, column) == 1;
}

std::int64_t PgRow::integer(int column) const {
  return std::strtoll(PQgetvalue(result_, row_, column), nullptr, 10);
}

double PgRow::real(int column) const {
  return std::strtod(PQgetvalue(result_, row_, column), nullptr);
}

PgParams& PgParams::add(std::string_view text) {
  values_.emplace_back(std::string(text));
  return *this;
}

PgParams& PgParams::addOrNull(std::string_view text) {
  return text.empty() ? addNull() : add(text);
}

PgParams& PgParams::add(std::int64_t value) {
  return add(std::to_string(value));
}

// fmt writes the shortest text that reads back as the same double.
PgParams& PgParams::add(double value) {
  return add(fmt::format("{}", value));
}

PgParams& PgParams::add(const std::optional<double>& value) {
  return value ? add(*value) : addNull();
}

PgParams& PgParams::add(const std::optional<int>& value) {
  return value ? add(static_cast<std::int64_t>(*value)) : addNull();
}

PgParams& PgParams::add(const domain::Date& date) {
  return add(domain::formatDate(date));
}

PgParams& PgParams::add(const std::optional<domain::Date>& date) {
  return date ? add(*date) : addNull();
}

PgParams& PgParams::addNull() {
  values_.emplace_back(std::nullopt);
  return *this;
}

std::vector<const char*> PgParams::pointers() const {
  std::vector<const char*> result;
  result.reserve(values_.size());
  for (const auto& value : values_) result.push_back(value ? value->c_str() : nullptr);
  return result;
}

void CopyRows::separate() {
  if (row_started_) data_ += '\t';
  row_started_ = true;
}

CopyRows& CopyRows::add(std::string_view text) {
  separate();
  for (char c : text) {
    switch (c) {
      case '\\':
        data_ += "\\\\";
        break;
      case '\t':
        data_ += "\\t";
        break;
      case '\n':
        data_ += "\\n";
        break;
      case '\r':
        data_ += "\\r";
        break;
      default:
        data_ += c;
    }
  }
  return *this;
}

CopyRows& CopyRows::addOrNull(std::string_view text) {
  return text.empty() ? addNull() : add(text);
}

CopyRows& CopyRows::add(std::int64_t value) {
  return add(std::to_string(value));
}

CopyRows& CopyRows::add(double value) {
  return add(fmt::format("{}", value));
}

CopyRows& CopyRows::add(const std::optional<double>& value) {
  return value ? add(*value) : addNull();
}

CopyRows& CopyRows::add(const std::optional<int>& value) {
  return value ? add(static_cast<std::int64_t>(*value)) : addNull();
}

CopyRows& CopyRows::add(const domain::Date& date) {
  return add(domain::formatDate(date));
}

CopyRows& CopyRows::add(const std::optional<domain::Date>& date) {
  return date ? add(*date) : addNull();
}

CopyRows& CopyRows::addNull() {
  separate();
  data_ += "\\N";
  return *this;
}

void CopyRows::endRow() {
  data_ += '\n';
  row_started_ = false;
}

PgConnection::PgConnection(const std::string& url) : connection_(PQconnectdb(url.c_str())) {
  if (PQstatus(connection_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection_);
    PQfinish(connection_);
    connection_ = nullptr;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    throw StoreError(fmt::format("cannot connect to PostgreSQL: {}", message));
  }
  // Dates as YYYY-MM-DD and doubles that read back exactly, whatever the server's defaults.
  execute(
      "SET DateStyle = ISO; SET extra_float_digits = 3; SET client_encoding = 'UTF8'; "
      "SET client_min_messages = warning");
}

PgConnection::~PgConnection() {
  PQfinish(connection_);
}

PgResult PgConnection::check(PGresult* raw, std::string_view what) {
  PgResult result(raw);
  ExecStatusType status = PQresultStatus(raw);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN) {
    return result;
  }
  const char* state = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
  std::string message = raw != nullptr ? PQresultErrorMessage(raw) : PQerrorMessage(connection_);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  if (state != nullptr && std::string_view(state) == "23505") throw app::DuplicateRecord(message);
  throw StoreError(fmt::format("PostgreSQL failed to {}: {}", what, message));
}

void PgConnection::execute(std::string_view sql) {
  check(PQexec(connection_, std::string(sql).c_str()), "run a statement");
}

PgResult PgConnection::query(std::string_view sql, const PgParams& params) {
  std::string key(sql);
  auto found = prepared_.find(key);
  if (found == prepared_.end()) {
    std::string name = fmt::format("styr_{}", prepared_.size() + 1);
    check(PQprepare(connection_, name.c_str(), key.c_str(), 0, nullptr),
          fmt::format("prepare: {}", sql));
    found = prepared_.emplace(std::move(key), std::move(name)).first;
  }
  auto values = params.pointers();
  return check(PQexecPrepared(connection_, found->second.c_str(), params.size(), values.data(),
                              nullptr, nullptr, 0),
               "run a query");
}

void PgConnection::copy(std::string_view target, const CopyRows& rows) {
  if (rows.empty()) return;
  check(PQexec(connection_, fmt::format("COPY {} FROM STDIN", target).c_str()), "start a copy");
  const std::string& data = rows.data();
  if (PQputCopyData(connection_, data.data(), static_cast<int>(data.size())) != 1 ||
      PQputCopyEnd(connection_, nullptr) != 1) {
    throw StoreError(
        fmt::format("PostgreSQL failed to copy rows: {}", PQerrorMessage(connection_)));
  }
  // The copy's outcome, then the end of results.
  while (PGresult* result = PQgetResult(connection_)) check(result, "copy rows");
}

}  // namespace styr::store
