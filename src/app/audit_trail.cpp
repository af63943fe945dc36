#include "app/audit_trail.hpp"

namespace styr::app {

AuditTrail::AuditTrail(const Clock& clock, std::string organisation, std::string actor)
    : organisation_(std::move(organisation)),
      actor_(std::move(actor)),
      at_(formatTimestamp(clock.now())) {}

void AuditTrail::record(std::string action, std::string record_kind, std::string record,
                        std::string before, std::string after) {
  domain::AuditEntry entry;
  entry.organisation = organisation_;
  entry.at = at_;
  entry.actor = actor_;
  entry.action = std::move(action);
  entry.record_kind = std::move(record_kind);
  entry.record = std::move(record);
  entry.before = std::move(before);
  entry.after = std::move(after);
  entries_.push_back(std::move(entry));
}

std::size_t AuditTrail::write(Store& store) {
  domain::AuditHead head = store.auditHead(organisation_);
  for (domain::AuditEntry& entry : entries_) domain::chainAuditEntry(entry, head);
  store.appendAudit(entries_);
  std::size_t written = entries_.size();
  entries_.clear();
  return written;
}

}  // namespace styr::app
