#pragma once
// Moving every organisation of one database into another, for instance from a municipality's
// SQLite file to PostgreSQL when it outgrows the file. The audit trail moves with the data,
// entry for entry, and the target's trail records the copy.

#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/error.hpp"
#include "app/store.hpp"

namespace styr::app {

struct CopiedOrganisation {
  std::string code;
  std::string name;
  std::size_t records = 0;
  std::size_t audit_entries = 0;  //!< copied from the source, not counting the copy's own
};

//! Copies every organisation of `from` into `to`, one transaction per organisation, then reads
//! each back and compares it with the source (content and audit trail). A conflict, writing
//! nothing, if any of them exists in `to` already; `source_kind` names the source in the
//! audit entry ("sqlite", "postgres"), never its address, which may hold a password.
Result<std::vector<CopiedOrganisation>> copyDatabase(Store& from, Store& to, const Clock& clock,
                                                     std::string_view actor,
                                                     std::string_view source_kind);

}  // namespace styr::app
