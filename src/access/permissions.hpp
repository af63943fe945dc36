#pragma once
// Who may do what: an actor's rights derive from the memberships they hold on the day asked
// about, looked up in their organisation's ChainIndex (never from a flat role list). Pure, like
// the domain: the day comes in as an argument. docs/permissions.md is the same rules as a
// table.
//
// can() answers who may; whether the record's state allows the step (issuing an item that is
// already issued, deciding a decided document) is for the use case and domain::validate, and
// so is the shape of the chain beyond the position asked about (D3's origin, a political body
// addressing only its direct children).

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "access/action.hpp"
#include "domain/chain_index.hpp"
#include "domain/date.hpp"
#include "domain/deviation.hpp"
#include "domain/model.hpp"

namespace styr::access {

//! Who is acting: a person signed in, a machine client acting for its token's creator, or
//! nobody (a citizen on the public pages).
struct Actor {
  std::string organisation;  //!< SCB code signed in to; empty when not signed in
  std::string person;        //!< person code; empty for nobody or an account without a person
  bool signed_in = false;
  bool administrator = false;  //!< the account is an administrator's
  //! Set for a machine client: it may do what its creator may, within these scopes only.
  std::optional<std::set<Scope>> token_scopes;
};

//! What is acted on. Item actions need `item` (create_item: the draft as proposed, whose
//! issuer and recipient are what counts); document actions need `document` (create_document:
//! the proposed draft, whose deciding body counts). `person` and `unit` narrow read_people,
//! manage_* and read_audit to one person or unit, `unit` read_coverage and read_stats to one
//! subtree and read_indicators to one unit's values; left empty they mean the whole
//! organisation. record_indicator_value needs `unit`: the unit the value is reported for.
//! Report-back actions need `report_back` (write_report_back on a new one: its recipient is
//! what counts); read_follow_up_overview takes `unit` like read_coverage. report_deviation
//! needs `unit` (the unit reported on); the other deviation actions but
//! manage_deviation_settings need `deviation`.
struct Subject {
  std::string organisation;  //!< SCB code of the organisation the record belongs to
  const domain::Item* item = nullptr;
  const domain::SteeringDocument* document = nullptr;
  std::string unit;
  std::string person;
  const domain::ReportBack* report_back = nullptr;
  const domain::Deviation* deviation = nullptr;
};

//! Allowed, or denied with a reason a person can read and act on.
struct Decision {
  bool allowed = false;
  std::string reason;  //!< why not; empty when allowed
  explicit operator bool() const { return allowed; }
};

//! One actor's rights on one day, derived once from their memberships, so that a list of
//! records can be filtered without deriving them again per record.
class Rights {
 public:
  //! `index` must be of the organisation the subjects belong to and outlive the rights.
  Rights(const Actor& actor, const domain::ChainIndex& index, const domain::Date& today);

  //! Whether the actor may do `action` on `subject`, and why not.
  [[nodiscard]] Decision can(Action action, const Subject& subject) const;

 private:
  [[nodiscard]] Decision canPublicly(Action action, const Subject& subject) const;
  [[nodiscard]] Decision canSignedIn(Action action, const Subject& subject) const;
  [[nodiscard]] Decision readItem(const domain::Item& item) const;
  [[nodiscard]] Decision writeWhat(const domain::Item& item) const;
  [[nodiscard]] Decision writeHow(const domain::Item& item) const;
  [[nodiscard]] Decision readDocument(const domain::SteeringDocument& document) const;
  [[nodiscard]] Decision writeDocument(const domain::SteeringDocument& document) const;
  [[nodiscard]] Decision readPeople(const Subject& subject) const;
  [[nodiscard]] Decision readFigures(Action action, const Subject& subject) const;
  [[nodiscard]] Decision recordIndicatorValue(const Subject& subject) const;
  [[nodiscard]] Decision runYear(Action action) const;
  [[nodiscard]] Decision manage(Action action, const Subject& subject) const;
  [[nodiscard]] Decision readAudit(const Subject& subject) const;
  [[nodiscard]] Decision readReportBack(const domain::ReportBack& report_back) const;
  [[nodiscard]] Decision writeReportBack(const domain::ReportBack& report_back) const;
  [[nodiscard]] Decision decideReportBack(const domain::ReportBack& report_back) const;
  [[nodiscard]] bool writesFor(const domain::ReportBack& report_back) const;
  [[nodiscard]] Decision reportDeviation(const Subject& subject) const;
  [[nodiscard]] Decision readDeviation(const domain::Deviation& deviation) const;
  [[nodiscard]] Decision handleDeviation(const domain::Deviation& deviation) const;
  [[nodiscard]] bool isInChainOf(const domain::Deviation& deviation) const;

  [[nodiscard]] bool belongsTo(std::string_view unit) const;
  [[nodiscard]] bool heads(std::string_view unit) const;
  [[nodiscard]] bool headsOrAbove(std::string_view unit) const;
  [[nodiscard]] bool secretaryOf(std::string_view body) const;
  [[nodiscard]] bool answersFor(std::string_view unit) const;
  [[nodiscard]] bool isWithinHeadedUnits(std::string_view person) const;
  [[nodiscard]] bool isCouncilGoal(const domain::Item& item) const;
  [[nodiscard]] std::string who() const;
  [[nodiscard]] std::string withoutContentRights(std::string reason) const;

  Actor actor_;
  const domain::ChainIndex& index_;
  domain::Date today_;
  // What the actor's memberships valid today give, as unit codes (views into the index's data).
  std::vector<std::string_view> belongs_to_;    //!< any role but administrator
  std::vector<std::string_view> heads_;         //!< head of an administrative unit
  std::vector<std::string_view> seats_;         //!< chair, member or substitute of a body
  std::vector<std::string_view> secretary_of_;  //!< controller in a political body
  bool controller_ = false;
  bool administrator_ = false;
  //! Heads only: every person's units today, to find the people of a subtree.
  std::unordered_map<std::string_view, std::vector<std::string_view>> units_of_person_;
};

//! Whether `actor` may do `action` on `subject` on `today`, with `index` the subject's
//! organisation. Nothing is allowed across organisations.
Decision can(const Actor& actor, Action action, const Subject& subject,
             const domain::ChainIndex& index, const domain::Date& today);

}  // namespace styr::access
