#include "http/indicator_routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <vector>

#include "app/indicator_use_cases.hpp"
#include "http/error_response.hpp"
#include "http/representations.hpp"
#include "http/resource_support.hpp"
#include "interchange/json_reader.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::http {

namespace {

using access::Action;
using domain::Indicator;
using domain::IndicatorValue;

std::optional<app::Error> mayReadFigures(const View& view, std::string unit = {}) {
  return check(view, Action::read_indicators,
               {view.organisation(), nullptr, nullptr, std::move(unit), {}});
}

//! The indicator the path names, or not_found.
app::Result<const Indicator*> indicatorOf(const View& view, const Request& request) {
  auto code = request.pathParam("code");
  const Indicator* indicator = view.index().indicator(code);
  if (indicator == nullptr) {
    return app::Error{app::ErrorCode::not_found, fmt::format("there is no indicator {}", code), {}};
  }
  return indicator;
}

nlohmann::json valueJson(const View& view, const Indicator& indicator,
                         const IndicatorValue& value) {
  nlohmann::json shown = interchange::recordObject(value);
  shown["unit_name"] = unitName(view.index(), value.unit);
  auto target =
      app::applicableTarget(indicator, value.unit, static_cast<int>(value.period_end.year()));
  shown["target"] =
      target
          ? nlohmann::json{{"year", target->year}, {"unit", target->unit}, {"value", target->value}}
          : nlohmann::json(nullptr);
  return shown;
}

Response listIndicators(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  if (auto refused = mayReadFigures(*view.value())) return errorResponse(*refused);
  nlohmann::json all = nlohmann::json::array();
  for (const Indicator& indicator : view.value()->snapshot().data().indicators) {
    all.push_back(nlohmann::json(interchange::recordObject(indicator)));
  }
  return json(200, {{"indicators", std::move(all)}});
}

Response getIndicator(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  if (auto refused = mayReadFigures(reader)) return errorResponse(*refused);
  auto indicator = indicatorOf(reader, request);
  if (!indicator) return errorResponse(indicator.error());
  nlohmann::json shown = interchange::recordObject(*indicator.value());
  nlohmann::json items = nlohmann::json::array();
  for (const domain::Item& item : reader.snapshot().data().items) {
    const auto& links = item.follow_up.indicators;
    bool names_it = std::any_of(links.begin(), links.end(), [&](const domain::IndicatorLink& link) {
      return link.indicator == indicator.value()->code;
    });
    if (names_it && reader.mayRead(item)) items.push_back(itemSummaryJson(reader.index(), item));
  }
  shown["items"] = std::move(items);
  return json(200, shown);
}

Response listValues(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  auto unit = request.queryParam("unit");
  if (auto refused = mayReadFigures(reader, unit ? std::string(*unit) : std::string())) {
    return errorResponse(*refused);
  }
  auto indicator = indicatorOf(reader, request);
  if (!indicator) return errorResponse(indicator.error());
  auto paging = parsePaging(request);
  if (!paging) return errorResponse(paging.error());
  auto year = yearParam(request, "year");
  if (!year) return errorResponse(year.error());
  if (unit && reader.index().unit(*unit) == nullptr) {
    return errorResponse({app::ErrorCode::invalid_input,
                          "a filter names no such value",
                          {{"unit", "", fmt::format("there is no unit {}", *unit)}}});
  }
  std::vector<const IndicatorValue*> values;
  for (const IndicatorValue& value : reader.snapshot().data().indicator_values) {
    if (value.indicator != indicator.value()->code) continue;
    if (unit && value.unit != *unit) continue;
    if (year.value() && static_cast<int>(value.period_end.year()) != *year.value()) continue;
    values.push_back(&value);
  }
  std::sort(values.begin(), values.end(), [](const IndicatorValue* a, const IndicatorValue* b) {
    return std::tie(a->period_end, a->unit) < std::tie(b->period_end, b->unit);
  });
  nlohmann::json all = nlohmann::json::array();
  for (const IndicatorValue* value : values) {
    all.push_back(valueJson(reader, *indicator.value(), *value));
  }
  return json(200, pageOf(all, paging.value()));
}

app::Result<app::ReportedValue> readReportedValue(const nlohmann::json& body) {
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(
      body, "$", problems, {"unit", "period_end", "value", "numerator", "denominator", "weight"});
  app::ReportedValue reported;
  reported.unit = in.requiredString("unit");
  reported.period_end = in.requiredDate("period_end");
  reported.value = in.optionalNumber("value");
  reported.numerator = in.optionalNumber("numerator");
  reported.denominator = in.optionalNumber("denominator");
  reported.weight = in.optionalNumber("weight");
  if (!problems.empty()) return invalidBody(problems);
  return reported;
}

Response recordValue(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  auto body = objectBody(request);
  if (!body) return errorResponse(body.error());
  auto reported = readReportedValue(body.value());
  if (!reported) return errorResponse(reported.error());
  auto recorded = app::recordIndicatorValue(useCases(context), caller.value(),
                                            request.pathParam("code"), reported.value());
  if (!recorded) return errorResponse(recorded.error());
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const Indicator* indicator = view.value()->index().indicator(recorded.value().indicator);
  return json(201, valueJson(*view.value(), *indicator, recorded.value()));
}

}  // namespace

void addIndicatorRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/indicators",
             [&context](const Request& request) { return listIndicators(context, request); });
  router.add("GET", "/api/v1/indicators/{code}",
             [&context](const Request& request) { return getIndicator(context, request); });
  router.add("GET", "/api/v1/indicators/{code}/values",
             [&context](const Request& request) { return listValues(context, request); });
  router.add("POST", "/api/v1/indicators/{code}/values",
             [&context](const Request& request) { return recordValue(context, request); });
}

}  // namespace styr::http
