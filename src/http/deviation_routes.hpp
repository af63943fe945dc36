#pragma once
// Deviations over HTTP (D11, D13): reporting one, the register with its filters, its
// statistics and its CSV export, one deviation with its levels and timeline, the steps of its
// handling, the council's list of information, and the organisation's gravity rules. The use
// cases in app/deviation_use_cases decide every change and who reads what; these routes read
// requests, call them, and add the names a reader needs. Deviations are never public: nobody
// signed in is told to sign in.

#include <nlohmann/json.hpp>

#include "domain/chain_index.hpp"
#include "domain/deviation.hpp"
#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

void addDeviationRoutes(Router& router, const ApiContext& context);

//! A deviation in a list (the register, the council's information, a report-back): what it
//! is, who reported it when, and how far up it is known: the levels told, acknowledged and
//! waiting, the highest level told and not released (`reached`), and the council meeting it
//! is information to.
nlohmann::json deviationSummaryJson(const domain::ChainIndex& index,
                                    const domain::Deviation& deviation);

}  // namespace styr::http
