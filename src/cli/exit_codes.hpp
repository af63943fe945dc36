#pragma once
// The one map from outcomes to exit codes (the HTTP layer has its own map to statuses).

#include "app/error.hpp"

namespace styr::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRuleBroken = 1;  //!< `styr check` found a broken rule
inline constexpr int kExitUsage = 2;       //!< wrong arguments or unreadable input
inline constexpr int kExitNotFound = 3;
inline constexpr int kExitConflict = 4;
inline constexpr int kExitFailure = 70;  //!< broken infrastructure (EX_SOFTWARE)

constexpr int exitCodeFor(app::ErrorCode code) {
  switch (code) {
    case app::ErrorCode::invalid_input:
      return kExitUsage;
    case app::ErrorCode::rule_broken:
      return kExitRuleBroken;
    case app::ErrorCode::not_found:
      return kExitNotFound;
    case app::ErrorCode::unauthenticated:
    case app::ErrorCode::forbidden:
    case app::ErrorCode::conflict:
    case app::ErrorCode::locked:
    case app::ErrorCode::too_many_requests:
      return kExitConflict;
  }
  return kExitFailure;
}

}  // namespace styr::cli
