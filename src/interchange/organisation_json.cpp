#include "interchange/organisation_json.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <tuple>

#include "interchange/json_reader.hpp"

namespace styr::interchange {

namespace {

using domain::Date;
using nlohmann::json;
// Keys come out in the order written, which is the order docs/exchange-format.md lists.
using OrderedJson = nlohmann::ordered_json;

// ---- Writing -------------------------------------------------------------------------------

std::string dumpText(const OrderedJson& value, int indent) {
  // Replacing ill-formed UTF-8 keeps the output UTF-8 whatever a caller put in a string;
  // everything the readers accept is well-formed already, so round trips are unaffected.
  return value.dump(indent, ' ', false, OrderedJson::error_handler_t::replace);
}

OrderedJson dateJson(const Date& date) {
  return domain::formatDate(date);
}

OrderedJson dateJson(const std::optional<Date>& date) {
  return date ? dateJson(*date) : OrderedJson(nullptr);
}

template <typename Value>
OrderedJson optionalJson(const std::optional<Value>& value) {
  return value ? OrderedJson(*value) : OrderedJson(nullptr);
}

//! `records` written by `write` in the order of `key`. Records with equal keys (duplicates
//! that domain::validate will reject) are ordered by their written text, so that even then
//! the output does not depend on the input order.
template <typename Record, typename Key, typename Write>
OrderedJson sortedArray(const std::vector<Record>& records, Key key, Write write) {
  std::vector<std::size_t> order(records.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<std::optional<std::string>> texts(records.size());
  auto textOf = [&](std::size_t record_idx) -> const std::string& {
    if (!texts[record_idx]) texts[record_idx] = dumpText(write(records[record_idx]), -1);
    return *texts[record_idx];
  };
  std::sort(order.begin(), order.end(), [&](std::size_t left, std::size_t right) {
    const auto left_key = key(records[left]);
    const auto right_key = key(records[right]);
    if (left_key != right_key) return left_key < right_key;
    return textOf(left) < textOf(right);
  });
  OrderedJson array = OrderedJson::array();
  array.get_ref<OrderedJson::array_t&>().reserve(records.size());
  for (std::size_t record_idx : order) array.push_back(write(records[record_idx]));
  return array;
}

OrderedJson writeOrganisation(const domain::Organisation& organisation) {
  OrderedJson object;
  object["code"] = organisation.code;
  object["name"] = organisation.name;
  object["kind"] = domain::toString(organisation.kind);
  return object;
}

OrderedJson writeTerm(const domain::Term& term) {
  OrderedJson object;
  object["first_year"] = term.first_year;
  return object;
}

OrderedJson writeYear(const domain::FiscalYear& year) {
  OrderedJson object;
  object["year"] = year.year;
  object["status"] = domain::toString(year.status);
  return object;
}

OrderedJson writeUnit(const domain::Unit& unit) {
  OrderedJson object;
  object["code"] = unit.code;
  object["name"] = unit.name;
  object["kind"] = domain::toString(unit.kind);
  object["parent"] = unit.parent;
  object["valid_from"] = dateJson(unit.valid_from);
  object["valid_to"] = dateJson(unit.valid_to);
  return object;
}

OrderedJson writePerson(const domain::Person& person) {
  OrderedJson object;
  object["code"] = person.code;
  object["given_name"] = person.given_name;
  object["family_name"] = person.family_name;
  object["email"] = person.email;
  return object;
}

OrderedJson writeMembership(const domain::Membership& membership) {
  OrderedJson object;
  object["person"] = membership.person;
  object["unit"] = membership.unit;
  object["role"] = domain::toString(membership.role);
  object["valid_from"] = dateJson(membership.valid_from);
  object["valid_to"] = dateJson(membership.valid_to);
  return object;
}

OrderedJson writeDecision(const domain::Decision& decision) {
  OrderedJson object;
  object["date"] = dateJson(decision.date);
  object["minute_paragraph"] = decision.minute_paragraph;
  object["case_number"] = decision.case_number;
  return object;
}

OrderedJson writeAppropriation(const domain::Appropriation& appropriation) {
  OrderedJson object;
  object["unit"] = appropriation.unit;
  object["year"] = appropriation.year;
  object["amount_sek"] = appropriation.amount_sek;
  return object;
}

OrderedJson writeDocument(const domain::SteeringDocument& document) {
  OrderedJson object;
  object["code"] = document.code;
  object["version"] = document.version;
  object["kind"] = domain::toString(document.kind);
  object["title"] = document.title;
  object["summary"] = document.summary;
  object["deciding_body"] = document.deciding_body;
  object["status"] = domain::toString(document.status);
  object["decision"] = document.decision ? writeDecision(*document.decision) : OrderedJson(nullptr);
  object["valid_from"] = dateJson(document.valid_from);
  object["valid_to"] = dateJson(document.valid_to);
  object["year"] = optionalJson(document.year);
  object["term"] = optionalJson(document.term);
  object["appropriations"] = sortedArray(
      document.appropriations,
      [](const domain::Appropriation& entry) { return std::tie(entry.year, entry.unit); },
      writeAppropriation);
  return object;
}

OrderedJson writeTarget(const domain::IndicatorTarget& target) {
  OrderedJson object;
  object["year"] = target.year;
  object["unit"] = target.unit;
  object["value"] = target.value;
  return object;
}

OrderedJson writeIndicator(const domain::Indicator& indicator) {
  OrderedJson object;
  object["code"] = indicator.code;
  object["name"] = indicator.name;
  object["description"] = indicator.description;
  object["unit_of_measure"] = indicator.unit_of_measure;
  object["direction"] = domain::toString(indicator.direction);
  object["aggregation"] = domain::toString(indicator.aggregation);
  object["targets"] = sortedArray(
      indicator.targets,
      [](const domain::IndicatorTarget& entry) { return std::tie(entry.year, entry.unit); },
      writeTarget);
  return object;
}

OrderedJson writeIndicatorLink(const domain::IndicatorLink& link) {
  OrderedJson object;
  object["indicator"] = link.indicator;
  object["year"] = link.year;
  object["target"] = optionalJson(link.target);
  return object;
}

OrderedJson writeFollowUp(const domain::FollowUp& follow_up) {
  OrderedJson object;
  object["indicators"] = sortedArray(
      follow_up.indicators,
      [](const domain::IndicatorLink& entry) { return std::tie(entry.indicator, entry.year); },
      writeIndicatorLink);
  object["deliverable"] = follow_up.deliverable;
  object["deliverable_due"] = dateJson(follow_up.deliverable_due);
  // The issuer lists the follow-ups in the order they come; that order is kept.
  object["assessed_at"] = follow_up.assessed_at;
  return object;
}

OrderedJson writeItem(const domain::Item& item) {
  OrderedJson object;
  object["code"] = item.code;
  object["kind"] = domain::toString(item.kind);
  object["document"] = item.document;
  object["issuer"] = item.issuer;
  object["recipient_unit"] = item.recipient_unit;
  object["recipient_person"] = item.recipient_person;
  object["origin"] = item.origin;
  object["origin_document"] = item.origin_document;
  object["title"] = item.title;
  object["description"] = item.description;
  object["due"] = dateJson(item.due);
  object["follow_up"] = writeFollowUp(item.follow_up);
  object["plan"] = item.plan;
  object["status"] = domain::toString(item.status);
  object["issued_on"] = dateJson(item.issued_on);
  object["acknowledged_on"] = dateJson(item.acknowledged_on);
  object["closed_on"] = dateJson(item.closed_on);
  object["closing_note"] = item.closing_note;
  return object;
}

OrderedJson writeIndicatorValue(const domain::IndicatorValue& value) {
  OrderedJson object;
  object["indicator"] = value.indicator;
  object["unit"] = value.unit;
  object["period_end"] = dateJson(value.period_end);
  object["value"] = value.value;
  object["numerator"] = optionalJson(value.numerator);
  object["denominator"] = optionalJson(value.denominator);
  object["weight"] = optionalJson(value.weight);
  return object;
}

OrderedJson writeLevelDeadline(const domain::LevelDeadline& deadline) {
  OrderedJson object;
  object["level"] = domain::toString(deadline.level);
  object["deadline"] = dateJson(deadline.deadline);
  return object;
}

//! Sort key putting the lowest level first: the names are declared from the council down.
int lowestLevelFirst(domain::FollowUpLevel level) {
  return -static_cast<int>(level);
}

OrderedJson writeOccasion(const domain::FollowUpOccasion& occasion) {
  OrderedJson object;
  object["code"] = occasion.code;
  object["year"] = occasion.year;
  object["name"] = occasion.name;
  object["kind"] = domain::toString(occasion.kind);
  object["level"] = domain::toString(occasion.level);
  object["body"] = occasion.body;
  object["period_end"] = dateJson(occasion.period_end);
  object["meeting"] = dateJson(occasion.meeting);
  object["topics"] = sortedArray(
      occasion.topics, [](domain::Topic topic) { return domain::toString(topic); },
      [](domain::Topic topic) { return OrderedJson(domain::toString(topic)); });
  object["deadlines"] = sortedArray(
      occasion.deadlines,
      [](const domain::LevelDeadline& entry) { return lowestLevelFirst(entry.level); },
      writeLevelDeadline);
  object["status"] = domain::toString(occasion.status);
  return object;
}

OrderedJson writeAction(const domain::CorrectiveAction& action) {
  OrderedJson object;
  object["description"] = action.description;
  object["owner"] = action.owner;
  object["due"] = dateJson(action.due);
  object["status"] = domain::toString(action.status);
  return object;
}

template <typename Enum>
OrderedJson enumJson(const std::optional<Enum>& value) {
  return value ? OrderedJson(domain::toString(*value)) : OrderedJson(nullptr);
}

OrderedJson writeAssessment(const domain::ItemAssessment& assessment) {
  OrderedJson object;
  object["item"] = assessment.item;
  object["assessment"] = enumJson(assessment.assessment);
  object["trend"] = enumJson(assessment.trend);
  object["analysis"] = assessment.analysis;
  // Actions have no key of their own; the writer's order is the one to keep.
  OrderedJson actions = OrderedJson::array();
  for (const domain::CorrectiveAction& action : assessment.actions) {
    actions.push_back(writeAction(action));
  }
  object["actions"] = std::move(actions);
  return object;
}

OrderedJson writeTopicText(const domain::TopicText& topic) {
  OrderedJson object;
  object["topic"] = domain::toString(topic.topic);
  object["text"] = topic.text;
  return object;
}

auto indicatorValueKey(const domain::IndicatorValue& value) {
  return std::tie(value.indicator, value.unit, value.period_end);
}

OrderedJson writeReportBack(const domain::ReportBack& report_back) {
  OrderedJson object;
  object["occasion"] = report_back.occasion;
  object["recipient_unit"] = report_back.recipient_unit;
  object["recipient_person"] = report_back.recipient_person;
  object["version"] = report_back.version;
  object["status"] = domain::toString(report_back.status);
  object["assessments"] = sortedArray(
      report_back.assessments,
      [](const domain::ItemAssessment& entry) { return std::tie(entry.item); }, writeAssessment);
  object["topics"] = sortedArray(
      report_back.topics,
      [](const domain::TopicText& entry) { return domain::toString(entry.topic); }, writeTopicText);
  object["indicator_values"] =
      sortedArray(report_back.indicator_values, indicatorValueKey, writeIndicatorValue);
  object["written_by"] = report_back.written_by;
  object["updated_at"] = report_back.updated_at;
  object["submitted_by"] = report_back.submitted_by;
  object["submitted_at"] = report_back.submitted_at;
  object["decided_by"] = report_back.decided_by;
  object["decided_at"] = report_back.decided_at;
  object["return_reason"] = report_back.return_reason;
  return object;
}

// ---- Reading -------------------------------------------------------------------------------

using Problems = std::vector<Problem>;

domain::Organisation readOrganisation(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems, {"code", "name", "kind"});
  domain::Organisation organisation;
  organisation.code = in.requiredString("code");
  organisation.name = in.requiredString("name");
  organisation.kind = in.requiredEnum<domain::OrganisationKind>("kind");
  return organisation;
}

domain::Term readTerm(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems, {"first_year"});
  domain::Term term;
  term.first_year = in.requiredInt("first_year");
  return term;
}

domain::FiscalYear readYear(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems, {"year", "status"});
  domain::FiscalYear year;
  year.year = in.requiredInt("year");
  year.status = in.requiredEnum<domain::YearStatus>("status");
  return year;
}

domain::Unit readUnit(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems,
                      {"code", "name", "kind", "parent", "valid_from", "valid_to"});
  domain::Unit unit;
  unit.code = in.requiredString("code");
  unit.name = in.requiredString("name");
  unit.kind = in.requiredEnum<domain::UnitKind>("kind");
  unit.parent = in.optionalString("parent");
  unit.valid_from = in.requiredDate("valid_from");
  unit.valid_to = in.optionalDate("valid_to");
  return unit;
}

domain::Person readPerson(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems,
                      {"code", "given_name", "family_name", "email"});
  domain::Person person;
  person.code = in.requiredString("code");
  person.given_name = in.requiredString("given_name");
  person.family_name = in.requiredString("family_name");
  person.email = in.optionalString("email");
  return person;
}

domain::Membership readMembership(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems,
                      {"person", "unit", "role", "valid_from", "valid_to"});
  domain::Membership membership;
  membership.person = in.requiredString("person");
  membership.unit = in.requiredString("unit");
  membership.role = in.requiredEnum<domain::Role>("role");
  membership.valid_from = in.requiredDate("valid_from");
  membership.valid_to = in.optionalDate("valid_to");
  return membership;
}

domain::Decision readDecision(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems, {"date", "minute_paragraph", "case_number"});
  domain::Decision decision;
  decision.date = in.requiredDate("date");
  decision.minute_paragraph = in.optionalString("minute_paragraph");
  decision.case_number = in.optionalString("case_number");
  return decision;
}

domain::Appropriation readAppropriation(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems, {"unit", "year", "amount_sek"});
  domain::Appropriation appropriation;
  appropriation.unit = in.requiredString("unit");
  appropriation.year = in.requiredInt("year");
  appropriation.amount_sek = in.requiredInt64("amount_sek");
  return appropriation;
}

domain::SteeringDocument readDocument(const json& node, const std::string& path,
                                      Problems& problems) {
  JsonObjectReader in(node, path, problems,
                      {"code", "version", "kind", "title", "summary", "deciding_body", "status",
                       "decision", "valid_from", "valid_to", "year", "term", "appropriations"});
  domain::SteeringDocument document;
  document.code = in.requiredString("code");
  document.version = in.requiredInt("version");
  document.kind = in.requiredEnum<domain::DocumentKind>("kind");
  document.title = in.requiredString("title");
  document.summary = in.optionalString("summary");
  document.deciding_body = in.optionalString("deciding_body");
  document.status = in.requiredEnum<domain::DocumentStatus>("status");
  if (const json* decision = in.optionalValue("decision")) {
    document.decision = readDecision(*decision, appendKey(path, "decision"), problems);
  }
  document.valid_from = in.requiredDate("valid_from");
  document.valid_to = in.optionalDate("valid_to");
  document.year = in.optionalInt("year");
  document.term = in.optionalInt("term");
  in.forEachElement("appropriations", [&](const json& element, std::string element_path) {
    document.appropriations.push_back(
        readAppropriation(element, std::move(element_path), problems));
  });
  return document;
}

domain::IndicatorTarget readTarget(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems, {"year", "unit", "value"});
  domain::IndicatorTarget target;
  target.year = in.requiredInt("year");
  target.unit = in.optionalString("unit");
  target.value = in.requiredNumber("value");
  return target;
}

domain::Indicator readIndicator(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(
      node, std::move(path), problems,
      {"code", "name", "description", "unit_of_measure", "direction", "aggregation", "targets"});
  domain::Indicator indicator;
  indicator.code = in.requiredString("code");
  indicator.name = in.requiredString("name");
  indicator.description = in.optionalString("description");
  indicator.unit_of_measure = in.optionalString("unit_of_measure");
  indicator.direction = in.requiredEnum<domain::Direction>("direction");
  indicator.aggregation = in.requiredEnum<domain::Aggregation>("aggregation");
  in.forEachElement("targets", [&](const json& element, std::string element_path) {
    indicator.targets.push_back(readTarget(element, std::move(element_path), problems));
  });
  return indicator;
}

domain::IndicatorLink readIndicatorLink(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems, {"indicator", "year", "target"});
  domain::IndicatorLink link;
  link.indicator = in.requiredString("indicator");
  link.year = in.requiredInt("year");
  link.target = in.optionalNumber("target");
  return link;
}

domain::FollowUp readFollowUp(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems,
                      {"indicators", "deliverable", "deliverable_due", "assessed_at"});
  domain::FollowUp follow_up;
  in.forEachElement("indicators", [&](const json& element, std::string element_path) {
    follow_up.indicators.push_back(readIndicatorLink(element, std::move(element_path), problems));
  });
  follow_up.deliverable = in.optionalString("deliverable");
  follow_up.deliverable_due = in.optionalDate("deliverable_due");
  in.forEachElement("assessed_at", [&](const json& element, std::string element_path) {
    if (element.is_string()) {
      follow_up.assessed_at.push_back(element.get<std::string>());
    } else {
      problems.push_back({std::move(element_path), expectedMessage("a string", element)});
    }
  });
  return follow_up;
}

domain::Item readItem(const json& node, const std::string& path, Problems& problems) {
  JsonObjectReader in(
      node, path, problems,
      {"code", "kind", "document", "issuer", "recipient_unit", "recipient_person", "origin",
       "origin_document", "title", "description", "due", "follow_up", "plan", "status", "issued_on",
       "acknowledged_on", "closed_on", "closing_note"});
  domain::Item item;
  item.code = in.requiredString("code");
  item.kind = in.requiredEnum<domain::ItemKind>("kind");
  item.document = in.optionalString("document");
  item.issuer = in.optionalString("issuer");
  item.recipient_unit = in.optionalString("recipient_unit");
  item.recipient_person = in.optionalString("recipient_person");
  item.origin = in.optionalString("origin");
  item.origin_document = in.optionalString("origin_document");
  item.title = in.requiredString("title");
  item.description = in.optionalString("description");
  item.due = in.optionalDate("due");
  if (const json* follow_up = in.optionalValue("follow_up")) {
    item.follow_up = readFollowUp(*follow_up, appendKey(path, "follow_up"), problems);
  }
  item.plan = in.optionalString("plan");
  item.status = in.requiredEnum<domain::ItemStatus>("status");
  item.issued_on = in.optionalDate("issued_on");
  item.acknowledged_on = in.optionalDate("acknowledged_on");
  item.closed_on = in.optionalDate("closed_on");
  item.closing_note = in.optionalString("closing_note");
  return item;
}

domain::IndicatorValue readIndicatorValue(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(
      node, std::move(path), problems,
      {"indicator", "unit", "period_end", "value", "numerator", "denominator", "weight"});
  domain::IndicatorValue value;
  value.indicator = in.requiredString("indicator");
  value.unit = in.requiredString("unit");
  value.period_end = in.requiredDate("period_end");
  value.value = in.requiredNumber("value");
  value.numerator = in.optionalNumber("numerator");
  value.denominator = in.optionalNumber("denominator");
  value.weight = in.optionalNumber("weight");
  return value;
}

//! One element of a list of names, such as an occasion's topics.
template <typename Enum>
std::optional<Enum> readEnumElement(const json& element, std::string path, Problems& problems) {
  if (!element.is_string()) {
    problems.push_back({std::move(path), expectedMessage("a string", element)});
    return std::nullopt;
  }
  const auto& text = element.get_ref<const std::string&>();
  auto value = domain::parseEnum<Enum>(text);
  if (!value) problems.push_back({std::move(path), unknownEnumMessage<Enum>(text)});
  return value;
}

domain::LevelDeadline readLevelDeadline(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems, {"level", "deadline"});
  domain::LevelDeadline deadline;
  deadline.level = in.requiredEnum<domain::FollowUpLevel>("level");
  deadline.deadline = in.requiredDate("deadline");
  return deadline;
}

domain::FollowUpOccasion readOccasion(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems,
                      {"code", "year", "name", "kind", "level", "body", "period_end", "meeting",
                       "topics", "deadlines", "status"});
  domain::FollowUpOccasion occasion;
  occasion.code = in.requiredString("code");
  occasion.year = in.requiredInt("year");
  occasion.name = in.requiredString("name");
  occasion.kind = in.requiredEnum<domain::OccasionKind>("kind");
  occasion.level = in.requiredEnum<domain::FollowUpLevel>("level");
  occasion.body = in.requiredString("body");
  occasion.period_end = in.requiredDate("period_end");
  occasion.meeting = in.requiredDate("meeting");
  in.forEachElement("topics", [&](const json& element, std::string element_path) {
    if (auto topic = readEnumElement<domain::Topic>(element, std::move(element_path), problems)) {
      occasion.topics.push_back(*topic);
    }
  });
  in.forEachElement("deadlines", [&](const json& element, std::string element_path) {
    occasion.deadlines.push_back(readLevelDeadline(element, std::move(element_path), problems));
  });
  occasion.status = in.requiredEnum<domain::OccasionStatus>("status");
  return occasion;
}

domain::CorrectiveAction readAction(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems, {"description", "owner", "due", "status"});
  domain::CorrectiveAction action;
  action.description = in.optionalString("description");
  action.owner = in.optionalString("owner");
  action.due = in.requiredDate("due");
  action.status = in.requiredEnum<domain::ActionStatus>("status");
  return action;
}

domain::ItemAssessment readAssessment(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems,
                      {"item", "assessment", "trend", "analysis", "actions"});
  domain::ItemAssessment assessment;
  assessment.item = in.requiredString("item");
  assessment.assessment = in.optionalEnum<domain::Assessment>("assessment");
  assessment.trend = in.optionalEnum<domain::Trend>("trend");
  assessment.analysis = in.optionalString("analysis");
  in.forEachElement("actions", [&](const json& element, std::string element_path) {
    assessment.actions.push_back(readAction(element, std::move(element_path), problems));
  });
  return assessment;
}

domain::TopicText readTopicText(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(node, std::move(path), problems, {"topic", "text"});
  domain::TopicText topic;
  topic.topic = in.requiredEnum<domain::Topic>("topic");
  topic.text = in.optionalString("text");
  return topic;
}

//! The parts of a report-back its writer edits, read from `in` into `report_back`.
void readContentFields(JsonObjectReader& in, domain::ReportBack& report_back, Problems& problems) {
  in.forEachElement("assessments", [&](const json& element, std::string element_path) {
    report_back.assessments.push_back(readAssessment(element, std::move(element_path), problems));
  });
  in.forEachElement("topics", [&](const json& element, std::string element_path) {
    report_back.topics.push_back(readTopicText(element, std::move(element_path), problems));
  });
  in.forEachElement("indicator_values", [&](const json& element, std::string element_path) {
    report_back.indicator_values.push_back(
        readIndicatorValue(element, std::move(element_path), problems));
  });
}

domain::ReportBack readReportBack(const json& node, std::string path, Problems& problems) {
  JsonObjectReader in(
      node, std::move(path), problems,
      {"occasion", "recipient_unit", "recipient_person", "version", "status", "assessments",
       "topics", "indicator_values", "written_by", "updated_at", "submitted_by", "submitted_at",
       "decided_by", "decided_at", "return_reason"});
  domain::ReportBack report_back;
  report_back.occasion = in.requiredString("occasion");
  report_back.recipient_unit = in.optionalString("recipient_unit");
  report_back.recipient_person = in.optionalString("recipient_person");
  report_back.version = in.requiredInt("version");
  report_back.status = in.requiredEnum<domain::ReportBackStatus>("status");
  readContentFields(in, report_back, problems);
  report_back.written_by = in.optionalString("written_by");
  report_back.updated_at = in.optionalString("updated_at");
  report_back.submitted_by = in.optionalString("submitted_by");
  report_back.submitted_at = in.optionalString("submitted_at");
  report_back.decided_by = in.optionalString("decided_by");
  report_back.decided_at = in.optionalString("decided_at");
  report_back.return_reason = in.optionalString("return_reason");
  return report_back;
}

//! Checks "format" and "format_version". False when the document declares itself as
//! something else: its fields cannot then be read by this format's rules. A missing
//! declaration is only reported, since the rest is most likely ours.
bool readFormat(JsonObjectReader& top) {
  bool ours = true;
  const json* format = top.optionalValue("format");
  if (format == nullptr || !format->is_string()) {
    top.requiredString("format");
  } else if (format->get_ref<const std::string&>() != kOrganisationFormat) {
    top.report("format", "unknown format " + inQuotes(format->get_ref<const std::string&>()) +
                             "; expected " + inQuotes(kOrganisationFormat));
    ours = false;
  }
  const json* version = top.optionalValue("format_version");
  if (version == nullptr || !version->is_number_integer()) {
    top.requiredInt("format_version");
  } else if (*version != kOrganisationFormatVersion) {
    top.report("format_version", "unsupported version " + version->dump() +
                                     "; this version of Styr reads version " +
                                     std::to_string(kOrganisationFormatVersion));
    ours = false;
  }
  return ours;
}

//! Appends each element of the array `field` of `top`, read by `read`, to `records`.
template <typename Record, typename Read>
void readArray(JsonObjectReader& top, std::string_view field, std::vector<Record>& records,
               Problems& problems, Read read) {
  top.forEachElement(field, [&](const json& element, std::string path) {
    records.push_back(read(element, std::move(path), problems));
  });
}

}  // namespace

std::string organisationToJson(const domain::OrganisationData& data) {
  OrderedJson document;
  document["format"] = kOrganisationFormat;
  document["format_version"] = kOrganisationFormatVersion;
  document["organisation"] = writeOrganisation(data.organisation);
  document["terms"] = sortedArray(
      data.terms, [](const domain::Term& term) { return term.first_year; }, writeTerm);
  document["years"] = sortedArray(
      data.years, [](const domain::FiscalYear& year) { return year.year; }, writeYear);
  document["units"] = sortedArray(
      data.units, [](const domain::Unit& unit) { return std::tie(unit.code); }, writeUnit);
  document["people"] = sortedArray(
      data.people, [](const domain::Person& person) { return std::tie(person.code); }, writePerson);
  document["memberships"] = sortedArray(
      data.memberships,
      [](const domain::Membership& membership) {
        return std::make_tuple(std::string_view(membership.person),
                               std::string_view(membership.unit), domain::toString(membership.role),
                               membership.valid_from);
      },
      writeMembership);
  document["documents"] = sortedArray(
      data.documents,
      [](const domain::SteeringDocument& entry) { return std::tie(entry.code, entry.version); },
      writeDocument);
  document["indicators"] = sortedArray(
      data.indicators, [](const domain::Indicator& indicator) { return std::tie(indicator.code); },
      writeIndicator);
  document["items"] = sortedArray(
      data.items, [](const domain::Item& item) { return std::tie(item.code); }, writeItem);
  document["indicator_values"] = sortedArray(
      data.indicator_values,
      [](const domain::IndicatorValue& value) {
        return std::tie(value.indicator, value.unit, value.period_end);
      },
      writeIndicatorValue);
  document["occasions"] = sortedArray(
      data.occasions,
      [](const domain::FollowUpOccasion& occasion) { return std::tie(occasion.code); },
      writeOccasion);
  document["report_backs"] = sortedArray(
      data.report_backs,
      [](const domain::ReportBack& entry) {
        return std::tie(entry.occasion, entry.recipient_unit, entry.recipient_person,
                        entry.version);
      },
      writeReportBack);
  std::string text = dumpText(document, 2);
  text += '\n';
  return text;
}

ParseResult<domain::OrganisationData> organisationFromJson(std::string_view text) {
  ParseResult<domain::OrganisationData> result;
  Problems& problems = result.problems;
  const auto root = parseJsonText(text, problems);
  if (!root) return result;
  JsonObjectReader top(*root, "$", problems,
                       {"format", "format_version", "organisation", "terms", "years", "units",
                        "people", "memberships", "documents", "indicators", "items",
                        "indicator_values", "occasions", "report_backs"});
  if (!readFormat(top)) return result;

  domain::OrganisationData data;
  if (const json* organisation = top.requiredValue("organisation")) {
    data.organisation = readOrganisation(*organisation, "$.organisation", problems);
  }
  readArray(top, "terms", data.terms, problems, readTerm);
  readArray(top, "years", data.years, problems, readYear);
  readArray(top, "units", data.units, problems, readUnit);
  readArray(top, "people", data.people, problems, readPerson);
  readArray(top, "memberships", data.memberships, problems, readMembership);
  readArray(top, "documents", data.documents, problems, readDocument);
  readArray(top, "indicators", data.indicators, problems, readIndicator);
  readArray(top, "items", data.items, problems, readItem);
  readArray(top, "indicator_values", data.indicator_values, problems, readIndicatorValue);
  readArray(top, "occasions", data.occasions, problems, readOccasion);
  readArray(top, "report_backs", data.report_backs, problems, readReportBack);
  if (problems.empty()) result.value = std::move(data);
  return result;
}

std::string recordJson(const domain::Organisation& organisation) {
  return dumpText(writeOrganisation(organisation), -1);
}

std::string recordJson(const domain::Term& term) {
  return dumpText(writeTerm(term), -1);
}

std::string recordJson(const domain::FiscalYear& year) {
  return dumpText(writeYear(year), -1);
}

std::string recordJson(const domain::Unit& unit) {
  return dumpText(writeUnit(unit), -1);
}

std::string recordJson(const domain::Person& person) {
  return dumpText(writePerson(person), -1);
}

std::string recordJson(const domain::Membership& membership) {
  return dumpText(writeMembership(membership), -1);
}

std::string recordJson(const domain::SteeringDocument& document) {
  return dumpText(writeDocument(document), -1);
}

std::string recordJson(const domain::Indicator& indicator) {
  return dumpText(writeIndicator(indicator), -1);
}

std::string recordJson(const domain::Item& item) {
  return dumpText(writeItem(item), -1);
}

std::string recordJson(const domain::IndicatorValue& value) {
  return dumpText(writeIndicatorValue(value), -1);
}

std::string recordJson(const domain::FollowUpOccasion& occasion) {
  return dumpText(writeOccasion(occasion), -1);
}

std::string recordJson(const domain::ReportBack& report_back) {
  return dumpText(writeReportBack(report_back), -1);
}

}  // namespace styr::interchange

namespace styr::interchange {

nlohmann::ordered_json recordObject(const domain::Unit& unit) {
  return writeUnit(unit);
}
nlohmann::ordered_json recordObject(const domain::Person& person) {
  return writePerson(person);
}
nlohmann::ordered_json recordObject(const domain::Membership& membership) {
  return writeMembership(membership);
}
nlohmann::ordered_json recordObject(const domain::SteeringDocument& document) {
  return writeDocument(document);
}
nlohmann::ordered_json recordObject(const domain::Indicator& indicator) {
  return writeIndicator(indicator);
}
nlohmann::ordered_json recordObject(const domain::Item& item) {
  return writeItem(item);
}
nlohmann::ordered_json recordObject(const domain::IndicatorValue& value) {
  return writeIndicatorValue(value);
}
nlohmann::ordered_json recordObject(const domain::FollowUpOccasion& occasion) {
  return writeOccasion(occasion);
}
nlohmann::ordered_json recordObject(const domain::ReportBack& report_back) {
  return writeReportBack(report_back);
}

domain::FollowUp readFollowUpObject(const nlohmann::json& node, std::string path,
                                    std::vector<Problem>& problems) {
  return readFollowUp(node, std::move(path), problems);
}
domain::Decision readDecisionObject(const nlohmann::json& node, std::string path,
                                    std::vector<Problem>& problems) {
  return readDecision(node, std::move(path), problems);
}
domain::Appropriation readAppropriationObject(const nlohmann::json& node, std::string path,
                                              std::vector<Problem>& problems) {
  return readAppropriation(node, std::move(path), problems);
}
domain::Person readPersonObject(const nlohmann::json& node, std::string path,
                                std::vector<Problem>& problems) {
  return readPerson(node, std::move(path), problems);
}
domain::Membership readMembershipObject(const nlohmann::json& node, std::string path,
                                        std::vector<Problem>& problems) {
  return readMembership(node, std::move(path), problems);
}
domain::IndicatorValue readIndicatorValueObject(const nlohmann::json& node, std::string path,
                                                std::vector<Problem>& problems) {
  return readIndicatorValue(node, std::move(path), problems);
}

domain::FollowUpOccasion readOccasionObject(const nlohmann::json& node, std::string path,
                                            std::vector<Problem>& problems) {
  return readOccasion(node, std::move(path), problems);
}
domain::ReportBack readReportBackContent(const nlohmann::json& node, std::string path,
                                         std::vector<Problem>& problems) {
  JsonObjectReader in(node, std::move(path), problems,
                      {"assessments", "topics", "indicator_values"});
  domain::ReportBack report_back;
  readContentFields(in, report_back, problems);
  return report_back;
}

}  // namespace styr::interchange
