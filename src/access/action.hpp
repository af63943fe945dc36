#pragma once
// What Styr asks permission for, and the scopes an API token carries, by their glossary names
// (docs/permissions.md has one row per action).

#include <optional>
#include <string_view>
#include <vector>

namespace styr::access {

//! What an API token lets its machine client do of what its creator may do.
enum class Scope {
  read,           //!< the read_* actions
  write_content,  //!< items, steering documents, indicator values, report-backs and the year's
                  //!< set-up with its follow-up plan
  import,         //!< import_data and export_data
  //! manage_memberships, manage_accounts and manage_tokens; not manage_follow_up_plan, which
  //! writes the organisation's content (write_content)
  administer,
};

//! Everything an actor may be allowed or denied. Item actions split by D2: the issuer's side
//! (create_item .. cancel_item) writes the WHAT, the recipient's side (acknowledge_item ..
//! complete_item) the HOW.
enum class Action {
  read_item,
  create_item,
  edit_what,
  issue_item,
  cancel_item,
  acknowledge_item,
  edit_how,
  complete_item,
  read_document,
  create_document,
  revise_document,
  record_decision,
  read_units,
  read_indicators,
  record_indicator_value,
  read_people,
  manage_memberships,
  manage_accounts,
  manage_tokens,
  setup_year,
  import_data,
  export_data,
  read_audit,
  read_coverage,
  read_stats,
  read_follow_up_plan,
  manage_follow_up_plan,
  read_report_back,
  write_report_back,
  decide_report_back,
  read_follow_up_overview,
  send_reminders,
  report_deviation,
  read_deviation,
  comment_deviation,
  //! Acknowledge, assess, raise or lower, add and change corrective actions, close: the chain
  //! that was told.
  handle_deviation,
  manage_deviation_settings,
};

std::string_view toString(Action value);
std::string_view toString(Scope value);

//! Parses a glossary name; nullopt when `text` names no action or scope.
std::optional<Action> parseAction(std::string_view text);
std::optional<Scope> parseScope(std::string_view text);

//! Every action and every scope, in declaration order.
const std::vector<Action>& allActions();
const std::vector<Scope>& allScopes();

//! The scope a token must carry for its machine client to be allowed `action` at all.
Scope scopeOf(Action action);

}  // namespace styr::access
