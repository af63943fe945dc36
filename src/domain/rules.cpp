#include "domain/rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_set>

#include "domain/chain_index.hpp"
#include "domain/follow_up_rules.hpp"

namespace styr::domain {

namespace {

std::string at(std::string_view collection, std::size_t index, std::string_view field) {
  return fmt::format("{}[{}].{}", collection, index, field);
}

bool isFourDigits(std::string_view code) {
  if (code.size() != 4) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "an operational plan", "a budget": a glossary name as it reads in a sentence.
std::string withArticle(std::string_view name) {
  std::string words(name);
  std::replace(words.begin(), words.end(), '_', ' ');
  bool vowel =
      !words.empty() && std::string_view("aeiou").find(words.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + words;
}

std::string validityText(const Date& from, const std::optional<Date>& to) {
  return fmt::format("{}..{}", formatDate(from), to ? formatDate(*to) : std::string{});
}

// Walks the data once per collection; each check appends what it finds and goes on, so a
// user sees every problem at once rather than one per attempt.
class Checker {
 public:
  explicit Checker(const OrganisationData& data) : data_(data), index_(data) {}

  std::vector<Violation> run() {
    checkOrganisation();
    checkTermsAndYears();
    checkUnits();
    checkPeople();
    checkMemberships();
    checkDocuments();
    checkIndicators();
    checkItems();
    checkIndicatorValues();
    checkFollowUpIntegrity(data_, index_, violations_);
    return std::move(violations_);
  }

 private:
  void add(std::string rule, std::string path, std::string record, std::string message) {
    violations_.push_back(
        {std::move(rule), std::move(path), std::move(record), std::move(message)});
  }

  void integrity(std::string path, std::string record, std::string message) {
    add("integrity", std::move(path), std::move(record), std::move(message));
  }

  // Reports an empty or duplicate code; returns whether the code is usable.
  bool checkCode(std::unordered_set<std::string_view>& seen, std::string_view collection,
                 std::size_t index, std::string_view kind, const std::string& code) {
    if (code.empty()) {
      integrity(at(collection, index, "code"), fmt::format("{} #{}", kind, index + 1),
                "the code is empty; every record needs a code unique in its organisation");
      return false;
    }
    if (!seen.insert(code).second) {
      integrity(at(collection, index, "code"), fmt::format("{} {}", kind, code),
                fmt::format("the code {} is used by more than one {}", code, kind));
      return false;
    }
    return true;
  }

  void checkValidity(std::string path, const std::string& record, const Date& from,
                     const std::optional<Date>& to) {
    if (to && *to < from) {
      integrity(
          std::move(path), record,
          fmt::format("valid_to {} is before valid_from {}", formatDate(*to), formatDate(from)));
    }
  }

  void checkOrganisation() {
    const auto& organisation = data_.organisation;
    if (!isFourDigits(organisation.code)) {
      integrity("organisation.code", "organisation",
                fmt::format("the organisation code '{}' is not a four-digit SCB code",
                            organisation.code));
    }
    if (organisation.name.empty()) {
      integrity("organisation.name", "organisation", "the organisation has no name");
    }
  }

  void checkTermsAndYears() {
    std::set<int> terms;
    for (std::size_t i = 0; i < data_.terms.size(); ++i) {
      int first = data_.terms[i].first_year;
      std::string record = fmt::format("term {}", first);
      if (first < 1900 || first > 2200) {
        integrity(at("terms", i, "first_year"), record, "the term's first year is not a year");
      }
      for (int year = first; year <= first + 3; ++year) {
        if (terms.count(year) != 0) {
          integrity(at("terms", i, "first_year"), record,
                    fmt::format("the term overlaps another term in {}", year));
          break;
        }
      }
      for (int year = first; year <= first + 3; ++year) terms.insert(year);
    }
    std::set<int> years;
    for (std::size_t i = 0; i < data_.years.size(); ++i) {
      int year = data_.years[i].year;
      if (!years.insert(year).second) {
        integrity(at("years", i, "year"), fmt::format("year {}", year),
                  fmt::format("the year {} is listed more than once", year));
      }
    }
  }

  void checkUnits() {
    std::unordered_set<std::string_view> seen;
    std::size_t roots = 0;
    for (std::size_t i = 0; i < data_.units.size(); ++i) {
      const Unit& unit = data_.units[i];
      if (!checkCode(seen, "units", i, "unit", unit.code)) continue;
      std::string record = "unit " + unit.code;
      if (unit.name.empty()) integrity(at("units", i, "name"), record, "the unit has no name");
      checkValidity(at("units", i, "valid_to"), record, unit.valid_from, unit.valid_to);
      if (unit.parent.empty()) {
        ++roots;
        if (unit.kind != UnitKind::council) {
          integrity(at("units", i, "parent"), record,
                    fmt::format("only the council may be the root of the tree, and this {} "
                                "has no parent",
                                toString(unit.kind)));
        }
        continue;
      }
      const Unit* parent = index_.unit(unit.parent);
      if (parent == nullptr) {
        integrity(at("units", i, "parent"), record,
                  fmt::format("the parent unit {} does not exist", unit.parent));
        continue;
      }
      if (parent->code == unit.code || index_.isBelow(parent->code, unit.code)) {
        integrity(at("units", i, "parent"), record,
                  fmt::format("the parent {} makes the unit tree a cycle", unit.parent));
        continue;
      }
      if (unit.valid_from < parent->valid_from ||
          (parent->valid_to && (!unit.valid_to || *parent->valid_to < *unit.valid_to))) {
        integrity(at("units", i, "valid_from"), record,
                  fmt::format("the unit is valid {} but its parent {} only {}",
                              validityText(unit.valid_from, unit.valid_to), parent->code,
                              validityText(parent->valid_from, parent->valid_to)));
      }
    }
    if (roots > 1) {
      integrity(
          "units", "units",
          fmt::format("the unit tree has {} roots; it must have exactly one, the council", roots));
    }
  }

  void checkPeople() {
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < data_.people.size(); ++i) {
      const Person& person = data_.people[i];
      if (!checkCode(seen, "people", i, "person", person.code)) continue;
      if (person.given_name.empty() && person.family_name.empty()) {
        integrity(at("people", i, "family_name"), "person " + person.code,
                  "the person has no name");
      }
    }
  }

  void checkMemberships() {
    std::set<std::tuple<std::string_view, std::string_view, Role, Date>> seen;
    for (std::size_t i = 0; i < data_.memberships.size(); ++i) {
      const Membership& membership = data_.memberships[i];
      std::string record = fmt::format("membership {} {} of {}", membership.person,
                                       toString(membership.role), membership.unit);
      if (index_.person(membership.person) == nullptr) {
        integrity(at("memberships", i, "person"), record,
                  fmt::format("the person {} does not exist", membership.person));
      }
      if (index_.unit(membership.unit) == nullptr) {
        integrity(at("memberships", i, "unit"), record,
                  fmt::format("the unit {} does not exist", membership.unit));
      }
      checkValidity(at("memberships", i, "valid_to"), record, membership.valid_from,
                    membership.valid_to);
      if (!seen.emplace(membership.person, membership.unit, membership.role, membership.valid_from)
               .second) {
        integrity(at("memberships", i, "valid_from"), record,
                  "the same membership is listed twice from the same date");
      }
    }
  }

  void checkDocuments() {
    std::set<std::pair<std::string_view, int>> seen;
    std::unordered_set<std::string_view> decided;
    for (std::size_t i = 0; i < data_.documents.size(); ++i) {
      const SteeringDocument& document = data_.documents[i];
      std::string record = fmt::format("document {} version {}", document.code, document.version);
      if (document.code.empty()) {
        integrity(at("documents", i, "code"), record, "the document has no code");
        continue;
      }
      if (document.version < 1) {
        integrity(at("documents", i, "version"), record, "versions are numbered from 1");
      }
      if (!seen.emplace(document.code, document.version).second) {
        integrity(at("documents", i, "version"), record,
                  "the same version of this document is listed twice");
      }
      if (document.title.empty()) {
        integrity(at("documents", i, "title"), record, "the document has no title");
      }
      checkValidity(at("documents", i, "valid_to"), record, document.valid_from, document.valid_to);
      if (index_.unit(document.deciding_body) == nullptr) {
        integrity(at("documents", i, "deciding_body"), record,
                  fmt::format("the deciding body '{}' does not exist", document.deciding_body));
      }
      if (document.status != DocumentStatus::draft && !document.decision) {
        integrity(at("documents", i, "decision"), record,
                  fmt::format("{} document must carry its decision (date, minute paragraph, "
                              "case number)",
                              withArticle(toString(document.status))));
      }
      if (document.decision && document.decision->case_number.empty()) {
        integrity(at("documents", i, "decision.case_number"), record,
                  "the decision has no case number (L20)");
      }
      if (document.status == DocumentStatus::decided && !decided.insert(document.code).second) {
        integrity(at("documents", i, "status"), record,
                  "two versions of this document are decided; the older must be superseded");
      }
      bool yearly =
          document.kind == DocumentKind::budget || document.kind == DocumentKind::operational_plan;
      if (yearly && !document.year) {
        integrity(at("documents", i, "year"), record,
                  fmt::format("{} must state its year", withArticle(toString(document.kind))));
      }
      if (document.kind == DocumentKind::mandate_programme && !document.term) {
        integrity(at("documents", i, "term"), record,
                  "a mandate programme must state its term of office");
      }
      checkAppropriations(document, i, record);
    }
  }

  void checkAppropriations(const SteeringDocument& document, std::size_t doc_idx,
                           const std::string& record) {
    if (document.appropriations.empty()) return;
    if (document.kind != DocumentKind::budget) {
      add("D6", at("documents", doc_idx, "appropriations"), record,
          fmt::format("only the budget appropriates money; {} cannot carry appropriations",
                      withArticle(toString(document.kind))));
      return;
    }
    for (std::size_t i = 0; i < document.appropriations.size(); ++i) {
      const Appropriation& appropriation = document.appropriations[i];
      std::string path = fmt::format("documents[{}].appropriations[{}]", doc_idx, i);
      if (index_.unit(appropriation.unit) == nullptr) {
        integrity(path + ".unit", record,
                  fmt::format("the appropriation's unit {} does not exist", appropriation.unit));
      }
      if (document.year &&
          (appropriation.year < *document.year || appropriation.year > *document.year + 2)) {
        add("D6", path + ".year", record,
            fmt::format("the budget for {} covers {} to {}; an appropriation for {} lies outside",
                        *document.year, *document.year, *document.year + 2, appropriation.year));
      }
    }
  }

  void checkIndicators() {
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < data_.indicators.size(); ++i) {
      const Indicator& indicator = data_.indicators[i];
      if (!checkCode(seen, "indicators", i, "indicator", indicator.code)) continue;
      std::string record = "indicator " + indicator.code;
      if (indicator.name.empty()) {
        integrity(at("indicators", i, "name"), record, "the indicator has no name");
      }
      std::set<std::pair<int, std::string_view>> targets;
      for (std::size_t t = 0; t < indicator.targets.size(); ++t) {
        const IndicatorTarget& target = indicator.targets[t];
        std::string path = fmt::format("indicators[{}].targets[{}]", i, t);
        if (!target.unit.empty() && index_.unit(target.unit) == nullptr) {
          integrity(path + ".unit", record,
                    fmt::format("the target's unit {} does not exist", target.unit));
        }
        if (!targets.emplace(target.year, target.unit).second) {
          integrity(path + ".year", record,
                    fmt::format("two targets for {} {}", target.year,
                                target.unit.empty() ? "the organisation" : target.unit));
        }
      }
    }
  }

  void checkItems() {
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < data_.items.size(); ++i) {
      const Item& item = data_.items[i];
      if (!checkCode(seen, "items", i, "item", item.code)) continue;
      ItemCheck{*this, item, i}.run();
    }
  }

  // The checks of one item; split out because an item has many rules.
  struct ItemCheck {
    Checker& checker;
    const Item& item;
    std::size_t idx;
    std::string record = "item " + item.code;

    void run() {
      if (item.title.empty()) integrity("title", "the item has no title");
      if (!item.document.empty() && checker.index_.document(item.document) == nullptr) {
        integrity("document",
                  fmt::format("the steering document {} does not exist", item.document));
      }
      checkLifecycle();
      Parties parties = checkParties();
      // Without a known issuer, the chain and D3 have nothing to be checked against; the
      // missing issuer is the one problem to report.
      if (item.status == ItemStatus::draft || !parties.issuer) {
        checkOriginExists();
        if (item.status != ItemStatus::draft) checkFollowUp();
        return;
      }
      if (parties.recipient) checkChain();
      checkOrigin();
      checkFollowUp();
    }

    void add(std::string rule, std::string_view field, std::string message) {
      checker.add(std::move(rule), at("items", idx, field), record, std::move(message));
    }
    void integrity(std::string_view field, std::string message) {
      add("integrity", field, std::move(message));
    }

    void checkLifecycle() {
      ItemStatus status = item.status;
      bool issued = status != ItemStatus::draft;
      bool acknowledged = status == ItemStatus::acknowledged || status == ItemStatus::completed;
      bool closed = status == ItemStatus::completed || status == ItemStatus::cancelled;
      if (issued && status != ItemStatus::cancelled && !item.issued_on) {
        integrity("issued_on",
                  fmt::format("{} item must have its issue date", withArticle(toString(status))));
      }
      if (acknowledged && !item.acknowledged_on) {
        integrity("acknowledged_on", fmt::format("{} item must have the date the recipient "
                                                 "acknowledged it",
                                                 withArticle(toString(status))));
      }
      if (acknowledged && item.plan.empty()) {
        add("D2", "plan",
            "an acknowledged item must carry the recipient's plan (the HOW) written when "
            "taking it on");
      }
      if (closed && !item.closed_on) {
        integrity("closed_on",
                  fmt::format("{} item must have its closing date", withArticle(toString(status))));
      }
      if (status == ItemStatus::cancelled && item.closing_note.empty()) {
        integrity("closing_note", "a cancelled item must say why it was cancelled");
      }
      if (!issued && (item.issued_on || item.acknowledged_on || item.closed_on)) {
        integrity("status",
                  "a draft has not been issued and cannot carry issue, "
                  "acknowledgement or closing dates");
      }
      if (item.issued_on && item.acknowledged_on && *item.acknowledged_on < *item.issued_on) {
        integrity("acknowledged_on", "acknowledged before it was issued");
      }
      std::optional<Date> before_close =
          item.acknowledged_on ? item.acknowledged_on : item.issued_on;
      if (before_close && item.closed_on && *item.closed_on < *before_close) {
        integrity("closed_on", "closed before it was issued or acknowledged");
      }
    }

    struct Parties {
      bool issuer = true;
      bool recipient = true;
    };

    // D1; says which of issuer and recipient exist, so the chain can be checked.
    Parties checkParties() {
      Parties known;
      if (item.issuer.empty()) {
        add("D1", "issuer", "every goal and assignment needs an issuer");
        known.issuer = false;
      } else if (checker.index_.unit(item.issuer) == nullptr) {
        integrity("issuer", fmt::format("the issuer {} is not a unit", item.issuer));
        known.issuer = false;
      }
      bool to_unit = !item.recipient_unit.empty();
      bool to_person = !item.recipient_person.empty();
      if (!to_unit && !to_person) {
        add("D1", "recipient_unit",
            "every goal and assignment needs exactly one named recipient (a unit or a person)");
        known.recipient = false;
      } else if (to_unit && to_person) {
        add("D1", "recipient_person",
            "an item has exactly one recipient: a unit or a person, not both");
        known.recipient = false;
      } else if (to_unit && checker.index_.unit(item.recipient_unit) == nullptr) {
        integrity("recipient_unit",
                  fmt::format("the recipient unit {} does not exist", item.recipient_unit));
        known.recipient = false;
      } else if (to_person && checker.index_.person(item.recipient_person) == nullptr) {
        integrity("recipient_person",
                  fmt::format("the recipient person {} does not exist", item.recipient_person));
        known.recipient = false;
      }
      return known;
    }

    void checkChain() {
      const ChainIndex& index = checker.index_;
      const Unit& issuer = *index.unit(item.issuer);
      if (item.issued_on && !isValidOn(issuer.valid_from, issuer.valid_to, *item.issued_on)) {
        add("chain", "issuer",
            fmt::format("the issuer {} did not exist on {} (valid {})", issuer.code,
                        formatDate(*item.issued_on),
                        validityText(issuer.valid_from, issuer.valid_to)));
      }
      if (!item.recipient_person.empty()) {
        if (item.issued_on &&
            !index.isMemberOn(item.recipient_person, issuer.code, *item.issued_on)) {
          add("chain", "recipient_person",
              fmt::format("{} can only address a person who is a member of {} itself, and {} "
                          "was not on {}",
                          issuer.code, issuer.code, item.recipient_person,
                          formatDate(*item.issued_on)));
        }
        return;
      }
      const Unit& recipient = *index.unit(item.recipient_unit);
      if (!index.isBelow(recipient.code, issuer.code)) {
        add("chain", "recipient_unit",
            fmt::format("{} can only address units below it in the tree, and {} is not",
                        issuer.code, recipient.code));
        return;
      }
      if (isPoliticalBody(issuer.kind) && recipient.parent != issuer.code) {
        add("chain", "recipient_unit",
            fmt::format("the {} {} addresses only the bodies directly below it, and {} is "
                        "further down the chain",
                        toString(issuer.kind), issuer.code, recipient.code));
      }
      if (item.issued_on && !isValidOn(recipient.valid_from, recipient.valid_to, *item.issued_on)) {
        add("chain", "recipient_unit",
            fmt::format("the recipient {} did not exist on {} (valid {})", recipient.code,
                        formatDate(*item.issued_on),
                        validityText(recipient.valid_from, recipient.valid_to)));
      }
    }

    void checkOriginExists() {
      if (!item.origin.empty() && checker.index_.item(item.origin) == nullptr) {
        integrity("origin", fmt::format("the origin {} does not exist", item.origin));
      }
      if (!item.origin_document.empty() &&
          checker.index_.document(item.origin_document) == nullptr) {
        integrity("origin_document",
                  fmt::format("the origin document {} does not exist", item.origin_document));
      }
    }

    void checkOrigin() {
      checkOriginExists();
      const ChainIndex& index = checker.index_;
      const Unit* issuer = index.unit(item.issuer);
      bool council = issuer != nullptr && issuer->kind == UnitKind::council;
      if (item.origin.empty() && item.origin_document.empty()) {
        add("D3", "origin",
            council ? "a council goal must originate in the vision, the mandate programme or "
                      "a mandate programme goal"
                    : fmt::format("every item issued by {} must originate in an item {} "
                                  "received",
                                  item.issuer, item.issuer));
        return;
      }
      if (!item.origin_document.empty()) {
        const SteeringDocument* document = index.document(item.origin_document);
        if (!council) {
          add("D3", "origin_document",
              "only the council's own goals originate directly in a steering document; "
              "others derive from an item they received");
        } else if (document != nullptr && document->kind != DocumentKind::vision &&
                   document->kind != DocumentKind::mandate_programme) {
          add("D3", "origin_document",
              fmt::format("a council goal originates in the vision or the mandate programme, "
                          "not {}",
                          withArticle(toString(document->kind))));
        }
      }
      if (item.origin.empty()) return;
      const Item* origin = index.item(item.origin);
      if (origin == nullptr) return;
      if (origin->status == ItemStatus::draft || origin->status == ItemStatus::cancelled) {
        add("D3", "origin",
            fmt::format("the origin {} is {}; only an issued item can be built on", origin->code,
                        toString(origin->status)));
      }
      if (origin->code == item.code) {
        add("D3", "origin", "an item cannot originate in itself");
        return;
      }
      if (council) {
        const SteeringDocument* document = index.document(origin->document);
        bool carried_over = origin->issuer == item.issuer && document != nullptr &&
                            document->kind == DocumentKind::mandate_programme;
        if (!carried_over && origin->recipient_unit != item.issuer) {
          add("D3", "origin",
              fmt::format("a council goal can carry over a mandate programme goal, and {} is "
                          "not one",
                          origin->code));
        }
        return;
      }
      if (origin->recipient_unit != item.issuer) {
        add("D3", "origin",
            fmt::format("{} can only build on items it received, and {} was addressed to {}",
                        item.issuer, origin->code,
                        origin->recipient_unit.empty() ? origin->recipient_person
                                                       : origin->recipient_unit));
      }
    }

    void checkFollowUp() {
      const FollowUp& follow_up = item.follow_up;
      for (std::size_t i = 0; i < follow_up.indicators.size(); ++i) {
        const IndicatorLink& link = follow_up.indicators[i];
        if (checker.index_.indicator(link.indicator) == nullptr) {
          integrity(fmt::format("follow_up.indicators[{}].indicator", i),
                    fmt::format("the indicator {} does not exist", link.indicator));
        }
      }
      if (!follow_up.deliverable.empty() && !follow_up.deliverable_due) {
        add("D4", "follow_up.deliverable_due", "a deliverable needs a due date");
      }
      if (!hasFollowUpMethod(item, checker.index_)) {
        add("D4", "follow_up",
            "an issued item must say how it is followed up: an indicator with a target, a "
            "deliverable with a due date, or an assessment at named follow-ups");
      }
    }
  };

  void checkIndicatorValues() {
    for (std::size_t i = 0; i < data_.indicator_values.size(); ++i) {
      const IndicatorValue& value = data_.indicator_values[i];
      std::string record = fmt::format("value of {} for {} at {}", value.indicator, value.unit,
                                       formatDate(value.period_end));
      const Indicator* indicator = index_.indicator(value.indicator);
      if (indicator == nullptr) {
        integrity(at("indicator_values", i, "indicator"), record,
                  fmt::format("the indicator {} does not exist", value.indicator));
        continue;
      }
      if (index_.unit(value.unit) == nullptr) {
        integrity(at("indicator_values", i, "unit"), record,
                  fmt::format("the unit {} does not exist", value.unit));
      }
      if (indicator->aggregation == Aggregation::ratio_of_sums &&
          (!value.numerator || !value.denominator || *value.denominator <= 0)) {
        integrity(at("indicator_values", i, "denominator"), record,
                  "a ratio-of-sums indicator's value needs its numerator and a positive "
                  "denominator, so that it can be rolled up without averaging percentages");
      }
      if (indicator->aggregation == Aggregation::weighted_mean &&
          (!value.weight || *value.weight <= 0)) {
        integrity(at("indicator_values", i, "weight"), record,
                  "a weighted-mean indicator's value needs a positive weight");
      }
    }
  }

  const OrganisationData& data_;
  ChainIndex index_;
  std::vector<Violation> violations_;
};

}  // namespace

std::vector<Violation> validate(const OrganisationData& data) {
  return Checker(data).run();
}

bool hasFollowUpMethod(const Item& item, const ChainIndex& index) {
  const FollowUp& follow_up = item.follow_up;
  if (!follow_up.assessed_at.empty()) return true;
  if (!follow_up.deliverable.empty() && follow_up.deliverable_due) return true;
  for (const IndicatorLink& link : follow_up.indicators) {
    if (link.target) return true;
    const Indicator* indicator = index.indicator(link.indicator);
    if (indicator == nullptr) continue;
    // An organisation-wide target covers every item; a unit's own target only the items
    // addressed to that unit.
    for (const IndicatorTarget& target : indicator->targets) {
      if (target.year == link.year && (target.unit.empty() || target.unit == item.recipient_unit)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace styr::domain
