#pragma once
// THE one place where errors become HTTP statuses (as cli/exit_codes.hpp is for exit codes).
// Every error body has one shape:
//   {"error": {"code": "...", "message": "...", "field": "<first detail's where>" | null,
//              "details": [{"where": "...", "rule": "...", "message": "..."}, ...]}}

#include <string_view>

#include "app/error.hpp"
#include "http/message.hpp"

namespace styr::http {

//! invalid_input 400, unauthenticated 401, forbidden 403, not_found 404, conflict 409,
//! locked 409, rule_broken 422.
int statusFor(app::ErrorCode code);

//! An expected failure of a use case; the code is `app::toString(error.code)`.
Response errorResponse(const app::Error& error);

//! A protocol-level error (the request itself, not a use case, failed): one of the codes
//! below, with no details.
Response errorResponse(int status, std::string_view code, std::string_view message);

//! Codes of protocol-level errors, for `errorResponse(status, code, message)`.
namespace protocol_error {
inline constexpr std::string_view malformed_request = "malformed_request";    //!< 400
inline constexpr std::string_view not_found = "not_found";                    //!< 404
inline constexpr std::string_view method_not_allowed = "method_not_allowed";  //!< 405
inline constexpr std::string_view request_timeout = "request_timeout";        //!< 408
inline constexpr std::string_view body_too_large = "body_too_large";          //!< 413
inline constexpr std::string_view headers_too_large = "headers_too_large";    //!< 431
inline constexpr std::string_view internal_error = "internal_error";          //!< 500
}  // namespace protocol_error

//! 400 for a body that should have been JSON and is not.
Response bodyNotJson();
//! 500 with a message that says nothing of the cause (the cause goes to the log only).
Response internalError();

}  // namespace styr::http
