#include "http/api.hpp"

#include "http/admin_routes.hpp"
#include "http/analysis_routes.hpp"
#include "http/calendar_routes.hpp"
#include "http/deviation_routes.hpp"
#include "http/document_routes.hpp"
#include "http/follow_up_routes.hpp"
#include "http/health.hpp"
#include "http/indicator_routes.hpp"
#include "http/item_routes.hpp"
#include "http/my_work_routes.hpp"
#include "http/notification_routes.hpp"
#include "http/people_routes.hpp"
#include "http/resource_support.hpp"

namespace styr::http {

void addApiRoutes(Router& router, const ApiContext& context) {
  addHealthRoute(router);
  router.add("GET", "/api/v1/openapi.json", [](const Request&) {
    return Response{200, "application/json", {}, std::string(openApiDocument())};
  });
  addSessionRoutes(router, context);
  addItemRoutes(router, context);
  addPeopleRoutes(router, context);
  addDocumentRoutes(router, context);
  addAdminRoutes(router, context);
  addAnalysisRoutes(router, context);
  addIndicatorRoutes(router, context);
  addFollowUpRoutes(router, context);
  addNotificationRoutes(router, context);
  addCalendarRoutes(router, context);
  addDeviationRoutes(router, context);
  addMyWorkRoutes(router, context);
  // Kept answers on the io threads (quick_reads.hpp), and every change making what they were
  // found by stale.
  router.setQuick([&context](const Request& request) { return quickRead(context, request); });
  router.setAfterChange([&context] { context.quick->changed(); });
}

}  // namespace styr::http
