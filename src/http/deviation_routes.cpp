#include "http/deviation_routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "app/deviation_use_cases.hpp"
#include "domain/follow_up_scope.hpp"
#include "http/error_response.hpp"
#include "http/representations.hpp"
#include "http/resource_support.hpp"
#include "interchange/csv.hpp"
#include "interchange/deviation_json.hpp"
#include "interchange/json_reader.hpp"

namespace styr::http {

namespace {

using domain::Deviation;
using domain::DeviationLevel;
using Problems = std::vector<interchange::Problem>;

nlohmann::json textOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json personNameOrNull(const domain::ChainIndex& index, const std::string& person) {
  return person.empty() ? nlohmann::json(nullptr) : nlohmann::json(personName(index, person));
}

//! Whole minutes from one stored timestamp to another; nullopt when either is not one.
std::optional<std::int64_t> minutesBetween(const std::string& from, const std::string& to) {
  auto start = domain::parseTimestamp(from);
  auto end = domain::parseTimestamp(to);
  if (!start || !end) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::minutes>(*end - *start).count();
}

//! How far up a deviation is known, counted over its levels.
struct Escalation {
  std::size_t told = 0;
  std::size_t acknowledged = 0;
  //! Told, not acknowledged and not released, of an open deviation: a closed one waits for
  //! nobody.
  std::size_t waiting = 0;
  //! The highest level told and not released: where the deviation stands known now.
  const DeviationLevel* reached = nullptr;
};

Escalation escalationOf(const Deviation& deviation) {
  Escalation escalation;
  for (const DeviationLevel& level : deviation.levels) {
    ++escalation.told;
    if (!level.acknowledged_at.empty()) {
      ++escalation.acknowledged;
    } else if (level.released_at.empty() && deviation.state == domain::DeviationState::open) {
      ++escalation.waiting;
    }
    if (level.released_at.empty()) escalation.reached = &level;
  }
  return escalation;
}

//! Minutes from reporting to the first level's acknowledgement by someone other than the
//! reporter (who knows by reporting); nullopt while nobody has.
std::optional<std::int64_t> firstAcknowledgementMinutes(const Deviation& deviation) {
  std::optional<std::int64_t> first;
  for (const DeviationLevel& level : deviation.levels) {
    if (level.acknowledged_at.empty() || level.acknowledged_by == deviation.reported_by) continue;
    auto minutes = minutesBetween(deviation.reported_at, level.acknowledged_at);
    if (minutes && (!first || *minutes < *first)) first = minutes;
  }
  return first;
}

//! A deviation in full: the exchange fields, levels, actions and timeline, with the names of
//! the units and people they refer to, each level's time to acknowledge, and the revision.
nlohmann::json deviationJson(const domain::ChainIndex& index, const Deviation& deviation) {
  nlohmann::json json(interchange::deviationObject(deviation));
  json["unit_name"] = unitName(index, deviation.unit);
  json["reported_by_name"] = personName(index, deviation.reported_by);
  json["closed_by_name"] = personNameOrNull(index, deviation.closed_by);
  json["revision"] = deviation.revision;
  for (std::size_t i = 0; i < deviation.levels.size(); ++i) {
    const DeviationLevel& level = deviation.levels[i];
    nlohmann::json& shown = json["levels"][i];
    shown["unit_name"] = unitName(index, level.unit);
    nlohmann::json people = nlohmann::json::array();
    for (const std::string& person : level.people) {
      people.push_back({{"code", person}, {"name", personName(index, person)}});
    }
    shown["people"] = std::move(people);
    shown["acknowledged_by_name"] = personNameOrNull(index, level.acknowledged_by);
    auto took = level.acknowledged_at.empty()
                    ? std::nullopt
                    : minutesBetween(level.notified_at, level.acknowledged_at);
    shown["took_minutes"] = took ? nlohmann::json(*took) : nlohmann::json(nullptr);
  }
  for (std::size_t i = 0; i < deviation.actions.size(); ++i) {
    json["actions"][i]["owner_name"] = personName(index, deviation.actions[i].owner);
  }
  for (std::size_t i = 0; i < deviation.events.size(); ++i) {
    json["timeline"][i]["person_name"] = personNameOrNull(index, deviation.events[i].person);
  }
  return json;
}

app::Error notSignedIn() {
  return {app::ErrorCode::unauthenticated,
          "sign in to read deviations: they are reported to the chain, never to the public",
          {}};
}

//! Who reads: signed in, and a machine client only with the scope read (a register filtered
//! one deviation at a time would otherwise come back empty without saying why).
app::Result<app::Caller> deviationReader(const ApiContext& context, const Request& request) {
  auto caller = identify(context, request);
  if (!caller) return caller.error();
  if (!caller.value().actor.signed_in) return notSignedIn();
  const auto& scopes = caller.value().actor.token_scopes;
  if (scopes && scopes->count(access::Scope::read) == 0) {
    return app::Error{app::ErrorCode::forbidden,
                      "this API token lacks the scope read, which deviations need",
                      {}};
  }
  return caller;
}

std::shared_ptr<const app::OrganisationSnapshot> snapshotOf(const ApiContext& context,
                                                            const app::Caller& caller) {
  return context.models->current(context.store(), caller.actor.organisation);
}

Response deviationResponse(int status, const ApiContext& context, const app::Caller& caller,
                           const Deviation& deviation) {
  auto snapshot = snapshotOf(context, caller);
  Response response = json(status, deviationJson(snapshot->index(), deviation));
  response.headers.set("ETag", etagOf(deviation.revision));
  if (status == 201) {
    response.headers.set("Location", fmt::format("/api/v1/deviations/{}", deviation.code));
  }
  return response;
}

// ---- Reading request bodies

std::vector<std::string> codesIn(interchange::JsonObjectReader& in, std::string_view field,
                                 Problems& problems) {
  std::vector<std::string> codes;
  in.forEachElement(field, [&](const nlohmann::json& element, const std::string& path) {
    if (element.is_string()) {
      codes.push_back(element.get<std::string>());
    } else {
      problems.push_back({path, interchange::expectedMessage("a code (a string)", element)});
    }
  });
  return codes;
}

bool flagIn(interchange::JsonObjectReader& in, std::string_view field) {
  const nlohmann::json* value = in.optionalValue(field);
  if (value == nullptr) return false;
  if (!value->is_boolean()) {
    in.report(field, interchange::expectedMessage("true or false", *value));
    return false;
  }
  return value->get<bool>();
}

app::Result<app::DeviationReport> readReport(const Request& request) {
  auto body = objectBody(request);
  if (!body) return body.error();
  Problems problems;
  interchange::JsonObjectReader in(
      body.value(), "$", problems,
      {"unit", "category", "gravity", "title", "description", "occurred_on", "affected_items",
       "affected_indicators", "budget_effect_sek", "immediate_actions", "confidential"});
  app::DeviationReport report;
  report.unit = in.requiredString("unit");
  report.category = in.requiredEnum<domain::DeviationCategory>("category");
  report.gravity = in.requiredInt("gravity");
  report.title = in.requiredString("title");
  report.description = in.requiredString("description");
  report.occurred_on = in.requiredDate("occurred_on");
  report.affected_items = codesIn(in, "affected_items", problems);
  report.affected_indicators = codesIn(in, "affected_indicators", problems);
  if (in.optionalValue("budget_effect_sek") != nullptr) {
    report.budget_effect_sek = in.requiredInt64("budget_effect_sek");
  }
  report.immediate_actions = in.optionalString("immediate_actions");
  report.confidential = flagIn(in, "confidential");
  if (!problems.empty()) return invalidBody(problems);
  return report;
}

//! A step that takes no input: no body, or an empty object.
std::optional<app::Error> noInput(const Request& request) {
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  auto body = objectBody(request);
  if (!body) return body.error();
  Problems problems;
  for (const auto& [key, value] : body.value().items()) {
    problems.push_back({interchange::appendKey("$", key),
                        "acknowledging takes nothing but who you are: what you have to say "
                        "goes in a comment"});
  }
  if (!problems.empty()) return invalidBody(problems);
  return std::nullopt;
}

app::Result<std::string> requiredTextIn(const Request& request, std::string_view field) {
  auto body = objectBody(request);
  if (!body) return body.error();
  Problems problems;
  interchange::JsonObjectReader in(body.value(), "$", problems, {field});
  std::string text = in.requiredString(field);
  if (!problems.empty()) return invalidBody(problems);
  return text;
}

struct GravityChange {
  int gravity = 0;
  std::string reason;
};

app::Result<GravityChange> readGravityChange(const Request& request) {
  auto body = objectBody(request);
  if (!body) return body.error();
  Problems problems;
  interchange::JsonObjectReader in(body.value(), "$", problems, {"gravity", "reason"});
  GravityChange change;
  change.gravity = in.requiredInt("gravity");
  change.reason = in.optionalString("reason");
  if (!problems.empty()) return invalidBody(problems);
  return change;
}

app::Result<domain::DeviationAction> readNewAction(const Request& request) {
  auto body = objectBody(request);
  if (!body) return body.error();
  Problems problems;
  interchange::JsonObjectReader in(body.value(), "$", problems, {"description", "owner", "due"});
  domain::DeviationAction action;
  action.description = in.requiredString("description");
  action.owner = in.requiredString("owner");
  action.due = in.requiredDate("due");
  if (!problems.empty()) return invalidBody(problems);
  return action;
}

struct ActionChange {
  domain::ActionStatus status = domain::ActionStatus::planned;
  std::optional<domain::Date> due;
  std::string note;
};

app::Result<ActionChange> readActionChange(const Request& request) {
  auto body = objectBody(request);
  if (!body) return body.error();
  Problems problems;
  interchange::JsonObjectReader in(body.value(), "$", problems, {"status", "due", "note"});
  ActionChange change;
  change.status = in.requiredEnum<domain::ActionStatus>("status");
  change.due = in.optionalDate("due");
  change.note = in.optionalString("note");
  if (!problems.empty()) return invalidBody(problems);
  return change;
}

app::Result<int> actionNumber(const Request& request) {
  std::string_view text = request.pathParam("number");
  int number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || number < 1) {
    return app::Error{app::ErrorCode::invalid_input,
                      fmt::format("'{}' is no action number: actions are numbered from 1", text),
                      {{"number", "", "an action number from 1"}}};
  }
  return number;
}

app::Result<domain::DeviationSettings> readSettings(const Request& request) {
  auto body = objectBody(request);
  if (!body) return body.error();
  Problems problems;
  interchange::JsonObjectReader in(body.value(), "$", problems, {"rules"});
  domain::DeviationSettings settings;
  if (in.requiredValue("rules") != nullptr) {
    in.forEachElement("rules", [&](const nlohmann::json& element, const std::string& path) {
      interchange::JsonObjectReader rule_in(element, path, problems,
                                            {"gravity", "reach", "hours", "business_days"});
      domain::GravityRule rule;
      rule.gravity = rule_in.requiredInt("gravity");
      rule.reach = rule_in.requiredEnum<domain::EscalationReach>("reach");
      rule.hours = rule_in.optionalInt("hours").value_or(0);
      rule.business_days = rule_in.optionalInt("business_days").value_or(0);
      settings.rules.push_back(rule);
    });
  }
  if (!problems.empty()) return invalidBody(problems);
  return settings;
}

// ---- The register and what is read from it

//! The register's filters from the query; `inbox_of_nobody` when waiting_for=me is asked by
//! an account without a person, whom nothing waits for.
struct RegisterQuery {
  app::DeviationFilter filter;
  bool inbox_of_nobody = false;
};

app::Result<RegisterQuery> registerQueryOf(const Request& request, const app::Caller& caller) {
  RegisterQuery query;
  app::DeviationFilter& filter = query.filter;
  app::Error invalid{app::ErrorCode::invalid_input, "a filter names no such value", {}};
  if (auto unit = request.queryParam("unit")) filter.unit = *unit;
  if (auto sector = request.queryParam("sector")) filter.sector = *sector;
  if (auto category = request.queryParam("category")) {
    filter.category = domain::parseEnum<domain::DeviationCategory>(*category);
    if (!filter.category) {
      invalid.details.push_back(
          {"category", "", interchange::unknownEnumMessage<domain::DeviationCategory>(*category)});
    }
  }
  if (auto gravity = request.queryParam("gravity")) {
    int value = 0;
    auto [end, error] = std::from_chars(gravity->data(), gravity->data() + gravity->size(), value);
    if (error != std::errc() || end != gravity->data() + gravity->size() ||
        value < domain::kLowestGravity || value > domain::kHighestGravity) {
      invalid.details.push_back(
          {"gravity", "", fmt::format("'{}' is no gravity: 1, 2, 3 or 4", *gravity)});
    } else {
      filter.gravity = value;
    }
  }
  if (auto state = request.queryParam("state")) {
    filter.state = domain::parseEnum<domain::DeviationState>(*state);
    if (!filter.state) {
      invalid.details.push_back(
          {"state", "", interchange::unknownEnumMessage<domain::DeviationState>(*state)});
    }
  }
  for (auto [name, target] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
    auto text = request.queryParam(name);
    if (!text) continue;
    *target = domain::parseDate(*text);
    if (!*target) invalid.details.push_back({name, "", interchange::invalidDateMessage(*text)});
  }
  if (auto waiting = request.queryParam("waiting_for")) {
    if (*waiting != "me") {
      invalid.details.push_back(
          {"waiting_for", "",
           fmt::format("'{}': waiting_for=me is the one inbox there is, your own", *waiting)});
    } else if (caller.actor.person.empty()) {
      query.inbox_of_nobody = true;
    } else {
      filter.waiting_for = caller.actor.person;
    }
  }
  if (!invalid.details.empty()) return invalid;
  return query;
}

//! The deviations the caller may read that the request's filters let through.
app::Result<std::vector<Deviation>> registerFor(const ApiContext& context,
                                                const app::Caller& caller, const Request& request) {
  auto query = registerQueryOf(request, caller);
  if (!query) return query.error();
  auto found = app::deviationRegister(useCases(context), caller, query.value().filter);
  if (!found || !query.value().inbox_of_nobody) return found;
  return std::vector<Deviation>{};
}

Response listDeviations(const ApiContext& context, const Request& request) {
  auto caller = deviationReader(context, request);
  if (!caller) return errorResponse(caller.error());
  auto paging = parsePaging(request);
  if (!paging) return errorResponse(paging.error());
  auto found = registerFor(context, caller.value(), request);
  if (!found) return errorResponse(found.error());
  auto snapshot = snapshotOf(context, caller.value());
  nlohmann::json all = nlohmann::json::array();
  for (const Deviation& deviation : found.value()) {
    all.push_back(deviationSummaryJson(snapshot->index(), deviation));
  }
  return json(200, pageOf(all, paging.value()));
}

template <typename Enum>
nlohmann::json zerosOf() {
  nlohmann::json counts = nlohmann::json::object();
  for (Enum value : domain::allValues<Enum>()) counts[std::string(domain::toString(value))] = 0;
  return counts;
}

Response deviationStatistics(const ApiContext& context, const Request& request) {
  auto caller = deviationReader(context, request);
  if (!caller) return errorResponse(caller.error());
  auto found = registerFor(context, caller.value(), request);
  if (!found) return errorResponse(found.error());
  auto snapshot = snapshotOf(context, caller.value());
  const std::vector<Deviation>& deviations = found.value();
  auto measured = app::acknowledgementStatistics(deviations, snapshot->index());
  nlohmann::json acknowledgement = nlohmann::json::array();
  // Every reach, measured or not, so that a client reads the same shape every time.
  for (domain::EscalationReach reach : domain::allValues<domain::EscalationReach>()) {
    app::AcknowledgementStatistics row;
    row.reach = reach;
    auto at = std::find_if(measured.begin(), measured.end(),
                           [&](const auto& candidate) { return candidate.reach == reach; });
    if (at != measured.end()) row = *at;
    bool any = row.acknowledged > 0;
    acknowledgement.push_back(
        {{"reach", domain::toString(reach)},
         {"told", row.told},
         {"acknowledged", row.acknowledged},
         {"waiting", row.waiting},
         {"median_minutes", any ? nlohmann::json(row.median_minutes) : nlohmann::json(nullptr)},
         {"max_minutes", any ? nlohmann::json(row.max_minutes) : nlohmann::json(nullptr)}});
  }
  nlohmann::json by_gravity = nlohmann::json::object();
  for (int gravity = domain::kLowestGravity; gravity <= domain::kHighestGravity; ++gravity) {
    by_gravity[std::to_string(gravity)] = 0;
  }
  nlohmann::json by_state = zerosOf<domain::DeviationState>();
  nlohmann::json by_category = zerosOf<domain::DeviationCategory>();
  for (const Deviation& deviation : deviations) {
    auto& gravity = by_gravity[std::to_string(deviation.gravity)];
    gravity = gravity.get<int>() + 1;
    auto& state = by_state[std::string(domain::toString(deviation.state))];
    state = state.get<int>() + 1;
    auto& category = by_category[std::string(domain::toString(deviation.category))];
    category = category.get<int>() + 1;
  }
  return json(200, {{"total", deviations.size()},
                    {"acknowledgement", std::move(acknowledgement)},
                    {"by_gravity", std::move(by_gravity)},
                    {"by_state", std::move(by_state)},
                    {"by_category", std::move(by_category)}});
}

Response exportDeviations(const ApiContext& context, const Request& request) {
  auto caller = deviationReader(context, request);
  if (!caller) return errorResponse(caller.error());
  auto found = registerFor(context, caller.value(), request);
  if (!found) return errorResponse(found.error());
  auto snapshot = snapshotOf(context, caller.value());
  const domain::ChainIndex& index = snapshot->index();
  using interchange::spreadsheetText;
  std::string csv = interchange::csvRecord(
      {"code", "unit", "unit_name", "category", "gravity", "state", "confidential", "reported_at",
       "reported_by", "reported_by_name", "title", "occurred_on", "levels_told",
       "levels_acknowledged", "reached", "first_acknowledgement_minutes", "closed_at"});
  for (const Deviation& deviation : found.value()) {
    Escalation escalation = escalationOf(deviation);
    auto first = firstAcknowledgementMinutes(deviation);
    csv += interchange::csvRecord(
        {deviation.code, deviation.unit, spreadsheetText(unitName(index, deviation.unit)),
         std::string(domain::toString(deviation.category)), std::to_string(deviation.gravity),
         std::string(domain::toString(deviation.state)), deviation.confidential ? "true" : "false",
         deviation.reported_at, deviation.reported_by,
         spreadsheetText(personName(index, deviation.reported_by)),
         spreadsheetText(deviation.title), domain::formatDate(deviation.occurred_on),
         std::to_string(escalation.told), std::to_string(escalation.acknowledged),
         escalation.reached == nullptr ? std::string()
                                       : spreadsheetText(unitName(index, escalation.reached->unit)),
         first ? std::to_string(*first) : std::string(), deviation.closed_at});
  }
  Response response{200, "text/csv; charset=utf-8", {}, std::move(csv)};
  response.headers.set(
      "Content-Disposition",
      fmt::format("attachment; filename=\"avvikelser-{}-{}.csv\"",
                  caller.value().actor.organisation, domain::formatDate(context.clock->today())));
  // Deviations may hold personal data: no copy is kept on the way.
  response.headers.set("Cache-Control", "no-store");
  return response;
}

//! The council meeting's occasion in the follow-up plan, as {code, name}; null when the plan
//! has none on that day.
nlohmann::json councilOccasion(const domain::ChainIndex& index, const domain::Date& meeting) {
  for (const domain::FollowUpOccasion& occasion : index.data().occasions) {
    const domain::Unit* body = index.unit(occasion.body);
    if (body != nullptr && body->kind == domain::UnitKind::council && occasion.meeting == meeting) {
      return {{"code", occasion.code}, {"name", occasion.name}};
    }
  }
  return nullptr;
}

Response councilInformation(const ApiContext& context, const Request& request) {
  auto caller = deviationReader(context, request);
  if (!caller) return errorResponse(caller.error());
  std::optional<domain::Date> meeting;
  if (auto text = request.queryParam("meeting")) {
    meeting = domain::parseDate(*text);
    if (!meeting) {
      return errorResponse({app::ErrorCode::invalid_input,
                            "meeting is the council meeting's date, YYYY-MM-DD",
                            {{"meeting", "", interchange::invalidDateMessage(*text)}}});
    }
  }
  auto found = app::deviationRegister(useCases(context), caller.value(), {});
  if (!found) return errorResponse(found.error());
  auto snapshot = snapshotOf(context, caller.value());
  const domain::ChainIndex& index = snapshot->index();
  std::map<domain::Date, nlohmann::json> planned;
  nlohmann::json unplanned = nlohmann::json::array();
  if (meeting) planned[*meeting] = nlohmann::json::array();
  for (const Deviation& deviation : found.value()) {
    if (deviation.council_listed_at.empty()) continue;
    if (meeting && deviation.council_meeting != meeting) continue;
    nlohmann::json summary = deviationSummaryJson(index, deviation);
    if (!deviation.council_meeting) {
      unplanned.push_back(std::move(summary));
      continue;
    }
    auto& group = planned[*deviation.council_meeting];
    if (group.is_null()) group = nlohmann::json::array();
    group.push_back(std::move(summary));
  }
  nlohmann::json meetings = nlohmann::json::array();
  for (auto& [day, deviations] : planned) {
    meetings.push_back({{"meeting", domain::formatDate(day)},
                        {"occasion", councilOccasion(index, day)},
                        {"label", fmt::format("council meeting {}", domain::formatDate(day))},
                        {"deviations", std::move(deviations)}});
  }
  if (!unplanned.empty()) {
    meetings.push_back({{"meeting", nullptr},
                        {"occasion", nullptr},
                        {"label", "next meeting not planned yet"},
                        {"deviations", std::move(unplanned)}});
  }
  return json(200, {{"meetings", std::move(meetings)}});
}

// ---- One deviation and its steps

Response getDeviation(const ApiContext& context, const Request& request) {
  auto caller = deviationReader(context, request);
  if (!caller) return errorResponse(caller.error());
  auto found = app::readDeviation(useCases(context), caller.value(), request.pathParam("code"));
  if (!found) return errorResponse(found.error());
  return deviationResponse(200, context, caller.value(), found.value());
}

Response reportDeviation(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  auto report = readReport(request);
  if (!report) return errorResponse(report.error());
  auto reported =
      app::reportDeviation(useCases(context), caller.value(), std::move(report).value());
  if (!reported) return errorResponse(reported.error());
  return deviationResponse(201, context, caller.value(), reported.value());
}

using StepCall = std::function<app::Result<Deviation>(const app::UseCaseContext&,
                                                      const app::Caller&, std::string_view code,
                                                      app::ExpectedRevision, const Request&)>;

//! A route for one step: who asks, If-Match, the step, the deviation as it is afterwards.
Handler stepRoute(const ApiContext& context, StepCall call) {
  return [&context, call = std::move(call)](const Request& request) {
    auto caller = identifyForChange(context, request);
    if (!caller) return errorResponse(caller.error());
    auto expected = expectedRevision(request);
    if (!expected) return errorResponse(expected.error());
    auto result = call(useCases(context), caller.value(), request.pathParam("code"),
                       expected.value(), request);
    if (!result) return errorResponse(result.error());
    return deviationResponse(200, context, caller.value(), result.value());
  };
}

using NoteStep = app::Result<Deviation> (*)(const app::UseCaseContext&, const app::Caller&,
                                            std::string_view, std::string, app::ExpectedRevision);

//! A step whose body is one text field: a comment, an assessment.
Handler noteRoute(const ApiContext& context, NoteStep step) {
  return stepRoute(
      context,
      [step](const app::UseCaseContext& use_cases, const app::Caller& caller, std::string_view code,
             app::ExpectedRevision expected, const Request& request) -> app::Result<Deviation> {
        auto text = requiredTextIn(request, "text");
        if (!text) return text.error();
        return step(use_cases, caller, code, std::move(text).value(), expected);
      });
}

// ---- The gravity rules

Response getSettings(const ApiContext& context, const Request& request) {
  auto caller = deviationReader(context, request);
  if (!caller) return errorResponse(caller.error());
  return json(200, nlohmann::json(interchange::settingsObject(
                       context.store().deviationSettings(caller.value().actor.organisation))));
}

Response putSettings(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  auto settings = readSettings(request);
  if (!settings) return errorResponse(settings.error());
  auto saved =
      app::saveDeviationSettings(useCases(context), caller.value(), std::move(settings).value());
  if (!saved) return errorResponse(saved.error());
  return json(200, nlohmann::json(interchange::settingsObject(saved.value())));
}

}  // namespace

nlohmann::json deviationSummaryJson(const domain::ChainIndex& index, const Deviation& deviation) {
  Escalation escalation = escalationOf(deviation);
  const DeviationLevel* reached = escalation.reached;
  return {{"code", deviation.code},
          {"unit", deviation.unit},
          {"unit_name", unitName(index, deviation.unit)},
          {"title", deviation.title},
          {"category", domain::toString(deviation.category)},
          {"gravity", deviation.gravity},
          {"state", domain::toString(deviation.state)},
          {"confidential", deviation.confidential},
          {"occurred_on", domain::formatDate(deviation.occurred_on)},
          {"reported_at", deviation.reported_at},
          {"reported_by", deviation.reported_by},
          {"reported_by_name", personName(index, deviation.reported_by)},
          {"levels_told", escalation.told},
          {"levels_acknowledged", escalation.acknowledged},
          {"levels_waiting", escalation.waiting},
          {"reached", reached == nullptr ? nlohmann::json(nullptr) : nlohmann::json(reached->unit)},
          {"reached_name", reached == nullptr ? nlohmann::json(nullptr)
                                              : nlohmann::json(unitName(index, reached->unit))},
          {"council_listed_at", textOrNull(deviation.council_listed_at)},
          {"council_meeting", deviation.council_meeting
                                  ? nlohmann::json(domain::formatDate(*deviation.council_meeting))
                                  : nlohmann::json(nullptr)}};
}

void addDeviationRoutes(Router& router, const ApiContext& context) {
  auto route = [&context](Response (*handler)(const ApiContext&, const Request&)) {
    return [&context, handler](const Request& request) { return handler(context, request); };
  };
  router.add("GET", "/api/v1/deviations", route(listDeviations));
  router.add("POST", "/api/v1/deviations", route(reportDeviation));
  router.add("GET", "/api/v1/deviations/statistics", route(deviationStatistics));
  router.add("GET", "/api/v1/deviations/export.csv", route(exportDeviations));
  router.add("GET", "/api/v1/deviations/{code}", route(getDeviation));

  router.add("POST", "/api/v1/deviations/{code}/acknowledge",
             stepRoute(context,
                       [](const app::UseCaseContext& use_cases, const app::Caller& caller,
                          std::string_view code, app::ExpectedRevision expected,
                          const Request& request) -> app::Result<Deviation> {
                         if (auto error = noInput(request)) return *error;
                         return app::acknowledgeDeviation(use_cases, caller, code, expected);
                       }));
  router.add("POST", "/api/v1/deviations/{code}/comments",
             noteRoute(context, app::commentOnDeviation));
  router.add("POST", "/api/v1/deviations/{code}/assessments",
             noteRoute(context, app::assessDeviation));
  router.add("POST", "/api/v1/deviations/{code}/gravity",
             stepRoute(context,
                       [](const app::UseCaseContext& use_cases, const app::Caller& caller,
                          std::string_view code, app::ExpectedRevision expected,
                          const Request& request) -> app::Result<Deviation> {
                         auto change = readGravityChange(request);
                         if (!change) return change.error();
                         return app::changeGravity(use_cases, caller, code, change.value().gravity,
                                                   std::move(change.value().reason), expected);
                       }));
  router.add("POST", "/api/v1/deviations/{code}/actions",
             stepRoute(context,
                       [](const app::UseCaseContext& use_cases, const app::Caller& caller,
                          std::string_view code, app::ExpectedRevision expected,
                          const Request& request) -> app::Result<Deviation> {
                         auto action = readNewAction(request);
                         if (!action) return action.error();
                         return app::addDeviationAction(use_cases, caller, code,
                                                        std::move(action).value(), expected);
                       }));
  router.add("POST", "/api/v1/deviations/{code}/actions/{number}",
             stepRoute(context,
                       [](const app::UseCaseContext& use_cases, const app::Caller& caller,
                          std::string_view code, app::ExpectedRevision expected,
                          const Request& request) -> app::Result<Deviation> {
                         auto number = actionNumber(request);
                         if (!number) return number.error();
                         auto change = readActionChange(request);
                         if (!change) return change.error();
                         return app::changeDeviationAction(
                             use_cases, caller, code, number.value(), change.value().status,
                             change.value().due, std::move(change.value().note), expected);
                       }));
  router.add(
      "POST", "/api/v1/deviations/{code}/close",
      stepRoute(
          context,
          [](const app::UseCaseContext& use_cases, const app::Caller& caller, std::string_view code,
             app::ExpectedRevision expected, const Request& request) -> app::Result<Deviation> {
            auto note = requiredTextIn(request, "closing_note");
            if (!note) return note.error();
            return app::closeDeviation(use_cases, caller, code, std::move(note).value(), expected);
          }));

  router.add("GET", "/api/v1/council-information", route(councilInformation));
  router.add("GET", "/api/v1/deviation-settings", route(getSettings));
  router.add("PUT", "/api/v1/deviation-settings", route(putSettings));
}

}  // namespace styr::http
