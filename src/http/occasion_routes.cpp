// The follow-up plan's occasions over HTTP: the plan, one occasion and its changes (closing,
// reopening), the overview of where its report-backs stand, and the period's indicator values
// rolled up the unit tree.

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "app/follow_up_use_cases.hpp"
#include "domain/occasion_overview.hpp"
#include "domain/roll_up.hpp"
#include "http/error_response.hpp"
#include "http/follow_up_routes.hpp"
#include "http/representations.hpp"
#include "interchange/json_reader.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::http::follow_up {

namespace {

using access::Action;
using domain::FollowUpOccasion;

Response occasionResponse(int status, const View& view, const FollowUpOccasion& occasion) {
  Response response = json(status, occasionJson(view.index(), occasion));
  response.headers.set("ETag", etagOf(occasion.revision));
  return response;
}

//! The response to a change of an occasion: the occasion as it is now.
Response afterChange(const ApiContext& context, const Request& request,
                     const app::Result<FollowUpOccasion>& result, int status = 200) {
  if (!result) return errorResponse(result.error());
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  Response response = occasionResponse(status, *view.value(), result.value());
  if (status == 201) {
    response.headers.set("Location", fmt::format("/api/v1/occasions/{}", result.value().code));
  }
  return response;
}

nlohmann::json planJson(const View& view, std::optional<int> year,
                        std::vector<const FollowUpOccasion*> plan) {
  // The order the meetings come in, as the plan is read.
  std::sort(plan.begin(), plan.end(), [](const FollowUpOccasion* a, const FollowUpOccasion* b) {
    return std::tie(a->period_end, a->code) < std::tie(b->period_end, b->code);
  });
  nlohmann::json occasions = nlohmann::json::array();
  for (const FollowUpOccasion* occasion : plan) {
    occasions.push_back(occasionJson(view.index(), *occasion));
  }
  return {{"year", year ? nlohmann::json(*year) : nlohmann::json(nullptr)},
          {"occasions", std::move(occasions)}};
}

Response listPlan(const ApiContext& context, const Request& request) {
  auto view = openFollowUpView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  auto year = yearParam(request, "year");
  if (!year) return errorResponse(year.error());
  std::vector<const FollowUpOccasion*> plan;
  for (const FollowUpOccasion& occasion : reader.snapshot().data().occasions) {
    if (!year.value() || occasion.year == *year.value()) plan.push_back(&occasion);
  }
  return json(200, planJson(reader, year.value(), std::move(plan)));
}

Response adoptPlan(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  auto body = objectBody(request);
  if (!body) return errorResponse(body.error());
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(body.value(), "$", problems, {"year"});
  int year = in.requiredInt("year");
  if (problems.empty() && (year < 1900 || year > 2200)) {
    in.report("year", fmt::format("{} is no year of a plan: from 1900 to 2200", year));
  }
  if (!problems.empty()) return errorResponse(invalidBody(problems));
  auto adopted = app::adoptDefaultPlan(useCases(context), caller.value(), year);
  if (!adopted) return errorResponse(adopted.error());
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  std::vector<const FollowUpOccasion*> plan;
  for (const FollowUpOccasion& occasion : adopted.value()) plan.push_back(&occasion);
  return json(201, planJson(*view.value(), year, std::move(plan)));
}

Response getOccasion(const ApiContext& context, const Request& request) {
  auto view = openFollowUpView(context, request);
  if (!view) return errorResponse(view.error());
  auto occasion = occasionOf(*view.value(), request.pathParam("code"));
  if (!occasion) return errorResponse(occasion.error());
  return occasionResponse(200, *view.value(), *occasion.value());
}

//! The occasion a PUT's body describes. The body is the occasion as GET shows it: what GET
//! adds (body_name, revision) is dropped, the code may be left out (the path names it), and
//! the status may be left out or repeated but not changed, since closing and reopening are
//! steps of their own with their own audit entries.
app::Result<FollowUpOccasion> readPutOccasion(const ApiContext& context, const Request& request,
                                              std::string_view code) {
  auto body = objectBody(request);
  if (!body) return body.error();
  nlohmann::json given = std::move(body).value();
  given.erase("body_name");
  given.erase("revision");
  if (!given.contains("code")) given["code"] = code;
  auto view = openView(context, request);
  if (!view) return view.error();
  auto stored = occasionOf(*view.value(), code);
  auto status = stored ? stored.value()->status : domain::OccasionStatus::open;
  if (!given.contains("status")) given["status"] = domain::toString(status);
  std::vector<interchange::Problem> problems;
  FollowUpOccasion occasion = interchange::readOccasionObject(given, "$", problems);
  if (problems.empty() && occasion.code != code) {
    problems.push_back({"$.code", fmt::format("the body names the occasion {} but the path {}: "
                                              "an occasion's code is not changed",
                                              occasion.code, code)});
  }
  if (problems.empty() && occasion.status != status) {
    problems.push_back(
        {"$.status", fmt::format("the occasion is {}: it is closed and reopened with POST "
                                 "/api/v1/occasions/{}/close and /reopen, not by a PUT",
                                 domain::toString(status), code)});
  }
  if (!problems.empty()) return invalidBody(problems);
  return occasion;
}

Response putOccasion(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  auto expected = expectedRevision(request);
  if (!expected) return errorResponse(expected.error());
  auto occasion = readPutOccasion(context, request, request.pathParam("code"));
  if (!occasion) return errorResponse(occasion.error());
  auto saved = app::saveOccasion(useCases(context), caller.value(), std::move(occasion).value(),
                                 expected.value());
  // A new occasion starts at revision 1; a replaced one is past it.
  int status = saved && saved.value().revision == 1 ? 201 : 200;
  return afterChange(context, request, saved, status);
}

Response closeOccasion(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  auto expected = expectedRevision(request);
  if (!expected) return errorResponse(expected.error());
  return afterChange(context, request,
                     app::closeOccasion(useCases(context), caller.value(),
                                        request.pathParam("code"), expected.value()));
}

Response reopenOccasion(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  auto expected = expectedRevision(request);
  if (!expected) return errorResponse(expected.error());
  auto reason = requiredText(request, "reason");
  if (!reason) return errorResponse(reason.error());
  return afterChange(
      context, request,
      app::reopenOccasion(useCases(context), caller.value(), request.pathParam("code"),
                          expected.value(), std::move(reason).value()));
}

// ---- The overview

nlohmann::json stateCountsJson(const domain::StateCounts& counts) {
  return {{"missing", counts.missing},     {"draft", counts.draft},
          {"submitted", counts.submitted}, {"returned", counts.returned},
          {"approved", counts.approved},   {"late", counts.late},
          {"total", counts.total()}};
}

nlohmann::json assessmentCountsJson(const domain::AssessmentCounts& counts) {
  return {
      {"fulfilled", counts.fulfilled},         {"partly_fulfilled", counts.partly_fulfilled},
      {"not_fulfilled", counts.not_fulfilled}, {"cannot_be_assessed", counts.cannot_be_assessed},
      {"unassessed", counts.unassessed},       {"total", counts.total()}};
}

nlohmann::json recipientOverviewJson(const View& view, const domain::RecipientOverview& row) {
  return {{"recipient", recipientJson(view.index(), row.recipient)},
          {"unit", row.unit},
          {"unit_name", row.unit.empty() ? std::string() : unitName(view.index(), row.unit)},
          {"level", domain::toString(row.level)},
          {"deadline", dateOrNull(row.deadline)},
          {"state", domain::toString(row.state)},
          {"late", row.late},
          {"newest_version", row.newest_version},
          {"submitted_on", dateOrNull(row.submitted_on)},
          {"items", row.items},
          {"assessments", assessmentCountsJson(row.assessments)},
          {"writers", writersJson(view, row.recipient)}};
}

//! The units x items matrix of assessments. Its columns are where the chain enters the
//! occasion: the items in scope whose origins are not (the highest in scope on the way up).
//! Each recipient's row holds, per column, its own items in scope that descend from it, each
//! as assessed in the recipient's newest submitted or approved version (as the counts take
//! them), or null: not assessed yet, or in a version the caller may not read (`readable`).
nlohmann::json assessmentMatrixJson(const View& view, const domain::FollowUpOccasion& occasion,
                                    const domain::OccasionOverview& shown,
                                    const std::function<bool(const std::string&)>& shows) {
  const domain::ChainIndex& index = view.index();
  domain::OccasionScope scope(occasion, index);
  std::set<std::string_view> in_scope;
  for (const domain::ScopedRecipient& scoped : scope.recipients()) {
    for (const domain::Item* item : scoped.items) in_scope.insert(item->code);
  }
  // The highest item in scope on the way up from `item` (itself, at the least). Origins are
  // followed at most as many steps as there are items, in case the data holds a cycle.
  auto columnOf = [&](const domain::Item& item) {
    std::string_view column = item.code;
    const domain::Item* at = &item;
    for (std::size_t steps = 0; steps < index.data().items.size() && !at->origin.empty(); ++steps) {
      at = index.item(at->origin);
      if (at == nullptr) break;
      if (in_scope.contains(at->code)) column = at->code;
    }
    return column;
  };
  std::map<std::string_view, const domain::Item*> columns;
  nlohmann::json rows = nlohmann::json::array();
  for (const domain::RecipientOverview& row : shown.recipients) {
    if (!shows(row.unit)) continue;
    auto position = scope.find(row.recipient);
    if (!position) continue;
    const domain::ReportBack* counted = nullptr;
    for (const domain::ReportBack* version :
         app::versionsOf(index.data(), occasion.code, row.recipient)) {
      if (version->status == domain::ReportBackStatus::submitted ||
          version->status == domain::ReportBackStatus::approved) {
        counted = version;
      }
    }
    bool readable = true;
    if (counted != nullptr) {
      access::Subject subject{view.organisation(), nullptr, nullptr, {}, {}};
      subject.report_back = counted;
      readable = view.can(Action::read_report_back, subject).allowed;
    }
    nlohmann::json cells = nlohmann::json::object();
    for (const domain::Item* item : scope.recipients()[*position].items) {
      std::string_view column = columnOf(*item);
      columns.emplace(column, index.item(column));
      std::optional<domain::Assessment> assessment;
      if (counted != nullptr && readable) {
        for (const domain::ItemAssessment& assessed : counted->assessments) {
          if (assessed.item == item->code) assessment = assessed.assessment;
        }
      }
      cells[std::string(column)].push_back(
          {{"item", item->code},
           {"assessment",
            assessment ? nlohmann::json(domain::toString(*assessment)) : nlohmann::json(nullptr)}});
    }
    rows.push_back({{"recipient", row.recipient.code()},
                    {"version", counted != nullptr ? nlohmann::json(counted->version)
                                                   : nlohmann::json(nullptr)},
                    {"readable", readable},
                    {"cells", std::move(cells)}});
  }
  nlohmann::json column_list = nlohmann::json::array();
  for (const auto& [code, item] : columns) {
    if (item == nullptr) continue;
    column_list.push_back({{"code", item->code},
                           {"title", item->title},
                           {"kind", domain::toString(item->kind)},
                           {"recipient", item->recipient_unit.empty() ? item->recipient_person
                                                                      : item->recipient_unit}});
  }
  return {{"columns", std::move(column_list)}, {"rows", std::move(rows)}};
}

Response overview(const ApiContext& context, const Request& request) {
  auto view = openFollowUpView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  auto occasion = occasionOf(reader, request.pathParam("code"));
  if (!occasion) return errorResponse(occasion.error());
  auto scope = unitScopeOf(reader, Action::read_follow_up_overview, request);
  if (!scope) return errorResponse(scope.error());
  const UnitScope& part = scope.value();
  const domain::ChainIndex& index = reader.index();
  domain::OccasionOverview shown = domain::occasionOverview(*occasion.value(), index.data(), index,
                                                            reader.today(), app::swedishDate);

  domain::StateCounts report_backs;
  domain::AssessmentCounts assessments;
  nlohmann::json recipients = nlohmann::json::array();
  for (const domain::RecipientOverview& row : shown.recipients) {
    if (!part.contains(row.unit)) continue;
    report_backs.add(row.state, row.late);
    assessments += row.assessments;
    recipients.push_back(recipientOverviewJson(reader, row));
  }
  if (part.whole) {
    // Recipients not below the body count too; the overview has them all already.
    report_backs = shown.report_backs;
    assessments = shown.assessments;
  }
  nlohmann::json units = nlohmann::json::array();
  for (const domain::UnitOverview& unit : shown.units) {
    if (!part.contains(unit.unit)) continue;
    units.push_back({{"unit", unit.unit},
                     {"name", unitName(index, unit.unit)},
                     {"parent", unit.parent},
                     {"in_scope", unit.in_scope},
                     {"report_backs", stateCountsJson(unit.report_backs)},
                     {"assessments", assessmentCountsJson(unit.assessments)}});
  }
  // Whom a controller chases: the recipients, with their deadlines and who writes for them.
  auto chase = [&](const std::vector<domain::Recipient>& list) {
    nlohmann::json rows = nlohmann::json::array();
    for (const domain::Recipient& recipient : list) {
      const domain::RecipientOverview* row = shown.recipient(recipient);
      if (row == nullptr || !part.contains(row->unit)) continue;
      rows.push_back({{"recipient", recipientJson(index, recipient)},
                      {"unit", row->unit},
                      {"deadline", dateOrNull(row->deadline)},
                      {"state", domain::toString(row->state)},
                      {"late", row->late},
                      {"submitted_on", dateOrNull(row->submitted_on)},
                      {"writers", writersJson(reader, recipient)}});
    }
    return rows;
  };
  return json(200, {{"occasion", occasionSummaryJson(index, *occasion.value())},
                    {"today", domain::formatDate(shown.today)},
                    {"scope", part.json()},
                    {"report_backs", stateCountsJson(report_backs)},
                    {"assessments", assessmentCountsJson(assessments)},
                    {"missing", chase(shown.missing)},
                    {"late", chase(shown.late)},
                    {"recipients", std::move(recipients)},
                    {"units", std::move(units)},
                    {"matrix", assessmentMatrixJson(reader, *occasion.value(), shown,
                                                    [&part](const std::string& unit) {
                                                      return part.contains(unit);
                                                    })}});
}

// ---- Indicators of the period

Response indicators(const ApiContext& context, const Request& request) {
  auto view = openFollowUpView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  auto occasion = occasionOf(reader, request.pathParam("code"));
  if (!occasion) return errorResponse(occasion.error());
  auto scope = unitScopeOf(reader, Action::read_indicators, request);
  if (!scope) return errorResponse(scope.error());
  const domain::ChainIndex& index = reader.index();
  const domain::Date& period_end = occasion.value()->period_end;
  std::vector<domain::IndicatorValue> reported =
      domain::reportedValues(index.data(), *occasion.value());
  nlohmann::json shown = nlohmann::json::array();
  for (const domain::Indicator& indicator : index.data().indicators) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& [unit, aggregated] :
         domain::rollUpIndicator(indicator, reported, index, period_end)) {
      if (!scope.value().contains(unit)) continue;
      nlohmann::json missing = nlohmann::json::array();
      for (const domain::MissingInput& input : aggregated.missing) {
        missing.push_back({{"unit", input.unit}, {"field", input.field}});
      }
      values.push_back({{"unit", unit},
                        {"unit_name", unitName(index, unit)},
                        {"value", aggregated.value ? nlohmann::json(*aggregated.value)
                                                   : nlohmann::json(nullptr)},
                        {"units_reported", aggregated.units_reported},
                        {"missing", std::move(missing)}});
    }
    shown.push_back({{"code", indicator.code},
                     {"name", indicator.name},
                     {"unit_of_measure", indicator.unit_of_measure},
                     {"direction", domain::toString(indicator.direction)},
                     {"aggregation", domain::toString(indicator.aggregation)},
                     {"values", std::move(values)}});
  }
  return json(200, {{"occasion", occasionSummaryJson(index, *occasion.value())},
                    {"period_end", domain::formatDate(period_end)},
                    {"scope", scope.value().json()},
                    {"indicators", std::move(shown)}});
}

using Read = Response (*)(const ApiContext&, const Request&);

Handler route(const ApiContext& context, Read read) {
  return [&context, read](const Request& request) { return read(context, request); };
}

}  // namespace

void addOccasionRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/occasions", route(context, listPlan));
  router.add("POST", "/api/v1/occasions/default-plan", route(context, adoptPlan));
  router.add("GET", "/api/v1/occasions/{code}", route(context, getOccasion));
  router.add("PUT", "/api/v1/occasions/{code}", route(context, putOccasion));
  router.add("POST", "/api/v1/occasions/{code}/close", route(context, closeOccasion));
  router.add("POST", "/api/v1/occasions/{code}/reopen", route(context, reopenOccasion));
  router.add("GET", "/api/v1/occasions/{code}/overview", route(context, overview));
  router.add("GET", "/api/v1/occasions/{code}/indicators", route(context, indicators));
}

}  // namespace styr::http::follow_up
