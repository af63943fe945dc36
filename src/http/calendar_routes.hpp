#pragma once
// The follow-up calendar: a year's occasions with every level's deadline, as JSON (the same
// as `styr calendar --json`), and a person's own deadlines as an iCalendar feed (RFC 5545)
// that a calendar app subscribes to.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "domain/chain_index.hpp"
#include "domain/model.hpp"
#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

//! GET /api/v1/calendar and GET /api/v1/calendar/deadlines.ics.
void addCalendarRoutes(Router& router, const ApiContext& context);

//! {"year", "adopted", "occasions": [{code, name, kind, level, body, body_name, period_end,
//! meeting, status, deadlines: [{level, deadline}]}]}, the occasions of `year` among
//! `occasions` by period_end, then code; dates as YYYY-MM-DD. `adopted` is false for a plan
//! shown as a proposal (the default plan, not stored).
nlohmann::json calendarJson(int year, const std::vector<domain::FollowUpOccasion>& occasions,
                            const domain::ChainIndex& index, bool adopted);

}  // namespace styr::http
