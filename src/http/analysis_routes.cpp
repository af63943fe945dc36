#include "http/analysis_routes.hpp"

#include <fmt/format.h>

#include <set>
#include <unordered_set>

#include "domain/coverage.hpp"
#include "http/error_response.hpp"
#include "http/representations.hpp"
#include "http/resource_support.hpp"

namespace styr::http {

namespace {

using access::Action;
using domain::Item;

using Scope = UnitScope;

//! People belonging on `day` to a unit of the scope (any role but administrator, which gives
//! no place in the unit's work).
std::unordered_set<std::string_view> peopleOf(const domain::ChainIndex& index, const Scope& scope,
                                              const domain::Date& day) {
  std::unordered_set<std::string_view> people;
  for (const auto& membership : index.data().memberships) {
    if (membership.role != domain::Role::administrator && scope.contains(membership.unit) &&
        domain::isValidOn(membership.valid_from, membership.valid_to, day)) {
      people.insert(membership.person);
    }
  }
  return people;
}

//! Whether an item concerns the scope: issued by or addressed to one of its units, or
//! addressed to one of its people.
bool concerns(const Scope& scope, const std::unordered_set<std::string_view>& people,
              const Item& item) {
  if (scope.whole) return true;
  return scope.contains(item.issuer) || scope.contains(item.recipient_unit) ||
         (!item.recipient_person.empty() && people.count(item.recipient_person) != 0);
}

// ---- Coverage

Response coverage(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  domain::Date as_of = reader.today();
  if (auto text = request.queryParam("as_of")) {
    auto parsed = domain::parseDate(*text);
    if (!parsed) {
      return errorResponse({app::ErrorCode::invalid_input,
                            "as_of must be a date, such as 2025-11-30",
                            {{"as_of", "", fmt::format("'{}' is no date (YYYY-MM-DD)", *text)}}});
    }
    as_of = *parsed;
  }
  auto scope = unitScopeOf(reader, Action::read_coverage, request);
  if (!scope) return errorResponse(scope.error());
  const Scope& part = scope.value();
  const domain::ChainIndex& index = reader.index();
  auto people = peopleOf(index, part, as_of);
  std::size_t items = 0;
  for (const Item& item : index.data().items) {
    if (concerns(part, people, item) && reader.mayRead(item)) ++items;
  }
  domain::CoverageReport report = domain::analyseCoverage(index, as_of);
  std::size_t shown = 0;
  std::size_t hidden = 0;
  auto list = [&](const std::vector<domain::ItemSummary>& findings) {
    nlohmann::json listed = nlohmann::json::array();
    for (const auto& finding : findings) {
      const Item* item = index.item(finding.code);
      if (item == nullptr || !concerns(part, people, *item)) continue;
      if (!reader.mayRead(*item)) {
        ++hidden;
        continue;
      }
      listed.push_back(itemSummaryJson(index, *item));
      ++shown;
    }
    return listed;
  };
  nlohmann::json findings{{"council_goals_not_carried", list(report.council_goals_not_carried)},
                          {"without_origin", list(report.without_origin)},
                          {"recipient_without_head", list(report.recipient_without_head)},
                          {"never_acknowledged", list(report.never_acknowledged)},
                          {"without_follow_up", list(report.without_follow_up)}};
  return json(200, {{"organisation", reader.organisation()},
                    {"as_of", domain::formatDate(as_of)},
                    {"scope", part.json()},
                    {"items", items},
                    {"finding_count", shown},
                    {"hidden", hidden},
                    {"findings", std::move(findings)}});
}

// ---- Statistics

template <typename Enum>
nlohmann::ordered_json zeros() {
  nlohmann::ordered_json counts = nlohmann::ordered_json::object();
  for (auto value : domain::allValues<Enum>()) counts[std::string(domain::toString(value))] = 0;
  return counts;
}

//! Every category and every value of it, zero or not, so a client need not guess.
nlohmann::ordered_json emptyCounts(bool with_audit_entries) {
  nlohmann::ordered_json counts = nlohmann::ordered_json::object();
  counts["units_by_kind"] = zeros<domain::UnitKind>();
  counts["people"] = 0;
  counts["memberships_by_role"] = zeros<domain::Role>();
  counts["heads"] = 0;
  counts["items_by_kind"] = zeros<domain::ItemKind>();
  counts["items_by_status"] = zeros<domain::ItemStatus>();
  counts["documents_by_kind"] = zeros<domain::DocumentKind>();
  counts["indicators"] = 0;
  counts["indicator_values"] = 0;
  if (with_audit_entries) {
    counts["audit_entries"] = 0;
    counts["occasions"] = 0;  // the follow-up plan is the organisation's, like its trail
  }
  counts["report_backs_by_status"] = zeros<domain::ReportBackStatus>();
  return counts;
}

//! The store's counts of the whole organisation.
nlohmann::ordered_json organisationCounts(app::Store& store, const std::string& organisation) {
  nlohmann::ordered_json counts = emptyCounts(true);
  for (const auto& row : store.counts(organisation)) {
    if (!counts.contains(row.category)) continue;  // "organisations": this one
    if (row.key.empty()) {
      counts[row.category] = row.count;
    } else {
      counts[row.category][row.key] = row.count;
    }
  }
  return counts;
}

//! Counts over a subtree, from the snapshot: the store counts whole organisations only.
//! People and memberships are those valid today; items and documents those the caller may
//! read. The audit trail is the organisation's, not a subtree's, so it is not counted.
nlohmann::ordered_json subtreeCounts(const View& view, const Scope& scope) {
  const domain::ChainIndex& index = view.index();
  const domain::OrganisationData& data = index.data();
  nlohmann::ordered_json counts = emptyCounts(false);
  auto add = [&](const char* category, std::string_view key) {
    counts[category][std::string(key)] = counts[category][std::string(key)].get<std::int64_t>() + 1;
  };
  for (const auto& unit : data.units) {
    if (scope.contains(unit.code)) add("units_by_kind", domain::toString(unit.kind));
  }
  std::set<std::string_view> heads;
  for (const auto& membership : data.memberships) {
    if (!scope.contains(membership.unit) ||
        !domain::isValidOn(membership.valid_from, membership.valid_to, view.today())) {
      continue;
    }
    add("memberships_by_role", domain::toString(membership.role));
    if (membership.role == domain::Role::head) heads.insert(membership.person);
  }
  auto people = peopleOf(index, scope, view.today());
  counts["people"] = people.size();
  counts["heads"] = heads.size();
  for (const Item& item : data.items) {
    if (!concerns(scope, people, item) || !view.mayRead(item)) continue;
    add("items_by_kind", domain::toString(item.kind));
    add("items_by_status", domain::toString(item.status));
  }
  for (const auto& document : data.documents) {
    if (scope.contains(document.deciding_body) && view.mayRead(document)) {
      add("documents_by_kind", domain::toString(document.kind));
    }
  }
  std::set<std::string_view> indicators;
  std::int64_t values = 0;
  for (const auto& value : data.indicator_values) {
    if (!scope.contains(value.unit)) continue;
    indicators.insert(value.indicator);
    ++values;
  }
  for (const auto& indicator : data.indicators) {
    for (const auto& target : indicator.targets) {
      if (scope.contains(target.unit)) indicators.insert(indicator.code);
    }
  }
  counts["indicators"] = indicators.size();
  counts["indicator_values"] = values;
  for (const auto& report_back : data.report_backs) {
    if (scope.contains(report_back.recipient_unit) ||
        people.contains(report_back.recipient_person)) {
      add("report_backs_by_status", domain::toString(report_back.status));
    }
  }
  return counts;
}

Response stats(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  auto scope = unitScopeOf(reader, Action::read_stats, request);
  if (!scope) return errorResponse(scope.error());
  nlohmann::ordered_json body = nlohmann::ordered_json::object();
  body["organisation"] = reader.organisation();
  body["as_of"] = domain::formatDate(reader.today());
  body["scope"] = scope.value().json();
  body["counts"] = scope.value().whole ? organisationCounts(context.store(), reader.organisation())
                                       : subtreeCounts(reader, scope.value());
  // Ordered, so the categories read as `styr stats` prints them.
  return Response{200,
                  "application/json",
                  {},
                  body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)};
}

}  // namespace

void addAnalysisRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/coverage",
             [&context](const Request& request) { return coverage(context, request); });
  router.add("GET", "/api/v1/stats",
             [&context](const Request& request) { return stats(context, request); });
}

}  // namespace styr::http
