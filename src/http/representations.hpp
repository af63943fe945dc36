#pragma once
// The API's JSON for records: the exchange format's fields (so a client sees the same names in
// an export and on the wire) plus what a reader needs beside them: names of the units and
// people referred to, the revision, and what the caller may do next.

#include <nlohmann/json.hpp>

#include "domain/follow_up_scope.hpp"
#include "domain/model.hpp"
#include "http/resource_support.hpp"

namespace styr::http {

//! "Firstname Lastname", or the code when the person is unknown.
std::string personName(const domain::ChainIndex& index, std::string_view code);
//! The unit's name, or the code when the unit is unknown.
std::string unitName(const domain::ChainIndex& index, std::string_view code);

//! An item in a list: who issued it to whom, its state and dates, without the long texts.
nlohmann::json itemSummaryJson(const domain::ChainIndex& index, const domain::Item& item);
//! An item in full, with `revision` and `may`: the item actions the caller may take now.
nlohmann::json itemJson(const View& view, const domain::Item& item);

//! An occasion of the follow-up plan: the exchange format's fields, the meeting body's name
//! (`body_name`) and `revision`.
nlohmann::json occasionJson(const domain::ChainIndex& index,
                            const domain::FollowUpOccasion& occasion);
//! Who writes a report-back: {"kind": "unit" or "person", "code", "name"}.
nlohmann::json recipientJson(const domain::ChainIndex& index, const domain::Recipient& recipient);

}  // namespace styr::http
