// Report-backs over HTTP: every recipient's report-back to an occasion, one recipient's with
// its versions, items, topics, indicator values and the unit's deviations, and the steps of
// its life (save, submit, return, approve), each decided by app/follow_up_use_cases.

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <functional>

#include "app/deviation_use_cases.hpp"
#include "app/follow_up_use_cases.hpp"
#include "domain/occasion_overview.hpp"
#include "domain/roll_up.hpp"
#include "http/deviation_routes.hpp"
#include "http/error_response.hpp"
#include "http/follow_up_routes.hpp"
#include "http/representations.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::http::follow_up {

namespace {

using access::Action;
using domain::FollowUpOccasion;
using domain::Recipient;
using domain::ReportBack;
using domain::ReportBackStatus;

bool may(const View& view, Action action, const ReportBack& report_back) {
  access::Subject subject{view.organisation(), nullptr, nullptr, {}, {}};
  subject.report_back = &report_back;
  return view.can(action, subject).allowed;
}

//! What the rules are asked about a recipient that has written nothing yet: a draft of it,
//! which its writers (and controllers) may read and write and nobody else.
ReportBack standIn(const FollowUpOccasion& occasion, const Recipient& recipient) {
  ReportBack stand_in;
  stand_in.occasion = occasion.code;
  stand_in.recipient_unit = recipient.unit;
  stand_in.recipient_person = recipient.person;
  return stand_in;
}

//! One recipient's report-back as the caller may see it.
struct Seen {
  std::vector<const ReportBack*> versions;  //!< every version, oldest first
  std::vector<const ReportBack*> readable;  //!< those the caller may read, oldest first
  //! Whether the caller may see where it stands (state, deadline, version numbers). Whoever
  //! reads one of its versions may, and so may its writers and controllers, and those who
  //! read the occasion's overview for the recipient's unit: the overview shows them the same.
  //! A draft's content stays its writers' (and controllers') all the same.
  bool visible = false;
};

Seen seenBy(const View& view, const FollowUpOccasion& occasion, const Recipient& recipient,
            const std::string& overview_unit) {
  Seen seen;
  seen.versions = app::versionsOf(view.snapshot().data(), occasion.code, recipient);
  for (const ReportBack* version : seen.versions) {
    if (may(view, Action::read_report_back, *version)) seen.readable.push_back(version);
  }
  if (!seen.readable.empty()) {
    seen.visible = true;
  } else if (may(view, Action::read_report_back, standIn(occasion, recipient))) {
    seen.visible = true;
  } else if (!overview_unit.empty()) {
    seen.visible = view.can(Action::read_follow_up_overview,
                            {view.organisation(), nullptr, nullptr, overview_unit, {}})
                       .allowed;
  }
  return seen;
}

nlohmann::json personOrNull(const domain::ChainIndex& index, const std::string& person) {
  if (person.empty()) return nullptr;
  return {{"code", person}, {"name", personName(index, person)}};
}

nlohmann::json textOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

//! One version without its content: who wrote, submitted and decided it, and when.
nlohmann::json versionJson(const domain::ChainIndex& index, const ReportBack& version) {
  return {{"version", version.version},
          {"status", domain::toString(version.status)},
          {"written_by", personOrNull(index, version.written_by)},
          {"updated_at", textOrNull(version.updated_at)},
          {"submitted_by", personOrNull(index, version.submitted_by)},
          {"submitted_at", textOrNull(version.submitted_at)},
          {"decided_by", personOrNull(index, version.decided_by)},
          {"decided_at", textOrNull(version.decided_at)},
          {"return_reason", textOrNull(version.return_reason)},
          {"revision", version.revision}};
}

nlohmann::json assessmentJson(const domain::ChainIndex& index,
                              const domain::ItemAssessment& assessed) {
  nlohmann::json actions = nlohmann::json::array();
  for (const domain::CorrectiveAction& action : assessed.actions) {
    actions.push_back(
        {{"description", action.description},
         {"owner", action.owner},
         {"owner_name", action.owner.empty() ? std::string() : personName(index, action.owner)},
         {"due", domain::formatDate(action.due)},
         {"status", domain::toString(action.status)}});
  }
  return {
      {"assessment", assessed.assessment ? nlohmann::json(domain::toString(*assessed.assessment))
                                         : nlohmann::json(nullptr)},
      {"trend", assessed.trend ? nlohmann::json(domain::toString(*assessed.trend))
                               : nlohmann::json(nullptr)},
      {"analysis", assessed.analysis},
      {"actions", std::move(actions)}};
}

nlohmann::json derivedStatusJson(const domain::DerivedStatus& status) {
  nlohmann::json json = nlohmann::json::object();
  for (domain::Assessment assessment : domain::allValues<domain::Assessment>()) {
    json[std::string(domain::toString(assessment))] = status.count(assessment);
  }
  json["not_assessed"] = status.not_assessed;
  json["items"] = status.items();
  auto worst = status.worst();
  json["worst"] = worst ? nlohmann::json(domain::toString(*worst)) : nlohmann::json(nullptr);
  return json;
}

//! What is issued below an item, with each one's latest assessment where the caller may read
//! the report-back it was made in; items the caller may not read are only counted.
nlohmann::json belowJson(const View& view, const domain::Item& item,
                         const domain::LatestAssessments& latest, std::size_t& hidden) {
  const domain::ChainIndex& index = view.index();
  nlohmann::json below = nlohmann::json::array();
  for (const domain::BelowAssessment& entry : domain::assessmentsBelow(item.code, index, latest)) {
    if (!view.mayRead(*entry.item)) {
      ++hidden;
      continue;
    }
    const domain::LatestAssessment* said = entry.latest;
    bool readable = said != nullptr && may(view, Action::read_report_back, *said->report_back);
    bool to_person = !entry.item->recipient_person.empty();
    below.push_back(
        {{"item", entry.item->code},
         {"kind", domain::toString(entry.item->kind)},
         {"title", entry.item->title},
         {"depth", entry.depth},
         {"recipient", entry.recipient},
         {"recipient_name",
          to_person ? personName(index, entry.recipient) : unitName(index, entry.recipient)},
         {"assessed", said != nullptr},
         {"assessment", readable ? nlohmann::json(domain::toString(said->assessment()))
                                 : nlohmann::json(nullptr)},
         {"trend", readable && said->trend() ? nlohmann::json(domain::toString(*said->trend()))
                                             : nlohmann::json(nullptr)},
         {"occasion", readable ? nlohmann::json(said->occasion->code) : nlohmann::json(nullptr)},
         {"assessed_by", readable ? personOrNull(index, said->submittedBy()) : nullptr},
         {"assessed_at", readable ? textOrNull(said->submittedAt()) : nullptr}});
  }
  return below;
}

//! The steps the caller may take now on the recipient's report-back.
nlohmann::json actionsJson(const View& view, const FollowUpOccasion& occasion,
                           const Recipient& recipient, const Seen& seen, bool in_scope) {
  nlohmann::json actions = nlohmann::json::array();
  if (occasion.status != domain::OccasionStatus::open || !in_scope) return actions;
  const ReportBack* newest = seen.versions.empty() ? nullptr : seen.versions.back();
  ReportBack stand_in = standIn(occasion, recipient);
  const ReportBack& subject = newest != nullptr ? *newest : stand_in;
  if (may(view, Action::write_report_back, subject)) {
    if (newest == nullptr || newest->status == ReportBackStatus::draft ||
        newest->status == ReportBackStatus::returned) {
      actions.push_back("save");
    }
    if (newest != nullptr && newest->status == ReportBackStatus::draft) actions.push_back("submit");
  }
  if (newest != nullptr && newest->status == ReportBackStatus::submitted &&
      may(view, Action::decide_report_back, *newest)) {
    actions.push_back("approve");
    actions.push_back("return");
  }
  return actions;
}

app::Error notVisible(const FollowUpOccasion& occasion, const Recipient& recipient) {
  return {
      app::ErrorCode::not_found,
      fmt::format("{} has no report-back to {} that you may read", recipient.code(), occasion.code),
      {}};
}

//! One recipient's report-back as the caller may see it, showing `version` (the newest the
//! caller may read when none is asked for).
Response renderReportBack(const ApiContext& context, const View& view,
                          const FollowUpOccasion& occasion, const Recipient& recipient,
                          std::optional<int> version, int status = 200) {
  const domain::ChainIndex& index = view.index();
  bool in_scope = domain::isRecipientInScope(occasion, recipient, index);
  std::string approving = domain::approvingUnit(recipient, index);
  Seen seen = seenBy(view, occasion, recipient, recipient.isPerson() ? approving : recipient.unit);
  if (!in_scope && seen.versions.empty()) {
    return errorResponse({app::ErrorCode::not_found,
                          fmt::format("{} does not report to {}: nothing of it is in the "
                                      "occasion's scope",
                                      recipient.code(), occasion.code),
                          {{"recipient", "D10", "not in the occasion's scope"}}});
  }
  if (!seen.visible) return errorResponse(notVisible(occasion, recipient));
  const ReportBack* shown = seen.readable.empty() ? nullptr : seen.readable.back();
  if (version) {
    auto found =
        std::find_if(seen.readable.begin(), seen.readable.end(),
                     [&](const ReportBack* candidate) { return candidate->version == *version; });
    if (found == seen.readable.end()) {
      return errorResponse({app::ErrorCode::not_found,
                            fmt::format("{} has no version {} of its report-back to {} that you "
                                        "may read",
                                        recipient.code(), *version, occasion.code),
                            {{"version", "", "a version you may read"}}});
    }
    shown = *found;
  }
  auto deadline = domain::deadlineFor(occasion, recipient, index);
  domain::ReportBackProgress progress =
      domain::progressOf(seen.versions, deadline, view.today(), app::swedishDate);
  auto level = domain::levelOf(recipient, index);

  nlohmann::json versions = nlohmann::json::array();
  for (const ReportBack* readable : seen.readable)
    versions.push_back(versionJson(index, *readable));

  domain::LatestAssessments latest = domain::latestAssessments(index.data(), index, occasion);
  nlohmann::json items = nlohmann::json::array();
  std::size_t hidden = 0;
  auto addItem = [&](const domain::Item& item, bool item_in_scope) {
    const domain::ItemAssessment* assessed = nullptr;
    if (shown != nullptr) {
      auto found = std::find_if(
          shown->assessments.begin(), shown->assessments.end(),
          [&](const domain::ItemAssessment& candidate) { return candidate.item == item.code; });
      if (found != shown->assessments.end()) assessed = &*found;
    }
    items.push_back(
        {{"item", itemSummaryJson(index, item)},
         {"in_scope", item_in_scope},
         {"assessment",
          assessed != nullptr ? assessmentJson(index, *assessed) : nlohmann::json(nullptr)},
         {"derived_status", derivedStatusJson(domain::derivedStatus(item.code, index, latest))},
         {"below", belowJson(view, item, latest, hidden)}});
  };
  std::vector<const domain::Item*> scoped = domain::itemsInScope(occasion, recipient, index);
  for (const domain::Item* item : scoped) addItem(*item, true);
  if (shown != nullptr) {
    // What was said of an item that has since left the scope is still shown, never dropped.
    for (const domain::ItemAssessment& assessed : shown->assessments) {
      bool listed = std::any_of(scoped.begin(), scoped.end(), [&](const domain::Item* item) {
        return item->code == assessed.item;
      });
      const domain::Item* item = index.item(assessed.item);
      if (!listed && item != nullptr) addItem(*item, false);
    }
  }

  nlohmann::json topics = nlohmann::json::array();
  for (domain::Topic topic : occasion.topics) {
    std::string text;
    if (shown != nullptr) {
      for (const domain::TopicText& written : shown->topics) {
        if (written.topic == topic) text = written.text;
      }
    }
    topics.push_back({{"topic", domain::toString(topic)}, {"text", std::move(text)}});
  }
  nlohmann::json indicator_values = nlohmann::json::array();
  if (shown != nullptr) {
    for (const domain::IndicatorValue& value : shown->indicator_values) {
      nlohmann::json shown_value = interchange::recordObject(value);
      shown_value["unit_name"] = unitName(index, value.unit);
      indicator_values.push_back(std::move(shown_value));
    }
  }
  // The deviations of the unit and below since the unit last reported (D10 + D11): a
  // person's report-back has none of its own.
  nlohmann::json deviations = nlohmann::json::array();
  if (!recipient.isPerson()) {
    auto taken_up = app::deviationsForReportBack(useCases(context), view.caller(), occasion.code,
                                                 recipient.unit);
    if (!taken_up) return errorResponse(taken_up.error());
    for (const domain::Deviation& deviation : taken_up.value()) {
      deviations.push_back(deviationSummaryJson(index, deviation));
    }
  }
  const ReportBack* newest = seen.versions.empty() ? nullptr : seen.versions.back();
  Response response = json(
      status,
      {{"occasion", occasionSummaryJson(index, occasion)},
       {"recipient", recipientJson(index, recipient)},
       {"in_scope", in_scope},
       {"level", level ? nlohmann::json(domain::toString(*level)) : nlohmann::json(nullptr)},
       {"deadline", dateOrNull(progress.deadline)},
       {"state", domain::toString(progress.state)},
       {"late", progress.late},
       {"submitted_on", dateOrNull(progress.submitted_on)},
       {"newest_version", progress.newest_version},
       {"revision", newest != nullptr ? nlohmann::json(newest->revision) : nlohmann::json(nullptr)},
       {"approving_unit",
        approving.empty()
            ? nlohmann::json(nullptr)
            : nlohmann::json({{"code", approving}, {"name", unitName(index, approving)}})},
       {"writers", writersJson(view, recipient)},
       {"versions", std::move(versions)},
       {"version", shown != nullptr ? versionJson(index, *shown) : nlohmann::json(nullptr)},
       {"items", std::move(items)},
       {"hidden_below", hidden},
       {"topics", std::move(topics)},
       {"indicator_values", std::move(indicator_values)},
       {"deviations", std::move(deviations)},
       {"actions", actionsJson(view, occasion, recipient, seen, in_scope)}});
  if (newest != nullptr) response.headers.set("ETag", etagOf(newest->revision));
  return response;
}

app::Result<std::optional<int>> versionParam(const Request& request) {
  auto text = request.queryParam("version");
  if (!text) return std::optional<int>();
  int version = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), version);
  if (error != std::errc() || end != text->data() + text->size() || version < 1) {
    return app::Error{app::ErrorCode::invalid_input,
                      "version must be a version number, such as 2",
                      {{"version", "", fmt::format("'{}' is no version number (from 1)", *text)}}};
  }
  return std::optional<int>(version);
}

Response getReportBack(const ApiContext& context, const Request& request) {
  auto view = openFollowUpView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  auto version = versionParam(request);
  if (!version) return errorResponse(version.error());
  auto occasion = occasionOf(reader, request.pathParam("code"));
  if (!occasion) return errorResponse(occasion.error());
  auto recipient = recipientNamed(reader, request.pathParam("recipient"));
  if (!recipient) return errorResponse(recipient.error());
  return renderReportBack(context, reader, *occasion.value(), recipient.value(), version.value());
}

Response listReportBacks(const ApiContext& context, const Request& request) {
  auto view = openFollowUpView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  auto paging = parsePaging(request);
  if (!paging) return errorResponse(paging.error());
  auto state = request.queryParam("state");
  std::optional<domain::ReportBackState> wanted;
  if (state) {
    for (auto candidate : {domain::ReportBackState::missing, domain::ReportBackState::draft,
                           domain::ReportBackState::submitted, domain::ReportBackState::returned,
                           domain::ReportBackState::approved}) {
      if (domain::toString(candidate) == *state) wanted = candidate;
    }
    if (!wanted) {
      return errorResponse(
          {app::ErrorCode::invalid_input,
           "a filter names no such value",
           {{"state", "",
             fmt::format("'{}' is none of missing, draft, submitted, returned, approved",
                         *state)}}});
    }
  }
  auto occasion = occasionOf(reader, request.pathParam("code"));
  if (!occasion) return errorResponse(occasion.error());
  const domain::ChainIndex& index = reader.index();
  // The overview works out every recipient's state in one pass over the organisation.
  domain::OccasionOverview overview = domain::occasionOverview(
      *occasion.value(), index.data(), index, reader.today(), app::swedishDate);
  nlohmann::json all = nlohmann::json::array();
  for (const domain::RecipientOverview& row : overview.recipients) {
    if (wanted && row.state != *wanted) continue;
    Seen seen = seenBy(reader, *occasion.value(), row.recipient, row.unit);
    if (!seen.visible) continue;
    std::string approving = domain::approvingUnit(row.recipient, index);
    all.push_back({{"recipient", recipientJson(index, row.recipient)},
                   {"unit", row.unit},
                   {"level", domain::toString(row.level)},
                   {"deadline", dateOrNull(row.deadline)},
                   {"state", domain::toString(row.state)},
                   {"late", row.late},
                   {"submitted_on", dateOrNull(row.submitted_on)},
                   {"newest_version", row.newest_version},
                   {"readable_version", seen.readable.empty()
                                            ? nlohmann::json(nullptr)
                                            : nlohmann::json(seen.readable.back()->version)},
                   {"items", row.items},
                   {"approving_unit",
                    approving.empty() ? nlohmann::json(nullptr) : nlohmann::json(approving)},
                   {"writers", writersJson(reader, row.recipient)}});
  }
  nlohmann::json page = pageOf(all, paging.value());
  page["occasion"] = occasionSummaryJson(index, *occasion.value());
  return json(200, page);
}

using Step = std::function<app::Result<ReportBack>(const app::UseCaseContext&, const app::Caller&,
                                                   std::string_view, const Recipient&,
                                                   app::ExpectedRevision, const Request&)>;

//! A route for one step of a report-back: who asks, If-Match, the recipient the path names,
//! the step, and the report-back as the caller sees it afterwards, showing the version the
//! step wrote. `creates`: a step that may start a new version (201).
Handler stepRoute(const ApiContext& context, bool creates, Step step) {
  return [&context, creates, step = std::move(step)](const Request& request) {
    auto caller = identifyForChange(context, request);
    if (!caller) return errorResponse(caller.error());
    auto expected = expectedRevision(request);
    if (!expected) return errorResponse(expected.error());
    auto before = openView(context, request);
    if (!before) return errorResponse(before.error());
    auto recipient = recipientNamed(*before.value(), request.pathParam("recipient"));
    if (!recipient) return errorResponse(recipient.error());
    std::string occasion_code(request.pathParam("code"));
    auto result = step(useCases(context), caller.value(), occasion_code, recipient.value(),
                       expected.value(), request);
    if (!result) return errorResponse(result.error());
    auto after = openView(context, request);
    if (!after) return errorResponse(after.error());
    auto occasion = occasionOf(*after.value(), occasion_code);
    if (!occasion) return errorResponse(occasion.error());
    // A new version (the first, or the one after a return) starts at revision 1.
    int status = creates && result.value().revision == 1 ? 201 : 200;
    Response response = renderReportBack(context, *after.value(), *occasion.value(),
                                         recipient.value(), result.value().version, status);
    if (status == 201) {
      response.headers.set("Location", fmt::format("/api/v1/occasions/{}/report-backs/{}",
                                                   occasion_code, recipient.value().code()));
    }
    return response;
  };
}

app::Result<ReportBack> save(const app::UseCaseContext& use_cases, const app::Caller& caller,
                             std::string_view occasion, const Recipient& recipient,
                             app::ExpectedRevision expected, const Request& request) {
  auto body = objectBody(request);
  if (!body) return body.error();
  std::vector<interchange::Problem> problems;
  ReportBack content = interchange::readReportBackContent(body.value(), "$", problems);
  if (!problems.empty()) return invalidBody(problems);
  return app::saveReportBack(
      use_cases, caller, occasion, recipient,
      app::ReportBackContent{std::move(content.assessments), std::move(content.topics),
                             std::move(content.indicator_values)},
      expected);
}

app::Result<ReportBack> submit(const app::UseCaseContext& use_cases, const app::Caller& caller,
                               std::string_view occasion, const Recipient& recipient,
                               app::ExpectedRevision expected, const Request& /*request*/) {
  return app::submitReportBack(use_cases, caller, occasion, recipient, expected);
}

app::Result<ReportBack> approve(const app::UseCaseContext& use_cases, const app::Caller& caller,
                                std::string_view occasion, const Recipient& recipient,
                                app::ExpectedRevision expected, const Request& /*request*/) {
  return app::approveReportBack(use_cases, caller, occasion, recipient, expected);
}

app::Result<ReportBack> giveBack(const app::UseCaseContext& use_cases, const app::Caller& caller,
                                 std::string_view occasion, const Recipient& recipient,
                                 app::ExpectedRevision expected, const Request& request) {
  auto reason = requiredText(request, "reason");
  if (!reason) return reason.error();
  return app::returnReportBack(use_cases, caller, occasion, recipient, expected,
                               std::move(reason).value());
}

}  // namespace

void addReportBackRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/occasions/{code}/report-backs",
             [&context](const Request& request) { return listReportBacks(context, request); });
  router.add("GET", "/api/v1/occasions/{code}/report-backs/{recipient}",
             [&context](const Request& request) { return getReportBack(context, request); });
  router.add("PUT", "/api/v1/occasions/{code}/report-backs/{recipient}",
             stepRoute(context, true, save));
  router.add("POST", "/api/v1/occasions/{code}/report-backs/{recipient}/submit",
             stepRoute(context, false, submit));
  router.add("POST", "/api/v1/occasions/{code}/report-backs/{recipient}/approve",
             stepRoute(context, false, approve));
  router.add("POST", "/api/v1/occasions/{code}/report-backs/{recipient}/return",
             stepRoute(context, false, giveBack));
}

}  // namespace styr::http::follow_up
