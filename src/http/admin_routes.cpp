#include "http/admin_routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "app/api_tokens.hpp"
#include "app/changes.hpp"
#include "app/import_organisation.hpp"
#include "http/error_response.hpp"
#include "http/resource_support.hpp"
#include "interchange/csv.hpp"
#include "interchange/json_reader.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::http {

namespace {

using access::Action;

// ---- API tokens

//! A token as the API shows it: never its secret or the secret's hash.
nlohmann::json tokenJson(const app::ApiToken& token) {
  return {{"name", token.name},
          {"scopes", token.scopes},
          {"created_by", token.created_by},
          {"created_at", token.created_at},
          {"revoked_at",
           token.revoked_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(token.revoked_at)}};
}

struct NewToken {
  std::string name;
  std::vector<std::string> scopes;
};

app::Result<NewToken> readNewToken(const nlohmann::json& body) {
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(body, "$", problems, {"name", "scopes"});
  NewToken token;
  token.name = in.requiredString("name");
  in.requiredValue("scopes");
  in.forEachElement("scopes", [&](const nlohmann::json& scope, const std::string& path) {
    if (!scope.is_string()) {
      problems.push_back({path, interchange::expectedMessage("a scope's name", scope)});
      return;
    }
    token.scopes.push_back(scope.get<std::string>());
  });
  if (!problems.empty()) return invalidBody(problems);
  return token;
}

Response listTokens(const ApiContext& context, const Request& request) {
  auto caller = identify(context, request);
  if (!caller) return errorResponse(caller.error());
  if (!caller.value().actor.signed_in) {
    return errorResponse(
        {app::ErrorCode::unauthenticated, "sign in to see the API tokens you manage", {}});
  }
  auto tokens = app::listApiTokens(useCases(context), caller.value(), caller.value().username);
  if (!tokens) return errorResponse(tokens.error());
  nlohmann::json all = nlohmann::json::array();
  for (const auto& token : tokens.value()) all.push_back(tokenJson(token));
  return json(200, {{"tokens", std::move(all)}});
}

Response createToken(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  auto body = objectBody(request);
  if (!body) return errorResponse(body.error());
  auto wanted = readNewToken(body.value());
  if (!wanted) return errorResponse(wanted.error());
  auto created = app::createApiToken(useCases(context), caller.value(), caller.value().username,
                                     std::move(wanted.value().name), wanted.value().scopes);
  if (!created) return errorResponse(created.error());
  nlohmann::json shown = tokenJson(created.value().token);
  // The only time the secret leaves the server: the store keeps its hash alone.
  shown["secret"] = created.value().secret;
  Response response = json(201, shown);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

Response revokeToken(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  auto revoked = app::revokeApiToken(useCases(context), caller.value(), caller.value().username,
                                     request.pathParam("name"));
  if (!revoked) return errorResponse(revoked.error());
  return json(200, tokenJson(revoked.value()));
}

// ---- The audit trail

//! The record kinds the audit trail has entries of, as app/ writes them.
constexpr std::array<std::string_view, 13> kRecordKinds{
    "item", "document", "person",      "unit",         "membership", "indicator", "year",
    "term", "occasion", "report_back", "organisation", "api_token",  "account"};

std::string recordKindsText() {
  std::string text;
  for (auto kind : kRecordKinds) text += (text.empty() ? "" : ", ") + std::string(kind);
  return text;
}

//! The JSON an entry recorded, or the text itself if it is not JSON (so nothing is lost).
nlohmann::json recordedFields(const std::string& text) {
  if (text.empty()) return nullptr;
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return text;
  return parsed;
}

nlohmann::json auditEntryJson(const domain::AuditEntry& entry) {
  return {{"sequence", entry.sequence},
          {"at", entry.at},
          {"actor", entry.actor},
          {"action", entry.action},
          {"record", entry.record},
          {"before", recordedFields(entry.before)},
          {"after", recordedFields(entry.after)}};
}

app::Error noRecord(std::string_view kind, std::string_view record) {
  return {app::ErrorCode::not_found,
          fmt::format("there is no {} {} whose audit trail you may read", kind, record),
          {}};
}

//! The audit trail of one record as the caller may read it. A record's trail shows what the
//! record held, so it is read with the record (docs/permissions.md, read_audit).
app::Result<std::vector<domain::AuditEntry>> trailOf(const ApiContext& context, const View& view,
                                                     const std::string& kind,
                                                     const std::string& record) {
  app::Store& store = context.store();
  access::Subject subject{view.organisation(), nullptr, nullptr, {}, {}};
  // Document versions are audited one by one ("<code>/<version>"); asked for by its code, a
  // document's trail is that of every version the caller may read, allowed by the rights on
  // its decided (or latest) version.
  std::vector<std::string> keys{record};
  if (kind == "item") {
    subject.item = view.index().item(record);
    if (subject.item == nullptr) return noRecord(kind, record);
  } else if (kind == "document") {
    auto slash = record.find('/');
    std::string code = record.substr(0, slash);
    const domain::SteeringDocument* found = nullptr;
    std::vector<std::string> versions;
    for (const auto& document : view.snapshot().data().documents) {
      if (document.code != code) continue;
      std::string key = fmt::format("{}/{}", document.code, document.version);
      if (slash == std::string::npos) {
        // A draft version's trail is no more public than the draft itself.
        if (view.mayRead(document)) versions.push_back(key);
      } else if (key == record) {
        found = &document;
      }
    }
    if (slash == std::string::npos) {
      found = view.index().document(code);
      keys = std::move(versions);
    }
    if (found == nullptr) return noRecord(kind, record);
    subject.document = found;
  } else if (kind == "report_back") {
    // Versions are audited one by one ("<occasion>/<recipient>/<version>"); asked for
    // without the version, the trail is that of every version the caller may read.
    const domain::ReportBack* found = nullptr;
    std::vector<std::string> versions;
    for (const auto& report_back : view.snapshot().data().report_backs) {
      std::string key = app::reportBackKey(report_back);
      if (key == record) {
        found = &report_back;
        versions = {key};
        break;
      }
      if (key.rfind(record + "/", 0) == 0 &&
          key.find('/', record.size() + 1) == std::string::npos) {
        // The rights are checked below on a version the caller may read, if there is one.
        if (view.can(Action::read_report_back,
                     {view.organisation(), nullptr, nullptr, {}, {}, &report_back})) {
          versions.push_back(key);
          found = &report_back;
        } else if (versions.empty()) {
          found = &report_back;
        }
      }
    }
    if (found == nullptr) return noRecord(kind, record);
    subject.report_back = found;
    keys = std::move(versions);
  } else if (kind == "occasion") {
    // The plan is read by everyone who reports by it, and so is its trail.
    const auto& occasions = view.snapshot().data().occasions;
    auto occasion = std::find_if(occasions.begin(), occasions.end(),
                                 [&](const auto& each) { return each.code == record; });
    if (occasion == occasions.end()) return noRecord(kind, record);
    subject.unit = occasion->body;
  } else if (kind == "person") {
    if (view.index().person(record) == nullptr) return noRecord(kind, record);
    subject.person = record;
  } else if (kind == "unit") {
    if (view.index().unit(record) == nullptr) return noRecord(kind, record);
    subject.unit = record;
  } else if (kind == "membership") {
    // "<person>/<unit>/<role>/<valid_from>": a membership is personal data of its person.
    subject.person = record.substr(0, record.find('/'));
  }
  if (auto refused = check(view, Action::read_audit, subject)) {
    if (subject.item != nullptr || subject.document != nullptr || subject.report_back != nullptr) {
      return noRecord(kind, record);
    }
    // Whether a person exists is not told to those who may not read them (as GET people).
    if (!subject.person.empty() &&
        !view.can(Action::read_people,
                  {view.organisation(), nullptr, nullptr, {}, subject.person})) {
      return noRecord(kind, record);
    }
    return *refused;
  }
  std::vector<domain::AuditEntry> entries;
  for (const auto& key : keys) {
    auto found = store.auditEntriesOf(view.organisation(), kind, key);
    entries.insert(entries.end(), std::make_move_iterator(found.begin()),
                   std::make_move_iterator(found.end()));
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.sequence < b.sequence; });
  bool indexed = kind == "item" || kind == "document" || kind == "person" || kind == "unit" ||
                 kind == "occasion" || kind == "report_back";
  if (!indexed && entries.empty()) return noRecord(kind, record);
  return entries;
}

Response auditTrail(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  auto paging = parsePaging(request);
  if (!paging) return errorResponse(paging.error());
  std::string kind(request.queryParam("record_kind").value_or(""));
  std::string record(request.queryParam("record").value_or(""));
  app::Error invalid{app::ErrorCode::invalid_input,
                     "name the record whose audit trail to read: ?record_kind=&record=",
                     {}};
  if (kind.empty()) {
    invalid.details.push_back({"record_kind", "", fmt::format("one of {}", recordKindsText())});
  } else if (std::find(kRecordKinds.begin(), kRecordKinds.end(), kind) == kRecordKinds.end()) {
    invalid.details.push_back(
        {"record_kind", "",
         fmt::format("'{}' is no record kind; the kinds are {}", kind, recordKindsText())});
  }
  if (record.empty()) {
    invalid.details.push_back({"record", "", "the record's code (key) within the organisation"});
  }
  if (!invalid.details.empty()) return errorResponse(invalid);
  const View& reader = *view.value();
  if (!reader.caller().actor.signed_in) {
    // The trail names who changed what (personal data), so even public records' trails
    // need signing in.
    return errorResponse({app::ErrorCode::unauthenticated, "sign in to read the audit trail", {}});
  }
  auto entries = trailOf(context, reader, kind, record);
  if (!entries) return errorResponse(entries.error());
  nlohmann::json all = nlohmann::json::array();
  for (const auto& entry : entries.value()) all.push_back(auditEntryJson(entry));
  nlohmann::json page = pageOf(all, paging.value());
  page["record_kind"] = kind;
  page["record"] = record;
  return json(200, page);
}

// ---- Export and import

Response exportOrganisation(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  if (auto refused =
          check(reader, Action::export_data, {reader.organisation(), nullptr, nullptr, {}, {}})) {
    return errorResponse(*refused);
  }
  Response response{
      200, "application/json", {}, interchange::organisationToJson(reader.snapshot().data())};
  response.headers.set("Content-Disposition",
                       fmt::format("attachment; filename=\"styr-{}-{}.json\"",
                                   reader.organisation(), domain::formatDate(reader.today())));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

bool isCsv(const Request& request) {
  auto type = request.header("Content-Type");
  if (!type) return false;
  std::string_view media = type->substr(0, type->find(';'));
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  return equalsIgnoringCase(media, "text/csv");
}

//! The records a units or people CSV holds; every problem with its line and column.
app::Result<app::UnitsAndPeople> readCsv(const Request& request, std::string_view kind) {
  // Problems read "body line 4, column kind: ...".
  constexpr std::string_view source = "body";
  app::UnitsAndPeople records;
  if (kind == "units") {
    auto parsed = interchange::unitsFromCsv(request.body, source);
    if (!parsed.value) return invalidBody(parsed.problems);
    records.units = std::move(*parsed.value);
  } else {
    auto parsed = interchange::peopleFromCsv(request.body, source);
    if (!parsed.value) return invalidBody(parsed.problems);
    records.people = std::move(parsed.value->people);
    records.memberships = std::move(parsed.value->memberships);
  }
  if (records.units.empty() && records.people.empty() && records.memberships.empty()) {
    return app::Error{app::ErrorCode::invalid_input,
                      "the CSV has a header but no rows; nothing was written",
                      {{"body", "", "one row per record to import"}}};
  }
  return records;
}

Response importCsv(const ApiContext& context, const Request& request) {
  auto caller = identifyForChange(context, request);
  if (!caller) return errorResponse(caller.error());
  const std::string organisation = caller.value().actor.organisation;
  View view(caller.value(), context.models->current(context.store(), organisation),
            context.clock->today());
  if (auto refused =
          check(view, Action::import_data, {view.organisation(), nullptr, nullptr, {}, {}})) {
    return errorResponse(*refused);
  }
  app::Error invalid{
      app::ErrorCode::invalid_input, "the import cannot be read; nothing was written", {}};
  auto kind = request.queryParam("kind");
  if (!kind) {
    invalid.details.push_back({"kind", "", "units or people: what the CSV holds"});
  } else if (*kind != "units" && *kind != "people") {
    invalid.details.push_back({"kind", "", fmt::format("'{}' is neither units nor people", *kind)});
  }
  if (!isCsv(request)) {
    invalid.details.push_back(
        {"Content-Type", "", "send the CSV as text/csv (docs/exchange-format.md has the columns)"});
  }
  if (!invalid.details.empty()) return errorResponse(invalid);
  auto records = readCsv(request, *kind);
  if (!records) return errorResponse(records.error());
  auto imported = app::importUnitsAndPeople(context.store(), *context.clock, caller.value().name,
                                            organisation, records.value());
  if (!imported) return errorResponse(imported.error());
  return json(200, {{"organisation", imported.value().organisation},
                    {"records", imported.value().records},
                    {"audit_entries", imported.value().audit_entries}});
}

}  // namespace

void addAdminRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/tokens",
             [&context](const Request& request) { return listTokens(context, request); });
  router.add("POST", "/api/v1/tokens",
             [&context](const Request& request) { return createToken(context, request); });
  router.add("DELETE", "/api/v1/tokens/{name}",
             [&context](const Request& request) { return revokeToken(context, request); });
  router.add("GET", "/api/v1/audit",
             [&context](const Request& request) { return auditTrail(context, request); });
  router.add("GET", "/api/v1/export",
             [&context](const Request& request) { return exportOrganisation(context, request); });
  router.add("POST", "/api/v1/import",
             [&context](const Request& request) { return importCsv(context, request); });
}

}  // namespace styr::http
