#pragma once
// The exchange format: one organisation's data as one JSON document, for export, import,
// backups and moving between installations. Described in docs/exchange-format.md.

#include <string>
#include <string_view>

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

}  // namespace styr::interchange
