#include "app/follow_up_use_cases.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "app/audit_trail.hpp"
#include "app/notify.hpp"
#include "domain/follow_up_plan.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::app {

namespace {

using access::Action;
using domain::FollowUpOccasion;
using domain::OccasionStatus;
using domain::Recipient;
using domain::ReportBack;
using domain::ReportBackStatus;

access::Subject wholeOrganisation(const std::string& organisation) {
  access::Subject subject;
  subject.organisation = organisation;
  return subject;
}

std::string recipientCode(const Recipient& recipient) {
  return recipient.person.empty() ? recipient.unit : recipient.person;
}

std::string reportBackLink(std::string_view occasion, const Recipient& recipient) {
  return fmt::format("/api/v1/occasions/{}/report-backs/{}", occasion, recipientCode(recipient));
}

const FollowUpOccasion* findOccasion(const domain::OrganisationData& data, std::string_view code) {
  auto found =
      std::find_if(data.occasions.begin(), data.occasions.end(),
                   [&](const FollowUpOccasion& occasion) { return occasion.code == code; });
  return found == data.occasions.end() ? nullptr : &*found;
}

Error occasionNotFound(std::string_view code) {
  return Error{ErrorCode::not_found, fmt::format("there is no follow-up occasion {}", code), {}};
}

Error staleRevision(std::string_view what, std::int64_t expected, std::int64_t stored) {
  return Error{ErrorCode::conflict,
               fmt::format("{} has changed since you read it (revision {}, now {}); read it "
                           "again and redo your change",
                           what, expected, stored),
               {{"If-Match", "", "stale revision"}}};
}

Error changedMeanwhile(std::string_view what) {
  return Error{ErrorCode::conflict,
               fmt::format("{} was changed by someone else meanwhile; nothing was written", what),
               {}};
}

Error occasionClosed(const FollowUpOccasion& occasion) {
  return Error{ErrorCode::locked,
               fmt::format("the follow-up occasion {} is closed: nothing more is written to it "
                           "unless a controller reopens it",
                           occasion.code),
               {{"status", "", "closed"}}};
}

std::vector<FollowUpOccasion> planOf(const std::vector<FollowUpOccasion>& occasions, int year) {
  std::vector<FollowUpOccasion> plan;
  for (const FollowUpOccasion& occasion : occasions) {
    if (occasion.year == year) plan.push_back(occasion);
  }
  return plan;
}

//! When one occasion is saved, its problems point into it ("period_end",
//! "deadlines[2].deadline"), not into the year's plan or the organisation, whose order the
//! caller never sees; problems of the plan as a whole keep pointing at "occasions".
void pointIntoOccasion(std::vector<domain::Violation>& violations, const std::string& code) {
  const std::string record = "occasion " + code;
  for (domain::Violation& violation : violations) {
    if (violation.record != record || !violation.path.starts_with("occasions[")) continue;
    std::size_t field = violation.path.find("].");
    if (field != std::string::npos) violation.path.erase(0, field + 2);
  }
}

//! The organisation with `occasions` in place of the stored ones with their codes (or added),
//! judged by the integrity rules it newly breaks and, for every year it touches (an occasion
//! moved to another year leaves its old year's plan too), the plan's rules (L6, D10) it newly
//! breaks. "Newly": a plan is built an occasion at a time, so a year that has no interim
//! report yet may get its board's occasions first; what may not happen is that a change
//! breaks a rule the plan kept.
std::optional<Error> checkPlanChange(const OrganisationSnapshot& snapshot,
                                     const std::vector<FollowUpOccasion>& occasions,
                                     std::string_view what) {
  const std::vector<FollowUpOccasion>& stored_occasions = snapshot.data().occasions;
  domain::OrganisationData data = snapshot.data();
  std::set<int> years;
  for (const FollowUpOccasion& occasion : occasions) {
    years.insert(occasion.year);
    auto stored = std::find_if(
        data.occasions.begin(), data.occasions.end(),
        [&](const FollowUpOccasion& candidate) { return candidate.code == occasion.code; });
    if (stored != data.occasions.end()) {
      years.insert(stored->year);
      *stored = occasion;
    } else {
      data.occasions.push_back(occasion);
    }
  }
  std::sort(data.occasions.begin(), data.occasions.end(),
            [](const FollowUpOccasion& a, const FollowUpOccasion& b) { return a.code < b.code; });
  std::vector<domain::Violation> fresh;
  for (int year : years) {
    auto broken = newViolations(domain::checkFollowUpPlan(year, planOf(stored_occasions, year)),
                                domain::checkFollowUpPlan(year, planOf(data.occasions, year)));
    fresh.insert(fresh.end(), broken.begin(), broken.end());
  }
  auto integrity = newViolations(snapshot.violations(), domain::validate(data));
  fresh.insert(fresh.end(), integrity.begin(), integrity.end());
  if (fresh.empty()) return std::nullopt;
  if (occasions.size() == 1) pointIntoOccasion(fresh, occasions.front().code);
  return ruleBroken(fresh, what);
}

//! One entry per occasion changed; `reason`, when given, is kept in the entry's after, where
//! whoever reads the trail of a reopened period finds why.
void auditOccasion(AuditTrail& trail, std::string action, const FollowUpOccasion* before,
                   const FollowUpOccasion& after, const std::string& reason = {}) {
  if (before == nullptr) {
    trail.record(std::move(action), "occasion", after.code, "", interchange::recordJson(after));
    return;
  }
  auto [was, is] =
      changedFields(interchange::recordObject(*before), interchange::recordObject(after));
  if (!reason.empty()) {
    auto with_reason = nlohmann::ordered_json::parse(is);
    with_reason["reason"] = reason;
    is = with_reason.dump();
  }
  trail.record(std::move(action), "occasion", after.code, std::move(was), std::move(is));
}

void auditReportBack(AuditTrail& trail, std::string action, const ReportBack* before,
                     const ReportBack& after) {
  if (before == nullptr) {
    trail.record(std::move(action), "report_back", reportBackKey(after), "",
                 interchange::recordJson(after));
    return;
  }
  auto [was, is] =
      changedFields(interchange::recordObject(*before), interchange::recordObject(after));
  trail.record(std::move(action), "report_back", reportBackKey(after), std::move(was),
               std::move(is));
}

//! Inside a write transaction: locks the caller's organisation and gives its snapshot, exact
//! under the lock, when the caller may change the follow-up plan.
Result<std::shared_ptr<const OrganisationSnapshot>> planToChange(const UseCaseContext& context,
                                                                 const Caller& caller) {
  const std::string& organisation = caller.actor.organisation;
  context.store.lockOrganisation(organisation);
  auto snapshot = context.models.current(context.store, organisation);
  access::Rights rights(caller.actor, snapshot->index(), context.clock.today());
  if (auto decision = rights.can(Action::manage_follow_up_plan, wholeOrganisation(organisation));
      !decision) {
    return notAllowed(decision);
  }
  return snapshot;
}

using OccasionStep = std::function<std::optional<Error>(FollowUpOccasion& occasion)>;

Result<FollowUpOccasion> changeOccasion(const UseCaseContext& context, const Caller& caller,
                                        std::string_view code, ExpectedRevision expected,
                                        const std::string& audit_action, std::string reason,
                                        const OccasionStep& step) {
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  auto changing = planToChange(context, caller);
  if (!changing) return changing.error();
  auto snapshot = std::move(changing).value();
  const FollowUpOccasion* stored = findOccasion(snapshot->data(), code);
  if (stored == nullptr) return occasionNotFound(code);
  if (expected && *expected != stored->revision) {
    return staleRevision(fmt::format("the follow-up occasion {}", code), *expected,
                         stored->revision);
  }
  FollowUpOccasion changed = *stored;
  if (auto error = step(changed)) return *error;
  if (!context.store.updateOccasion(organisation, changed)) {
    return changedMeanwhile(fmt::format("the follow-up occasion {}", code));
  }
  AuditTrail trail(context.clock, organisation, caller.name);
  auditOccasion(trail, audit_action, stored, changed, reason);
  trail.write(context.store);
  transaction.commit();
  changed.revision += 1;
  return changed;
}

bool sameRecipient(const ReportBack& report_back, const Recipient& recipient) {
  return report_back.recipient_unit == recipient.unit &&
         report_back.recipient_person == recipient.person;
}

Error reportBackNotFound(std::string_view occasion, const Recipient& recipient) {
  return Error{ErrorCode::not_found,
               fmt::format("{} has no report-back to {} that you may read",
                           recipientCode(recipient), occasion),
               {}};
}

//! What every report-back step shares: the occasion, open; the recipient, in scope; the
//! newest version; who may; the expected revision.
struct ReportBackScene {
  std::shared_ptr<const OrganisationSnapshot> snapshot;
  const FollowUpOccasion* occasion = nullptr;
  std::vector<const ReportBack*> versions;
  const ReportBack* newest = nullptr;
  domain::Date today;
};

Result<ReportBackScene> sceneFor(const UseCaseContext& context, const Caller& caller,
                                 std::string_view occasion_code, const Recipient& recipient,
                                 ExpectedRevision expected, Action action) {
  const std::string& organisation = caller.actor.organisation;
  ReportBackScene scene;
  scene.snapshot = context.models.current(context.store, organisation);
  scene.today = context.clock.today();
  const auto& index = scene.snapshot->index();
  scene.occasion = findOccasion(scene.snapshot->data(), occasion_code);
  if (scene.occasion == nullptr) return occasionNotFound(occasion_code);
  if (recipient.unit.empty() == recipient.person.empty()) {
    return Error{ErrorCode::invalid_input,
                 "a report-back's recipient is one unit or one person",
                 {{"recipient", "", "name exactly one"}}};
  }
  scene.versions = versionsOf(scene.snapshot->data(), occasion_code, recipient);
  if (!scene.versions.empty()) scene.newest = scene.versions.back();
  ReportBack subject;
  if (scene.newest != nullptr) {
    subject = *scene.newest;
  } else {
    subject.occasion = std::string(occasion_code);
    subject.recipient_unit = recipient.unit;
    subject.recipient_person = recipient.person;
  }
  access::Rights rights(caller.actor, index, scene.today);
  access::Subject what = wholeOrganisation(organisation);
  what.report_back = &subject;
  if (auto decision = rights.can(action, what); !decision) {
    // Whoever may not read it is not told it exists (a draft is its writer's).
    if (scene.newest != nullptr && !rights.can(Action::read_report_back, what)) {
      return reportBackNotFound(occasion_code, recipient);
    }
    return notAllowed(decision);
  }
  if (!domain::isRecipientInScope(*scene.occasion, recipient, index)) {
    return Error{ErrorCode::rule_broken,
                 fmt::format("{} does not report to {}: it has nothing in the occasion's scope "
                             "(its level supplies no input to it, or no item addressed to it "
                             "names it)",
                             recipientCode(recipient), occasion_code),
                 {{"recipient", "D10", "not in the occasion's scope"}}};
  }
  if (scene.occasion->status == OccasionStatus::closed) return occasionClosed(*scene.occasion);
  if (expected) {
    std::int64_t stored = scene.newest == nullptr ? 0 : scene.newest->revision;
    if (*expected != stored) {
      return staleRevision(
          fmt::format("the report-back of {} to {}", recipientCode(recipient), occasion_code),
          *expected, stored);
    }
  }
  return scene;
}

Error wrongState(const ReportBack& report_back, std::string_view step, std::string_view needed) {
  return Error{
      ErrorCode::conflict,
      fmt::format("version {} of the report-back of {} to {} is {}: {} needs one that "
                  "is {}",
                  report_back.version,
                  report_back.recipient_person.empty() ? report_back.recipient_unit
                                                       : report_back.recipient_person,
                  report_back.occasion, domain::toString(report_back.status), step, needed),
      {{"status", "", fmt::format("{}", domain::toString(report_back.status))}}};
}

//! Tells each of `people` but the caller, who knows what they just did (the one secretary
//! of the council and the board submits the board's report-back and records its decision).
void notifyAll(const UseCaseContext& context, const Caller& caller, const domain::ChainIndex& index,
               const std::vector<std::string>& people, const Message& message) {
  for (const std::string& person : people) {
    if (!caller.actor.person.empty() && person == caller.actor.person) continue;
    notifyPerson(context.store, context.clock, index, person, message);
  }
}

//! The writer's decision step (return or approve) on the newest, submitted version.
Result<ReportBack> decide(const UseCaseContext& context, const Caller& caller,
                          std::string_view occasion, const Recipient& recipient,
                          ExpectedRevision expected, ReportBackStatus outcome, std::string reason) {
  const std::string& organisation = caller.actor.organisation;
  bool returning = outcome == ReportBackStatus::returned;
  if (returning && isBlank(reason)) {
    return requiredField("reason", "the writer needs to know what to change");
  }
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto scene = sceneFor(context, caller, occasion, recipient, expected, Action::decide_report_back);
  if (!scene) return scene.error();
  const ReportBack* newest = scene.value().newest;
  if (newest == nullptr) return reportBackNotFound(occasion, recipient);
  if (newest->status != ReportBackStatus::submitted) {
    return wrongState(*newest, returning ? "returning" : "approving", "submitted");
  }
  ReportBack decided = *newest;
  decided.status = outcome;
  decided.decided_by = caller.actor.person.empty() ? caller.username : caller.actor.person;
  decided.decided_at = formatTimestamp(context.clock.now());
  decided.return_reason = returning ? reason : std::string();
  if (!context.store.decideReportBack(organisation, decided)) {
    return changedMeanwhile(
        fmt::format("the report-back of {} to {}", recipientCode(recipient), occasion));
  }
  const auto& index = scene.value().snapshot->index();
  Message message;
  message.kind = returning ? "report_back_returned" : "report_back_approved";
  message.subject = returning
                        ? fmt::format("Återrapporteringen till {} har skickats tillbaka", occasion)
                        : fmt::format("Återrapporteringen till {} är godkänd", occasion);
  message.body =
      returning
          ? fmt::format(
                "Version {} av återrapporteringen för {} till {} skickades tillbaka av "
                "{}.\n\nSkäl: {}\n\nRevidera den och skicka in den igen.",
                decided.version, recipientCode(recipient), occasion, decided.decided_by, reason)
          : fmt::format("Version {} av återrapporteringen för {} till {} godkändes av {}.",
                        decided.version, recipientCode(recipient), occasion, decided.decided_by);
  message.link = reportBackLink(occasion, recipient);
  notifyAll(context, caller, index, writersOf(recipient, index, scene.value().today), message);
  AuditTrail trail(context.clock, organisation, caller.name);
  auditReportBack(trail, returning ? "report_back.returned" : "report_back.approved", newest,
                  decided);
  trail.write(context.store);
  transaction.commit();
  decided.revision += 1;
  return decided;
}

}  // namespace

std::vector<const ReportBack*> versionsOf(const domain::OrganisationData& data,
                                          std::string_view occasion, const Recipient& recipient) {
  std::vector<const ReportBack*> versions;
  // Report-backs are ordered by occasion, recipient and version: the range is contiguous.
  auto first = std::lower_bound(data.report_backs.begin(), data.report_backs.end(), occasion,
                                [](const ReportBack& report_back, std::string_view code) {
                                  return report_back.occasion < code;
                                });
  for (auto it = first; it != data.report_backs.end() && it->occasion == occasion; ++it) {
    if (sameRecipient(*it, recipient)) versions.push_back(&*it);
  }
  std::sort(versions.begin(), versions.end(),
            [](const ReportBack* a, const ReportBack* b) { return a->version < b->version; });
  return versions;
}

std::vector<std::string> answeringFor(std::string_view unit, const domain::ChainIndex& index,
                                      const domain::Date& day) {
  std::vector<std::string> people;
  const domain::Unit* found = index.unit(unit);
  if (found == nullptr) return people;
  bool political = domain::isPoliticalBody(found->kind);
  for (const domain::Membership* membership : index.membershipsOf(unit)) {
    bool answers = political ? membership->role == domain::Role::controller
                             : membership->role == domain::Role::head;
    if (answers && domain::isValidOn(membership->valid_from, membership->valid_to, day) &&
        std::find(people.begin(), people.end(), membership->person) == people.end()) {
      people.push_back(membership->person);
    }
  }
  return people;
}

std::vector<std::string> writersOf(const Recipient& recipient, const domain::ChainIndex& index,
                                   const domain::Date& day) {
  if (!recipient.person.empty()) return {recipient.person};
  return answeringFor(recipient.unit, index, day);
}

Result<std::vector<FollowUpOccasion>> adoptDefaultPlan(const UseCaseContext& context,
                                                       const Caller& caller, int year) {
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  auto changing = planToChange(context, caller);
  if (!changing) return changing.error();
  auto snapshot = std::move(changing).value();
  std::size_t existing =
      std::count_if(snapshot->data().occasions.begin(), snapshot->data().occasions.end(),
                    [&](const FollowUpOccasion& occasion) { return occasion.year == year; });
  if (existing > 0) {
    return Error{ErrorCode::conflict,
                 fmt::format("the follow-up plan for {} has {} occasions already; change them "
                             "one by one instead",
                             year, existing),
                 {{"year", "", "a plan exists"}}};
  }
  std::vector<FollowUpOccasion> plan = domain::defaultFollowUpPlan(year, snapshot->data());
  auto problems = domain::checkFollowUpPlan(year, plan);
  if (!problems.empty()) {
    return ruleBroken(problems, fmt::format("the default follow-up plan for {}", year));
  }
  if (auto broken =
          checkPlanChange(*snapshot, plan, fmt::format("the follow-up plan for {}", year))) {
    return *broken;
  }
  try {
    context.store.insertOccasions(organisation, plan);
  } catch (const DuplicateRecord&) {
    return Error{ErrorCode::conflict,
                 fmt::format("an occasion of the plan for {} was created by someone else "
                             "meanwhile",
                             year),
                 {}};
  }
  AuditTrail trail(context.clock, organisation, caller.name);
  for (const FollowUpOccasion& occasion : plan) {
    auditOccasion(trail, "occasion.created", nullptr, occasion);
  }
  trail.write(context.store);
  transaction.commit();
  return plan;
}

Result<FollowUpOccasion> saveOccasion(const UseCaseContext& context, const Caller& caller,
                                      FollowUpOccasion occasion, ExpectedRevision expected) {
  const std::string& organisation = caller.actor.organisation;
  if (occasion.code.empty()) return requiredField("code", "an occasion is named by its code");
  if (!isUsableCode(occasion.code)) {
    return Error{ErrorCode::invalid_input,
                 fmt::format("the code '{}' has characters a code may not have", occasion.code),
                 {{"code", "", "ASCII letters, digits, '-', '_' and '.'"}}};
  }
  if (isBlank(occasion.name))
    return requiredField("name", "the occasion's name is what people see");
  Transaction transaction(context.store);
  auto changing = planToChange(context, caller);
  if (!changing) return changing.error();
  auto snapshot = std::move(changing).value();
  const FollowUpOccasion* stored = findOccasion(snapshot->data(), occasion.code);
  if (stored != nullptr) {
    if (expected && *expected != stored->revision) {
      return staleRevision(fmt::format("the follow-up occasion {}", occasion.code), *expected,
                           stored->revision);
    }
    if (stored->status == OccasionStatus::closed) return occasionClosed(*stored);
    // The status moves only by closing and reopening, which are audited as such.
    occasion.status = stored->status;
    occasion.revision = stored->revision;
  } else {
    occasion.status = OccasionStatus::open;
    occasion.revision = 1;
  }
  if (auto broken = checkPlanChange(*snapshot, {occasion},
                                    fmt::format("the follow-up occasion {}", occasion.code))) {
    return *broken;
  }
  if (stored == nullptr) {
    try {
      context.store.insertOccasions(organisation, {occasion});
    } catch (const DuplicateRecord&) {
      return Error{
          ErrorCode::conflict,
          fmt::format("the occasion {} was created by someone else meanwhile", occasion.code),
          {}};
    }
  } else if (!context.store.updateOccasion(organisation, occasion)) {
    return changedMeanwhile(fmt::format("the follow-up occasion {}", occasion.code));
  }
  AuditTrail trail(context.clock, organisation, caller.name);
  auditOccasion(trail, stored == nullptr ? "occasion.created" : "occasion.changed", stored,
                occasion);
  trail.write(context.store);
  transaction.commit();
  if (stored != nullptr) occasion.revision += 1;
  return occasion;
}

Result<FollowUpOccasion> closeOccasion(const UseCaseContext& context, const Caller& caller,
                                       std::string_view code, ExpectedRevision expected) {
  return changeOccasion(
      context, caller, code, expected, "occasion.closed", "",
      [](FollowUpOccasion& occasion) -> std::optional<Error> {
        if (occasion.status == OccasionStatus::closed) {
          return Error{ErrorCode::conflict,
                       fmt::format("the follow-up occasion {} is closed already", occasion.code),
                       {{"status", "", "closed"}}};
        }
        occasion.status = OccasionStatus::closed;
        return std::nullopt;
      });
}

Result<FollowUpOccasion> reopenOccasion(const UseCaseContext& context, const Caller& caller,
                                        std::string_view code, ExpectedRevision expected,
                                        std::string reason) {
  if (isBlank(reason)) {
    return requiredField("reason", "reopening a closed period is explained in the audit trail");
  }
  return changeOccasion(context, caller, code, expected, "occasion.reopened", std::move(reason),
                        [](FollowUpOccasion& occasion) -> std::optional<Error> {
                          if (occasion.status == OccasionStatus::open) {
                            return Error{
                                ErrorCode::conflict,
                                fmt::format("the follow-up occasion {} is open", occasion.code),
                                {{"status", "", "open"}}};
                          }
                          occasion.status = OccasionStatus::open;
                          return std::nullopt;
                        });
}

Result<ReportBack> saveReportBack(const UseCaseContext& context, const Caller& caller,
                                  std::string_view occasion, const Recipient& recipient,
                                  ReportBackContent content, ExpectedRevision expected) {
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto scene = sceneFor(context, caller, occasion, recipient, expected, Action::write_report_back);
  if (!scene) return scene.error();
  const ReportBack* newest = scene.value().newest;
  ReportBack saved;
  if (newest != nullptr) {
    if (newest->status == ReportBackStatus::submitted ||
        newest->status == ReportBackStatus::approved) {
      return wrongState(*newest, "saving changes", "a draft, or returned (for a new version)");
    }
    saved = *newest;
    if (newest->status == ReportBackStatus::returned) {
      // The returned version stays as it was submitted; the revision is a new version.
      saved = ReportBack{};
      saved.version = newest->version + 1;
      saved.revision = 1;
    }
  }
  saved.occasion = std::string(occasion);
  saved.recipient_unit = recipient.unit;
  saved.recipient_person = recipient.person;
  saved.status = ReportBackStatus::draft;
  saved.assessments = std::move(content.assessments);
  saved.topics = std::move(content.topics);
  saved.indicator_values = std::move(content.indicator_values);
  for (domain::IndicatorValue& value : saved.indicator_values) {
    value.period_end = scene.value().occasion->period_end;
  }
  saved.written_by = caller.actor.person.empty() ? caller.username : caller.actor.person;
  saved.updated_at = formatTimestamp(context.clock.now());
  const auto& index = scene.value().snapshot->index();
  if (auto problems = domain::draftProblems(saved, *scene.value().occasion, index);
      !problems.empty()) {
    return ruleBroken(
        problems, fmt::format("the report-back of {} to {}", recipientCode(recipient), occasion));
  }
  bool is_new = newest == nullptr || newest->status == ReportBackStatus::returned;
  if (is_new) {
    try {
      context.store.insertReportBack(organisation, saved);
    } catch (const DuplicateRecord&) {
      return changedMeanwhile(
          fmt::format("the report-back of {} to {}", recipientCode(recipient), occasion));
    }
  } else if (!context.store.updateReportBack(organisation, saved)) {
    return changedMeanwhile(
        fmt::format("the report-back of {} to {}", recipientCode(recipient), occasion));
  }
  AuditTrail trail(context.clock, organisation, caller.name);
  auditReportBack(trail, is_new ? "report_back.created" : "report_back.saved",
                  is_new ? nullptr : newest, saved);
  trail.write(context.store);
  transaction.commit();
  if (!is_new) saved.revision += 1;
  return saved;
}

Result<ReportBack> submitReportBack(const UseCaseContext& context, const Caller& caller,
                                    std::string_view occasion, const Recipient& recipient,
                                    ExpectedRevision expected) {
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto scene = sceneFor(context, caller, occasion, recipient, expected, Action::write_report_back);
  if (!scene) return scene.error();
  const ReportBack* newest = scene.value().newest;
  if (newest == nullptr) {
    return Error{ErrorCode::conflict,
                 fmt::format("{} has written no report-back to {} yet: save a draft first",
                             recipientCode(recipient), occasion),
                 {}};
  }
  if (newest->status != ReportBackStatus::draft) {
    return wrongState(*newest, "submitting", "a draft");
  }
  const auto& index = scene.value().snapshot->index();
  if (auto problems = domain::submissionProblems(*newest, *scene.value().occasion, index);
      !problems.empty()) {
    return ruleBroken(
        problems, fmt::format("the report-back of {} to {}", recipientCode(recipient), occasion));
  }
  ReportBack submitted = *newest;
  submitted.status = ReportBackStatus::submitted;
  submitted.submitted_by = caller.actor.person.empty() ? caller.username : caller.actor.person;
  submitted.submitted_at = formatTimestamp(context.clock.now());
  if (!context.store.updateReportBack(organisation, submitted)) {
    return changedMeanwhile(
        fmt::format("the report-back of {} to {}", recipientCode(recipient), occasion));
  }
  Message message;
  message.kind = "report_back_submitted";
  message.subject =
      fmt::format("{} har lämnat sin återrapportering till {}", recipientCode(recipient), occasion);
  message.body = fmt::format(
      "Version {} av återrapporteringen för {} till {} lämnades av {}. Granska den och godkänn "
      "den eller skicka tillbaka den med ett skäl.",
      submitted.version, recipientCode(recipient), occasion, submitted.submitted_by);
  message.link = reportBackLink(occasion, recipient);
  notifyAll(context, caller, index,
            answeringFor(domain::approvingUnit(recipient, index), index, scene.value().today),
            message);
  AuditTrail trail(context.clock, organisation, caller.name);
  auditReportBack(trail, "report_back.submitted", newest, submitted);
  trail.write(context.store);
  transaction.commit();
  submitted.revision += 1;
  return submitted;
}

Result<ReportBack> returnReportBack(const UseCaseContext& context, const Caller& caller,
                                    std::string_view occasion, const Recipient& recipient,
                                    ExpectedRevision expected, std::string reason) {
  return decide(context, caller, occasion, recipient, expected, ReportBackStatus::returned,
                std::move(reason));
}

Result<ReportBack> approveReportBack(const UseCaseContext& context, const Caller& caller,
                                     std::string_view occasion, const Recipient& recipient,
                                     ExpectedRevision expected) {
  return decide(context, caller, occasion, recipient, expected, ReportBackStatus::approved, "");
}

}  // namespace styr::app
