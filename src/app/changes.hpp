#pragma once
// What every mutating use case shares: who acts, the rules a change must keep, and the audit
// entry's before/after of the fields it changed.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "access/permissions.hpp"
#include "app/error.hpp"
#include "domain/rules.hpp"

namespace styr::app {

//! Who acts: their rights (access::Actor) and how the audit trail names them.
struct Caller {
  access::Actor actor;
  std::string name;      //!< e.g. "P00017 (enhetschef)", "admin via token ekonomisystemet"
  std::string username;  //!< the account acting; empty for nobody
};

//! rule_broken with one detail per violation (path, rule, "record: message").
Error ruleBroken(const std::vector<domain::Violation>& violations, std::string_view what);

//! The violations in `after` that were not already in `before`: a change is judged by what it
//! breaks, not by what was broken before it (an import may not have been perfect).
std::vector<domain::Violation> newViolations(const std::vector<domain::Violation>& before,
                                             const std::vector<domain::Violation>& after);

//! The fields of two JSON objects that differ, as the audit entry's before and after (JSON
//! objects of only those fields); both "{}" when nothing changed.
std::pair<std::string, std::string> changedFields(const nlohmann::ordered_json& before,
                                                  const nlohmann::ordered_json& after);

//! invalid_input: `field` must not be empty, because `why`.
Error requiredField(std::string_view field, std::string_view why);

//! Empty or only blanks and line breaks.
bool isBlank(std::string_view text);

//! Codes go into URLs and into audit keys such as "<code>/<version>", so they keep to ASCII
//! letters, digits, '-', '_' and '.', which need no escaping in either.
bool isUsableCode(std::string_view code);

//! forbidden with the access decision's reason.
Error notAllowed(const access::Decision& decision);

//! How the audit trail names a membership, which has no code of its own:
//! "<person>/<unit>/<role>/<valid_from>", its key in the store.
std::string membershipKey(const domain::Membership& membership);

//! How the audit trail names one version of a report-back:
//! "<occasion>/<recipient unit or person>/<version>", its key in the store.
std::string reportBackKey(const domain::ReportBack& report_back);

}  // namespace styr::app
