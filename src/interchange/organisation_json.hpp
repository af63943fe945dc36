#pragma once
// The exchange format: one organisation's data as one JSON document, for export, import,
// backups and moving between installations. Described in docs/exchange-format.md.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"
#include "interchange/problem.hpp"

namespace styr::interchange {

//! The value of the document's "format" field.
inline constexpr std::string_view kOrganisationFormat = "styr-organisation";
//! The value of its "format_version" field that this code reads and writes.
inline constexpr int kOrganisationFormatVersion = 1;

//! The whole organisation as the exchange format's JSON: deterministic (same data -> same
//! bytes, whatever the input order), pretty-printed with 2 spaces, ending in a newline.
std::string organisationToJson(const domain::OrganisationData& data);

//! Parses the exchange format; lists EVERY problem found (not just the first), each with its
//! JSON path. Checks syntax, types, required fields, enum names (message lists the valid
//! names), dates (YYYY-MM-DD, real days), format name/version. Semantic rules (references,
//! D1-D6) are not checked here: domain::validate does that.
ParseResult<domain::OrganisationData> organisationFromJson(std::string_view text);

//! One record as the exchange format writes it, on one line: audit entries keep what was
//! written in the shape a user knows from exports.
std::string recordJson(const domain::Organisation& organisation);
std::string recordJson(const domain::Term& term);
std::string recordJson(const domain::FiscalYear& year);
std::string recordJson(const domain::Unit& unit);
std::string recordJson(const domain::Person& person);
std::string recordJson(const domain::Membership& membership);
std::string recordJson(const domain::SteeringDocument& document);
std::string recordJson(const domain::Indicator& indicator);
std::string recordJson(const domain::Item& item);
std::string recordJson(const domain::IndicatorValue& value);
std::string recordJson(const domain::FollowUpOccasion& occasion);
std::string recordJson(const domain::ReportBack& report_back);

//! One record as an object of the exchange format: the API's representations are these, so a
//! client sees the same fields in an export and on the wire.
nlohmann::ordered_json recordObject(const domain::Unit& unit);
nlohmann::ordered_json recordObject(const domain::Person& person);
nlohmann::ordered_json recordObject(const domain::Membership& membership);
nlohmann::ordered_json recordObject(const domain::SteeringDocument& document);
nlohmann::ordered_json recordObject(const domain::Indicator& indicator);
nlohmann::ordered_json recordObject(const domain::Item& item);
nlohmann::ordered_json recordObject(const domain::IndicatorValue& value);
nlohmann::ordered_json recordObject(const domain::FollowUpOccasion& occasion);
nlohmann::ordered_json recordObject(const domain::ReportBack& report_back);

//! Parts of records as the exchange format reads them, for request bodies that carry one:
//! each reports its problems at paths under `path` and returns what it could read.
domain::FollowUp readFollowUpObject(const nlohmann::json& node, std::string path,
                                    std::vector<Problem>& problems);
domain::Decision readDecisionObject(const nlohmann::json& node, std::string path,
                                    std::vector<Problem>& problems);
domain::Appropriation readAppropriationObject(const nlohmann::json& node, std::string path,
                                              std::vector<Problem>& problems);
domain::Person readPersonObject(const nlohmann::json& node, std::string path,
                                std::vector<Problem>& problems);
domain::Membership readMembershipObject(const nlohmann::json& node, std::string path,
                                        std::vector<Problem>& problems);
domain::IndicatorValue readIndicatorValueObject(const nlohmann::json& node, std::string path,
                                                std::vector<Problem>& problems);
//! A whole occasion of the follow-up plan, as in the export (its revision is not read).
domain::FollowUpOccasion readOccasionObject(const nlohmann::json& node, std::string path,
                                            std::vector<Problem>& problems);
//! What a report-back's writer edits: `assessments` (with their actions), `topics` and
//! `indicator_values`, the only fields the object may have. The rest of the returned
//! report-back (occasion, recipient, version, status, who and when) is left default: those
//! are the workflow's to set, never a request's.
domain::ReportBack readReportBackContent(const nlohmann::json& node, std::string path,
                                         std::vector<Problem>& problems);

}  // namespace styr::interchange
