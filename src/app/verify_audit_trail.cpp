#include "app/verify_audit_trail.hpp"

namespace styr::app {

AuditVerification verifyAuditTrail(Store& store, std::string_view organisation) {
  domain::AuditChainVerifier verifier;
  AuditVerification result;
  store.forEachAuditEntry(organisation, 1, [&](const domain::AuditEntry& entry) {
    if (!verifier.intact()) return;
    if (!verifier.add(entry) && entry.sequence == verifier.brokenAt()) result.broken = entry;
  });
  result.entries = verifier.entriesChecked();
  result.broken_at = verifier.brokenAt();
  result.reason = verifier.reason();
  return result;
}

}  // namespace styr::app
