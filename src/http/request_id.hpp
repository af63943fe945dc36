#pragma once
// Request ids: one per request, from the client's X-Request-Id when it is sane, else new.

#include <string>
#include <string_view>

namespace styr::http {

//! 1 to 64 characters of [A-Za-z0-9-_]: safe to echo and to write to the log.
bool isSaneRequestId(std::string_view id);

//! 32 random hex digits.
std::string newRequestId();

//! The incoming id when it is sane, else a new one.
std::string requestIdFor(std::string_view incoming);

}  // namespace styr::http
