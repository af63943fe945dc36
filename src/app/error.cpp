#include "app/error.hpp"

namespace styr::app {

std::string_view toString(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input:
      return "invalid_input";
    case ErrorCode::unauthenticated:
      return "unauthenticated";
    case ErrorCode::rule_broken:
      return "rule_broken";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::forbidden:
      return "forbidden";
    case ErrorCode::conflict:
      return "conflict";
    case ErrorCode::locked:
      return "locked";
    case ErrorCode::too_many_requests:
      return "too_many_requests";
  }
  return "invalid_input";
}

}  // namespace styr::app
