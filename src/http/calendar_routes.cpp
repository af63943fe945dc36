#include "http/calendar_routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "app/api_tokens.hpp"
#include "app/follow_up_use_cases.hpp"
#include "domain/follow_up_scope.hpp"
#include "http/error_response.hpp"
#include "http/representations.hpp"
#include "http/resource_support.hpp"

namespace styr::http {

namespace {

using domain::FollowUpOccasion;

constexpr std::size_t kLineOctets = 75;  // RFC 5545 3.1, the line break excluded

//! TEXT as RFC 5545 3.3.11 wants it: backslash, semicolon, comma and line breaks escaped.
std::string escapeText(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        escaped += "\\\\";
        break;
      case ';':
        escaped += "\\;";
        break;
      case ',':
        escaped += "\\,";
        break;
      case '\n':
        escaped += "\\n";
        break;
      case '\r':
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

//! One content line, folded after at most 75 octets (a continuation's leading space counts),
//! never inside a UTF-8 sequence, each physical line ended by CRLF.
void appendLine(std::string& out, std::string_view line) {
  std::size_t limit = kLineOctets;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kLineOctets - 1;
  }
  out.append(line);
  out += "\r\n";
}

std::string icsDate(const domain::Date& date) {
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

//! "20251130T110000Z" from the store's "2025-11-30T11:00:00.000000Z".
std::string icsTimestamp(std::chrono::system_clock::time_point at) {
  std::string iso = app::formatTimestamp(at);
  std::string stamp;
  for (char c : iso.substr(0, 19)) {
    if (c != '-' && c != ':') stamp += c;
  }
  return stamp + "Z";
}

nlohmann::json occasionCalendarJson(const domain::ChainIndex& index,
                                    const FollowUpOccasion& occasion) {
  nlohmann::json deadlines = nlohmann::json::array();
  for (const domain::LevelDeadline& deadline : occasion.deadlines) {
    deadlines.push_back({{"level", domain::toString(deadline.level)},
                         {"deadline", domain::formatDate(deadline.deadline)}});
  }
  return {{"code", occasion.code},
          {"name", occasion.name},
          {"kind", domain::toString(occasion.kind)},
          {"level", domain::toString(occasion.level)},
          {"body", occasion.body},
          {"body_name", unitName(index, occasion.body)},
          {"period_end", domain::formatDate(occasion.period_end)},
          {"meeting", domain::formatDate(occasion.meeting)},
          {"status", domain::toString(occasion.status)},
          {"deadlines", std::move(deadlines)}};
}

Response calendar(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  if (auto refused = checkScope(reader, access::Scope::read)) return errorResponse(*refused);
  if (auto refused = check(reader, access::Action::read_follow_up_plan,
                           {reader.organisation(), nullptr, nullptr, {}, {}})) {
    return errorResponse(*refused);
  }
  auto year = yearParam(request, "year");
  if (!year) return errorResponse(year.error());
  int shown = year.value() ? *year.value() : static_cast<int>(reader.today().year());
  const auto& occasions = reader.snapshot().data().occasions;
  bool stored = std::any_of(occasions.begin(), occasions.end(),
                            [&](const FollowUpOccasion& o) { return o.year == shown; });
  if (!stored) {
    return errorResponse(app::Error{
        app::ErrorCode::not_found,
        fmt::format("there is no follow-up plan for {}: no occasion of the year is stored. A "
                    "controller can adopt the default plan with POST "
                    "/api/v1/occasions/default-plan and the body {{\"year\": {}}}",
                    shown, shown),
        {{"year", "", fmt::format("no plan for {}", shown)}}});
  }
  return json(200, calendarJson(shown, occasions, reader.index(), true));
}

app::Caller callerOfToken(const app::TokenHolder& holder) {
  app::Caller caller;
  caller.actor.organisation = holder.account.organisation;
  caller.actor.person = holder.account.person;
  caller.actor.signed_in = true;
  caller.actor.administrator = holder.account.administrator;
  std::set<access::Scope> scopes;
  for (const auto& scope : holder.token.scopes) {
    if (auto parsed = access::parseScope(scope)) scopes.insert(*parsed);
  }
  caller.actor.token_scopes = std::move(scopes);
  caller.username = holder.account.username;
  caller.name = fmt::format("{} via token {}", holder.account.username, holder.token.name);
  return caller;
}

//! Who asks for the feed. A calendar app sends neither cookies nor headers, so the feed also
//! takes an API token's secret as ?token= (only here: a secret in a URL ends up in the
//! app's settings and in proxies' logs, which a feed of one's own deadlines can bear). The
//! token must have the scope read; without it, the calendar app is told to authenticate.
app::Result<app::Caller> feedCaller(const ApiContext& context, const Request& request) {
  auto secret = request.queryParam("token");
  if (!secret) {
    auto caller = identify(context, request);
    if (!caller) return caller.error();
    if (!caller.value().actor.signed_in) {
      return app::Error{app::ErrorCode::unauthenticated,
                        "sign in, or add ?token= with an API token that has the scope read",
                        {}};
    }
    return caller;
  }
  auto holder = app::authenticateToken(context.store(), *secret);
  if (!holder) return holder.error();
  app::Caller caller = callerOfToken(holder.value());
  if (caller.actor.token_scopes->count(access::Scope::read) == 0) {
    return app::Error{app::ErrorCode::unauthenticated,
                      fmt::format("the API token {} lacks the scope read, which the calendar "
                                  "feed needs",
                                  holder.value().token.name),
                      {{"token", "", "needs the scope read"}}};
  }
  return caller;
}

std::string deadlinesFeed(const View& view, std::chrono::system_clock::time_point now) {
  const domain::ChainIndex& index = view.index();
  const std::string& person = view.caller().actor.person;
  std::string stamp = icsTimestamp(now);
  std::vector<const FollowUpOccasion*> plan;
  for (const FollowUpOccasion& occasion : view.snapshot().data().occasions) {
    plan.push_back(&occasion);
  }
  std::sort(plan.begin(), plan.end(), [](const FollowUpOccasion* a, const FollowUpOccasion* b) {
    return std::tie(a->period_end, a->code) < std::tie(b->period_end, b->code);
  });
  std::string out;
  appendLine(out, "BEGIN:VCALENDAR");
  appendLine(out, "VERSION:2.0");
  appendLine(out, "PRODID:-//Styr//Styr 0.1//SV");
  appendLine(out, "CALSCALE:GREGORIAN");
  appendLine(out, "METHOD:PUBLISH");
  appendLine(out, "X-WR-CALNAME:" + escapeText("Styr: mina återrapporteringar"));
  for (const FollowUpOccasion* occasion : plan) {
    if (person.empty()) break;
    domain::OccasionScope scope(*occasion, index);
    for (const domain::ScopedRecipient& scoped : scope.recipients()) {
      if (!scoped.deadline) continue;
      auto writers = app::writersOf(scoped.recipient, index, view.today());
      if (std::find(writers.begin(), writers.end(), person) == writers.end()) continue;
      const std::string& recipient = scoped.recipient.code();
      std::string recipient_name =
          scoped.recipient.isPerson() ? personName(index, recipient) : unitName(index, recipient);
      std::string link =
          fmt::format("/api/v1/occasions/{}/report-backs/{}", occasion->code, recipient);
      appendLine(out, "BEGIN:VEVENT");
      appendLine(out,
                 fmt::format("UID:{}-{}-{}@styr", view.organisation(), occasion->code, recipient));
      appendLine(out, "DTSTAMP:" + stamp);
      appendLine(out, "DTSTART;VALUE=DATE:" + icsDate(*scoped.deadline));
      appendLine(out, "DTEND;VALUE=DATE:" + icsDate(domain::addDays(*scoped.deadline, 1)));
      appendLine(out, "SUMMARY:" + escapeText(fmt::format("Sista dag: återrapportering till {}, {}",
                                                          occasion->name, recipient_name)));
      appendLine(out, "DESCRIPTION:" +
                          escapeText(fmt::format(
                              "Återrapporteringen för {} ({}) till {} ({}) ska vara inskickad "
                              "senast {}. Perioden slutar {}; mötet är {}.\n{}",
                              recipient_name, recipient, occasion->name, occasion->code,
                              domain::formatDate(*scoped.deadline),
                              domain::formatDate(occasion->period_end),
                              domain::formatDate(occasion->meeting), link)));
      appendLine(out, "TRANSP:TRANSPARENT");
      appendLine(out, "END:VEVENT");
    }
  }
  appendLine(out, "END:VCALENDAR");
  return out;
}

Response deadlines(const ApiContext& context, const Request& request) {
  auto caller = feedCaller(context, request);
  if (!caller) return errorResponse(caller.error());
  std::string organisation = caller.value().actor.organisation;
  View view(std::move(caller).value(), context.models->current(context.store(), organisation),
            context.clock->today());
  if (auto refused = check(view, access::Action::read_follow_up_plan,
                           {view.organisation(), nullptr, nullptr, {}, {}})) {
    return errorResponse(*refused);
  }
  Response response{
      200, "text/calendar; charset=utf-8", {}, deadlinesFeed(view, context.clock->now())};
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

nlohmann::json calendarJson(int year, const std::vector<FollowUpOccasion>& occasions,
                            const domain::ChainIndex& index, bool adopted) {
  std::vector<const FollowUpOccasion*> plan;
  for (const FollowUpOccasion& occasion : occasions) {
    if (occasion.year == year) plan.push_back(&occasion);
  }
  std::sort(plan.begin(), plan.end(), [](const FollowUpOccasion* a, const FollowUpOccasion* b) {
    return std::tie(a->period_end, a->code) < std::tie(b->period_end, b->code);
  });
  nlohmann::json list = nlohmann::json::array();
  for (const FollowUpOccasion* occasion : plan) {
    list.push_back(occasionCalendarJson(index, *occasion));
  }
  return {{"year", year}, {"adopted", adopted}, {"occasions", std::move(list)}};
}

void addCalendarRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/calendar",
             [&context](const Request& request) { return calendar(context, request); });
  router.add("GET", "/api/v1/calendar/deadlines.ics",
             [&context](const Request& request) { return deadlines(context, request); });
}

}  // namespace styr::http
