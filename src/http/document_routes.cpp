#include "http/document_routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "app/document_use_cases.hpp"
#include "http/error_response.hpp"
#include "http/representations.hpp"
#include "http/resource_support.hpp"
#include "interchange/json_reader.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::http {

namespace {

using access::Action;
using domain::DocumentStatus;
using domain::SteeringDocument;

std::string documentEtag(const SteeringDocument& version) {
  return fmt::format("\"{}\"", app::documentTag(version));
}

//! If-Match as the tag it expects: nullopt when absent or "*"; invalid_input when it is not
//! one quoted tag.
app::Result<app::ExpectedTag> expectedTag(const Request& request) {
  auto header = request.header("If-Match");
  if (!header || *header == "*") return app::ExpectedTag();
  std::string_view tag = *header;
  if (tag.size() >= 3 && tag.front() == '"' && tag.back() == '"') {
    auto inner = tag.substr(1, tag.size() - 2);
    if (inner.find('"') == std::string_view::npos) return app::ExpectedTag(std::string(inner));
  }
  return app::Error{app::ErrorCode::invalid_input,
                    "If-Match must be one ETag this server gave, such as \"2-5f0c1e2d3a4b5c6d\"",
                    {{"If-Match", "", "send the ETag of the document as you read it"}}};
}

//! The document's versions, newest first.
std::vector<const SteeringDocument*> versionsOf(const View& view, std::string_view code) {
  std::vector<const SteeringDocument*> versions;
  for (const SteeringDocument& version : view.snapshot().data().documents) {
    if (version.code == code) versions.push_back(&version);
  }
  std::sort(versions.begin(), versions.end(),
            [](const auto* a, const auto* b) { return a->version > b->version; });
  return versions;
}

//! The steps the caller may take on this version now, by their access action: on a draft,
//! preparing it (create_document for a first version, revise_document for a later one: PATCH)
//! and record_decision; on the decided version, revise_document (a new revision) while no
//! draft exists. Superseded versions take no steps.
nlohmann::json mayJson(const View& view, const SteeringDocument& version, bool has_draft) {
  nlohmann::json may = nlohmann::json::array();
  auto offer = [&](Action action) {
    if (view.can(action, {view.organisation(), nullptr, &version, {}, {}})) {
      may.push_back(access::toString(action));
    }
  };
  if (version.status == DocumentStatus::draft) {
    offer(version.version == 1 ? Action::create_document : Action::revise_document);
    offer(Action::record_decision);
  } else if (version.status == DocumentStatus::decided && !has_draft) {
    offer(Action::revise_document);
  }
  return may;
}

bool hasDraft(const View& view, std::string_view code) {
  auto versions = versionsOf(view, code);
  return std::any_of(versions.begin(), versions.end(), [](const SteeringDocument* version) {
    return version->status == DocumentStatus::draft;
  });
}

//! A version in full: the exchange format's fields, the deciding body's name, and `may`.
nlohmann::json versionJson(const View& view, const SteeringDocument& version, bool has_draft) {
  nlohmann::json json = interchange::recordObject(version);
  json["deciding_body_name"] = unitName(view.index(), version.deciding_body);
  json["may"] = mayJson(view, version, has_draft);
  return json;
}

//! A version in a list: without the long texts and the appropriations.
nlohmann::json versionSummaryJson(const View& view, const SteeringDocument& version) {
  nlohmann::json json = interchange::recordObject(version);
  json.erase("summary");
  json.erase("appropriations");
  json["deciding_body_name"] = unitName(view.index(), version.deciding_body);
  return json;
}

//! The response to a step: the version as it is now, seen by the caller.
Response afterStep(const ApiContext& context, const Request& request,
                   const app::Result<SteeringDocument>& result, int status = 200) {
  if (!result) return errorResponse(result.error());
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const SteeringDocument& version = result.value();
  Response response =
      json(status, versionJson(*view.value(), version, hasDraft(*view.value(), version.code)));
  response.headers.set("ETag", documentEtag(version));
  if (status == 201) {
    response.headers.set("Location", fmt::format("/api/v1/documents/{}", version.code));
  }
  return response;
}

std::vector<domain::Appropriation> readAppropriations(interchange::JsonObjectReader& in,
                                                      std::vector<interchange::Problem>& problems) {
  std::vector<domain::Appropriation> appropriations;
  in.forEachElement("appropriations", [&](const nlohmann::json& element, std::string path) {
    appropriations.push_back(
        interchange::readAppropriationObject(element, std::move(path), problems));
  });
  return appropriations;
}

app::Result<SteeringDocument> readNewDocument(const nlohmann::json& body) {
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(body, "$", problems,
                                   {"code", "kind", "title", "summary", "deciding_body",
                                    "valid_from", "valid_to", "year", "term", "appropriations"});
  SteeringDocument document;
  document.code = in.requiredString("code");
  document.kind = in.requiredEnum<domain::DocumentKind>("kind");
  document.title = in.requiredString("title");
  document.summary = in.optionalString("summary");
  document.deciding_body = in.requiredString("deciding_body");
  document.valid_from = in.requiredDate("valid_from");
  document.valid_to = in.optionalDate("valid_to");
  document.year = in.optionalInt("year");
  document.term = in.optionalInt("term");
  document.appropriations = readAppropriations(in, problems);
  if (!problems.empty()) return invalidBody(problems);
  return document;
}

//! A change: only the fields present in the body; null clears the optional ones.
app::Result<app::DocumentChange> readDocumentChange(const nlohmann::json& body) {
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(body, "$", problems,
                                   {"kind", "title", "summary", "deciding_body", "valid_from",
                                    "valid_to", "year", "term", "appropriations"});
  app::DocumentChange change;
  auto present = [&](std::string_view field) { return body.is_object() && body.contains(field); };
  if (present("kind")) change.kind = in.requiredEnum<domain::DocumentKind>("kind");
  if (present("title")) change.title = in.requiredString("title");
  if (present("summary")) change.summary = in.optionalString("summary");
  if (present("deciding_body")) change.deciding_body = in.requiredString("deciding_body");
  if (present("valid_from")) change.valid_from = in.requiredDate("valid_from");
  if (present("valid_to")) change.valid_to = in.optionalDate("valid_to");
  if (present("year")) change.year = in.optionalInt("year");
  if (present("term")) change.term = in.optionalInt("term");
  if (present("appropriations")) change.appropriations = readAppropriations(in, problems);
  if (!problems.empty()) return invalidBody(problems);
  return change;
}

app::Result<domain::Decision> readDecision(const nlohmann::json& body) {
  std::vector<interchange::Problem> problems;
  domain::Decision decision = interchange::readDecisionObject(body, "$", problems);
  // The exchange format allows them empty (older decisions); a decision recorded now has both.
  bool minute_problem = false;
  bool case_problem = false;
  for (const auto& problem : problems) {
    minute_problem = minute_problem || problem.where == "$.minute_paragraph";
    case_problem = case_problem || problem.where == "$.case_number";
  }
  if (!minute_problem && decision.minute_paragraph.empty()) {
    problems.push_back({"$.minute_paragraph", "missing required field: the minute paragraph"});
  }
  if (!case_problem && decision.case_number.empty()) {
    problems.push_back({"$.case_number", "missing required field: the case number (L20)"});
  }
  if (!problems.empty()) return invalidBody(problems);
  return decision;
}

Response listDocuments(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  auto paging = parsePaging(request);
  if (!paging) return errorResponse(paging.error());
  auto year = yearParam(request, "year");
  if (!year) return errorResponse(year.error());
  auto filter = [&](std::string_view name) { return request.queryParam(name); };
  app::Error invalid{app::ErrorCode::invalid_input, "a filter names no such value", {}};
  if (auto kind = filter("kind"); kind && !domain::parseEnum<domain::DocumentKind>(*kind)) {
    invalid.details.push_back({"kind", "", fmt::format("'{}' is no document kind", *kind)});
  }
  if (auto status = filter("status");
      status && !domain::parseEnum<domain::DocumentStatus>(*status)) {
    invalid.details.push_back({"status", "", fmt::format("'{}' is no document status", *status)});
  }
  if (!invalid.details.empty()) return errorResponse(invalid);
  auto matches = [&](std::string_view name, std::string_view value) {
    auto wanted = filter(name);
    return !wanted || *wanted == value;
  };
  const View& reader = *view.value();
  std::vector<const SteeringDocument*> chosen;
  for (const SteeringDocument& version : reader.snapshot().data().documents) {
    if (!matches("kind", domain::toString(version.kind)) ||
        !matches("status", domain::toString(version.status)) ||
        !matches("deciding_body", version.deciding_body)) {
      continue;
    }
    if (year.value() && version.year != year.value()) continue;
    if (!reader.mayRead(version)) continue;
    chosen.push_back(&version);
  }
  // By code, each document's newest version first, as a document's own page lists them.
  std::sort(chosen.begin(), chosen.end(), [](const auto* a, const auto* b) {
    return a->code != b->code ? a->code < b->code : a->version > b->version;
  });
  nlohmann::json all = nlohmann::json::array();
  for (const SteeringDocument* version : chosen)
    all.push_back(versionSummaryJson(reader, *version));
  return json(200, pageOf(all, paging.value()));
}

Response getDocument(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  std::string code(request.pathParam("code"));
  auto versions = versionsOf(reader, code);
  bool has_draft = hasDraft(reader, code);
  nlohmann::json readable = nlohmann::json::array();
  const SteeringDocument* newest = nullptr;
  for (const SteeringDocument* version : versions) {
    if (!reader.mayRead(*version)) continue;
    if (newest == nullptr) newest = version;
    readable.push_back(versionJson(reader, *version, has_draft));
  }
  if (newest == nullptr) {
    // As for items: a draft's code must not give away that the draft exists (TF 2:12).
    return errorResponse({app::ErrorCode::not_found,
                          fmt::format("there is no steering document {} that you may read", code),
                          {}});
  }
  Response response = json(200, {{"code", code}, {"versions", std::move(readable)}});
  response.headers.set("ETag", documentEtag(*newest));
  return response;
}

using StepCall = std::function<app::Result<SteeringDocument>(
    const app::UseCaseContext&, const app::Caller&, std::string_view, app::ExpectedTag,
    const nlohmann::json& body)>;

//! A route for one step on an existing document: who asks, If-Match, the body, the step, the
//! version it made or changed.
Handler stepRoute(const ApiContext& context, int status, StepCall call) {
  return [&context, status, call = std::move(call)](const Request& request) {
    auto caller = identifyForChange(context, request);
    if (!caller) return errorResponse(caller.error());
    auto expected = expectedTag(request);
    if (!expected) return errorResponse(expected.error());
    auto body = objectBody(request);
    if (!body) return errorResponse(body.error());
    auto result = call(useCases(context), caller.value(), request.pathParam("code"),
                       expected.value(), body.value());
    return afterStep(context, request, result, status);
  };
}

}  // namespace

void addDocumentRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/documents",
             [&context](const Request& request) { return listDocuments(context, request); });

  router.add("POST", "/api/v1/documents", [&context](const Request& request) {
    auto caller = identifyForChange(context, request);
    if (!caller) return errorResponse(caller.error());
    auto body = objectBody(request);
    if (!body) return errorResponse(body.error());
    auto proposed = readNewDocument(body.value());
    if (!proposed) return errorResponse(proposed.error());
    auto created =
        app::createDocument(useCases(context), caller.value(), std::move(proposed).value());
    return afterStep(context, request, created, 201);
  });

  router.add("GET", "/api/v1/documents/{code}",
             [&context](const Request& request) { return getDocument(context, request); });

  router.add("PATCH", "/api/v1/documents/{code}",
             stepRoute(context, 200,
                       [](const app::UseCaseContext& use_cases, const app::Caller& caller,
                          std::string_view code, app::ExpectedTag expected,
                          const nlohmann::json& body) -> app::Result<SteeringDocument> {
                         auto change = readDocumentChange(body);
                         if (!change) return change.error();
                         return app::editDraft(use_cases, caller, code, std::move(expected),
                                               change.value());
                       }));

  router.add("POST", "/api/v1/documents/{code}/revisions",
             stepRoute(context, 201,
                       [](const app::UseCaseContext& use_cases, const app::Caller& caller,
                          std::string_view code, app::ExpectedTag expected,
                          const nlohmann::json& body) -> app::Result<SteeringDocument> {
                         auto change = readDocumentChange(body);
                         if (!change) return change.error();
                         return app::reviseDocument(use_cases, caller, code, std::move(expected),
                                                    change.value());
                       }));

  router.add("POST", "/api/v1/documents/{code}/decision",
             stepRoute(context, 200,
                       [](const app::UseCaseContext& use_cases, const app::Caller& caller,
                          std::string_view code, app::ExpectedTag expected,
                          const nlohmann::json& body) -> app::Result<SteeringDocument> {
                         auto decision = readDecision(body);
                         if (!decision) return decision.error();
                         return app::recordDecision(use_cases, caller, code, std::move(expected),
                                                    std::move(decision).value());
                       }));
}

}  // namespace styr::http
