#include "app/copy_database.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <tuple>

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

// Every field, so that a deviation read back from the target can be held against its source.
bool sameDeviations(const std::vector<domain::Deviation>& a,
                    const std::vector<domain::Deviation>& b) {
  auto level = [](const domain::DeviationLevel& l) {
    return std::tie(l.position, l.unit, l.people, l.notified_at, l.acknowledged_at,
                    l.acknowledged_by, l.due_at, l.reminded_at, l.escalated_at, l.released_at);
  };
  auto action = [](const domain::DeviationAction& x) {
    return std::tie(x.number, x.description, x.owner, x.due, x.status, x.added_by, x.added_at);
  };
  auto event = [](const domain::DeviationEvent& e) {
    return std::tie(e.sequence, e.at, e.person, e.kind, e.text, e.gravity, e.level, e.action,
                    e.people);
  };
  auto fields = [](const domain::Deviation& d) {
    return std::tie(d.code, d.unit, d.reported_by, d.reported_at, d.category, d.gravity, d.title,
                    d.description, d.occurred_on, d.affected_items, d.affected_indicators,
                    d.budget_effect_sek, d.immediate_actions, d.confidential, d.state,
                    d.closing_note, d.closed_by, d.closed_at, d.council_listed_at,
                    d.council_meeting, d.revision);
  };
  auto same = [](const auto& x, const auto& y, const auto& key) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                      [&](const auto& p, const auto& q) { return key(p) == key(q); });
  };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [&](const auto& p, const auto& q) {
    return fields(p) == fields(q) && same(p.levels, q.levels, level) &&
           same(p.actions, q.actions, action) && same(p.events, q.events, event);
  });
}

bool sameSettings(const domain::DeviationSettings& a, const domain::DeviationSettings& b) {
  auto rule = [](const domain::GravityRule& r) {
    return std::tie(r.gravity, r.reach, r.hours, r.business_days);
  };
  return std::equal(a.rules.begin(), a.rules.end(), b.rules.begin(), b.rules.end(),
                    [&](const auto& p, const auto& q) { return rule(p) == rule(q); });
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
    // Deviations live beside the organisation's data (Store::insertDeviation); the settings
    // are copied as they read, the defaults too, which means the same.
    std::vector<domain::Deviation> deviations = from.deviations(organisation.code, std::nullopt);
    domain::DeviationSettings settings = from.deviationSettings(organisation.code);
    {
      Transaction transaction(to);
      to.insertOrganisationData(data);
      for (const domain::Deviation& deviation : deviations) {
        to.insertDeviation(organisation.code, deviation);
      }
      to.saveDeviationSettings(organisation.code, settings);
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
    bool same_deviations =
        sameDeviations(deviations, to.deviations(organisation.code, std::nullopt)) &&
        sameSettings(settings, to.deviationSettings(organisation.code));
    if (expected != actual || !same_deviations || !same_trail) {
      throw std::runtime_error(fmt::format(
          "the copy of {} differs from its source ({}); the target holds the organisations "
          "copied so far and should not be used",
          organisation.code,
          expected != actual ? "content" : (!same_deviations ? "deviations" : "audit trail")));
    }
    copied.push_back({organisation.code, organisation.name, data.recordCount(), trail.size()});
  }
  return copied;
}

}  // namespace styr::app
