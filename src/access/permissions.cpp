#include "access/permissions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "domain/follow_up_scope.hpp"

namespace styr::access {

using domain::Item;
using domain::ItemStatus;
using domain::Membership;
using domain::Role;
using domain::SteeringDocument;
using domain::Unit;

namespace {

Decision allow() {
  return Decision{true, {}};
}

Decision deny(std::string reason) {
  return Decision{false, std::move(reason)};
}

// What an action does, as it reads after "to" in a sentence.
std::string_view phrase(Action action) {
  switch (action) {
    case Action::read_item:
      return "read items";
    case Action::create_item:
      return "create items";
    case Action::edit_what:
      return "edit an item's WHAT";
    case Action::issue_item:
      return "issue items";
    case Action::cancel_item:
      return "cancel items";
    case Action::acknowledge_item:
      return "acknowledge items";
    case Action::edit_how:
      return "edit an item's HOW";
    case Action::complete_item:
      return "complete items";
    case Action::read_document:
      return "read steering documents";
    case Action::create_document:
      return "create steering documents";
    case Action::revise_document:
      return "revise steering documents";
    case Action::record_decision:
      return "record decisions";
    case Action::read_units:
      return "read the unit tree";
    case Action::read_indicators:
      return "read indicators";
    case Action::record_indicator_value:
      return "record indicator values";
    case Action::read_people:
      return "read people";
    case Action::manage_memberships:
      return "manage memberships";
    case Action::manage_accounts:
      return "manage accounts";
    case Action::manage_tokens:
      return "manage tokens";
    case Action::setup_year:
      return "set up years";
    case Action::import_data:
      return "import data";
    case Action::export_data:
      return "export data";
    case Action::read_audit:
      return "read the audit trail";
    case Action::read_coverage:
      return "read the coverage";
    case Action::read_stats:
      return "read statistics";
    case Action::read_follow_up_plan:
      return "read the follow-up plan";
    case Action::manage_follow_up_plan:
      return "change the follow-up plan";
    case Action::read_report_back:
      return "read report-backs";
    case Action::write_report_back:
      return "write report-backs";
    case Action::decide_report_back:
      return "approve or return report-backs";
    case Action::read_follow_up_overview:
      return "read the follow-up overview";
    case Action::send_reminders:
      return "send reminders";
    case Action::report_deviation:
      return "report deviations";
    case Action::read_deviation:
      return "read deviations";
    case Action::comment_deviation:
      return "comment on deviations";
    case Action::handle_deviation:
      return "handle deviations";
    case Action::manage_deviation_settings:
      return "change how far each gravity of deviation goes";
  }
  return toString(action);
}

bool contains(const std::vector<std::string_view>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string labelOf(const Item& item) {
  return item.code.empty() ? std::string("the new item") : item.code;
}

std::string labelOf(const SteeringDocument& document) {
  return document.code.empty() ? std::string("the new document")
                               : fmt::format("{} version {}", document.code, document.version);
}

std::string recipientCodeOf(const Item& item) {
  return item.recipient_person.empty() ? item.recipient_unit : item.recipient_person;
}

std::string scopesText(const std::set<Scope>& scopes) {
  if (scopes.empty()) return "no scope";
  std::string text = scopes.size() == 1 ? "the scope " : "the scopes ";
  bool first = true;
  for (Scope scope : scopes) {
    if (!first) text += ", ";
    text += toString(scope);
    first = false;
  }
  return text;
}

bool isItemAction(Action action) {
  switch (action) {
    case Action::read_item:
    case Action::create_item:
    case Action::edit_what:
    case Action::issue_item:
    case Action::cancel_item:
    case Action::acknowledge_item:
    case Action::edit_how:
    case Action::complete_item:
      return true;
    default:
      return false;
  }
}

bool isDocumentAction(Action action) {
  return action == Action::read_document || action == Action::create_document ||
         action == Action::revise_document || action == Action::record_decision;
}

bool isReportBackAction(Action action) {
  return action == Action::read_report_back || action == Action::write_report_back ||
         action == Action::decide_report_back;
}

bool isDeviationAction(Action action) {
  return action == Action::read_deviation || action == Action::comment_deviation ||
         action == Action::handle_deviation;
}

std::string labelOf(const domain::ReportBack& report_back) {
  return fmt::format("the report-back of {} to {}",
                     report_back.recipient_person.empty() ? report_back.recipient_unit
                                                          : report_back.recipient_person,
                     report_back.occasion);
}

}  // namespace

Rights::Rights(const Actor& actor, const domain::ChainIndex& index, const domain::Date& today)
    : actor_(actor), index_(index), today_(today) {
  // Memberships are looked up only in the organisation signed in to: another organisation's
  // data gives nothing, whatever codes it shares with this one.
  if (!actor_.signed_in || actor_.organisation != index_.data().organisation.code) return;
  administrator_ = actor_.administrator;
  auto validToday = [&](const Membership& membership) {
    const Unit* unit = index_.unit(membership.unit);
    return unit != nullptr && domain::isValidOn(unit->valid_from, unit->valid_to, today_) &&
           domain::isValidOn(membership.valid_from, membership.valid_to, today_);
  };
  for (const Membership& membership : index_.data().memberships) {
    if (actor_.person.empty() || membership.person != actor_.person || !validToday(membership)) {
      continue;
    }
    std::string_view unit = membership.unit;
    bool political = domain::isPoliticalBody(index_.unit(unit)->kind);
    switch (membership.role) {
      case Role::administrator:
        // A technical role: it gives accounts to manage, not a place in the unit's work.
        administrator_ = true;
        continue;
      case Role::controller:
        controller_ = true;
        if (political) secretary_of_.push_back(unit);
        break;
      case Role::head:
        if (!political) heads_.push_back(unit);
        break;
      case Role::chair:
      case Role::member:
      case Role::substitute:
        if (political) seats_.push_back(unit);
        break;
      case Role::employee:
        break;
    }
    belongs_to_.push_back(unit);
  }
  if (heads_.empty()) return;
  for (const Membership& membership : index_.data().memberships) {
    if (membership.role != Role::administrator && validToday(membership)) {
      units_of_person_[membership.person].push_back(membership.unit);
    }
  }
}

Decision Rights::can(Action action, const Subject& subject) const {
  const std::string& held = index_.data().organisation.code;
  if (subject.organisation != held) {
    return deny(fmt::format(
        "the record is said to belong to organisation '{}' but was looked up in {}'s data",
        subject.organisation, held));
  }
  if (actor_.signed_in && actor_.organisation != subject.organisation) {
    return deny(fmt::format(
        "{} is signed in to {}, and this belongs to {}: nothing is allowed "
        "across organisations",
        who(), actor_.organisation.empty() ? std::string("no organisation") : actor_.organisation,
        subject.organisation));
  }
  if (actor_.token_scopes && actor_.token_scopes->count(scopeOf(action)) == 0) {
    return deny(fmt::format("the token carries {}, and to {} a token needs the scope {}",
                            scopesText(*actor_.token_scopes), phrase(action),
                            toString(scopeOf(action))));
  }
  if (isItemAction(action) && subject.item == nullptr) {
    return deny(fmt::format("to {}, name the item", phrase(action)));
  }
  if (isDocumentAction(action) && subject.document == nullptr) {
    return deny(fmt::format("to {}, name the steering document", phrase(action)));
  }
  if (isReportBackAction(action) && subject.report_back == nullptr) {
    return deny(fmt::format("to {}, name the report-back", phrase(action)));
  }
  if (isDeviationAction(action) && subject.deviation == nullptr) {
    return deny(fmt::format("to {}, name the deviation", phrase(action)));
  }
  if (action == Action::report_deviation && subject.unit.empty()) {
    return deny(fmt::format("to {}, name the unit the deviation is reported on", phrase(action)));
  }
  if (action == Action::record_indicator_value && subject.unit.empty()) {
    return deny(fmt::format("to {}, name the unit the value is reported for", phrase(action)));
  }
  return actor_.signed_in ? canSignedIn(action, subject) : canPublicly(action, subject);
}

Decision Rights::canPublicly(Action action, const Subject& subject) const {
  if (action == Action::read_item) {
    const Item& item = *subject.item;
    if (isCouncilGoal(item)) return allow();
    return deny(fmt::format(
        "without signing in one may read only the council's issued goals, and {} {}", item.code,
        item.status == ItemStatus::draft ? std::string("is a draft")
                                         : fmt::format("is issued by {}", item.issuer)));
  }
  if (action == Action::read_document) {
    if (subject.document->status != domain::DocumentStatus::draft) return allow();
    return deny(
        fmt::format("without signing in one may read only decided documents, and {} is "
                    "a draft",
                    labelOf(*subject.document)));
  }
  return deny(
      fmt::format("sign in to {}: without signing in one may read only decided "
                  "documents and the council's goals",
                  phrase(action)));
}

Decision Rights::canSignedIn(Action action, const Subject& subject) const {
  switch (action) {
    case Action::read_item:
      return readItem(*subject.item);
    case Action::create_item:
    case Action::edit_what:
    case Action::issue_item:
    case Action::cancel_item:
      return writeWhat(*subject.item);
    case Action::acknowledge_item:
    case Action::edit_how:
    case Action::complete_item:
      return writeHow(*subject.item);
    case Action::read_document:
      return readDocument(*subject.document);
    case Action::create_document:
    case Action::revise_document:
    case Action::record_decision:
      return writeDocument(*subject.document);
    case Action::read_units:
      // The organisation's tree is no secret to anyone signed in to it.
      return allow();
    case Action::read_indicators:
      // Nor are its figures: every indicator, target and value, whichever unit is asked about.
      return allow();
    case Action::record_indicator_value:
      return recordIndicatorValue(subject);
    case Action::read_people:
      return readPeople(subject);
    case Action::manage_memberships:
    case Action::manage_accounts:
    case Action::manage_tokens:
      return manage(action, subject);
    case Action::setup_year:
    case Action::import_data:
    case Action::export_data:
      return runYear(action);
    case Action::read_audit:
      return readAudit(subject);
    case Action::read_coverage:
    case Action::read_stats:
    case Action::read_follow_up_overview:
      return readFigures(action, subject);
    case Action::read_follow_up_plan:
      // The timetable is no secret to anyone who reports by it.
      return allow();
    case Action::manage_follow_up_plan:
    case Action::send_reminders:
      return runYear(action);
    case Action::read_report_back:
      return readReportBack(*subject.report_back);
    case Action::write_report_back:
      return writeReportBack(*subject.report_back);
    case Action::decide_report_back:
      return decideReportBack(*subject.report_back);
    case Action::report_deviation:
      return reportDeviation(subject);
    case Action::read_deviation:
      return readDeviation(*subject.deviation);
    case Action::comment_deviation:
      // The reporter adds what they learn later; the chain discusses it.
      if (!actor_.person.empty() && subject.deviation->reported_by == actor_.person) {
        return allow();
      }
      return handleDeviation(*subject.deviation);
    case Action::handle_deviation:
      return handleDeviation(*subject.deviation);
    case Action::manage_deviation_settings:
      return runYear(action);
  }
  return deny("the action is not one Styr knows");
}

Decision Rights::readItem(const Item& item) const {
  if (controller_) return allow();
  if (item.status == ItemStatus::draft) {
    // A draft is its issuer's working paper until issued: the recipient's side does not see it.
    if (headsOrAbove(item.issuer) || secretaryOf(item.issuer)) return allow();
    const Unit* issuer = index_.unit(item.issuer);
    bool political = issuer != nullptr && domain::isPoliticalBody(issuer->kind);
    return deny(withoutContentRights(
        political ? fmt::format("{} is a draft, and until {} issues it only its secretary and "
                                "controllers see it",
                                item.code, item.issuer)
                  : fmt::format("{} is a draft, and until {} issues it only its head, the heads "
                                "above it and controllers see it",
                                item.code, item.issuer)));
  }
  if (isCouncilGoal(item)) return allow();
  if (!actor_.person.empty() && item.recipient_person == actor_.person) return allow();
  if (belongsTo(item.issuer) || belongsTo(item.recipient_unit)) return allow();
  if (headsOrAbove(item.issuer) || headsOrAbove(item.recipient_unit) ||
      isWithinHeadedUnits(item.recipient_person)) {
    return allow();
  }
  return deny(withoutContentRights(
      fmt::format("{} may read the items of the units they belong to, the items addressed to "
                  "them and the items within the units they head, and {} ({} to {}) is none "
                  "of these",
                  who(), item.code, item.issuer, recipientCodeOf(item))));
}

Decision Rights::writeWhat(const Item& item) const {
  const Unit* issuer = index_.unit(item.issuer);
  if (issuer == nullptr) {
    return deny(fmt::format("the issuer '{}' of {} is not a unit", item.issuer, labelOf(item)));
  }
  if (!answersFor(issuer->code)) {
    std::string reason =
        domain::isPoliticalBody(issuer->kind)
            ? fmt::format(
                  "{} is not the secretary of {}, which issues {}: what a political "
                  "body decides is entered by its secretary",
                  who(), issuer->code, labelOf(item))
            : fmt::format(
                  "{} is not head of {}, which issues {}: the WHAT belongs to the "
                  "issuer (D2)",
                  who(), issuer->code, labelOf(item));
    bool recipient = answersFor(item.recipient_unit) ||
                     (!actor_.person.empty() && item.recipient_person == actor_.person);
    if (recipient) reason += fmt::format("; as its recipient, {} writes the HOW", who());
    return deny(withoutContentRights(std::move(reason)));
  }
  if (item.recipient_unit.empty() && item.recipient_person.empty()) {
    return deny(
        fmt::format("{} names no recipient: {} addresses a unit below it or one of its "
                    "own members (D1)",
                    labelOf(item), issuer->code));
  }
  if (!item.recipient_unit.empty() && !index_.isBelow(item.recipient_unit, issuer->code)) {
    return deny(
        fmt::format("{} can only address units below it or its own members, and {} is "
                    "neither",
                    issuer->code, item.recipient_unit));
  }
  if (!item.recipient_person.empty() &&
      !index_.isMemberOn(item.recipient_person, issuer->code, today_)) {
    return deny(
        fmt::format("{} can only address units below it or its own members, and {} is "
                    "neither on {}",
                    issuer->code, item.recipient_person, domain::formatDate(today_)));
  }
  return allow();
}

Decision Rights::writeHow(const Item& item) const {
  if (item.status == ItemStatus::draft) {
    return deny(fmt::format("{} is a draft: its recipient takes it on once {} issues it",
                            labelOf(item), item.issuer));
  }
  if (!item.recipient_person.empty()) {
    if (item.recipient_person == actor_.person) return allow();
    return deny(withoutContentRights(
        fmt::format("{} is addressed to {} personally, and only they take it on, plan it and "
                    "complete it (D2)",
                    labelOf(item), item.recipient_person)));
  }
  const Unit* recipient = index_.unit(item.recipient_unit);
  if (recipient == nullptr) {
    return deny(
        fmt::format("the recipient '{}' of {} is not a unit", item.recipient_unit, labelOf(item)));
  }
  if (answersFor(recipient->code)) return allow();
  std::string reason =
      domain::isPoliticalBody(recipient->kind)
          ? fmt::format(
                "{} is not the secretary of {}, to which {} is addressed: what a "
                "political body decides is entered by its secretary",
                who(), recipient->code, labelOf(item))
          : fmt::format(
                "{} is not head of {}, to which {} is addressed: the HOW belongs to the "
                "recipient (D2)",
                who(), recipient->code, labelOf(item));
  if (answersFor(item.issuer)) reason += fmt::format("; as its issuer, {} writes the WHAT", who());
  return deny(withoutContentRights(std::move(reason)));
}

Decision Rights::readDocument(const SteeringDocument& document) const {
  if (document.status != domain::DocumentStatus::draft) return allow();
  if (controller_ || secretaryOf(document.deciding_body) || headsOrAbove(document.deciding_body)) {
    return allow();
  }
  return deny(withoutContentRights(
      fmt::format("{} is a draft, which until {} decides it only those who prepare it and "
                  "controllers see",
                  labelOf(document), document.deciding_body)));
}

Decision Rights::writeDocument(const SteeringDocument& document) const {
  const Unit* body = index_.unit(document.deciding_body);
  if (body == nullptr) {
    return deny(fmt::format("the deciding body '{}' of {} is not a unit", document.deciding_body,
                            labelOf(document)));
  }
  if (answersFor(body->code)) return allow();
  return deny(withoutContentRights(
      domain::isPoliticalBody(body->kind)
          ? fmt::format("{} is not the secretary of {}, which decides {}: the body decides in "
                        "its meeting and its secretary prepares and records it",
                        who(), body->code, labelOf(document))
          : fmt::format("{} is not head of {}, which decides {}", who(), body->code,
                        labelOf(document))));
}

Decision Rights::readPeople(const Subject& subject) const {
  if (controller_ || administrator_) return allow();
  if (!subject.person.empty()) {
    if (subject.person == actor_.person || isWithinHeadedUnits(subject.person)) return allow();
    return deny(
        fmt::format("{} may read their own record and the people of the units they "
                    "head, and {} is neither",
                    who(), subject.person));
  }
  if (!subject.unit.empty()) {
    if (headsOrAbove(subject.unit)) return allow();
    return deny(
        fmt::format("{} is not head of {} or of a unit above it, so may not list its people", who(),
                    subject.unit));
  }
  return deny(
      "only controllers and administrators read the whole directory of people; name a "
      "person or a unit");
}

Decision Rights::readFigures(Action action, const Subject& subject) const {
  if (controller_ || !seats_.empty()) return allow();
  if (!heads_.empty()) {
    // Without a unit the whole organisation is asked for, and the API shows the subtrees.
    if (subject.unit.empty() || headsOrAbove(subject.unit)) return allow();
    return deny(fmt::format("{} is not head of {} or of a unit above it", who(), subject.unit));
  }
  return deny(withoutContentRights(
      fmt::format("only controllers, heads and members of political bodies {}, and {} is none "
                  "of these on {}",
                  phrase(action), who(), domain::formatDate(today_))));
}

// A value is a measurement, not an item's WHAT or HOW: whoever answers for the unit's figures
// reports it (its head or a head above, a political body's secretary), and controllers bring
// figures in from other systems for any unit.
Decision Rights::recordIndicatorValue(const Subject& subject) const {
  const Unit* unit = index_.unit(subject.unit);
  if (unit == nullptr) {
    return deny(fmt::format("'{}' is not a unit of {}, so no value can be recorded for it",
                            subject.unit, index_.data().organisation.code));
  }
  if (controller_ || headsOrAbove(unit->code) || secretaryOf(unit->code)) return allow();
  return deny(withoutContentRights(
      domain::isPoliticalBody(unit->kind)
          ? fmt::format("{} is not the secretary of {}: a political body's indicator values "
                        "are recorded by its secretary or a controller",
                        who(), unit->code)
          : fmt::format("{} is not head of {} or of a unit above it: a unit's indicator values "
                        "are recorded by its head, the heads above it or a controller",
                        who(), unit->code)));
}

Decision Rights::runYear(Action action) const {
  if (controller_) return allow();
  return deny(withoutContentRights(
      fmt::format("only controllers {}, and {} holds no controller membership valid on {}",
                  phrase(action), who(), domain::formatDate(today_))));
}

Decision Rights::manage(Action action, const Subject& subject) const {
  bool self = !actor_.person.empty() && subject.person == actor_.person;
  if (action == Action::manage_tokens && self) return allow();
  if (!administrator_) {
    return deny(fmt::format("only administrators {}{}, and {} is not one on {}", phrase(action),
                            action == Action::manage_tokens ? " other than their own" : "", who(),
                            domain::formatDate(today_)));
  }
  if (action == Action::manage_memberships && self) {
    return deny(
        fmt::format("{} may not change their own memberships: another administrator "
                    "does (separation of duties)",
                    who()));
  }
  return allow();
}

Decision Rights::readAudit(const Subject& subject) const {
  // The trail of a record shows what the record held, so it is read with the record.
  if (subject.item != nullptr) return readItem(*subject.item);
  if (subject.document != nullptr) return readDocument(*subject.document);
  if (subject.report_back != nullptr) return readReportBack(*subject.report_back);
  if (!subject.person.empty()) return readPeople(subject);
  if (!subject.unit.empty()) return allow();
  if (controller_) return allow();
  return deny(withoutContentRights(
      fmt::format("only controllers read the whole audit trail, and {} is not one on {}; name "
                  "the record whose trail to read",
                  who(), domain::formatDate(today_))));
}

// The recipient reports: an administrative unit's head, a political body's secretary, or the
// person an item was addressed to (D2: the HOW and its report-back are the recipient's).
bool Rights::writesFor(const domain::ReportBack& report_back) const {
  if (!report_back.recipient_person.empty()) {
    return !actor_.person.empty() && report_back.recipient_person == actor_.person;
  }
  return answersFor(report_back.recipient_unit);
}

Decision Rights::readReportBack(const domain::ReportBack& report_back) const {
  if (controller_ || writesFor(report_back)) return allow();
  if (report_back.status == domain::ReportBackStatus::draft) {
    // A draft is the recipient's working paper, like an item's draft is its issuer's.
    return deny(withoutContentRights(
        fmt::format("{} is a draft, which until it is submitted only its writer and "
                    "controllers see",
                    labelOf(report_back))));
  }
  // Submitted, it is evidence for decisions (D12): whoever decides it and the heads above
  // read it, the unit's own staff read what was said about their work, and politicians read
  // the units' reports they follow up. A person's report-back is about one employee's work
  // (personal data): it stays with the chain of heads above them, as their items do.
  bool person = !report_back.recipient_person.empty();
  bool above = person ? isWithinHeadedUnits(report_back.recipient_person)
                      : headsOrAbove(report_back.recipient_unit);
  bool politician = !person && !seats_.empty();
  if (above || politician || belongsTo(report_back.recipient_unit) ||
      answersFor(domain::approvingUnit(
          domain::Recipient{report_back.recipient_unit, report_back.recipient_person}, index_))) {
    return allow();
  }
  return deny(withoutContentRights(
      person ? fmt::format("{} is about {}'s own work: besides them, the heads of the units they "
                           "belong to and above read it, and {} is none of these",
                           labelOf(report_back), report_back.recipient_person, who())
             : fmt::format("{} may read the report-backs of the units they belong to or head "
                           "and of those below, and {} is none of these",
                           who(), labelOf(report_back))));
}

Decision Rights::writeReportBack(const domain::ReportBack& report_back) const {
  if (writesFor(report_back)) return allow();
  if (!report_back.recipient_person.empty()) {
    return deny(
        withoutContentRights(fmt::format("{} is {}'s own: only they write it (D2)",
                                         labelOf(report_back), report_back.recipient_person)));
  }
  const Unit* recipient = index_.unit(report_back.recipient_unit);
  if (recipient == nullptr) {
    return deny(fmt::format("the recipient '{}' of {} is not a unit", report_back.recipient_unit,
                            labelOf(report_back)));
  }
  return deny(withoutContentRights(
      domain::isPoliticalBody(recipient->kind)
          ? fmt::format("{} is not the secretary of {}, whose report-back it is: a political "
                        "body's report-back is entered by its secretary",
                        who(), recipient->code)
          : fmt::format("{} is not head of {}: a unit's report-back is written by its head, "
                        "who answers for the HOW (D2)",
                        who(), recipient->code)));
}

Decision Rights::decideReportBack(const domain::ReportBack& report_back) const {
  std::string approving = domain::approvingUnit(
      domain::Recipient{report_back.recipient_unit, report_back.recipient_person}, index_);
  const Unit* unit = index_.unit(approving);
  if (unit == nullptr) {
    return deny(fmt::format("{} has no level above to approve or return it", labelOf(report_back)));
  }
  if (!report_back.recipient_person.empty() && report_back.recipient_person == actor_.person) {
    return deny(
        fmt::format("{} is {}'s own, and the level above decides it: whoever answers for {}",
                    labelOf(report_back), report_back.recipient_person, unit->code));
  }
  // One who answers for both levels (a unit manager who also heads the unit's workplaces, the
  // one secretary of the council and the board) decides as the level above: there is nobody
  // else at that level, and the report-back they decide goes on up inside their own.
  if (answersFor(approving)) return allow();
  return deny(withoutContentRights(
      domain::isPoliticalBody(unit->kind)
          ? fmt::format("{} is not the secretary of {}, which receives {}: the body decides and "
                        "its secretary records it",
                        who(), unit->code, labelOf(report_back))
          : fmt::format("{} is not head of {}, the level above that approves or returns {}", who(),
                        unit->code, labelOf(report_back))));
}

Decision Rights::reportDeviation(const Subject& subject) const {
  // D13: everyone reports, on the units they work in; heads also on the units below them.
  if (belongsTo(subject.unit) || headsOrAbove(subject.unit) || answersFor(subject.unit)) {
    return allow();
  }
  if (index_.unit(subject.unit) == nullptr) {
    return deny(fmt::format("there is no unit {} to report a deviation on", subject.unit));
  }
  return deny(withoutContentRights(
      fmt::format("{} may report deviations on the units they belong to or head, and {} is none "
                  "of these",
                  who(), subject.unit)));
}

// The chain that must know: whoever was told at a level, and whoever answers for a level's unit
// today (a successor).
bool Rights::isInChainOf(const domain::Deviation& deviation) const {
  if (actor_.person.empty()) return false;
  if (domain::wasTold(deviation, actor_.person)) return true;
  for (const domain::DeviationLevel& level : deviation.levels) {
    if (level.released_at.empty() && answersFor(level.unit)) return true;
    const Unit* unit = index_.unit(level.unit);
    bool political = unit != nullptr && domain::isPoliticalBody(unit->kind);
    if (political && level.released_at.empty() &&
        std::any_of(
            index_.membershipsOf(level.unit).begin(), index_.membershipsOf(level.unit).end(),
            [&](const Membership* membership) {
              return membership->person == actor_.person && membership->role == Role::chair &&
                     domain::isValidOn(membership->valid_from, membership->valid_to, today_);
            })) {
      return true;
    }
  }
  return false;
}

Decision Rights::readDeviation(const domain::Deviation& deviation) const {
  bool reporter = !actor_.person.empty() && deviation.reported_by == actor_.person;
  // An action's owner reads what they are to remedy, confidential or not.
  bool owner =
      !actor_.person.empty() && std::any_of(deviation.actions.begin(), deviation.actions.end(),
                                            [&](const domain::DeviationAction& action) {
                                              return action.owner == actor_.person;
                                            });
  if (reporter || owner || isInChainOf(deviation)) return allow();
  if (deviation.confidential) {
    // Personal data (GDPR): only those who must know, not controllers nor colleagues.
    return deny(withoutContentRights(
        fmt::format("{} is confidential: only its reporter and those of the chain who were told "
                    "read it, and {} is none of these",
                    deviation.code, who())));
  }
  // Otherwise as the unit's report-backs: its staff, the heads above, controllers, and the
  // politicians of every body it reached.
  bool politician = std::any_of(
      deviation.levels.begin(), deviation.levels.end(),
      [&](const domain::DeviationLevel& level) { return contains(seats_, level.unit); });
  if (controller_ || politician || belongsTo(deviation.unit) || headsOrAbove(deviation.unit)) {
    return allow();
  }
  return deny(withoutContentRights(
      fmt::format("{} may read the deviations of the units they belong to or head and of those "
                  "below, and those that reached their body; {} is none of these",
                  who(), deviation.code)));
}

Decision Rights::handleDeviation(const domain::Deviation& deviation) const {
  if (isInChainOf(deviation)) return allow();
  return deny(withoutContentRights(
      fmt::format("only the levels of the chain that were told of {} handle it, and {} is none "
                  "of them",
                  deviation.code, who())));
}

bool Rights::belongsTo(std::string_view unit) const {
  return !unit.empty() && contains(belongs_to_, unit);
}

bool Rights::heads(std::string_view unit) const {
  return !unit.empty() && contains(heads_, unit);
}

bool Rights::headsOrAbove(std::string_view unit) const {
  if (unit.empty()) return false;
  return std::any_of(heads_.begin(), heads_.end(), [&](std::string_view headed) {
    return unit == headed || index_.isBelow(unit, headed);
  });
}

bool Rights::secretaryOf(std::string_view body) const {
  return !body.empty() && contains(secretary_of_, body);
}

// The one who writes for a unit: a political body's secretary (the body decides in its
// meeting), an administrative unit's head.
bool Rights::answersFor(std::string_view unit) const {
  const Unit* found = index_.unit(unit);
  if (found == nullptr) return false;
  return domain::isPoliticalBody(found->kind) ? secretaryOf(unit) : heads(unit);
}

bool Rights::isWithinHeadedUnits(std::string_view person) const {
  if (person.empty()) return false;
  auto found = units_of_person_.find(person);
  if (found == units_of_person_.end()) return false;
  return std::any_of(found->second.begin(), found->second.end(),
                     [&](std::string_view unit) { return headsOrAbove(unit); });
}

bool Rights::isCouncilGoal(const Item& item) const {
  const Unit* issuer = index_.unit(item.issuer);
  return item.status != ItemStatus::draft && issuer != nullptr &&
         issuer->kind == domain::UnitKind::council;
}

std::string Rights::who() const {
  if (!actor_.signed_in) return "nobody signed in";
  return actor_.person.empty() ? std::string("this account") : actor_.person;
}

std::string Rights::withoutContentRights(std::string reason) const {
  if (administrator_)
    reason += " (administration gives no rights to content: separation of duties)";
  return reason;
}

Decision can(const Actor& actor, Action action, const Subject& subject,
             const domain::ChainIndex& index, const domain::Date& today) {
  return Rights(actor, index, today).can(action, subject);
}

}  // namespace styr::access
