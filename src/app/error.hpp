#pragma once
// Expected failures as values. Each carries a code that the boundaries map once (the CLI to
// exit codes, the HTTP layer to statuses) and details a person can act on.

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace styr::app {

enum class ErrorCode {
  invalid_input,    //!< malformed or unreadable input
  unauthenticated,  //!< nobody is signed in (or the session has expired)
  rule_broken,      //!< a domain rule (D1-D13) or the data's integrity would be broken
  not_found,
  forbidden,
  conflict,           //!< the record exists already, or changed since it was read
  locked,             //!< a period or a decided record that may no longer change
  too_many_requests,  //!< slowed down (failed sign-ins); try again after a while
};

std::string_view toString(ErrorCode code);

//! One specific thing wrong: where, under which rule (if any), and what.
struct ErrorDetail {
  std::string where;
  std::string rule;
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::invalid_input;
  std::string message;
  std::vector<ErrorDetail> details;
};

//! A value or the error that prevented it.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] const T& value() const& { return std::get<T>(state_); }
  [[nodiscard]] T& value() & { return std::get<T>(state_); }
  [[nodiscard]] T&& value() && { return std::get<T>(std::move(state_)); }
  [[nodiscard]] const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

//! For use cases that return nothing but may fail.
struct Done {};

}  // namespace styr::app
