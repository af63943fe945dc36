#pragma once
// What the readers of the exchange format report instead of failing at the first error: a
// controller fixing an export wants every mistake in one pass.

#include <optional>
#include <string>
#include <vector>

namespace styr::interchange {

//! One thing wrong with input, with where it is: a JSON path ("$.items[3].status"), a text
//! position ("line 4, column 17") or a CSV position ("units.csv line 4, column kind").
struct Problem {
  std::string where;
  std::string message;
};

//! The outcome of reading input: `value` is set only when `problems` is empty.
template <typename T>
struct ParseResult {
  std::optional<T> value;
  std::vector<Problem> problems;
};

}  // namespace styr::interchange
