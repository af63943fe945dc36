#include "app/import_organisation.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "app/audit_trail.hpp"
#include "app/changes.hpp"
#include "domain/rules.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::app {

namespace {

using interchange::recordJson;

template <typename Record>
void recordAll(AuditTrail& trail, std::string_view kind, const std::vector<Record>& records) {
  for (const Record& record : records) {
    std::string key;
    if constexpr (std::is_same_v<Record, domain::Membership>) {
      key = membershipKey(record);
    } else if constexpr (std::is_same_v<Record, domain::SteeringDocument>) {
      key = fmt::format("{}/{}", record.code, record.version);
    } else if constexpr (std::is_same_v<Record, domain::Term>) {
      key = std::to_string(record.first_year);
    } else if constexpr (std::is_same_v<Record, domain::FiscalYear>) {
      key = std::to_string(record.year);
    } else if constexpr (std::is_same_v<Record, domain::ReportBack>) {
      key = reportBackKey(record);
    } else {
      key = record.code;
    }
    trail.record(fmt::format("{}.imported", kind), std::string(kind), std::move(key), "",
                 recordJson(record));
  }
}

// Indicator values are bulk measurements (thousands per organisation and year, millions from
// national statistics later); they are audited as one entry per indicator and import, with
// the count and the periods, rather than one entry per number.
void recordValues(AuditTrail& trail, const std::vector<domain::IndicatorValue>& values) {
  struct Span {
    std::size_t count = 0;
    domain::Date first;
    domain::Date last;
  };
  std::map<std::string, Span> spans;
  for (const auto& value : values) {
    auto [slot, inserted] = spans.try_emplace(value.indicator);
    Span& span = slot->second;
    if (inserted || value.period_end < span.first) span.first = value.period_end;
    if (inserted || span.last < value.period_end) span.last = value.period_end;
    ++span.count;
  }
  for (const auto& [indicator, span] : spans) {
    trail.record(
        "indicator_values.imported", "indicator", indicator, "",
        fmt::format(R"({{"values":{},"first_period_end":"{}","last_period_end":"{}"}})", span.count,
                    domain::formatDate(span.first), domain::formatDate(span.last)));
  }
}

}  // namespace

Result<ImportReport> importOrganisation(Store& store, const Clock& clock, std::string_view actor,
                                        const domain::OrganisationData& data) {
  auto violations = domain::validate(data);
  if (!violations.empty()) {
    return ruleBroken(violations, fmt::format("the organisation {}", data.organisation.code));
  }
  Transaction transaction(store);
  if (store.organisation(data.organisation.code)) {
    return Error{ErrorCode::conflict,
                 fmt::format("the organisation {} ({}) exists already in this database; "
                             "nothing was written",
                             data.organisation.code, data.organisation.name),
                 {{"organisation.code", "", "choose an empty database or another organisation"}}};
  }
  try {
    store.insertOrganisationData(data);
  } catch (const DuplicateRecord&) {
    // Another process created it between the check above and this write.
    return Error{ErrorCode::conflict,
                 fmt::format("the organisation {} was created by someone else meanwhile; "
                             "nothing was written",
                             data.organisation.code),
                 {}};
  }

  AuditTrail trail(clock, data.organisation.code, std::string(actor));
  trail.record("organisation.imported", "organisation", data.organisation.code, "",
               recordJson(data.organisation));
  recordAll(trail, "term", data.terms);
  recordAll(trail, "year", data.years);
  recordAll(trail, "unit", data.units);
  recordAll(trail, "person", data.people);
  recordAll(trail, "membership", data.memberships);
  recordAll(trail, "document", data.documents);
  recordAll(trail, "indicator", data.indicators);
  recordAll(trail, "item", data.items);
  recordValues(trail, data.indicator_values);
  recordAll(trail, "occasion", data.occasions);
  recordAll(trail, "report_back", data.report_backs);
  ImportReport report;
  report.organisation = data.organisation.code;
  report.records = data.recordCount();
  report.audit_entries = trail.write(store);
  transaction.commit();
  return report;
}

Result<ImportReport> importUnitsAndPeople(Store& store, const Clock& clock, std::string_view actor,
                                          std::string_view organisation,
                                          const UnitsAndPeople& records) {
  Transaction transaction(store);
  // Held to the end, so no one changes the organisation between validating and writing.
  store.lockOrganisation(organisation);
  domain::OrganisationData merged = store.loadOrganisation(organisation);
  if (merged.organisation.code.empty()) {
    return Error{ErrorCode::not_found,
                 fmt::format("there is no organisation {} to import into", organisation),
                 {}};
  }
  // Records that exist already are reported here, by the imported row, rather than as
  // duplicates of the stored data.
  Error conflicts{ErrorCode::conflict, "", {}};
  std::set<std::string> units, people, memberships;
  for (const auto& unit : merged.units) units.insert(unit.code);
  for (const auto& person : merged.people) people.insert(person.code);
  for (const auto& membership : merged.memberships) memberships.insert(membershipKey(membership));
  for (std::size_t i = 0; i < records.units.size(); ++i) {
    if (units.count(records.units[i].code) != 0) {
      conflicts.details.push_back(
          {fmt::format("units[{}].code", i), "",
           fmt::format("the unit {} exists already in {}", records.units[i].code, organisation)});
    }
  }
  for (std::size_t i = 0; i < records.people.size(); ++i) {
    if (people.count(records.people[i].code) != 0) {
      conflicts.details.push_back({fmt::format("people[{}].code", i), "",
                                   fmt::format("the person {} exists already in {}",
                                               records.people[i].code, organisation)});
    }
  }
  for (std::size_t i = 0; i < records.memberships.size(); ++i) {
    if (memberships.count(membershipKey(records.memberships[i])) != 0) {
      conflicts.details.push_back(
          {fmt::format("memberships[{}]", i), "",
           fmt::format("the membership {} exists already", membershipKey(records.memberships[i]))});
    }
  }
  if (!conflicts.details.empty()) {
    conflicts.message = fmt::format("{} of the imported records exist already; nothing was written",
                                    conflicts.details.size());
    return conflicts;
  }

  std::size_t first_unit = merged.units.size();
  std::size_t first_person = merged.people.size();
  std::size_t first_membership = merged.memberships.size();
  merged.units.insert(merged.units.end(), records.units.begin(), records.units.end());
  merged.people.insert(merged.people.end(), records.people.begin(), records.people.end());
  merged.memberships.insert(merged.memberships.end(), records.memberships.begin(),
                            records.memberships.end());
  auto violations = domain::validate(merged);
  // Paths are reported relative to the imported records, which is what the user can fix.
  std::vector<domain::Violation> relevant;
  for (auto& violation : violations) {
    for (auto [prefix, first] : {std::pair<std::string_view, std::size_t>{"units[", first_unit},
                                 {"people[", first_person},
                                 {"memberships[", first_membership}}) {
      if (violation.path.rfind(prefix, 0) != 0) continue;
      std::size_t index = std::stoul(violation.path.substr(prefix.size()));
      if (index < first) break;
      violation.path = fmt::format("{}{}{}", prefix, index - first,
                                   violation.path.substr(violation.path.find(']')));
      relevant.push_back(violation);
      break;
    }
  }
  if (!violations.empty()) {
    return ruleBroken(relevant.empty() ? violations : relevant, "the import");
  }
  store.insertUnits(organisation, records.units);
  store.insertPeople(organisation, records.people);
  store.insertMemberships(organisation, records.memberships);
  AuditTrail trail(clock, std::string(organisation), std::string(actor));
  recordAll(trail, "unit", records.units);
  recordAll(trail, "person", records.people);
  recordAll(trail, "membership", records.memberships);
  ImportReport report{std::string(organisation),
                      records.units.size() + records.people.size() + records.memberships.size(), 0};
  report.audit_entries = trail.write(store);
  transaction.commit();
  return report;
}

}  // namespace styr::app
