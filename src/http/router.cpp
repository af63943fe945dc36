#include "http/router.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "http/error_response.hpp"

namespace styr::http {

namespace {

std::vector<std::string_view> splitPath(std::string_view path) {
  // "/a/b" -> {"a", "b"}; "/" -> {""}; "/a/" -> {"a", ""}.
  std::vector<std::string_view> segments;
  path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

//! Percent-decoded segments; nullopt when the encoding is broken.
std::optional<std::vector<std::string>> decodedSegments(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string> decoded;
  for (auto segment : splitPath(path)) {
    auto text = percentDecode(segment, false);
    if (!text) return std::nullopt;
    decoded.push_back(std::move(*text));
  }
  return decoded;
}

}  // namespace

void Router::add(std::string_view method, std::string_view pattern, Handler handler) {
  auto fail = [&](std::string_view why) {
    throw std::invalid_argument(std::string(method) + " " + std::string(pattern) + ": " +
                                std::string(why));
  };
  if (method.empty()) fail("no method");
  if (pattern.empty() || pattern.front() != '/') fail("a pattern starts with '/'");
  if (!handler) fail("no handler");

  Entry entry{{std::string(method), std::string(pattern)}, {}, std::move(handler)};
  std::set<std::string, std::less<>> names;
  for (auto segment : splitPath(pattern)) {
    const bool opens = segment.find('{') != std::string_view::npos;
    const bool closes = segment.find('}') != std::string_view::npos;
    if (!opens && !closes) {
      entry.segments.push_back({false, std::string(segment)});
      continue;
    }
    if (segment.size() < 3 || segment.front() != '{' || segment.back() != '}' ||
        segment.substr(1, segment.size() - 2).find_first_of("{}") != std::string_view::npos) {
      fail("a parameter is a whole segment: {name}");
    }
    std::string name(segment.substr(1, segment.size() - 2));
    if (!names.insert(name).second) fail("a parameter name appears twice");
    entry.segments.push_back({true, std::move(name)});
  }

  for (const auto& existing : entries_) {
    if (existing.route.method != entry.route.method ||
        existing.segments.size() != entry.segments.size()) {
      continue;
    }
    bool same = true;
    for (std::size_t i = 0; i < entry.segments.size() && same; ++i) {
      const auto& a = existing.segments[i];
      const auto& b = entry.segments[i];
      same = a.parameter == b.parameter && (a.parameter || a.text == b.text);
    }
    if (same) fail("registered already as " + existing.route.pattern);
  }
  entries_.push_back(std::move(entry));
}

std::vector<Route> Router::routes() const {
  std::vector<Route> result;
  result.reserve(entries_.size());
  for (const auto& entry : entries_) result.push_back(entry.route);
  return result;
}

bool Router::matches(const Entry& entry, const std::vector<std::string>& segments) {
  if (entry.segments.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& segment = entry.segments[i];
    if (segment.parameter ? segments[i].empty() : segment.text != segments[i]) return false;
  }
  return true;
}

bool Router::moreSpecific(const Entry& a, const Entry& b) {
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    if (a.segments[i].parameter != b.segments[i].parameter) return !a.segments[i].parameter;
  }
  return false;
}

Response Router::handle(Request& request) const {
  const auto segments = decodedSegments(request.path);
  if (!segments) {
    return errorResponse(400, protocol_error::malformed_request,
                         "The request path is not correctly percent-encoded.");
  }

  const Entry* best = nullptr;
  const Entry* best_get = nullptr;  // for HEAD without a HEAD route
  std::set<std::string, std::less<>> allowed;
  for (const auto& entry : entries_) {
    if (!matches(entry, *segments)) continue;
    allowed.insert(entry.route.method);
    if (entry.route.method == request.method) {
      if (!best || moreSpecific(entry, *best)) best = &entry;
    } else if (entry.route.method == "GET" && request.method == "HEAD") {
      if (!best_get || moreSpecific(entry, *best_get)) best_get = &entry;
    }
  }
  if (!best) best = best_get;

  if (!best) {
    if (allowed.empty()) {
      if (fallback_ && (request.method == "GET" || request.method == "HEAD")) {
        return fallback_(request);
      }
      return errorResponse(404, protocol_error::not_found, "There is nothing at this path.");
    }
    if (allowed.contains("GET")) allowed.insert("HEAD");
    std::string allow;
    for (const auto& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
    auto response =
        errorResponse(405, protocol_error::method_not_allowed,
                      "This path does not take " + request.method + "; it takes " + allow + ".");
    response.headers.set("Allow", allow);
    return response;
  }

  request.path_params.clear();
  for (std::size_t i = 0; i < best->segments.size(); ++i) {
    if (best->segments[i].parameter) {
      request.path_params.emplace_back(best->segments[i].text, (*segments)[i]);
    }
  }
  if (!after_change_ || request.method == "GET" || request.method == "HEAD") {
    return best->handler(request);
  }
  struct AfterChange {
    const std::function<void()>& call;
    ~AfterChange() { call(); }
  } after{after_change_};
  return best->handler(request);
}

std::optional<Response> Router::quick(const Request& request) const {
  if (!quick_ || (request.method != "GET" && request.method != "HEAD")) return std::nullopt;
  try {
    return quick_(request);
  } catch (const std::exception&) {
    return std::nullopt;  // the handlers answer it, and report what fails
  }
}

}  // namespace styr::http
