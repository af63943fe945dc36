#pragma once
// The follow-up cycle over HTTP (D10-D13, L6, L13): the year's plan of occasions, each
// recipient's report-back to an occasion with its versions and steps, the overview a
// controller chases late reports with, and the period's indicator values rolled up the unit
// tree. The use cases in app/follow_up_use_cases decide every change; these routes read
// requests, call them and show the result as the caller may see it.
//
// A report-back's recipient in a path is a unit code when such a unit exists, else a person
// code.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/error.hpp"
#include "domain/follow_up_scope.hpp"
#include "domain/model.hpp"
#include "http/resource_support.hpp"
#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

void addFollowUpRoutes(Router& router, const ApiContext& context);

// What the occasion and report-back routes share (follow_up_routes.cpp).
namespace follow_up {

void addOccasionRoutes(Router& router, const ApiContext& context);
void addReportBackRoutes(Router& router, const ApiContext& context);

//! The occasion the path's {code} names, or not_found.
app::Result<const domain::FollowUpOccasion*> occasionOf(const View& view, std::string_view code);

//! The recipient a path names: the unit with that code, else the person; not_found when
//! neither exists.
app::Result<domain::Recipient> recipientNamed(const View& view, std::string_view code);

//! What a list row or a report-back shows of its occasion: code, name, kind, level, body
//! (with its name), period_end, meeting, status.
nlohmann::json occasionSummaryJson(const domain::ChainIndex& index,
                                   const domain::FollowUpOccasion& occasion);

//! The people who write the recipient's report-back today, as {code, name}: whom to chase.
nlohmann::json writersJson(const View& view, const domain::Recipient& recipient);

//! A date as "YYYY-MM-DD", or null.
nlohmann::json dateOrNull(const std::optional<domain::Date>& date);

//! The one text field of a request body ("reason"); whether it says enough is the use case's
//! to judge.
app::Result<std::string> requiredText(const Request& request, std::string_view field);

//! The caller's view, refused (401 for the public, 403 for a token without the read scope)
//! unless they may read the follow-up plan: every follow-up read starts here.
app::Result<std::unique_ptr<View>> openFollowUpView(const ApiContext& context,
                                                    const Request& request);

}  // namespace follow_up

}  // namespace styr::http
