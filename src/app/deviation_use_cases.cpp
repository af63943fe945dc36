#include "app/deviation_use_cases.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "app/audit_trail.hpp"
#include "app/notify.hpp"
#include "domain/business_days.hpp"
#include "domain/follow_up_scope.hpp"
#include "interchange/deviation_json.hpp"

namespace styr::app {

namespace {

using access::Action;
using domain::Deviation;
using domain::DeviationEvent;
using domain::DeviationEventKind;
using domain::DeviationLevel;
using domain::DeviationState;
using Json = nlohmann::ordered_json;

//! Who the sweep is in the audit trail and on the timeline's entries it writes.
constexpr std::string_view kSweepActor = "styr (tidsgräns)";
//! How many due deviations one sweep takes from the store at a time.
constexpr int kSweepBatch = 500;

std::string deviationLink(std::string_view code) {
  return fmt::format("/api/v1/deviations/{}", code);
}

access::Subject subjectOf(const std::string& organisation, const Deviation& deviation) {
  access::Subject subject;
  subject.organisation = organisation;
  subject.deviation = &deviation;
  return subject;
}

Error deviationNotFound(std::string_view code) {
  return Error{ErrorCode::not_found, fmt::format("there is no deviation {}", code), {}};
}

Error deviationClosed(const Deviation& deviation) {
  return Error{ErrorCode::locked,
               fmt::format("the deviation {} is closed: it stays readable, and nothing more is "
                           "done to it",
                           deviation.code),
               {{"state", "", "closed"}}};
}

Error invalid(std::string field, std::string message) {
  std::string text = message;
  return Error{ErrorCode::invalid_input, std::move(text), {{std::move(field), "", message}}};
}

std::string personName(const domain::ChainIndex& index, std::string_view code) {
  const domain::Person* person = index.person(code);
  if (person == nullptr) return std::string(code);
  return fmt::format("{} {}", person->given_name, person->family_name);
}

std::string unitName(const domain::ChainIndex& index, std::string_view code) {
  const domain::Unit* unit = index.unit(code);
  return unit == nullptr ? std::string(code) : unit->name;
}

//! What a step works with: the organisation's snapshot (exact under its lock), the caller's
//! rights on the day, the gravity rules and the instant of the step.
struct Scene {
  std::shared_ptr<const OrganisationSnapshot> snapshot;
  domain::Date today;
  std::chrono::system_clock::time_point now;
  std::string at;  //!< now, formatted
  domain::DeviationSettings settings;
  [[nodiscard]] const domain::ChainIndex& index() const { return snapshot->index(); }
};

Scene sceneOf(const UseCaseContext& context, std::string_view organisation) {
  Scene scene;
  scene.snapshot = context.models.current(context.store, organisation);
  scene.today = context.clock.today();
  scene.now = context.clock.now();
  scene.at = formatTimestamp(scene.now);
  scene.settings = context.store.deviationSettings(organisation);
  return scene;
}

void addEvent(Deviation& deviation, DeviationEvent event) {
  event.sequence = deviation.events.empty() ? 1 : deviation.events.back().sequence + 1;
  deviation.events.push_back(std::move(event));
}

//! The next council meeting on or after `today` in the follow-up plan, where information
//! about a deviation that reached the council is taken up (D11).
std::optional<domain::Date> nextCouncilMeeting(const domain::ChainIndex& index,
                                               std::string_view council,
                                               const domain::Date& today) {
  std::optional<domain::Date> next;
  for (const domain::FollowUpOccasion& occasion : index.data().occasions) {
    if (occasion.body != council || occasion.meeting < today) continue;
    if (!next || occasion.meeting < *next) next = occasion.meeting;
  }
  return next;
}

//! Everyone told so far, as the notice lists them.
std::string toldSoFar(const Deviation& deviation, const domain::ChainIndex& index) {
  std::string text;
  for (const DeviationLevel& level : deviation.levels) {
    std::string people;
    for (const std::string& person : level.people) {
      if (!people.empty()) people += ", ";
      people += personName(index, person);
    }
    if (people.empty()) people = "ingen innehar posten";
    text += fmt::format("- {}: {} ({}){}\n", unitName(index, level.unit), people,
                        level.notified_at.substr(0, 16),
                        level.acknowledged_at.empty() ? "" : ", har kvitterat");
  }
  return text;
}

//! A notice to everyone newly told: what happened, how grave, and who else knows. One each,
//! naming every level they are told as (a secretary of both the board and the council is
//! told once); not the reporter, who knows.
void notifyTold(Store& store, const Clock& clock, const Deviation& deviation,
                const domain::ChainIndex& index, const std::vector<const DeviationLevel*>& levels,
                std::string_view why, std::string_view kind) {
  std::vector<std::pair<std::string, std::string>> told;  // person, the levels they are told as
  for (const DeviationLevel* level : levels) {
    for (const std::string& person : level->people) {
      if (person == deviation.reported_by) continue;
      auto found = std::find_if(told.begin(), told.end(),
                                [&](const auto& each) { return each.first == person; });
      std::string as = unitName(index, level->unit);
      if (found == told.end()) {
        told.emplace_back(person, as);
      } else {
        found->second += " och " + as;
      }
    }
  }
  for (const auto& [person, as] : told) {
    Message message;
    message.kind = std::string(kind);
    message.subject = fmt::format("Avvikelse {} (allvarlighetsgrad {}): {}", deviation.code,
                                  deviation.gravity, deviation.title);
    message.body = fmt::format(
        "{}\n\nEnhet: {}\nRapporterad av {} {}\nDu underrättas som {}.\n\nUnderrättade i "
        "kedjan:\n{}\nKvittera att du känner till avvikelsen: {}",
        why, unitName(index, deviation.unit), personName(index, deviation.reported_by),
        deviation.reported_at.substr(0, 16), as, toldSoFar(deviation, index),
        deviationLink(deviation.code));
    message.link = deviationLink(deviation.code);
    // Unique per step (the timeline's newest entry): a level told again is told again.
    message.dedupe_key = fmt::format("deviation:{}:{}:{}:{}", deviation.code, kind,
                                     deviation.events.back().sequence, person);
    notifyPerson(store, clock, index, person, message);
  }
}

//! Once the council is told (and not released), the deviation is on the list of information to
//! its next meeting (D11: the board's duty to inform the council).
void listForCouncil(Deviation& deviation, const Scene& scene) {
  if (!deviation.council_listed_at.empty() || !domain::reachedCouncil(deviation, scene.index())) {
    return;
  }
  deviation.council_listed_at = scene.at;
  for (const DeviationLevel& level : deviation.levels) {
    const domain::Unit* unit = scene.index().unit(level.unit);
    if (unit != nullptr && unit->kind == domain::UnitKind::council) {
      deviation.council_meeting = nextCouncilMeeting(scene.index(), unit->code, scene.today);
    }
  }
}

//! Tells a level again that a lowering had released before it acknowledged: the gravity rose
//! again (or the levels below stayed silent), so it must know once more, from now.
const DeviationLevel* tellAgain(Deviation& deviation, const Scene& scene, DeviationLevel& level) {
  level.released_at.clear();
  level.reminded_at.clear();
  level.escalated_at.clear();
  level.notified_at = scene.at;
  level.people = domain::peopleToTell(scene.index(), level.unit, scene.today);
  level.due_at = dueAfter(scene.now, scene.settings.rule(deviation.gravity));
  DeviationEvent told;
  told.at = scene.at;
  told.kind = DeviationEventKind::notified;
  told.level = level.position;
  told.people = level.people;
  told.text = fmt::format("{}, på nytt", unitName(scene.index(), level.unit));
  addEvent(deviation, told);
  listForCouncil(deviation, scene);
  return &level;
}

//! Tells the levels of `path` from the first not yet told up to `upto` (a count of levels),
//! appending them and their timeline entries; returns the new levels.
std::vector<const DeviationLevel*> tellLevels(Deviation& deviation, const Scene& scene,
                                              const std::vector<std::string>& path,
                                              std::size_t upto, std::string_view reporter) {
  std::size_t first = deviation.levels.size();
  for (std::size_t i = first; i < upto && i < path.size(); ++i) {
    DeviationLevel level;
    level.position = static_cast<int>(i) + 1;
    level.unit = path[i];
    level.people = domain::peopleToTell(scene.index(), level.unit, scene.today);
    level.notified_at = scene.at;
    bool knows = !reporter.empty() && std::find(level.people.begin(), level.people.end(),
                                                reporter) != level.people.end();
    if (knows) {
      level.acknowledged_at = scene.at;
      level.acknowledged_by = std::string(reporter);
    } else {
      level.due_at = dueAfter(scene.now, scene.settings.rule(deviation.gravity));
    }
    DeviationEvent told;
    told.at = scene.at;
    told.kind = DeviationEventKind::notified;
    told.level = level.position;
    told.people = level.people;
    told.text = level.people.empty() ? fmt::format("{}: ingen innehar posten i dag",
                                                   unitName(scene.index(), level.unit))
                                     : unitName(scene.index(), level.unit);
    deviation.levels.push_back(level);
    addEvent(deviation, told);
    if (knows) {
      DeviationEvent acknowledged;
      acknowledged.at = scene.at;
      acknowledged.person = std::string(reporter);
      acknowledged.kind = DeviationEventKind::acknowledged;
      acknowledged.level = level.position;
      acknowledged.text = "känner till den, av egen rapport eller höjning";
      addEvent(deviation, acknowledged);
    }
  }
  listForCouncil(deviation, scene);
  std::vector<const DeviationLevel*> told;
  for (std::size_t i = first; i < deviation.levels.size(); ++i) {
    told.push_back(&deviation.levels[i]);
  }
  return told;
}

//! The audit entry of one step: the deviation's fields that changed, and the levels, actions
//! and timeline entries that are new or changed.
void auditDeviation(AuditTrail& trail, std::string action, const Deviation* before,
                    const Deviation& after) {
  if (before == nullptr) {
    trail.record(std::move(action), "deviation", after.code, "",
                 interchange::deviationObject(after).dump());
    return;
  }
  auto [was, is] = changedFields(interchange::deviationFieldsObject(*before),
                                 interchange::deviationFieldsObject(after));
  Json was_json = Json::parse(was);
  Json is_json = Json::parse(is);
  Json levels = Json::array();
  for (const DeviationLevel& level : after.levels) {
    const DeviationLevel* old = domain::levelAt(*before, level.position);
    Json now = interchange::levelObject(level);
    if (old == nullptr || interchange::levelObject(*old) != now) levels.push_back(now);
  }
  if (!levels.empty()) is_json["levels"] = levels;
  Json actions = Json::array();
  for (const domain::DeviationAction& each : after.actions) {
    auto old = std::find_if(
        before->actions.begin(), before->actions.end(),
        [&](const domain::DeviationAction& candidate) { return candidate.number == each.number; });
    Json now = interchange::actionObject(each);
    if (old == before->actions.end() || interchange::actionObject(*old) != now) {
      actions.push_back(now);
    }
  }
  if (!actions.empty()) is_json["actions"] = actions;
  Json events = Json::array();
  for (std::size_t i = before->events.size(); i < after.events.size(); ++i) {
    events.push_back(interchange::eventObject(after.events[i]));
  }
  if (!events.empty()) is_json["timeline"] = events;
  trail.record(std::move(action), "deviation", after.code, was_json.dump(), is_json.dump());
}

using Step = std::function<std::optional<Error>(Deviation& deviation, const Scene& scene,
                                                const access::Rights& rights)>;

//! Whether the caller may take the step without `action`'s right (an action's owner reporting
//! its progress); by default nobody may.
using Exemption = std::function<bool(const Deviation& deviation)>;

//! One step on a stored deviation: in a transaction under the organisation's lock, read it,
//! check that the caller may take the step and that it is open, apply `step`, write it with its
//! one audit entry, commit.
Result<Deviation> changeDeviation(const UseCaseContext& context, const Caller& caller,
                                  std::string_view code, ExpectedRevision expected, Action action,
                                  std::string audit_action, const Step& step,
                                  const Exemption& exempt = {}) {
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  Scene scene = sceneOf(context, organisation);
  auto stored = context.store.deviation(organisation, code);
  if (!stored) return deviationNotFound(code);
  access::Rights rights(caller.actor, scene.index(), scene.today);
  access::Subject subject = subjectOf(organisation, *stored);
  if (!rights.can(Action::read_deviation, subject)) return deviationNotFound(code);
  if (!(exempt && exempt(*stored))) {
    if (auto decision = rights.can(action, subject); !decision) return notAllowed(decision);
  }
  if (stored->state == DeviationState::closed) return deviationClosed(*stored);
  if (expected && *expected != stored->revision) {
    return Error{ErrorCode::conflict,
                 fmt::format("the deviation {} has changed since you read it (revision {}, now "
                             "{}); read it again and redo your change",
                             code, *expected, stored->revision),
                 {{"If-Match", "", "stale revision"}}};
  }
  Deviation changed = *stored;
  if (auto error = step(changed, scene, rights)) return *error;
  if (!context.store.updateDeviation(organisation, changed)) {
    return Error{ErrorCode::conflict,
                 fmt::format("the deviation {} was changed by someone else meanwhile; nothing "
                             "was written",
                             code),
                 {}};
  }
  AuditTrail trail(context.clock, organisation, caller.name);
  auditDeviation(trail, std::move(audit_action), &*stored, changed);
  trail.write(context.store);
  transaction.commit();
  changed.revision += 1;
  return changed;
}

//! Whether `person` acts for `level`: told there, or answering for its unit today (a head who
//! took over).
bool actsFor(const DeviationLevel& level, const domain::ChainIndex& index, const domain::Date& day,
             std::string_view person) {
  if (std::find(level.people.begin(), level.people.end(), person) != level.people.end()) {
    return true;
  }
  auto today = domain::peopleToTell(index, level.unit, day);
  return std::find(today.begin(), today.end(), person) != today.end();
}

//! The levels `person` acts for that have still to acknowledge, or why there are none: they
//! act for no level (forbidden), or theirs are acknowledged or released (conflict).
Result<std::vector<DeviationLevel*>> levelsAwaiting(Deviation& deviation, const Scene& scene,
                                                    std::string_view person) {
  std::vector<DeviationLevel*> levels;
  bool any = false;
  bool released = false;
  for (DeviationLevel& level : deviation.levels) {
    if (!actsFor(level, scene.index(), scene.today, person)) continue;
    any = true;
    released = released || !level.released_at.empty();
    if (level.acknowledged_at.empty() && level.released_at.empty()) levels.push_back(&level);
  }
  if (!levels.empty()) return levels;
  if (!any) {
    return Error{ErrorCode::forbidden,
                 fmt::format("{} was told of {} at no level and answers for none of its levels: "
                             "only the levels acknowledge it (an action's owner reports the "
                             "action's progress)",
                             person, deviation.code),
                 {}};
  }
  return Error{ErrorCode::conflict,
               released ? fmt::format("{}'s level of {} no longer needs to acknowledge it: the "
                                      "gravity was lowered below it",
                                      person, deviation.code)
                        : fmt::format("{}'s level of {} has acknowledged it already", person,
                                      deviation.code),
               {}};
}

std::optional<Error> checkText(const std::string& text, std::string_view field,
                               std::string_view why) {
  if (isBlank(text)) return requiredField(field, why);
  return std::nullopt;
}

Result<Deviation> writeNote(const UseCaseContext& context, const Caller& caller,
                            std::string_view code, std::string text, ExpectedRevision expected,
                            DeviationEventKind kind) {
  bool comment = kind == DeviationEventKind::commented;
  if (auto error = checkText(
          text, "text", comment ? "a comment says something" : "an assessment says something")) {
    return *error;
  }
  return changeDeviation(
      context, caller, code, expected,
      comment ? Action::comment_deviation : Action::handle_deviation,
      comment ? "deviation.commented" : "deviation.assessed",
      [&](Deviation& deviation, const Scene& scene, const access::Rights&) -> std::optional<Error> {
        DeviationEvent event;
        event.at = scene.at;
        event.person = caller.actor.person;
        event.kind = kind;
        event.text = text;
        addEvent(deviation, event);
        return std::nullopt;
      });
}

std::chrono::sys_seconds instantOf(const std::string& timestamp) {
  auto parsed = domain::parseTimestamp(timestamp);
  return parsed ? *parsed : std::chrono::sys_seconds{};
}

domain::Date reportedDay(const Deviation& deviation) {
  return swedishDate(instantOf(deviation.reported_at));
}

}  // namespace

std::string dueAfter(std::chrono::system_clock::time_point at, const domain::GravityRule& rule) {
  if (rule.hours > 0) return formatTimestamp(at + std::chrono::hours(rule.hours));
  // The same time of day, so many business days on: counted in whole days from the Swedish
  // day it was told, so one business day after a Friday afternoon is Monday afternoon.
  domain::Date day = swedishDate(std::chrono::floor<std::chrono::seconds>(at));
  domain::Date due = domain::businessDaysAfter(day, rule.business_days);
  return formatTimestamp(at + std::chrono::days(domain::daysBetween(day, due)));
}

Result<Deviation> reportDeviation(const UseCaseContext& context, const Caller& caller,
                                  DeviationReport report) {
  const std::string& organisation = caller.actor.organisation;
  if (report.gravity < domain::kLowestGravity || report.gravity > domain::kHighestGravity) {
    return invalid("gravity", fmt::format("the gravity is 1, 2, 3 or 4, not {}", report.gravity));
  }
  if (auto error = checkText(report.title, "title", "a deviation needs a heading")) return *error;
  if (auto error =
          checkText(report.description, "description", "the chain must be told what happened")) {
    return *error;
  }
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  Scene scene = sceneOf(context, organisation);
  const domain::ChainIndex& index = scene.index();
  const domain::Unit* unit = index.unit(report.unit);
  if (unit == nullptr || !domain::isValidOn(unit->valid_from, unit->valid_to, scene.today)) {
    return invalid("unit",
                   fmt::format("there is no unit {} today to report a deviation on", report.unit));
  }
  access::Rights rights(caller.actor, index, scene.today);
  access::Subject subject;
  subject.organisation = organisation;
  subject.unit = report.unit;
  if (auto decision = rights.can(Action::report_deviation, subject); !decision) {
    return notAllowed(decision);
  }
  if (caller.actor.person.empty()) {
    return Error{
        ErrorCode::forbidden, "a deviation is reported by a person: this account has none", {}};
  }
  if (scene.today < report.occurred_on) {
    return invalid("occurred_on", fmt::format("{} is after today ({}): report what has happened",
                                              domain::formatDate(report.occurred_on),
                                              domain::formatDate(scene.today)));
  }
  Error unknown{ErrorCode::invalid_input, "", {}};
  for (std::size_t i = 0; i < report.affected_items.size(); ++i) {
    if (index.item(report.affected_items[i]) == nullptr) {
      unknown.details.push_back({fmt::format("affected_items[{}]", i), "",
                                 fmt::format("there is no item {}", report.affected_items[i])});
    }
  }
  for (std::size_t i = 0; i < report.affected_indicators.size(); ++i) {
    if (index.indicator(report.affected_indicators[i]) == nullptr) {
      unknown.details.push_back(
          {fmt::format("affected_indicators[{}]", i), "",
           fmt::format("there is no indicator {}", report.affected_indicators[i])});
    }
  }
  if (!unknown.details.empty()) {
    unknown.message = "the deviation names what it affects, and some of it does not exist";
    return unknown;
  }

  Deviation deviation;
  int year = static_cast<int>(scene.today.year());
  std::string prefix = fmt::format("AVV-{}-", year);
  deviation.code =
      fmt::format("{}{:04}", prefix, context.store.lastDeviationNumber(organisation, prefix) + 1);
  deviation.unit = report.unit;
  deviation.reported_by = caller.actor.person;
  deviation.reported_at = scene.at;
  deviation.category = report.category;
  deviation.gravity = report.gravity;
  deviation.title = std::move(report.title);
  deviation.description = std::move(report.description);
  deviation.occurred_on = report.occurred_on;
  deviation.affected_items = std::move(report.affected_items);
  deviation.affected_indicators = std::move(report.affected_indicators);
  deviation.budget_effect_sek = report.budget_effect_sek;
  deviation.immediate_actions = std::move(report.immediate_actions);
  deviation.confidential = report.confidential;

  DeviationEvent reported;
  reported.at = scene.at;
  reported.person = caller.actor.person;
  reported.kind = DeviationEventKind::reported;
  reported.gravity = deviation.gravity;
  reported.text = deviation.title;
  addEvent(deviation, reported);
  std::vector<std::string> path = domain::escalationPath(index, deviation.unit);
  std::size_t upto = domain::levelsFor(index, path, scene.settings.rule(deviation.gravity).reach);
  auto told = tellLevels(deviation, scene, path, upto, caller.actor.person);

  context.store.insertDeviation(organisation, deviation);
  notifyTold(context.store, context.clock, deviation, index, told,
             fmt::format("En avvikelse har rapporterats: {}", deviation.description),
             "deviation_reported");
  AuditTrail trail(context.clock, organisation, caller.name);
  auditDeviation(trail, "deviation.reported", nullptr, deviation);
  trail.write(context.store);
  transaction.commit();
  return deviation;
}

Result<Deviation> acknowledgeDeviation(const UseCaseContext& context, const Caller& caller,
                                       std::string_view code, ExpectedRevision expected) {
  return changeDeviation(
      context, caller, code, expected, Action::handle_deviation, "deviation.acknowledged",
      [&](Deviation& deviation, const Scene& scene, const access::Rights&) -> std::optional<Error> {
        auto levels = levelsAwaiting(deviation, scene, caller.actor.person);
        if (!levels) return levels.error();
        for (DeviationLevel* level : levels.value()) {
          level->acknowledged_at = scene.at;
          level->acknowledged_by = caller.actor.person;
          level->due_at.clear();
          DeviationEvent event;
          event.at = scene.at;
          event.person = caller.actor.person;
          event.kind = DeviationEventKind::acknowledged;
          event.level = level->position;
          event.text = unitName(scene.index(), level->unit);
          addEvent(deviation, event);
        }
        return std::nullopt;
      });
}

Result<Deviation> commentOnDeviation(const UseCaseContext& context, const Caller& caller,
                                     std::string_view code, std::string text,
                                     ExpectedRevision expected) {
  return writeNote(context, caller, code, std::move(text), expected, DeviationEventKind::commented);
}

Result<Deviation> assessDeviation(const UseCaseContext& context, const Caller& caller,
                                  std::string_view code, std::string text,
                                  ExpectedRevision expected) {
  return writeNote(context, caller, code, std::move(text), expected, DeviationEventKind::assessed);
}

Result<Deviation> changeGravity(const UseCaseContext& context, const Caller& caller,
                                std::string_view code, int gravity, std::string reason,
                                ExpectedRevision expected) {
  if (gravity < domain::kLowestGravity || gravity > domain::kHighestGravity) {
    return invalid("gravity", fmt::format("the gravity is 1, 2, 3 or 4, not {}", gravity));
  }
  std::vector<const DeviationLevel*> told;
  return changeDeviation(
      context, caller, code, expected, Action::handle_deviation, "deviation.gravity_changed",
      [&](Deviation& deviation, const Scene& scene, const access::Rights&) -> std::optional<Error> {
        if (gravity == deviation.gravity) {
          return invalid("gravity",
                         fmt::format("{} has gravity {} already", deviation.code, gravity));
        }
        bool raising = gravity > deviation.gravity;
        if (!raising && isBlank(reason)) {
          return requiredField("reason", "lowering a gravity takes a reason the chain can read");
        }
        deviation.gravity = gravity;
        DeviationEvent event;
        event.at = scene.at;
        event.person = caller.actor.person;
        event.kind = raising ? DeviationEventKind::raised : DeviationEventKind::lowered;
        event.gravity = gravity;
        event.text = reason;
        addEvent(deviation, event);
        std::vector<std::string> path = domain::escalationPath(scene.index(), deviation.unit);
        std::size_t reach =
            domain::levelsFor(scene.index(), path, scene.settings.rule(gravity).reach);
        if (raising) {
          std::vector<const DeviationLevel*> again;
          for (DeviationLevel& level : deviation.levels) {
            if (static_cast<std::size_t>(level.position) <= reach && !level.released_at.empty()) {
              again.push_back(tellAgain(deviation, scene, level));
            }
          }
          told = tellLevels(deviation, scene, path, reach, caller.actor.person);
          told.insert(told.begin(), again.begin(), again.end());
        } else {
          for (DeviationLevel& level : deviation.levels) {
            if (static_cast<std::size_t>(level.position) > reach && level.acknowledged_at.empty() &&
                level.released_at.empty()) {
              level.released_at = scene.at;
              level.due_at.clear();
              // Released, the council need not act: off the list of its next meeting (the
              // timeline keeps that it was told).
              const domain::Unit* unit = scene.index().unit(level.unit);
              if (unit != nullptr && unit->kind == domain::UnitKind::council) {
                deviation.council_listed_at.clear();
                deviation.council_meeting.reset();
              }
            }
          }
        }
        // Notified inside the transaction: the notices are part of the step.
        if (!told.empty()) {
          notifyTold(context.store, context.clock, deviation, scene.index(), told,
                     fmt::format("Allvarlighetsgraden har höjts till {}{}", gravity,
                                 reason.empty() ? std::string() : ": " + reason),
                     "deviation_raised");
        }
        return std::nullopt;
      });
}

Result<Deviation> addDeviationAction(const UseCaseContext& context, const Caller& caller,
                                     std::string_view code, domain::DeviationAction action,
                                     ExpectedRevision expected) {
  if (auto error =
          checkText(action.description, "description", "an action says what is to be done")) {
    return *error;
  }
  return changeDeviation(
      context, caller, code, expected, Action::handle_deviation, "deviation.action_added",
      [&](Deviation& deviation, const Scene& scene, const access::Rights&) -> std::optional<Error> {
        if (scene.index().person(action.owner) == nullptr) {
          return invalid("owner",
                         fmt::format("there is no person {} to own the action", action.owner));
        }
        action.number = deviation.actions.empty() ? 1 : deviation.actions.back().number + 1;
        action.added_by = caller.actor.person;
        action.added_at = scene.at;
        deviation.actions.push_back(action);
        DeviationEvent event;
        event.at = scene.at;
        event.person = caller.actor.person;
        event.kind = DeviationEventKind::action_added;
        event.action = action.number;
        event.text =
            fmt::format("{} (ansvarig {}, klart senast {})", action.description,
                        personName(scene.index(), action.owner), domain::formatDate(action.due));
        addEvent(deviation, event);
        if (action.owner != caller.actor.person) {
          Message message;
          message.kind = "deviation_action";
          message.subject =
              fmt::format("Åtgärd för avvikelse {}: {}", deviation.code, action.description);
          message.body = fmt::format(
              "Du är ansvarig för en åtgärd på avvikelsen {} ({}), klar senast {}.\n\n{}",
              deviation.code, deviation.title, domain::formatDate(action.due),
              deviationLink(deviation.code));
          message.link = deviationLink(deviation.code);
          notifyPerson(context.store, context.clock, scene.index(), action.owner, message);
        }
        return std::nullopt;
      });
}

Result<Deviation> changeDeviationAction(const UseCaseContext& context, const Caller& caller,
                                        std::string_view code, int number,
                                        domain::ActionStatus status,
                                        std::optional<domain::Date> due, std::string note,
                                        ExpectedRevision expected) {
  if (status == domain::ActionStatus::moved && (!due || isBlank(note))) {
    return Error{ErrorCode::invalid_input,
                 "an action moved needs its new due date and why it was moved",
                 {{!due ? "due" : "note", "", "required when the status is moved"}}};
  }
  return changeDeviation(
      context, caller, code, expected, Action::handle_deviation, "deviation.action_changed",
      [&](Deviation& deviation, const Scene& scene, const access::Rights&) -> std::optional<Error> {
        auto found = std::find_if(
            deviation.actions.begin(), deviation.actions.end(),
            [&](const domain::DeviationAction& each) { return each.number == number; });
        if (found == deviation.actions.end()) {
          return Error{ErrorCode::not_found,
                       fmt::format("the deviation {} has no action {}", deviation.code, number),
                       {}};
        }
        if (found->status == status && (!due || *due == found->due)) {
          return invalid("status",
                         fmt::format("action {} is {} already", number, domain::toString(status)));
        }
        found->status = status;
        if (due) found->due = *due;
        DeviationEvent event;
        event.at = scene.at;
        event.person = caller.actor.person;
        event.kind = DeviationEventKind::action_changed;
        event.action = number;
        event.text = fmt::format("{}, klart senast {}{}", domain::toString(status),
                                 domain::formatDate(found->due),
                                 isBlank(note) ? std::string() : ": " + note);
        addEvent(deviation, event);
        return std::nullopt;
      },
      [&](const Deviation& deviation) {
        // The action's owner reports its progress without handling the deviation otherwise.
        return std::any_of(deviation.actions.begin(), deviation.actions.end(),
                           [&](const domain::DeviationAction& each) {
                             return each.number == number && !caller.actor.person.empty() &&
                                    each.owner == caller.actor.person;
                           });
      });
}

Result<Deviation> closeDeviation(const UseCaseContext& context, const Caller& caller,
                                 std::string_view code, std::string note,
                                 ExpectedRevision expected) {
  if (auto error = checkText(note, "closing_note",
                             "a closed deviation says how it ended, for whoever reads it later")) {
    return *error;
  }
  return changeDeviation(
      context, caller, code, expected, Action::handle_deviation, "deviation.closed",
      [&](Deviation& deviation, const Scene& scene, const access::Rights&) -> std::optional<Error> {
        if (!domain::actionsSettled(deviation)) {
          Error error{ErrorCode::rule_broken,
                      fmt::format("{} has corrective actions neither done nor moved: settle "
                                  "them before closing it",
                                  deviation.code),
                      {}};
          for (const domain::DeviationAction& action : deviation.actions) {
            if (action.status == domain::ActionStatus::done ||
                action.status == domain::ActionStatus::moved) {
              continue;
            }
            error.details.push_back(
                {fmt::format("actions[{}]", action.number), "D11",
                 fmt::format("action {} is {}", action.number, domain::toString(action.status))});
          }
          return error;
        }
        deviation.state = DeviationState::closed;
        deviation.closing_note = note;
        deviation.closed_by = caller.actor.person;
        deviation.closed_at = scene.at;
        for (DeviationLevel& level : deviation.levels) level.due_at.clear();
        DeviationEvent event;
        event.at = scene.at;
        event.person = caller.actor.person;
        event.kind = DeviationEventKind::closed;
        event.text = note;
        addEvent(deviation, event);
        return std::nullopt;
      });
}

Result<domain::DeviationSettings> saveDeviationSettings(const UseCaseContext& context,
                                                        const Caller& caller,
                                                        domain::DeviationSettings settings) {
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto snapshot = context.models.current(context.store, organisation);
  access::Rights rights(caller.actor, snapshot->index(), context.clock.today());
  access::Subject subject;
  subject.organisation = organisation;
  if (auto decision = rights.can(Action::manage_deviation_settings, subject); !decision) {
    return notAllowed(decision);
  }
  auto problems = domain::settingsProblems(settings);
  if (!problems.empty()) {
    Error error{ErrorCode::invalid_input, "the gravity rules are not usable", {}};
    for (const std::string& problem : problems) {
      // "rules[2].hours: ..." -> where "$.rules[2].hours", as the request body's reader says.
      auto colon = problem.find(": ");
      error.details.push_back({"$." + problem.substr(0, colon), "", problem.substr(colon + 2)});
    }
    return error;
  }
  std::sort(settings.rules.begin(), settings.rules.end(),
            [](const auto& a, const auto& b) { return a.gravity < b.gravity; });
  domain::DeviationSettings before = context.store.deviationSettings(organisation);
  context.store.saveDeviationSettings(organisation, settings);
  AuditTrail trail(context.clock, organisation, caller.name);
  trail.record("deviation_settings.changed", "deviation_settings", organisation,
               interchange::settingsObject(before).dump(),
               interchange::settingsObject(settings).dump());
  trail.write(context.store);
  transaction.commit();
  return settings;
}

Result<Deviation> readDeviation(const UseCaseContext& context, const Caller& caller,
                                std::string_view code) {
  const std::string& organisation = caller.actor.organisation;
  auto snapshot = context.models.current(context.store, organisation);
  auto stored = context.store.deviation(organisation, code);
  if (!stored) return deviationNotFound(code);
  access::Subject subject = subjectOf(organisation, *stored);
  access::Rights rights(caller.actor, snapshot->index(), context.clock.today());
  // Not readable reads as not there: a confidential deviation's existence is not revealed.
  if (!rights.can(Action::read_deviation, subject)) return deviationNotFound(code);
  return std::move(*stored);
}

Result<std::vector<Deviation>> deviationRegister(const UseCaseContext& context,
                                                 const Caller& caller,
                                                 const DeviationFilter& filter) {
  const std::string& organisation = caller.actor.organisation;
  auto snapshot = context.models.current(context.store, organisation);
  const domain::ChainIndex& index = snapshot->index();
  for (const std::string* unit : {&filter.unit, &filter.sector}) {
    if (!unit->empty() && index.unit(*unit) == nullptr) {
      return invalid(unit == &filter.unit ? "unit" : "sector",
                     fmt::format("there is no unit {}", *unit));
    }
  }
  if (!filter.sector.empty() && index.unit(filter.sector)->kind != domain::UnitKind::sector) {
    return invalid("sector", fmt::format("{} is not a sector", filter.sector));
  }
  const domain::Date today = context.clock.today();
  access::Rights rights(caller.actor, index, today);
  auto within = [&](const std::string& unit, const std::string& top) {
    return top.empty() || unit == top || index.isBelow(unit, top);
  };
  std::vector<Deviation> result;
  for (Deviation& deviation : context.store.deviations(organisation, filter.state)) {
    if (!within(deviation.unit, filter.unit) || !within(deviation.unit, filter.sector)) continue;
    if (filter.category && deviation.category != *filter.category) continue;
    if (filter.gravity && deviation.gravity != *filter.gravity) continue;
    if (filter.from || filter.to) {
      domain::Date day = reportedDay(deviation);
      if ((filter.from && day < *filter.from) || (filter.to && *filter.to < day)) continue;
    }
    if (!filter.waiting_for.empty()) {
      bool waiting = deviation.state == DeviationState::open &&
                     std::any_of(deviation.levels.begin(), deviation.levels.end(),
                                 [&](const DeviationLevel& level) {
                                   return level.acknowledged_at.empty() &&
                                          level.released_at.empty() &&
                                          actsFor(level, index, today, filter.waiting_for);
                                 });
      if (!waiting) continue;
    }
    if (!rights.can(Action::read_deviation, subjectOf(organisation, deviation))) continue;
    result.push_back(std::move(deviation));
  }
  return result;
}

std::vector<AcknowledgementStatistics> acknowledgementStatistics(
    const std::vector<Deviation>& deviations, const domain::ChainIndex& index) {
  std::map<domain::EscalationReach, std::vector<std::int64_t>> minutes;
  std::map<domain::EscalationReach, AcknowledgementStatistics> by_reach;
  for (const Deviation& deviation : deviations) {
    for (const DeviationLevel& level : deviation.levels) {
      // A level that was released never had to answer; the reporter's own level knew by
      // reporting, which says nothing of how fast a level answers.
      if (!level.released_at.empty() || (level.acknowledged_by == deviation.reported_by &&
                                         level.acknowledged_at == level.notified_at)) {
        continue;
      }
      const domain::Unit* unit = index.unit(level.unit);
      auto reach = unit == nullptr ? domain::EscalationReach::unit : domain::reachOf(unit->kind);
      AcknowledgementStatistics& statistics = by_reach[reach];
      statistics.reach = reach;
      ++statistics.told;
      if (!level.acknowledged_at.empty()) {
        ++statistics.acknowledged;
        auto took = std::chrono::duration_cast<std::chrono::minutes>(
            instantOf(level.acknowledged_at) - instantOf(level.notified_at));
        minutes[reach].push_back(took.count());
      } else if (deviation.state == DeviationState::open) {
        ++statistics.waiting;
      }
    }
  }
  std::vector<AcknowledgementStatistics> result;
  for (auto& [reach, statistics] : by_reach) {
    auto& values = minutes[reach];
    if (!values.empty()) {
      std::sort(values.begin(), values.end());
      statistics.median_minutes = values[(values.size() - 1) / 2];
      statistics.max_minutes = values.back();
    }
    result.push_back(statistics);
  }
  return result;
}

Result<std::vector<Deviation>> deviationsForReportBack(const UseCaseContext& context,
                                                       const Caller& caller,
                                                       std::string_view occasion,
                                                       std::string_view unit) {
  const std::string& organisation = caller.actor.organisation;
  auto snapshot = context.models.current(context.store, organisation);
  const domain::ChainIndex& index = snapshot->index();
  const auto& occasions = snapshot->data().occasions;
  auto found =
      std::find_if(occasions.begin(), occasions.end(),
                   [&](const domain::FollowUpOccasion& each) { return each.code == occasion; });
  if (found == occasions.end()) {
    return Error{
        ErrorCode::not_found, fmt::format("there is no follow-up occasion {}", occasion), {}};
  }
  const domain::Unit* reporting = index.unit(unit);
  if (reporting == nullptr) {
    return Error{ErrorCode::not_found, fmt::format("there is no unit {}", unit), {}};
  }
  auto level = domain::followUpLevelOf(reporting->kind);
  auto deadlineAt = [&](const domain::FollowUpOccasion& each) -> std::optional<domain::Date> {
    for (const domain::LevelDeadline& deadline : each.deadlines) {
      if (level && deadline.level == *level) return deadline.deadline;
    }
    return std::nullopt;
  };
  domain::Date until = deadlineAt(*found).value_or(found->period_end);
  // The previous occasion the unit reported to: the latest earlier period with a deadline for
  // its level. What was new since then, or still open at its end, is reported now.
  std::optional<domain::Date> since;
  for (const domain::FollowUpOccasion& each : occasions) {
    if (each.period_end < found->period_end && deadlineAt(each) &&
        (!since || *since < each.period_end)) {
      since = each.period_end;
    }
  }
  access::Rights rights(caller.actor, index, context.clock.today());
  std::vector<Deviation> result;
  for (Deviation& deviation : context.store.deviations(organisation, std::nullopt)) {
    if (deviation.unit != unit && !index.isBelow(deviation.unit, unit)) continue;
    domain::Date reported = reportedDay(deviation);
    if (until < reported) continue;
    bool closed_before = deviation.state == DeviationState::closed && since &&
                         swedishDate(instantOf(deviation.closed_at)) <= *since;
    if (since && reported <= *since && closed_before) continue;
    if (!rights.can(Action::read_deviation, subjectOf(organisation, deviation))) continue;
    result.push_back(std::move(deviation));
  }
  return result;
}

namespace {

//! The sweep's step on one deviation, inside its organisation's transaction: reminds the levels
//! whose limit has passed once, and tells the next level when it has passed again. Reminders
//! need no snapshot (the people told are on the level); only telling a further level reads
//! the organisation's chain. False when nothing was due after all.
bool sweepOne(Store& store, const Clock& clock, ReadModels& models, const std::string& organisation,
              Deviation& changed, const domain::DeviationSettings& settings, DeviationSweep& sweep,
              bool& told_further) {
  auto now_instant = clock.now();
  std::string now = formatTimestamp(now_instant);
  const domain::GravityRule& rule = settings.rule(changed.gravity);
  std::vector<DeviationLevel*> remind;
  bool escalate = false;
  for (DeviationLevel& level : changed.levels) {
    if (!level.acknowledged_at.empty() || !level.released_at.empty() ||
        !level.escalated_at.empty() || level.due_at.empty() || now < level.due_at) {
      continue;
    }
    if (level.reminded_at.empty()) {
      level.reminded_at = now;
      level.due_at = dueAfter(now_instant, rule);
      remind.push_back(&level);
    } else {
      level.escalated_at = now;
      level.due_at.clear();
      escalate = true;
    }
  }
  if (remind.empty() && !escalate) return false;
  for (DeviationLevel* level : remind) {
    DeviationEvent event;
    event.at = now;
    event.kind = DeviationEventKind::reminded;
    event.level = level->position;
    event.people = level->people;
    event.text = fmt::format("{} har inte kvitterat inom tidsgränsen", level->unit);
    addEvent(changed, event);
    for (const std::string& person : level->people) {
      Message message;
      message.kind = "deviation_reminder";
      message.subject = fmt::format("Påminnelse: kvittera avvikelse {} (allvarlighetsgrad {})",
                                    changed.code, changed.gravity);
      message.body = fmt::format(
          "Du underrättades {} om avvikelsen {}: {}. Den är inte kvitterad. Om den inte "
          "kvitteras inom tidsgränsen underrättas nästa nivå.\n\n{}",
          level->notified_at.substr(0, 16), changed.code, changed.title,
          deviationLink(changed.code));
      message.link = deviationLink(changed.code);
      message.dedupe_key =
          fmt::format("deviation:{}:reminder:{}:{}", changed.code, level->position, person);
      auto found = store.person(organisation, person);
      notifyPerson(store, clock, organisation, person, found ? &*found : nullptr, message);
    }
    ++sweep.reminded;
  }
  if (escalate) {
    Scene scene;
    scene.snapshot = models.current(store, organisation);
    scene.today = clock.today();
    scene.now = now_instant;
    scene.at = now;
    scene.settings = settings;
    std::vector<std::string> path = domain::escalationPath(scene.index(), changed.unit);
    // The next level up: one a lowering released, told again, or the next of the chain.
    auto released =
        std::find_if(changed.levels.begin(), changed.levels.end(),
                     [](const DeviationLevel& level) { return !level.released_at.empty(); });
    std::vector<const DeviationLevel*> told;
    if (released != changed.levels.end()) {
      told.push_back(tellAgain(changed, scene, *released));
    } else {
      told = tellLevels(changed, scene, path, changed.levels.size() + 1, "");
    }
    if (!told.empty()) {
      DeviationEvent event;
      event.at = now;
      event.kind = DeviationEventKind::escalated;
      event.level = told.front()->position;
      event.people = told.front()->people;
      event.text = "ingen nivå under kvitterade inom tidsgränsen, trots påminnelse";
      addEvent(changed, event);
      notifyTold(store, clock, changed, scene.index(), told,
                 "En avvikelse har inte kvitterats i tid av nivån under dig och lyfts därför "
                 "till dig.",
                 "deviation_escalated");
      ++sweep.escalated;
      told_further = true;
    }
  }
  return true;
}

}  // namespace

DeviationSweep sweepDeviations(Store& store, const Clock& clock, ReadModels& models) {
  DeviationSweep sweep;
  std::string now = formatTimestamp(clock.now());
  std::set<std::pair<std::string, std::string>> done;
  for (;;) {
    auto due = store.dueDeviations(now, kSweepBatch);
    // One transaction per organisation: its lock once, its audit chain extended once.
    std::map<std::string, std::vector<std::string>> by_organisation;
    for (const DueDeviation& each : due) {
      // A deviation handled in this run and due again at once (a limit shorter than the
      // run) waits for the next run rather than being reminded and escalated in one go.
      if (done.insert({each.organisation, each.code}).second) {
        by_organisation[each.organisation].push_back(each.code);
      }
    }
    for (const auto& [organisation, codes] : by_organisation) {
      Transaction transaction(store);
      store.lockOrganisation(organisation);
      domain::DeviationSettings settings = store.deviationSettings(organisation);
      AuditTrail trail(clock, organisation, std::string(kSweepActor));
      std::size_t changed_here = 0;
      for (const std::string& code : codes) {
        auto stored = store.deviation(organisation, code);
        if (!stored || stored->state != DeviationState::open) continue;
        Deviation changed = *stored;
        bool told_further = false;
        if (!sweepOne(store, clock, models, organisation, changed, settings, sweep, told_further)) {
          continue;
        }
        if (!store.updateDeviation(organisation, changed)) continue;
        auditDeviation(trail, told_further ? "deviation.escalated" : "deviation.reminded", &*stored,
                       changed);
        ++changed_here;
      }
      if (changed_here == 0) continue;
      trail.write(store);
      transaction.commit();
      sweep.deviations += changed_here;
    }
    if (by_organisation.empty() || due.size() < static_cast<std::size_t>(kSweepBatch)) break;
  }
  return sweep;
}

}  // namespace styr::app
