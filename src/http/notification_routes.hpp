#pragma once
// The signed-in person's notifications (the in-app side of the outbox, app/notification), and
// the controller's "remind them all" for an occasion (app/reminders).

#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

//! GET /api/v1/notifications, POST /api/v1/notifications/{id}/read and
//! POST /api/v1/occasions/{code}/reminders.
void addNotificationRoutes(Router& router, const ApiContext& context);

}  // namespace styr::http
