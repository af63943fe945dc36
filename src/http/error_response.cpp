#include "http/error_response.hpp"

#include <nlohmann/json.hpp>

namespace styr::http {

int statusFor(app::ErrorCode code) {
  switch (code) {
    case app::ErrorCode::invalid_input:
      return 400;
    case app::ErrorCode::unauthenticated:
      return 401;
    case app::ErrorCode::forbidden:
      return 403;
    case app::ErrorCode::not_found:
      return 404;
    case app::ErrorCode::conflict:
    case app::ErrorCode::locked:
      return 409;
    case app::ErrorCode::rule_broken:
      return 422;
    case app::ErrorCode::too_many_requests:
      return 429;
  }
  return 500;
}

Response errorResponse(const app::Error& error) {
  auto details = nlohmann::json::array();
  for (const auto& detail : error.details) {
    details.push_back(
        {{"where", detail.where}, {"rule", detail.rule}, {"message", detail.message}});
  }
  nlohmann::json field = nullptr;
  if (!error.details.empty() && !error.details.front().where.empty()) {
    field = error.details.front().where;
  }
  return json(statusFor(error.code), {{"error",
                                       {{"code", app::toString(error.code)},
                                        {"message", error.message},
                                        {"field", field},
                                        {"details", details}}}});
}

Response errorResponse(int status, std::string_view code, std::string_view message) {
  return json(status, {{"error",
                        {{"code", code},
                         {"message", message},
                         {"field", nullptr},
                         {"details", nlohmann::json::array()}}}});
}

Response bodyNotJson() {
  return errorResponse(400, protocol_error::malformed_request,
                       "The request body is not valid JSON.");
}

Response internalError() {
  return errorResponse(
      500, protocol_error::internal_error,
      "Something went wrong on the server. The request id identifies it in the log.");
}

}  // namespace styr::http
