#include "http/item_routes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/item_use_cases.hpp"
#include "domain/trace.hpp"
#include "http/error_response.hpp"
#include "http/representations.hpp"
#include "http/resource_support.hpp"
#include "interchange/json_reader.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::http {

namespace {

using access::Action;
using domain::Item;

//! The year an item is for: its steering document's year (a budget, an operational plan),
//! else its due date's year.
std::optional<int> yearOf(const domain::ChainIndex& index, const Item& item) {
  if (!item.document.empty()) {
    if (const auto* document = index.document(item.document); document && document->year) {
      return document->year;
    }
  }
  if (item.due) return static_cast<int>(item.due->year());
  return std::nullopt;
}

Response itemResponse(int status, const View& view, const Item& item) {
  Response response = json(status, itemJson(view, item));
  response.headers.set("ETag", etagOf(item.revision));
  return response;
}

//! The response to a step: the item as it is now, seen by the caller.
Response afterStep(const ApiContext& context, const Request& request,
                   const app::Result<Item>& result, int status = 200) {
  if (!result) return errorResponse(result.error());
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  Response response = itemResponse(status, *view.value(), result.value());
  if (status == 201) {
    response.headers.set("Location", fmt::format("/api/v1/items/{}", result.value().code));
  }
  return response;
}

app::Result<Item> readNewItem(const nlohmann::json& body) {
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(
      body, "$", problems,
      {"code", "kind", "issuer", "document", "recipient_unit", "recipient_person", "origin",
       "origin_document", "title", "description", "due", "follow_up"});
  Item item;
  item.code = in.optionalString("code");
  item.kind = in.requiredEnum<domain::ItemKind>("kind");
  item.issuer = in.requiredString("issuer");
  item.document = in.optionalString("document");
  item.recipient_unit = in.optionalString("recipient_unit");
  item.recipient_person = in.optionalString("recipient_person");
  item.origin = in.optionalString("origin");
  item.origin_document = in.optionalString("origin_document");
  item.title = in.requiredString("title");
  item.description = in.optionalString("description");
  item.due = in.optionalDate("due");
  if (const auto* follow_up = in.optionalValue("follow_up")) {
    item.follow_up = interchange::readFollowUpObject(*follow_up, "$.follow_up", problems);
  }
  if (!problems.empty()) return invalidBody(problems);
  return item;
}

app::Result<app::WhatChange> readWhatChange(const nlohmann::json& body) {
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(body, "$", problems,
                                   {"document", "recipient_unit", "recipient_person", "origin",
                                    "origin_document", "title", "description", "due", "follow_up"});
  app::WhatChange change;
  auto text = [&](std::string_view field, std::optional<std::string>& target) {
    if (body.contains(field)) target = in.optionalString(field);
  };
  text("document", change.document);
  text("recipient_unit", change.recipient_unit);
  text("recipient_person", change.recipient_person);
  text("origin", change.origin);
  text("origin_document", change.origin_document);
  text("title", change.title);
  text("description", change.description);
  if (body.contains("due")) change.due = in.optionalDate("due");
  if (const auto* follow_up = in.optionalValue("follow_up")) {
    change.follow_up = interchange::readFollowUpObject(*follow_up, "$.follow_up", problems);
  }
  if (!problems.empty()) return invalidBody(problems);
  return change;
}

//! A body with one text field (plan, closing_note).
app::Result<std::string> readText(const Request& request, std::string_view field) {
  auto body = objectBody(request);
  if (!body) return body.error();
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(body.value(), "$", problems, {field});
  std::string text = in.requiredString(field);
  if (!problems.empty()) return invalidBody(problems);
  return text;
}

nlohmann::json traceUpJson(const View& view, const domain::TraceUp& trace) {
  nlohmann::json chain = nlohmann::json::array();
  for (const Item* item : trace.chain) {
    if (view.mayRead(*item)) {
      chain.push_back(itemSummaryJson(view.index(), *item));
    } else {
      // The chain stays whole; what the caller may not read shows as its code only.
      chain.push_back({{"code", item->code}, {"readable", false}});
    }
  }
  nlohmann::json source = nullptr;
  if (trace.source != nullptr && view.mayRead(*trace.source)) {
    source = {{"code", trace.source->code},
              {"kind", domain::toString(trace.source->kind)},
              {"title", trace.source->title}};
  }
  return {{"direction", "up"}, {"chain", chain}, {"source", source}, {"broken", trace.broken}};
}

nlohmann::json traceDownJson(const View& view, const domain::TraceNode& node, std::size_t& hidden) {
  nlohmann::json json = itemSummaryJson(view.index(), *node.item);
  nlohmann::json children = nlohmann::json::array();
  for (const auto& child : node.children) {
    if (view.mayRead(*child.item)) {
      children.push_back(traceDownJson(view, child, hidden));
    } else {
      hidden += domain::countNodes(child);
    }
  }
  json["children"] = std::move(children);
  return json;
}

Response renderItemList(const View& reader, const Request& request) {
  auto paging = parsePaging(request);
  if (!paging) return errorResponse(paging.error());
  auto year = yearParam(request, "year");
  if (!year) return errorResponse(year.error());
  auto filter = [&](std::string_view name) { return request.queryParam(name); };
  app::Error invalid{app::ErrorCode::invalid_input, "a filter names no such value", {}};
  if (auto kind = filter("kind"); kind && !domain::parseEnum<domain::ItemKind>(*kind)) {
    invalid.details.push_back({"kind", "", fmt::format("'{}' is no item kind", *kind)});
  }
  if (auto status = filter("status"); status && !domain::parseEnum<domain::ItemStatus>(*status)) {
    invalid.details.push_back({"status", "", fmt::format("'{}' is no item status", *status)});
  }
  if (!invalid.details.empty()) return errorResponse(invalid);
  auto matches = [&](std::string_view name, std::string_view value) {
    auto wanted = filter(name);
    return !wanted || *wanted == value;
  };
  nlohmann::json all = nlohmann::json::array();
  for (const Item& item : reader.snapshot().data().items) {
    std::string_view recipient =
        item.recipient_person.empty() ? item.recipient_unit : item.recipient_person;
    if (!matches("recipient", recipient) || !matches("issuer", item.issuer) ||
        !matches("kind", domain::toString(item.kind)) ||
        !matches("status", domain::toString(item.status)) || !matches("document", item.document) ||
        !matches("origin", item.origin)) {
      continue;
    }
    if (year.value() && yearOf(reader.index(), item) != year.value()) continue;
    if (!reader.mayRead(item)) continue;
    all.push_back(itemSummaryJson(reader.index(), item));
  }
  return json(200, pageOf(all, paging.value()));
}

//! What a unit received and issued: the chain as its head works with it.
Response renderChainView(const View& reader, const Request& request) {
  std::string code(request.pathParam("code"));
  const domain::Unit* unit = reader.index().unit(code);
  if (unit == nullptr) {
    return errorResponse({app::ErrorCode::not_found, fmt::format("there is no unit {}", code), {}});
  }
  if (auto refused =
          check(reader, Action::read_units, {reader.organisation(), nullptr, nullptr, code, {}})) {
    return errorResponse(*refused);
  }
  nlohmann::json received = nlohmann::json::array();
  nlohmann::json issued = nlohmann::json::array();
  for (const Item& item : reader.snapshot().data().items) {
    bool in = item.recipient_unit == code;
    bool out = item.issuer == code;
    if ((!in && !out) || !reader.mayRead(item)) continue;
    (in ? received : issued).push_back(itemSummaryJson(reader.index(), item));
  }
  return json(200, {{"unit",
                     {{"code", unit->code},
                      {"name", unit->name},
                      {"kind", domain::toString(unit->kind)},
                      {"parent", unit->parent}}},
                    {"received", std::move(received)},
                    {"issued", std::move(issued)}});
}

Response renderItem(const View& reader, const Request& request) {
  const Item* item = reader.index().item(request.pathParam("code"));
  // Not readable is not found, for the public too: a draft's code must not give away that
  // the draft exists (TF 2:12).
  if (item == nullptr || !reader.mayRead(*item)) {
    return errorResponse(
        {app::ErrorCode::not_found,
         fmt::format("there is no item {} that you may read", request.pathParam("code")),
         {}});
  }
  return itemResponse(200, reader, *item);
}

Response renderTrace(const View& reader, const Request& request) {
  std::string code(request.pathParam("code"));
  const Item* item = reader.index().item(code);
  if (item == nullptr || !reader.mayRead(*item)) {
    return errorResponse({app::ErrorCode::not_found,
                          fmt::format("there is no item {} that you may read", code),
                          {}});
  }
  auto direction = request.queryParam("direction").value_or("up");
  if (direction == "up") {
    return json(200, traceUpJson(reader, *domain::traceUp(reader.index(), code)));
  }
  if (direction == "down") {
    std::size_t hidden = 0;
    nlohmann::json tree = traceDownJson(reader, *domain::traceDown(reader.index(), code), hidden);
    return json(200, {{"direction", "down"}, {"tree", std::move(tree)}, {"hidden", hidden}});
  }
  return errorResponse(
      {app::ErrorCode::invalid_input,
       "direction is up or down",
       {{"direction", "", fmt::format("'{}' is neither up nor down", direction)}}});
}

using Render = Response (*)(const View&, const Request&);

//! A read of items: the caller's view, the token's scope, then the answer, kept for the next
//! caller with the same rights (cachedRead) while nothing changes.
Handler itemRead(const ApiContext& context, Render render) {
  return [&context, render](const Request& request) {
    auto view = openView(context, request);
    if (!view) return errorResponse(view.error());
    const View& reader = *view.value();
    if (auto refused = checkScope(reader, access::Scope::read)) return errorResponse(*refused);
    return cachedRead(context, reader, request, [&] { return render(reader, request); });
  };
}

using StepCall =
    std::function<app::Result<Item>(const app::UseCaseContext&, const app::Caller&,
                                    std::string_view, app::ExpectedRevision, const Request&)>;

//! A route for one step: who asks, If-Match, the step, the item as it is afterwards.
Handler stepRoute(const ApiContext& context, StepCall call) {
  return [&context, call = std::move(call)](const Request& request) {
    auto caller = identifyForChange(context, request);
    if (!caller) return errorResponse(caller.error());
    auto expected = expectedRevision(request);
    if (!expected) return errorResponse(expected.error());
    auto result = call(useCases(context), caller.value(), request.pathParam("code"),
                       expected.value(), request);
    return afterStep(context, request, result);
  };
}

using TextStep = app::Result<Item> (*)(const app::UseCaseContext&, const app::Caller&,
                                       std::string_view, app::ExpectedRevision, std::string);

//! A step whose body is one text field: the plan, or the closing note.
Handler textStepRoute(const ApiContext& context, std::string field, TextStep step) {
  return stepRoute(
      context,
      [field = std::move(field), step](
          const app::UseCaseContext& use_cases, const app::Caller& caller, std::string_view code,
          app::ExpectedRevision expected, const Request& request) -> app::Result<Item> {
        auto text = readText(request, field);
        if (!text) return text.error();
        return step(use_cases, caller, code, expected, std::move(text).value());
      });
}

}  // namespace

void addItemRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/items", itemRead(context, renderItemList));

  router.add("POST", "/api/v1/items", [&context](const Request& request) {
    auto caller = identifyForChange(context, request);
    if (!caller) return errorResponse(caller.error());
    auto body = objectBody(request);
    if (!body) return errorResponse(body.error());
    auto proposed = readNewItem(body.value());
    if (!proposed) return errorResponse(proposed.error());
    auto created = app::createItem(useCases(context), caller.value(), std::move(proposed).value());
    return afterStep(context, request, created, 201);
  });

  router.add("GET", "/api/v1/items/{code}", itemRead(context, renderItem));

  router.add("PATCH", "/api/v1/items/{code}",
             stepRoute(context,
                       [](const app::UseCaseContext& use_cases, const app::Caller& caller,
                          std::string_view code, app::ExpectedRevision expected,
                          const Request& request) -> app::Result<Item> {
                         auto body = objectBody(request);
                         if (!body) return body.error();
                         auto change = readWhatChange(body.value());
                         if (!change) return change.error();
                         return app::editWhat(use_cases, caller, code, expected, change.value());
                       }));

  router.add(
      "POST", "/api/v1/items/{code}/issue",
      stepRoute(context, [](const app::UseCaseContext& use_cases, const app::Caller& caller,
                            std::string_view code, app::ExpectedRevision expected, const Request&) {
        return app::issueItem(use_cases, caller, code, expected);
      }));

  router.add("POST", "/api/v1/items/{code}/acknowledge",
             textStepRoute(context, "plan", app::acknowledgeItem));
  router.add("PUT", "/api/v1/items/{code}/plan", textStepRoute(context, "plan", app::updatePlan));
  router.add("POST", "/api/v1/items/{code}/complete",
             textStepRoute(context, "closing_note", app::completeItem));
  router.add("POST", "/api/v1/items/{code}/cancel",
             textStepRoute(context, "closing_note", app::cancelItem));

  router.add("GET", "/api/v1/items/{code}/trace", itemRead(context, renderTrace));

  router.add("GET", "/api/v1/units/{code}/chain", itemRead(context, renderChainView));
}

}  // namespace styr::http
