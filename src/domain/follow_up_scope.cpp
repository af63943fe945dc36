#include "domain/follow_up_scope.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <utility>

namespace styr::domain {

namespace {

bool isLive(ItemStatus status) {
  return status == ItemStatus::issued || status == ItemStatus::acknowledged ||
         status == ItemStatus::completed;
}

Date firstDayOf(int year) {
  return Date{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}};
}

bool issuedBy(const Item& item, const Date& day) {
  return item.issued_on && *item.issued_on <= day;
}

bool closedBefore(const Item& item, const Date& day) {
  return item.closed_on && *item.closed_on < day;
}

bool fallsInPeriod(const Item& item, const FollowUpOccasion& occasion) {
  return issuedBy(item, occasion.period_end) && !closedBefore(item, firstDayOf(occasion.year));
}

// finances, staff and internal_control are answered as topic texts, never per item.
bool kindBelongsToTopic(ItemKind kind, Topic topic) {
  switch (topic) {
    case Topic::quality_goals:
      return kind == ItemKind::goal || kind == ItemKind::direction ||
             kind == ItemKind::quality_requirement;
    case Topic::operations:
      return kind == ItemKind::assignment || kind == ItemKind::activity;
    case Topic::finances:
    case Topic::staff:
    case Topic::internal_control:
      return false;
  }
  return false;
}

bool kindMatchesTopics(ItemKind kind, const std::vector<Topic>& topics) {
  return std::any_of(topics.begin(), topics.end(),
                     [kind](Topic topic) { return kindBelongsToTopic(kind, topic); });
}

bool namesOccasion(const Item& item, const FollowUpOccasion& occasion) {
  const auto& named = item.follow_up.assessed_at;
  return !occasion.name.empty() &&
         std::find(named.begin(), named.end(), occasion.name) != named.end();
}

bool isInScopeByName(const Item& item, const FollowUpOccasion& occasion) {
  return isLive(item.status) && fallsInPeriod(item, occasion) && namesOccasion(item, occasion);
}

std::optional<Date> deadlineOfLevel(const FollowUpOccasion& occasion, FollowUpLevel level) {
  for (const LevelDeadline& deadline : occasion.deadlines) {
    if (deadline.level == level) return deadline.deadline;
  }
  return std::nullopt;
}

bool levelSupplies(const FollowUpOccasion& occasion, FollowUpLevel level) {
  return deadlineOfLevel(occasion, level).has_value();
}

bool isAddressedTo(const Item& item, const Recipient& recipient) {
  if (recipient.isPerson()) return item.recipient_person == recipient.person;
  return item.recipient_person.empty() && item.recipient_unit == recipient.unit;
}

bool isWellFormed(const Recipient& recipient) {
  return recipient.unit.empty() != recipient.person.empty();
}

bool isBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

// "quality goals", "a goal", "an activity": glossary names as they read in a sentence.
std::string words(std::string_view name) {
  std::string text(name);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

std::string withArticle(std::string_view name) {
  std::string text = words(name);
  bool vowel =
      !text.empty() && std::string_view("aeiou").find(text.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + text;
}

std::string listOf(const std::vector<Topic>& topics) {
  std::string text;
  for (std::size_t i = 0; i < topics.size(); ++i) {
    if (i > 0) text += i + 1 == topics.size() ? " and " : ", ";
    text += words(toString(topics[i]));
  }
  return text.empty() ? "no topics" : text;
}

std::string suppliedLevels(const FollowUpOccasion& occasion) {
  std::string text;
  for (const LevelDeadline& deadline : occasion.deadlines) {
    if (!text.empty()) text += ", ";
    text += words(toString(deadline.level));
  }
  return text.empty() ? "none" : text;
}

// Why an item is not followed up at the occasion, in the order isItemInScope decides it;
// nullopt when it is.
std::optional<std::string> whyItemNotInScope(const Item& item, const FollowUpOccasion& occasion) {
  if (!isLive(item.status)) {
    return fmt::format("it is {}",
                       item.status == ItemStatus::draft ? "still a draft" : "cancelled");
  }
  if (!item.issued_on) return std::string("it has no issue date");
  if (*item.issued_on > occasion.period_end) {
    return fmt::format("it was issued on {}, after the period's end {}",
                       formatDate(*item.issued_on), formatDate(occasion.period_end));
  }
  if (closedBefore(item, firstDayOf(occasion.year))) {
    return fmt::format("it was closed on {}, before {} began", formatDate(*item.closed_on),
                       occasion.year);
  }
  if (!kindMatchesTopics(item.kind, occasion.topics) && !namesOccasion(item, occasion)) {
    return fmt::format(
        "the occasion takes up {}, which asks for no assessment of {}, and its follow-up does "
        "not name \"{}\"",
        listOf(occasion.topics), withArticle(toString(item.kind)), occasion.name);
  }
  return std::nullopt;
}

// Why the recipient does not report to the occasion; nullopt when it does.
std::optional<std::string> whyNotInScope(const FollowUpOccasion& occasion,
                                         const Recipient& recipient, const ChainIndex& index) {
  if (!isWellFormed(recipient)) {
    return std::string("a report-back has exactly one recipient: a unit or a person");
  }
  if (!recipient.isPerson()) {
    const Unit* unit = index.unit(recipient.unit);
    if (unit == nullptr)
      return fmt::format("there is no unit {} in the organisation", recipient.unit);
    auto level = followUpLevelOf(unit->kind);
    if (!level) {
      return fmt::format("unit {} is {}, which takes part in follow-up only through its owner",
                         unit->code, withArticle(toString(unit->kind)));
    }
    if (!levelSupplies(occasion, *level)) {
      return fmt::format(
          "unit {} reports at the {} level, which supplies no input to occasion {} (levels "
          "that do: {})",
          unit->code, words(toString(*level)), occasion.code, suppliedLevels(occasion));
    }
    if (!isValidOn(unit->valid_from, unit->valid_to, occasion.period_end)) {
      return fmt::format("unit {} is not valid on the period's end {}", unit->code,
                         formatDate(occasion.period_end));
    }
    return std::nullopt;
  }
  if (index.person(recipient.person) == nullptr) {
    return fmt::format("there is no person {} in the organisation", recipient.person);
  }
  if (!levelSupplies(occasion, FollowUpLevel::unit)) {
    return fmt::format(
        "people report at the unit level, which supplies no input to occasion {} (levels that "
        "do: {})",
        occasion.code, suppliedLevels(occasion));
  }
  const auto& items = index.data().items;
  bool named = std::any_of(items.begin(), items.end(), [&](const Item& item) {
    return isAddressedTo(item, recipient) && isInScopeByName(item, occasion);
  });
  if (!named) {
    return fmt::format(
        "person {} reports to occasion {} only on items that name \"{}\" among their "
        "follow-ups, and none of the items in scope addressed to them does",
        recipient.person, occasion.code, occasion.name);
  }
  return std::nullopt;
}

// Picks the unit that issued a person's items: a live item's issuer before a draft's or a
// cancelled one's, a unit the person belongs to before another, then the lowest code, so
// that the answer does not depend on the order of the data.
class IssuerChoice {
 public:
  IssuerChoice(std::string_view person, const ChainIndex& index) : person_(person), index_(index) {}

  void consider(const Item& item) {
    if (item.issuer.empty()) return;
    Rank rank{isLive(item.status) ? 0 : 1, isMemberOfIssuer(item.issuer) ? 0 : 1, item.issuer};
    if (!found_ || rank < best_) {
      best_ = rank;
      found_ = true;
    }
  }

  [[nodiscard]] std::string chosen() const {
    return found_ ? std::string(std::get<2>(best_)) : std::string{};
  }

 private:
  using Rank = std::tuple<int, int, std::string_view>;

  [[nodiscard]] bool isMemberOfIssuer(std::string_view unit) const {
    for (const Membership* membership : index_.membershipsOf(unit)) {
      if (membership->person == person_) return true;
    }
    return false;
  }

  std::string_view person_;
  const ChainIndex& index_;
  // A flag and a value rather than std::optional<Rank>: GCC 12 at -O3 takes the optional's
  // tuple for maybe-uninitialized.
  bool found_ = false;
  Rank best_{1, 1, {}};
};

std::string at(std::string_view collection, std::size_t index, std::string_view field) {
  return fmt::format("{}[{}].{}", collection, index, field);
}

std::string itemLabel(std::string_view code, const ChainIndex& index) {
  const Item* item = index.item(code);
  if (item == nullptr || item->title.empty()) return fmt::format("item {}", code);
  return fmt::format("item {} \"{}\"", code, item->title);
}

// Walks a report-back once; each check appends what it finds and goes on, so a unit manager
// sees everything that stands in the way of submitting at once.
class ReportBackChecker {
 public:
  ReportBackChecker(const ReportBack& report, const FollowUpOccasion& occasion,
                    const ChainIndex& index, bool submitting)
      : report_(report),
        occasion_(occasion),
        index_(index),
        submitting_(submitting),
        recipient_(recipientOf(report)),
        record_(fmt::format("report-back to {} by {}, version {}", report.occasion,
                            describe(recipient_), report.version)) {}

  std::vector<Violation> run() {
    checkIdentity();
    checkAssessments();
    checkTopics();
    checkIndicatorValues();
    return std::move(violations_);
  }

 private:
  void add(std::string rule, std::string path, std::string message) {
    violations_.push_back({std::move(rule), std::move(path), record_, std::move(message)});
  }
  void integrity(std::string path, std::string message) {
    add("integrity", std::move(path), std::move(message));
  }
  void required(std::string path, std::string message) {
    add("L13", std::move(path), std::move(message));
  }

  void checkIdentity() {
    if (report_.occasion != occasion_.code) {
      integrity("occasion", fmt::format("the report-back is written for occasion {}, not for {}",
                                        report_.occasion, occasion_.code));
    }
    if (report_.version < 1) {
      integrity("version",
                fmt::format("version {} is not a version: versions start at 1", report_.version));
    }
    if (auto reason = whyNotInScope(occasion_, recipient_, index_)) {
      integrity(recipient_.isPerson() ? "recipient_person" : "recipient_unit", *reason);
      return;
    }
    in_scope_ = true;
    items_ = itemsInScope(occasion_, recipient_, index_);
    for (const Item* item : items_) item_codes_.emplace(item->code, item);
  }

  void checkAssessments() {
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < report_.assessments.size(); ++i) {
      const ItemAssessment& assessment = report_.assessments[i];
      checkItemOf(i, assessment, seen);
      for (std::size_t j = 0; j < assessment.actions.size(); ++j) {
        const std::string& owner = assessment.actions[j].owner;
        if (!owner.empty() && index_.person(owner) == nullptr) {
          integrity(actionPath(i, j, "owner"),
                    fmt::format("corrective action {} on {} names owner {}, who is not a person "
                                "of the organisation",
                                j + 1, itemLabel(assessment.item, index_), owner));
        }
      }
      if (submitting_) checkComplete(i, assessment);
    }
    if (!submitting_ || !in_scope_) return;
    for (const Item* item : items_) {
      if (seen.count(item->code) != 0) continue;
      required("assessments",
               fmt::format("{} is in scope of this occasion but has no assessment: assess it "
                           "and give its trend",
                           itemLabel(item->code, index_)));
    }
  }

  void checkItemOf(std::size_t i, const ItemAssessment& assessment,
                   std::unordered_map<std::string_view, std::size_t>& seen) {
    std::string path = at("assessments", i, "item");
    if (assessment.item.empty()) {
      integrity(path, "the assessment names no item");
      return;
    }
    auto [first, inserted] = seen.emplace(assessment.item, i);
    if (!inserted) {
      integrity(path, fmt::format("{} is assessed twice: also in assessments[{}]",
                                  itemLabel(assessment.item, index_), first->second));
      return;
    }
    if (!in_scope_ || item_codes_.count(assessment.item) != 0) return;
    const Item* item = index_.item(assessment.item);
    if (item == nullptr) {
      integrity(path, fmt::format("there is no item {} in the organisation", assessment.item));
      return;
    }
    Recipient addressed = recipientOf(*item);
    if (addressed != recipient_) {
      integrity(path, fmt::format("{} is addressed to {}, not to {}", itemLabel(item->code, index_),
                                  describe(addressed), describe(recipient_)));
      return;
    }
    integrity(path,
              fmt::format("{} is not followed up at occasion {}: {}", itemLabel(item->code, index_),
                          occasion_.code, whyItemNotInScope(*item, occasion_).value_or("")));
  }

  void checkComplete(std::size_t i, const ItemAssessment& assessment) {
    std::string label = itemLabel(assessment.item, index_);
    if (!assessment.assessment) {
      required(at("assessments", i, "assessment"),
               fmt::format("{} is not assessed: choose fulfilled, partly fulfilled, not "
                           "fulfilled or cannot be assessed",
                           label));
    }
    if (!assessment.trend) {
      required(at("assessments", i, "trend"),
               fmt::format("{} has no trend: say whether it is getting better, is unchanged or "
                           "is getting worse",
                           label));
    }
    std::optional<Assessment> value = assessment.assessment;
    if (value && *value != Assessment::fulfilled && isBlank(assessment.analysis)) {
      required(at("assessments", i, "analysis"),
               *value == Assessment::cannot_be_assessed
                   ? fmt::format("{} cannot be assessed: write why", label)
                   : fmt::format("{} is {}: write an analysis of why, and of what it means", label,
                                 words(toString(*value))));
    }
    bool needs_action = value == Assessment::partly_fulfilled || value == Assessment::not_fulfilled;
    if (needs_action && assessment.actions.empty()) {
      required(at("assessments", i, "actions"),
               fmt::format("{} is {}: add at least one corrective action, with an owner and a "
                           "due date",
                           label, words(toString(*value))));
    }
    for (std::size_t j = 0; j < assessment.actions.size(); ++j) {
      const CorrectiveAction& action = assessment.actions[j];
      if (isBlank(action.description)) {
        required(actionPath(i, j, "description"),
                 fmt::format("corrective action {} on {} has no description: say what will be "
                             "done",
                             j + 1, label));
      }
      if (action.owner.empty()) {
        required(actionPath(i, j, "owner"),
                 fmt::format("corrective action {} on {} has no owner: name the person who "
                             "answers for it",
                             j + 1, label));
      }
      if (!action.due.ok()) {
        required(actionPath(i, j, "due"),
                 fmt::format("corrective action {} on {} has no due date", j + 1, label));
      }
    }
  }

  static std::string actionPath(std::size_t i, std::size_t j, std::string_view field) {
    return fmt::format("assessments[{}].actions[{}].{}", i, j, field);
  }

  void checkTopics() {
    const auto& asked = occasion_.topics;
    std::unordered_map<int, std::size_t> written;
    for (std::size_t k = 0; k < report_.topics.size(); ++k) {
      const TopicText& text = report_.topics[k];
      std::string topic = words(toString(text.topic));
      if (std::find(asked.begin(), asked.end(), text.topic) == asked.end()) {
        integrity(at("topics", k, "topic"),
                  fmt::format("occasion {} does not take up {}: it takes up {}", occasion_.code,
                              topic, listOf(asked)));
        continue;
      }
      auto [first, inserted] = written.emplace(static_cast<int>(text.topic), k);
      if (!inserted) {
        integrity(
            at("topics", k, "topic"),
            fmt::format("there is already a text on {}, in topics[{}]", topic, first->second));
        continue;
      }
      if (submitting_ && isBlank(text.text)) {
        required(at("topics", k, "text"),
                 fmt::format("the text on {} is empty: write how it stands", topic));
      }
    }
    if (!submitting_) return;
    for (Topic topic : asked) {
      if (written.count(static_cast<int>(topic)) != 0) continue;
      required("topics", fmt::format("occasion {} takes up {}: write a text on it", occasion_.code,
                                     words(toString(topic))));
    }
  }

  // The part of the organisation the recipient may report values for: a unit and the units
  // below it; for a person, the unit that issued their items and the units below it. Values
  // for other units would enter their roll-up without their knowing.
  [[nodiscard]] const std::string& reportingUnit() {
    if (!reporting_unit_) {
      reporting_unit_ = recipient_.isPerson() ? approvingUnit(recipient_, index_) : recipient_.unit;
    }
    return *reporting_unit_;
  }

  void checkIndicatorValues() {
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t k = 0; k < report_.indicator_values.size(); ++k) {
      const IndicatorValue& value = report_.indicator_values[k];
      if (index_.indicator(value.indicator) == nullptr) {
        integrity(at("indicator_values", k, "indicator"),
                  fmt::format("there is no indicator {} in the organisation", value.indicator));
      }
      if (value.unit.empty()) {
        integrity(at("indicator_values", k, "unit"), "the value names no unit");
      } else if (index_.unit(value.unit) == nullptr) {
        integrity(at("indicator_values", k, "unit"),
                  fmt::format("there is no unit {} in the organisation", value.unit));
      } else if (in_scope_ && !reportingUnit().empty() && value.unit != reportingUnit() &&
                 !index_.isBelow(value.unit, reportingUnit())) {
        integrity(at("indicator_values", k, "unit"),
                  fmt::format("unit {} is outside what {} reports for: unit {} and the units "
                              "below it",
                              value.unit, describe(recipient_), reportingUnit()));
      }
      if (value.period_end != occasion_.period_end) {
        integrity(at("indicator_values", k, "period_end"),
                  fmt::format("the value is for the period ending {}, but occasion {} covers "
                              "the period ending {}",
                              formatDate(value.period_end), occasion_.code,
                              formatDate(occasion_.period_end)));
      }
      auto [first, inserted] = seen.emplace(value.indicator + '\n' + value.unit, k);
      if (!inserted) {
        integrity(fmt::format("indicator_values[{}]", k),
                  fmt::format("indicator {} is reported twice for unit {}: also in "
                              "indicator_values[{}]",
                              value.indicator, value.unit, first->second));
      }
    }
  }

  const ReportBack& report_;
  const FollowUpOccasion& occasion_;
  const ChainIndex& index_;
  bool submitting_;
  Recipient recipient_;
  std::string record_;
  bool in_scope_ = false;
  std::vector<const Item*> items_;
  std::unordered_map<std::string_view, const Item*> item_codes_;
  std::optional<std::string> reporting_unit_;
  std::vector<Violation> violations_;
};

std::optional<int> digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "Z", "", "+01:00", "+0100", "+01" as an offset east of UTC.
std::optional<std::chrono::minutes> parseOffset(std::string_view text) {
  if (text.empty() || text == "Z" || text == "z") return std::chrono::minutes{0};
  if (text.front() != '+' && text.front() != '-') return std::nullopt;
  int sign = text.front() == '-' ? -1 : 1;
  std::string_view rest = text.substr(1);
  std::optional<int> hours;
  std::optional<int> minutes = 0;
  if (rest.size() == 2) {
    hours = digits(rest);
  } else if (rest.size() == 4) {
    hours = digits(rest.substr(0, 2));
    minutes = digits(rest.substr(2, 2));
  } else if (rest.size() == 5 && rest[2] == ':') {
    hours = digits(rest.substr(0, 2));
    minutes = digits(rest.substr(3, 2));
  }
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return std::chrono::minutes{sign * (*hours * 60 + *minutes)};
}

}  // namespace

Recipient unitRecipient(std::string unit) {
  return Recipient{std::move(unit), {}};
}

Recipient personRecipient(std::string person) {
  return Recipient{{}, std::move(person)};
}

Recipient recipientOf(const Item& item) {
  return item.recipient_person.empty() ? unitRecipient(item.recipient_unit)
                                       : personRecipient(item.recipient_person);
}

Recipient recipientOf(const ReportBack& report) {
  return Recipient{report.recipient_unit, report.recipient_person};
}

std::string describe(const Recipient& recipient) {
  if (!isWellFormed(recipient)) {
    if (recipient.unit.empty()) return "no recipient";
    return fmt::format("unit {} and person {}", recipient.unit, recipient.person);
  }
  return recipient.isPerson() ? "person " + recipient.person : "unit " + recipient.unit;
}

bool isItemInScope(const Item& item, const FollowUpOccasion& occasion) {
  return isLive(item.status) && fallsInPeriod(item, occasion) &&
         (kindMatchesTopics(item.kind, occasion.topics) || namesOccasion(item, occasion));
}

std::optional<FollowUpLevel> levelOf(const Recipient& recipient, const ChainIndex& index) {
  if (!isWellFormed(recipient)) return std::nullopt;
  if (recipient.isPerson()) {
    if (index.person(recipient.person) == nullptr) return std::nullopt;
    return FollowUpLevel::unit;
  }
  const Unit* unit = index.unit(recipient.unit);
  if (unit == nullptr) return std::nullopt;
  return followUpLevelOf(unit->kind);
}

std::optional<Date> deadlineFor(const FollowUpOccasion& occasion, const Recipient& recipient,
                                const ChainIndex& index) {
  auto level = levelOf(recipient, index);
  if (!level) return std::nullopt;
  return deadlineOfLevel(occasion, *level);
}

bool isRecipientInScope(const FollowUpOccasion& occasion, const Recipient& recipient,
                        const ChainIndex& index) {
  return !whyNotInScope(occasion, recipient, index).has_value();
}

std::vector<const Item*> itemsInScope(const FollowUpOccasion& occasion, const Recipient& recipient,
                                      const ChainIndex& index) {
  std::vector<const Item*> items;
  if (!isRecipientInScope(occasion, recipient, index)) return items;
  for (const Item& item : index.data().items) {
    if (isAddressedTo(item, recipient) && isItemInScope(item, occasion)) items.push_back(&item);
  }
  std::sort(items.begin(), items.end(),
            [](const Item* a, const Item* b) { return a->code < b->code; });
  return items;
}

std::vector<Recipient> recipientsInScope(const FollowUpOccasion& occasion,
                                         const ChainIndex& index) {
  OccasionScope scope(occasion, index);
  std::vector<Recipient> recipients;
  recipients.reserve(scope.recipients().size());
  for (const ScopedRecipient& scoped : scope.recipients()) recipients.push_back(scoped.recipient);
  return recipients;
}

std::string approvingUnit(const Recipient& recipient, const ChainIndex& index) {
  if (!isWellFormed(recipient)) return {};
  if (!recipient.isPerson()) {
    const Unit* unit = index.unit(recipient.unit);
    return unit == nullptr ? std::string{} : unit->parent;
  }
  IssuerChoice choice(recipient.person, index);
  for (const Item& item : index.data().items) {
    if (item.recipient_person == recipient.person) choice.consider(item);
  }
  return choice.chosen();
}

OccasionScope::OccasionScope(const FollowUpOccasion& occasion, const ChainIndex& index)
    : occasion_(occasion) {
  const OrganisationData& data = index.data();

  std::vector<const Unit*> units;
  for (const Unit& unit : data.units) {
    auto level = followUpLevelOf(unit.kind);
    if (level && levelSupplies(occasion, *level) &&
        isValidOn(unit.valid_from, unit.valid_to, occasion.period_end)) {
      units.push_back(&unit);
    }
  }
  std::sort(units.begin(), units.end(),
            [](const Unit* a, const Unit* b) { return a->code < b->code; });
  units_.reserve(units.size());
  recipients_.reserve(units.size());
  for (const Unit* unit : units) {
    if (!units_.emplace(unit->code, recipients_.size()).second) continue;
    FollowUpLevel level = *followUpLevelOf(unit->kind);
    recipients_.push_back(ScopedRecipient{
        unitRecipient(unit->code), level, deadlineOfLevel(occasion, level), unit->parent, {}});
  }

  struct PersonItems {
    bool named = false;
    std::vector<const Item*> items;
  };
  std::unordered_map<std::string_view, PersonItems> people;
  const bool people_supply = levelSupplies(occasion, FollowUpLevel::unit);
  for (const Item& item : data.items) {
    if (!isItemInScope(item, occasion)) continue;
    if (!item.recipient_person.empty()) {
      if (!people_supply) continue;
      PersonItems& found = people[item.recipient_person];
      found.named = found.named || namesOccasion(item, occasion);
      found.items.push_back(&item);
      continue;
    }
    auto unit = units_.find(item.recipient_unit);
    if (unit != units_.end()) recipients_[unit->second].items.push_back(&item);
  }

  std::vector<std::string_view> named;
  for (const auto& [person, found] : people) {
    if (found.named && index.person(person) != nullptr) named.push_back(person);
  }
  std::sort(named.begin(), named.end());
  const auto deadline = deadlineOfLevel(occasion, FollowUpLevel::unit);
  for (std::string_view person : named) {
    people_.emplace(person, recipients_.size());
    recipients_.push_back(ScopedRecipient{personRecipient(std::string(person)),
                                          FollowUpLevel::unit,
                                          deadline,
                                          {},
                                          std::move(people[person].items)});
  }

  if (!people_.empty()) {
    std::vector<IssuerChoice> choices;
    choices.reserve(named.size());
    for (std::string_view person : named) choices.emplace_back(person, index);
    for (const Item& item : data.items) {
      if (item.recipient_person.empty()) continue;
      auto found = people_.find(item.recipient_person);
      if (found != people_.end()) choices[found->second - units_.size()].consider(item);
    }
    for (std::size_t i = 0; i < choices.size(); ++i) {
      recipients_[units_.size() + i].approving_unit = choices[i].chosen();
    }
  }

  for (ScopedRecipient& recipient : recipients_) {
    std::sort(recipient.items.begin(), recipient.items.end(),
              [](const Item* a, const Item* b) { return a->code < b->code; });
  }
}

std::optional<std::size_t> OccasionScope::find(std::string_view unit,
                                               std::string_view person) const {
  if (unit.empty() == person.empty()) return std::nullopt;
  const auto& map = person.empty() ? units_ : people_;
  auto found = map.find(person.empty() ? unit : person);
  if (found == map.end()) return std::nullopt;
  return found->second;
}

std::vector<Violation> draftProblems(const ReportBack& report, const FollowUpOccasion& occasion,
                                     const ChainIndex& index) {
  return ReportBackChecker(report, occasion, index, false).run();
}

std::vector<Violation> submissionProblems(const ReportBack& report,
                                          const FollowUpOccasion& occasion,
                                          const ChainIndex& index) {
  return ReportBackChecker(report, occasion, index, true).run();
}

std::string_view toString(ReportBackState state) {
  switch (state) {
    case ReportBackState::missing:
      return "missing";
    case ReportBackState::draft:
      return "draft";
    case ReportBackState::submitted:
      return "submitted";
    case ReportBackState::returned:
      return "returned";
    case ReportBackState::approved:
      return "approved";
  }
  return "missing";
}

std::optional<std::chrono::sys_seconds> parseTimestamp(std::string_view text) {
  if (text.size() < 19) return std::nullopt;
  auto day = parseDate(text.substr(0, 10));
  char separator = text[10];
  if (!day || (separator != 'T' && separator != 't' && separator != ' ')) return std::nullopt;
  if (text[13] != ':' || text[16] != ':') return std::nullopt;
  auto hours = digits(text.substr(11, 2));
  auto minutes = digits(text.substr(14, 2));
  auto seconds = digits(text.substr(17, 2));
  if (!hours || !minutes || !seconds || *hours > 23 || *minutes > 59 || *seconds > 59) {
    return std::nullopt;
  }
  std::size_t position = 19;
  if (position < text.size() && text[position] == '.') {
    std::size_t first_digit = ++position;
    while (position < text.size() && text[position] >= '0' && text[position] <= '9') ++position;
    if (position == first_digit) return std::nullopt;
  }
  auto offset = parseOffset(text.substr(position));
  if (!offset) return std::nullopt;
  return std::chrono::sys_days{*day} + std::chrono::hours{*hours} + std::chrono::minutes{*minutes} +
         std::chrono::seconds{*seconds} - *offset;
}

ReportBackProgress progressOf(std::span<const ReportBack* const> versions,
                              const std::optional<Date>& deadline, const Date& today,
                              const SwedishDateOf& swedish_date_of) {
  ReportBackProgress progress;
  progress.deadline = deadline;
  const ReportBack* newest = nullptr;
  const ReportBack* first_submitted = nullptr;
  std::optional<std::chrono::sys_seconds> first_submitted_at;
  bool ever_submitted = false;
  bool ever_returned = false;
  for (const ReportBack* version : versions) {
    if (newest == nullptr || version->version > newest->version) newest = version;
    if (version->status == ReportBackStatus::draft) continue;
    ever_submitted = true;
    ever_returned = ever_returned || version->status == ReportBackStatus::returned;
    if (first_submitted != nullptr && first_submitted->version <= version->version) continue;
    if (auto at = parseTimestamp(version->submitted_at)) {
      first_submitted = version;
      first_submitted_at = at;
    }
  }

  if (newest == nullptr) {
    progress.state = ReportBackState::missing;
    progress.late = deadline && today > *deadline;
    return progress;
  }
  progress.newest_version = newest->version;
  switch (newest->status) {
    case ReportBackStatus::draft:
      // A draft after a return is the revision the level above asked for.
      progress.state = ever_returned ? ReportBackState::returned : ReportBackState::draft;
      break;
    case ReportBackStatus::submitted:
      progress.state = ReportBackState::submitted;
      break;
    case ReportBackStatus::returned:
      progress.state = ReportBackState::returned;
      break;
    case ReportBackStatus::approved:
      progress.state = ReportBackState::approved;
      break;
  }
  if (first_submitted_at) progress.submitted_on = swedish_date_of(*first_submitted_at);
  if (!deadline) return progress;
  if (progress.submitted_on) {
    progress.late = *progress.submitted_on > *deadline;
  } else if (!ever_submitted) {
    progress.late = today > *deadline;
  }
  // Submitted at a time that cannot be read: nothing shows it was late, so it is not.
  return progress;
}

ReportBackProgress progressOf(std::span<const ReportBack> versions,
                              const FollowUpOccasion& occasion, const Recipient& recipient,
                              const ChainIndex& index, const Date& today,
                              const SwedishDateOf& swedish_date_of) {
  std::vector<const ReportBack*> pointers;
  pointers.reserve(versions.size());
  for (const ReportBack& version : versions) pointers.push_back(&version);
  return progressOf(pointers, deadlineFor(occasion, recipient, index), today, swedish_date_of);
}

}  // namespace styr::domain
