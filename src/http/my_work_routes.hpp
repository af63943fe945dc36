#pragma once
// "Mitt uppdrag", the start page of the browser UI, in one read: what the signed-in person
// and their units received and by when, what they issued and whether it was acknowledged,
// the report-backs they write or approve, the deviations waiting for their acknowledgement,
// and their unread notifications. One request, so that the page shows all of it at once.

#include "http/resource_support.hpp"
#include "http/router.hpp"

namespace styr::http {

//! GET /api/v1/my-work
void addMyWorkRoutes(Router& router, const ApiContext& context);

}  // namespace styr::http
