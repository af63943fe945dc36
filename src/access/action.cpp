#include "access/action.hpp"

#include <array>
#include <utility>

namespace styr::access {

namespace {

constexpr std::array<std::pair<Action, std::string_view>, 37> kActions{{
    {Action::read_item, "read_item"},
    {Action::create_item, "create_item"},
    {Action::edit_what, "edit_what"},
    {Action::issue_item, "issue_item"},
    {Action::cancel_item, "cancel_item"},
    {Action::acknowledge_item, "acknowledge_item"},
    {Action::edit_how, "edit_how"},
    {Action::complete_item, "complete_item"},
    {Action::read_document, "read_document"},
    {Action::create_document, "create_document"},
    {Action::revise_document, "revise_document"},
    {Action::record_decision, "record_decision"},
    {Action::read_units, "read_units"},
    {Action::read_indicators, "read_indicators"},
    {Action::record_indicator_value, "record_indicator_value"},
    {Action::read_people, "read_people"},
    {Action::manage_memberships, "manage_memberships"},
    {Action::manage_accounts, "manage_accounts"},
    {Action::manage_tokens, "manage_tokens"},
    {Action::setup_year, "setup_year"},
    {Action::import_data, "import_data"},
    {Action::export_data, "export_data"},
    {Action::read_audit, "read_audit"},
    {Action::read_coverage, "read_coverage"},
    {Action::read_stats, "read_stats"},
    {Action::read_follow_up_plan, "read_follow_up_plan"},
    {Action::manage_follow_up_plan, "manage_follow_up_plan"},
    {Action::read_report_back, "read_report_back"},
    {Action::write_report_back, "write_report_back"},
    {Action::decide_report_back, "decide_report_back"},
    {Action::read_follow_up_overview, "read_follow_up_overview"},
    {Action::send_reminders, "send_reminders"},
    {Action::report_deviation, "report_deviation"},
    {Action::read_deviation, "read_deviation"},
    {Action::comment_deviation, "comment_deviation"},
    {Action::handle_deviation, "handle_deviation"},
    {Action::manage_deviation_settings, "manage_deviation_settings"},
}};

constexpr std::array<std::pair<Scope, std::string_view>, 4> kScopes{{
    {Scope::read, "read"},
    {Scope::write_content, "write_content"},
    {Scope::import, "import"},
    {Scope::administer, "administer"},
}};

template <typename Table, typename Enum>
std::string_view nameIn(const Table& table, Enum value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  // Every enumerator is in its table; an unlisted value means memory corruption.
  return "invalid";
}

template <typename Enum, typename Table>
std::optional<Enum> parseIn(const Table& table, std::string_view text) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename Enum, typename Table>
std::vector<Enum> valuesIn(const Table& table) {
  std::vector<Enum> values;
  for (const auto& entry : table) values.push_back(entry.first);
  return values;
}

}  // namespace

std::string_view toString(Action value) {
  return nameIn(kActions, value);
}
std::string_view toString(Scope value) {
  return nameIn(kScopes, value);
}

std::optional<Action> parseAction(std::string_view text) {
  return parseIn<Action>(kActions, text);
}
std::optional<Scope> parseScope(std::string_view text) {
  return parseIn<Scope>(kScopes, text);
}

const std::vector<Action>& allActions() {
  static const std::vector<Action> values = valuesIn<Action>(kActions);
  return values;
}
const std::vector<Scope>& allScopes() {
  static const std::vector<Scope> values = valuesIn<Scope>(kScopes);
  return values;
}

Scope scopeOf(Action action) {
  switch (action) {
    case Action::read_item:
    case Action::read_document:
    case Action::read_units:
    case Action::read_indicators:
    case Action::read_people:
    case Action::read_audit:
    case Action::read_coverage:
    case Action::read_stats:
    case Action::read_follow_up_plan:
    case Action::read_report_back:
    case Action::read_follow_up_overview:
    case Action::read_deviation:
      return Scope::read;
    case Action::create_item:
    case Action::edit_what:
    case Action::issue_item:
    case Action::cancel_item:
    case Action::acknowledge_item:
    case Action::edit_how:
    case Action::complete_item:
    case Action::create_document:
    case Action::revise_document:
    case Action::record_decision:
    case Action::record_indicator_value:
    case Action::setup_year:
    case Action::manage_follow_up_plan:
    case Action::write_report_back:
    case Action::decide_report_back:
    case Action::send_reminders:
    case Action::report_deviation:
    case Action::comment_deviation:
    case Action::handle_deviation:
    case Action::manage_deviation_settings:
      return Scope::write_content;
    case Action::import_data:
    case Action::export_data:
      return Scope::import;
    case Action::manage_memberships:
    case Action::manage_accounts:
    case Action::manage_tokens:
      return Scope::administer;
  }
  // Every action is listed above; an unlisted value means memory corruption, and the
  // narrowest scope keeps a corrupted request from gaining anything but reads.
  return Scope::read;
}

}  // namespace styr::access
