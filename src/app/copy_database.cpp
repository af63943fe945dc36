#include "app/copy_database.hpp"

#include <fmt/format.h>

#include "app/audit_trail.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::app {

namespace {

std::vector<domain::AuditEntry> auditTrail(Store& store, std::string_view organisation) {
  std::vector<domain::AuditEntry> entries;
  store.forEachAuditEntry(organisation, 1,
                          [&](const domain::AuditEntry& entry) { entries.push_back(entry); });
  return entries;
}

}  // namespace

Result<std::vector<CopiedOrganisation>> copyDatabase(Store& from, Store& to, const Clock& clock,
                                                     std::string_view actor,
                                                     std::string_view source_kind) {
  auto organisations = from.organisations();
  Error conflicts{ErrorCode::conflict, "", {}};
  for (const auto& organisation : organisations) {
    if (to.organisation(organisation.code)) {
      conflicts.details.push_back({organisation.code, "",
                                   fmt::format("{} ({}) exists in the target already",
                                               organisation.code, organisation.name)});
    }
  }
  if (!conflicts.details.empty()) {
    conflicts.message =
        fmt::format("{} of the {} organisations exist in the target already; nothing was copied",
                    conflicts.details.size(), organisations.size());
    return conflicts;
  }

  std::vector<CopiedOrganisation> copied;
  for (const auto& organisation : organisations) {
    domain::OrganisationData data = from.loadOrganisation(organisation.code);
    std::vector<domain::AuditEntry> trail = auditTrail(from, organisation.code);
    {
      Transaction transaction(to);
      to.insertOrganisationData(data);
      to.appendAudit(trail);
      AuditTrail copy(clock, organisation.code, std::string(actor));
      copy.record("organisation.copied", "organisation", organisation.code, "",
                  fmt::format(R"({{"from":"{}","records":{},"audit_entries":{}}})", source_kind,
                              data.recordCount(), trail.size()));
      copy.write(to);
      transaction.commit();
    }
    // Read back what was written and hold it against the source.
    std::string expected = interchange::organisationToJson(data);
    std::string actual = interchange::organisationToJson(to.loadOrganisation(organisation.code));
    std::vector<domain::AuditEntry> written = auditTrail(to, organisation.code);
    bool same_trail = written.size() == trail.size() + 1;
    for (std::size_t i = 0; same_trail && i < trail.size(); ++i) {
      same_trail = written[i].hash == trail[i].hash &&
                   written[i].hash == domain::computeAuditHash(written[i]);
    }
    if (expected != actual || !same_trail) {
      throw std::runtime_error(fmt::format(
          "the copy of {} differs from its source ({}); the target holds the organisations "
          "copied so far and should not be used",
          organisation.code, expected != actual ? "content" : "audit trail"));
    }
    copied.push_back({organisation.code, organisation.name, data.recordCount(), trail.size()});
  }
  return copied;
}

}  // namespace styr::app
