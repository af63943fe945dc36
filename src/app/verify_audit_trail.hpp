#pragma once
// Verifying an organisation's hash-chained audit trail from its first entry to its last.

#include <cstdint>
#include <string>
#include <string_view>

#include "app/store.hpp"

namespace styr::app {

struct AuditVerification {
  std::int64_t entries = 0;    //!< entries read up to the first broken one (or all)
  std::int64_t broken_at = 0;  //!< sequence of the first broken entry; 0 when intact
  std::string reason;          //!< what is wrong with it
  domain::AuditEntry broken;   //!< the broken entry as stored (when it exists)

  [[nodiscard]] bool intact() const { return broken_at == 0; }
};

AuditVerification verifyAuditTrail(Store& store, std::string_view organisation);

}  // namespace styr::app
