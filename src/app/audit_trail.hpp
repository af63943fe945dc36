#pragma once
// Collects a use case's audit entries and writes them, chained, in the use case's transaction.

#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/store.hpp"
#include "domain/audit.hpp"

namespace styr::app {

class AuditTrail {
 public:
  AuditTrail(const Clock& clock, std::string organisation, std::string actor);

  //! One mutation of one record; `before` and `after` are JSON of the changed fields ("" when
  //! the record did not exist before or does not after).
  void record(std::string action, std::string record_kind, std::string record, std::string before,
              std::string after);

  //! Chains the entries onto the organisation's trail and writes them. Call inside the
  //! transaction that made the changes.
  std::size_t write(Store& store);

 private:
  std::string organisation_;
  std::string actor_;
  std::string at_;
  std::vector<domain::AuditEntry> entries_;
};

}  // namespace styr::app
