#include "app/changes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace styr::app {

Error ruleBroken(const std::vector<domain::Violation>& violations, std::string_view what) {
  Error error{ErrorCode::rule_broken,
              fmt::format("{} breaks {} rule{}; nothing was written", what, violations.size(),
                          violations.size() == 1 ? "" : "s"),
              {}};
  for (const auto& violation : violations) {
    error.details.push_back({violation.path, violation.rule,
                             fmt::format("{}: {}", violation.record, violation.message)});
  }
  return error;
}

std::vector<domain::Violation> newViolations(const std::vector<domain::Violation>& before,
                                             const std::vector<domain::Violation>& after) {
  // Paths hold indexes that a change may shift (an inserted record), so a violation is known
  // by its rule, record and message.
  using Key = std::tuple<std::string_view, std::string_view, std::string_view>;
  std::multiset<Key> known;
  for (const auto& violation : before) {
    known.emplace(violation.rule, violation.record, violation.message);
  }
  std::vector<domain::Violation> fresh;
  for (const auto& violation : after) {
    auto found = known.find(Key{violation.rule, violation.record, violation.message});
    if (found != known.end()) {
      known.erase(found);
    } else {
      fresh.push_back(violation);
    }
  }
  return fresh;
}

std::pair<std::string, std::string> changedFields(const nlohmann::ordered_json& before,
                                                  const nlohmann::ordered_json& after) {
  nlohmann::ordered_json was = nlohmann::ordered_json::object();
  nlohmann::ordered_json is = nlohmann::ordered_json::object();
  for (const auto& [key, value] : after.items()) {
    if (!before.contains(key) || before[key] != value) {
      if (before.contains(key)) was[key] = before[key];
      is[key] = value;
    }
  }
  for (const auto& [key, value] : before.items()) {
    if (!after.contains(key)) was[key] = value;
  }
  return {was.dump(), is.dump()};
}

Error requiredField(std::string_view field, std::string_view why) {
  return Error{ErrorCode::invalid_input,
               fmt::format("{} is required: {}", field, why),
               {{std::string(field), "", "must not be empty"}}};
}

bool isBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
}

bool isUsableCode(std::string_view code) {
  return !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

Error notAllowed(const access::Decision& decision) {
  return Error{ErrorCode::forbidden, decision.reason, {}};
}

std::string membershipKey(const domain::Membership& membership) {
  return fmt::format("{}/{}/{}/{}", membership.person, membership.unit,
                     domain::toString(membership.role), domain::formatDate(membership.valid_from));
}

std::string reportBackKey(const domain::ReportBack& report_back) {
  return fmt::format("{}/{}/{}", report_back.occasion,
                     report_back.recipient_person.empty() ? report_back.recipient_unit
                                                          : report_back.recipient_person,
                     report_back.version);
}

}  // namespace styr::app
