#include "http/notification_routes.hpp"

#include <fmt/format.h>

#include <charconv>

#include "app/reminders.hpp"
#include "http/error_response.hpp"
#include "http/representations.hpp"
#include "http/resource_support.hpp"

namespace styr::http {

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 500;

nlohmann::json nullIfEmpty(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json notificationJson(const app::Notification& notification) {
  return {{"id", notification.id},
          {"kind", notification.kind},
          {"subject", notification.subject},
          {"body", notification.body},
          {"link", nullIfEmpty(notification.link)},
          {"created_at", notification.created_at},
          {"read_at", nullIfEmpty(notification.read_at)},
          {"email", app::toString(notification.email_state)}};
}

//! Notifications are a person's: an account without a person (an administrator's) has none,
//! and nobody signed in is told to sign in.
app::Result<app::Caller> notifiedPerson(app::Result<app::Caller> caller) {
  if (!caller) return caller.error();
  if (!caller.value().actor.signed_in) {
    return app::Error{app::ErrorCode::unauthenticated, "sign in to read your notifications", {}};
  }
  const auto& scopes = caller.value().actor.token_scopes;
  if (scopes && scopes->count(access::Scope::read) == 0) {
    return app::Error{app::ErrorCode::forbidden,
                      "this API token lacks the scope read, which notifications need",
                      {}};
  }
  return caller;
}

std::optional<int> positiveNumber(std::string_view text, int max) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > max) {
    return std::nullopt;
  }
  return value;
}

Response listNotifications(const ApiContext& context, const Request& request) {
  auto caller = notifiedPerson(identify(context, request));
  if (!caller) return errorResponse(caller.error());
  bool unread_only = false;
  if (auto unread = request.queryParam("unread")) {
    if (*unread != "true" && *unread != "false") {
      return errorResponse(app::Error{app::ErrorCode::invalid_input,
                                      fmt::format("unread is true or false, not '{}'", *unread),
                                      {{"unread", "", "true or false"}}});
    }
    unread_only = *unread == "true";
  }
  int limit = kDefaultLimit;
  if (auto given = request.queryParam("limit")) {
    auto parsed = positiveNumber(*given, kMaxLimit);
    if (!parsed) {
      return errorResponse(
          app::Error{app::ErrorCode::invalid_input,
                     fmt::format("limit is a number from 1 to {}, not '{}'", kMaxLimit, *given),
                     {{"limit", "", fmt::format("1-{}", kMaxLimit)}}});
    }
    limit = *parsed;
  }
  nlohmann::json list = nlohmann::json::array();
  const access::Actor& actor = caller.value().actor;
  if (!actor.person.empty()) {
    for (const app::Notification& notification :
         context.store().notificationsOf(actor.organisation, actor.person, unread_only, limit)) {
      list.push_back(notificationJson(notification));
    }
  }
  return json(200, {{"notifications", std::move(list)}});
}

Response markRead(const ApiContext& context, const Request& request) {
  auto caller = notifiedPerson(identifyForChange(context, request));
  if (!caller) return errorResponse(caller.error());
  std::string_view id_text = request.pathParam("id");
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  const access::Actor& actor = caller.value().actor;
  // Someone else's notification is not found: its number says nothing of its existence.
  bool marked = error == std::errc() && end == id_text.data() + id_text.size() &&
                !actor.person.empty() &&
                context.store().markNotificationRead(actor.organisation, actor.person, id,
                                                     app::formatTimestamp(context.clock->now()));
  if (!marked) {
    return errorResponse(app::Error{
        app::ErrorCode::not_found, fmt::format("you have no notification {}", id_text), {}});
  }
  return Response{204, "application/json", {}, ""};
}

nlohmann::json remindersJson(const View& view, const app::Reminders& reminders) {
  nlohmann::json recipients = nlohmann::json::array();
  for (const app::RemindedRecipient& reminded : reminders.recipients) {
    nlohmann::json people = nlohmann::json::array();
    for (const std::string& person : reminded.people) {
      people.push_back({{"code", person}, {"name", personName(view.index(), person)}});
    }
    const domain::Recipient& recipient = reminded.recipient;
    recipients.push_back(
        {{"recipient", recipient.code()},
         {"recipient_kind", recipient.isPerson() ? "person" : "unit"},
         {"name", recipient.isPerson() ? personName(view.index(), recipient.person)
                                       : unitName(view.index(), recipient.unit)},
         {"state", domain::toString(reminded.state)},
         {"deadline", reminded.deadline ? nlohmann::json(domain::formatDate(*reminded.deadline))
                                        : nlohmann::json(nullptr)},
         {"people", std::move(people)}});
  }
  return {{"occasion", reminders.occasion},
          {"people", reminders.people},
          {"recipients", std::move(recipients)}};
}

Response remind(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  auto reminders = app::remindMissing(useCases(context), caller.value(), request.pathParam("code"));
  if (!reminders) return errorResponse(reminders.error());
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  return json(200, remindersJson(*view.value(), reminders.value()));
}

}  // namespace

void addNotificationRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/notifications",
             [&context](const Request& request) { return listNotifications(context, request); });
  router.add("POST", "/api/v1/notifications/{id}/read",
             [&context](const Request& request) { return markRead(context, request); });
  router.add("POST", "/api/v1/occasions/{code}/reminders",
             [&context](const Request& request) { return remind(context, request); });
}

}  // namespace styr::http
