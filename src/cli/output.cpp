#include "cli/output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"

namespace styr::cli {

namespace {

using nlohmann::ordered_json;

void print(const std::string& text) {
  std::fputs(text.c_str(), stdout);
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// Depth in the unit tree, so the chain is printed from the council down.
int depthOf(const domain::ChainIndex& index, std::string_view unit_code) {
  int depth = 0;
  const domain::Unit* unit = index.unit(unit_code);
  while (unit != nullptr && !unit->parent.empty() && depth < 64) {
    unit = index.unit(unit->parent);
    ++depth;
  }
  return depth;
}

ordered_json summaryJson(const domain::ItemSummary& item) {
  return ordered_json{{"code", item.code},
                      {"kind", domain::toString(item.kind)},
                      {"title", item.title},
                      {"issuer", item.issuer},
                      {"recipient", item.recipient},
                      {"status", domain::toString(item.status)},
                      {"issued_on", item.issued_on ? domain::formatDate(*item.issued_on) : ""}};
}

struct FindingList {
  std::string_view key;
  std::string_view heading;
  const std::vector<domain::ItemSummary>* items;
};

std::vector<FindingList> findingLists(const domain::CoverageReport& coverage) {
  return {
      {"council_goals_not_carried", "Council goals with nothing issued below them",
       &coverage.council_goals_not_carried},
      {"without_origin", "Items with no origin (D3)", &coverage.without_origin},
      {"recipient_without_head", "Items whose recipient has no head (D1)",
       &coverage.recipient_without_head},
      {"never_acknowledged", "Issued items never acknowledged", &coverage.never_acknowledged},
      {"without_follow_up", "Items with no follow-up method (D4)", &coverage.without_follow_up},
  };
}

ordered_json itemJson(const domain::Item& item) {
  return ordered_json{
      {"code", item.code},
      {"kind", domain::toString(item.kind)},
      {"title", item.title},
      {"issuer", item.issuer},
      {"recipient", item.recipient_unit.empty() ? item.recipient_person : item.recipient_unit},
      {"status", domain::toString(item.status)}};
}

ordered_json nodeJson(const domain::TraceNode& node) {
  ordered_json json = itemJson(*node.item);
  json["below"] = ordered_json::array();
  for (const auto& child : node.children) json["below"].push_back(nodeJson(child));
  return json;
}

std::string itemLine(const domain::Item& item) {
  return fmt::format("{} [{}, {}] {} ({} -> {})", item.code, domain::toString(item.kind),
                     domain::toString(item.status), item.title, item.issuer,
                     item.recipient_unit.empty() ? item.recipient_person : item.recipient_unit);
}

void printNode(const domain::TraceNode& node, const std::string& indent) {
  print(fmt::format("{}{}\n", indent, itemLine(*node.item)));
  for (const auto& child : node.children) printNode(child, indent + "  ");
}

}  // namespace

void printError(const app::Error& error) {
  std::fprintf(stderr, "styr: %s\n", error.message.c_str());
  for (const auto& detail : error.details) {
    std::string rule = detail.rule.empty() ? "" : fmt::format("[{}] ", detail.rule);
    std::string where = detail.where.empty() ? "" : detail.where + ": ";
    std::fprintf(stderr, "  %s%s%s\n", where.c_str(), rule.c_str(), detail.message.c_str());
  }
}

int fail(const app::Error& error) {
  printError(error);
  return exitCodeFor(error.code);
}

void printChainSummary(const app::LoadedOrganisation& organisation) {
  const auto& data = organisation.data;
  const auto& index = organisation.index;
  print(fmt::format("\n{} ({})\n", data.organisation.name, data.organisation.code));

  std::map<domain::UnitKind, std::size_t> units;
  for (const auto& unit : data.units) ++units[unit.kind];
  std::string unit_counts;
  for (const auto& [kind, count] : units) {
    unit_counts +=
        fmt::format("{}{} {}", unit_counts.empty() ? "" : ", ", count, domain::toString(kind));
  }
  print(fmt::format("  Units: {} ({})\n", data.units.size(), unit_counts));

  std::map<domain::Role, std::size_t> roles;
  for (const auto& membership : data.memberships) ++roles[membership.role];
  std::string role_counts;
  for (const auto& [role, count] : roles) {
    role_counts +=
        fmt::format("{}{} {}", role_counts.empty() ? "" : ", ", count, domain::toString(role));
  }
  print(fmt::format("  People: {}; memberships: {}\n", data.people.size(), role_counts));

  std::map<domain::DocumentKind, std::size_t> documents;
  for (const auto& document : data.documents) ++documents[document.kind];
  std::string document_counts;
  for (const auto& [kind, count] : documents) {
    document_counts +=
        fmt::format("{}{} {}", document_counts.empty() ? "" : ", ", count, domain::toString(kind));
  }
  print(fmt::format("  Steering documents: {} versions ({})\n", data.documents.size(),
                    document_counts));
  print(fmt::format("  Indicators: {} with {} values\n", data.indicators.size(),
                    data.indicator_values.size()));

  // Issuer level -> recipient level -> items by status.
  struct Level {
    int depth = 0;
    std::map<domain::ItemStatus, std::size_t> statuses;
    std::size_t total = 0;
  };
  std::map<std::pair<std::string, std::string>, Level> levels;
  for (const auto& item : data.items) {
    const domain::Unit* issuer = index.unit(item.issuer);
    std::string from = issuer != nullptr ? std::string(domain::toString(issuer->kind)) : "?";
    std::string to = "person";
    if (!item.recipient_unit.empty()) {
      const domain::Unit* recipient = index.unit(item.recipient_unit);
      to = recipient != nullptr ? std::string(domain::toString(recipient->kind)) : "?";
    }
    Level& level = levels[{from, to}];
    level.depth = depthOf(index, item.issuer);
    ++level.statuses[item.status];
    ++level.total;
  }
  std::vector<std::pair<std::pair<std::string, std::string>, Level>> ordered(levels.begin(),
                                                                             levels.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second.depth < b.second.depth; });
  print(fmt::format("  Goals and assignments: {}, from the council down:\n", data.items.size()));
  for (const auto& [route, level] : ordered) {
    std::string statuses;
    for (const auto& [status, count] : level.statuses) {
      statuses +=
          fmt::format("{}{} {}", statuses.empty() ? "" : ", ", count, domain::toString(status));
    }
    print(fmt::format("    {:>22} -> {:<22} {:>5}  ({})\n", route.first, route.second, level.total,
                      statuses));
  }
}

void printCheckReport(const app::CheckReport& report, std::size_t limit) {
  if (report.violations.empty()) {
    print("\nRules D1-D6 and integrity: no rule is broken.\n");
  } else {
    print(fmt::format("\nRules: {} broken:\n",
                      plural(report.violations.size(), "rule is", "rules are")));
    for (const auto& violation : report.violations) {
      print(fmt::format("  [{}] {} ({}): {}\n", violation.rule, violation.record, violation.path,
                        violation.message));
    }
  }
  const auto& coverage = report.coverage;
  print(fmt::format("\nCoverage analysis of {} items as of {}: {}\n", coverage.items,
                    domain::formatDate(coverage.as_of),
                    plural(coverage.findings(), "finding", "findings")));
  for (const auto& list : findingLists(coverage)) {
    print(fmt::format("  {}: {}\n", list.heading, list.items->size()));
    std::size_t shown = limit == 0 ? list.items->size() : std::min(limit, list.items->size());
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& item = (*list.items)[i];
      print(fmt::format("    {} [{}, {}] {} ({} -> {})\n", item.code, domain::toString(item.kind),
                        domain::toString(item.status), item.title, item.issuer, item.recipient));
    }
    if (shown < list.items->size()) {
      print(fmt::format("    ... and {} more (--limit 0 lists all)\n", list.items->size() - shown));
    }
  }
}

std::string checkReportJson(const domain::Organisation& organisation,
                            const app::CheckReport& report) {
  ordered_json json;
  json["organisation"] = organisation.code;
  json["as_of"] = domain::formatDate(report.coverage.as_of);
  json["rules_broken"] = report.violations.size();
  json["violations"] = ordered_json::array();
  for (const auto& violation : report.violations) {
    json["violations"].push_back({{"rule", violation.rule},
                                  {"path", violation.path},
                                  {"record", violation.record},
                                  {"message", violation.message}});
  }
  ordered_json coverage;
  coverage["items"] = report.coverage.items;
  for (const auto& list : findingLists(report.coverage)) {
    ordered_json items = ordered_json::array();
    for (const auto& item : *list.items) items.push_back(summaryJson(item));
    coverage[std::string(list.key)] = std::move(items);
  }
  json["coverage"] = std::move(coverage);
  return json.dump(2);
}

void printTrace(const app::ItemTrace& trace) {
  if (trace.down) {
    printNode(*trace.down, "");
    print(fmt::format("{} in all\n", plural(domain::countNodes(*trace.down), "item", "items")));
    return;
  }
  const auto& up = *trace.up;
  std::string indent;
  for (const domain::Item* item : up.chain) {
    print(fmt::format("{}{}\n", indent, itemLine(*item)));
    indent += "  ";
  }
  if (up.source != nullptr) {
    print(fmt::format("{}{} [{}] {}\n", indent, up.source->code, domain::toString(up.source->kind),
                      up.source->title));
  }
  if (up.broken) print(fmt::format("{}(the chain is broken here: an origin is missing)\n", indent));
}

std::string traceJson(const app::ItemTrace& trace) {
  if (trace.down) return nodeJson(*trace.down).dump(2);
  ordered_json json;
  json["chain"] = ordered_json::array();
  for (const domain::Item* item : trace.up->chain) json["chain"].push_back(itemJson(*item));
  if (trace.up->source != nullptr) {
    json["source"] = {{"code", trace.up->source->code},
                      {"kind", domain::toString(trace.up->source->kind)},
                      {"title", trace.up->source->title}};
  } else {
    json["source"] = nullptr;
  }
  json["broken"] = trace.up->broken;
  return json.dump(2);
}

std::string statsJson(const std::vector<app::CountRow>& rows) {
  // Every category and every value of it appears, zero or not, so scripts need not guess.
  ordered_json json = ordered_json::object();
  auto zeros = [](const auto& values) {
    ordered_json counts = ordered_json::object();
    for (auto value : values) counts[std::string(domain::toString(value))] = 0;
    return counts;
  };
  json["organisations"] = 0;
  json["units_by_kind"] = zeros(domain::allValues<domain::UnitKind>());
  json["people"] = 0;
  json["memberships_by_role"] = zeros(domain::allValues<domain::Role>());
  json["heads"] = 0;
  json["items_by_kind"] = zeros(domain::allValues<domain::ItemKind>());
  json["items_by_status"] = zeros(domain::allValues<domain::ItemStatus>());
  json["documents_by_kind"] = zeros(domain::allValues<domain::DocumentKind>());
  json["indicators"] = 0;
  json["indicator_values"] = 0;
  json["audit_entries"] = 0;
  json["occasions"] = 0;
  json["report_backs_by_status"] = zeros(domain::allValues<domain::ReportBackStatus>());
  for (const auto& row : rows) {
    if (row.key.empty()) {
      json[row.category] = row.count;
    } else {
      json[row.category][row.key] = row.count;
    }
  }
  return json.dump(2);
}

void printImportReport(const app::ImportReport& report, std::string_view source) {
  print(fmt::format("Imported {} from {} into organisation {} ({}).\n",
                    plural(report.records, "record", "records"), source, report.organisation,
                    plural(report.audit_entries, "audit entry", "audit entries")));
}

}  // namespace styr::cli
