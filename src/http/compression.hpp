#pragma once
// gzip for responses (zlib, RFC 1952 framing).

#include <optional>
#include <string>
#include <string_view>

namespace styr::http {

//! Responses with bodies larger than this are compressed when the client accepts gzip.
inline constexpr std::size_t kCompressionThreshold = 1024;

//! True when an Accept-Encoding value allows gzip: "gzip" (or "x-gzip"), or failing that "*",
//! with a q-value above zero.
bool acceptsGzip(std::string_view accept_encoding);

std::string gzip(std::string_view data);
//! Nullopt when `data` is not one complete gzip stream.
std::optional<std::string> gunzip(std::string_view data);

}  // namespace styr::http
