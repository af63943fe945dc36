#include "http/session_routes.hpp"

#include <fmt/format.h>

#include "app/organisation_queries.hpp"
#include "http/error_response.hpp"

namespace styr::http {

namespace {

std::optional<std::string> cookie(const Request& request, std::string_view name) {
  auto header = request.header("Cookie");
  if (!header) return std::nullopt;
  std::string_view rest = *header;
  while (!rest.empty()) {
    std::size_t end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
      return std::string(pair.substr(equals + 1));
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return std::nullopt;
}

std::string sessionCookie(std::string_view secret, std::chrono::seconds max_age) {
  // Path=/ so the UI's pages and the API share it; Secure is left to the TLS proxy's config.
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}", kSessionCookie, secret,
                     max_age.count());
}

nlohmann::json whoJson(app::Store& store, const app::Authenticated& who, const app::Clock& clock) {
  nlohmann::json json{{"organisation", who.account.organisation},
                      {"username", who.account.username},
                      {"person", who.account.person.empty() ? nlohmann::json(nullptr)
                                                            : nlohmann::json(who.account.person)},
                      {"administrator", who.account.administrator},
                      {"csrf_token", who.session.csrf_token}};
  nlohmann::json memberships = nlohmann::json::array();
  if (!who.account.person.empty()) {
    if (auto person = store.person(who.account.organisation, who.account.person)) {
      json["name"] = person->given_name + " " + person->family_name;
    }
    domain::Date today = clock.today();
    for (const auto& membership :
         store.membershipsOf(who.account.organisation, who.account.person)) {
      if (!domain::isValidOn(membership.valid_from, membership.valid_to, today)) continue;
      memberships.push_back(
          {{"unit", membership.unit}, {"role", domain::toString(membership.role)}});
    }
  }
  json["memberships"] = std::move(memberships);
  return json;
}

}  // namespace

bool carriesSession(const Request& request) {
  auto secret = cookie(request, kSessionCookie);
  return secret && !secret->empty();
}

std::optional<std::string> sessionSecret(const Request& request) {
  return cookie(request, kSessionCookie);
}

app::Result<app::Authenticated> authenticateRequest(const ApiContext& context,
                                                    const Request& request) {
  auto secret = cookie(request, kSessionCookie);
  if (!secret || secret->empty()) {
    return app::Error{app::ErrorCode::unauthenticated, "not signed in", {}};
  }
  return app::authenticate(context.store(), *context.clock, *secret, context.session_idle_limit);
}

app::Result<app::Authenticated> authenticateMutation(const ApiContext& context,
                                                     const Request& request) {
  auto who = authenticateRequest(context, request);
  if (!who) return who;
  auto token = request.header(kCsrfHeader);
  if (!token || *token != who.value().session.csrf_token) {
    return app::Error{
        app::ErrorCode::forbidden,
        fmt::format("a change needs the session's CSRF token in the {} header", kCsrfHeader),
        {{std::string(kCsrfHeader), "", "send the csrf_token given at sign-in"}}};
  }
  return who;
}

void addSessionRoutes(Router& router, const ApiContext& context) {
  router.add("POST", "/api/v1/session", [&context](const Request& request) {
    auto body = jsonBody(request);
    if (!body || !body->is_object()) return bodyNotJson();
    app::Error invalid{
        app::ErrorCode::invalid_input, "sign-in needs a username and a password", {}};
    for (const char* field : {"username", "password"}) {
      if (!body->contains(field) || !(*body)[field].is_string()) {
        invalid.details.push_back({field, "", fmt::format("{} is required, as text", field)});
      }
    }
    if (!invalid.details.empty()) return errorResponse(invalid);
    app::Store& store = context.store();
    std::string organisation;
    if (body->contains("organisation") && (*body)["organisation"].is_string()) {
      organisation = (*body)["organisation"].get<std::string>();
    }
    auto resolved = app::resolveOrganisation(store, organisation);
    if (!resolved) return errorResponse(resolved.error());
    std::string username = (*body)["username"].get<std::string>();
    // Counted whether or not the account exists, so the wait tells nothing either.
    std::string account = resolved.value().code + "/" + username;
    auto now = context.clock->now();
    if (auto wait = context.throttle->waitBefore(request.remote_address, account, now);
        wait.count() > 0) {
      Response response = errorResponse(
          {app::ErrorCode::too_many_requests,
           fmt::format("too many failed sign-ins: try again in {} seconds", wait.count()),
           {}});
      response.headers.set("Retry-After", std::to_string(wait.count()));
      return response;
    }
    auto signed_in = app::signIn(store, *context.clock, resolved.value().code, username,
                                 (*body)["password"].get<std::string>());
    if (!signed_in) {
      if (signed_in.error().code == app::ErrorCode::unauthenticated) {
        context.throttle->recordFailure(request.remote_address, account, now);
      }
      return errorResponse(signed_in.error());
    }
    context.throttle->recordSuccess(account);
    app::Authenticated who{signed_in.value().session, signed_in.value().account};
    Response response = json(200, whoJson(store, who, *context.clock));
    response.headers.add("Set-Cookie",
                         sessionCookie(signed_in.value().secret, context.session_idle_limit));
    return response;
  });

  router.add("GET", "/api/v1/session", [&context](const Request& request) {
    auto who = authenticateRequest(context, request);
    if (!who) return errorResponse(who.error());
    return json(200, whoJson(context.store(), who.value(), *context.clock));
  });

  router.add("DELETE", "/api/v1/session", [&context](const Request& request) {
    auto who = authenticateMutation(context, request);
    if (!who) return errorResponse(who.error());
    app::signOut(context.store(), *cookie(request, kSessionCookie));
    Response response{204, "application/json", {}, ""};
    response.headers.add("Set-Cookie", sessionCookie("", std::chrono::seconds(0)));
    return response;
  });
}

}  // namespace styr::http
