#pragma once
// Who reports to a follow-up occasion and on what (D10, D13), what a report-back must hold
// before it can be submitted (L13), and whether it came in on time. Pure: today and the
// Swedish calendar day of an instant come in as arguments, so the domain needs neither a
// clock nor the time-zone database.

#include <chrono>
#include <compare>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/chain_index.hpp"
#include "domain/model.hpp"
#include "domain/rules.hpp"

namespace styr::domain {

//! Who writes a report-back: a unit or, at the bottom of the chain, a person (exactly one of
//! the two is set, as for items).
struct Recipient {
  std::string unit;
  std::string person;

  [[nodiscard]] bool isPerson() const { return !person.empty(); }
  [[nodiscard]] const std::string& code() const { return isPerson() ? person : unit; }

  friend bool operator==(const Recipient&, const Recipient&) = default;
  //! Units before people, each by code: the order in which recipients are listed.
  friend std::strong_ordering operator<=>(const Recipient& a, const Recipient& b) {
    if (auto order = a.isPerson() <=> b.isPerson(); order != 0) return order;
    if (auto order = a.code() <=> b.code(); order != 0) return order;
    return a.unit <=> b.unit;
  }
};

Recipient unitRecipient(std::string unit);
Recipient personRecipient(std::string person);
//! The item's recipient: its person when it has one, else its unit.
Recipient recipientOf(const Item& item);
Recipient recipientOf(const ReportBack& report);
//! "unit ENH", "person P-EMP": how messages name a recipient.
std::string describe(const Recipient& recipient);

//! Whether an item is followed up at the occasion, whoever it is addressed to: issued,
//! acknowledged or completed; issued by the period's end and not closed before the year
//! began; and either its kind belongs to one of the occasion's topics (quality_goals: goals,
//! directions, quality requirements; operations: assignments, activities) or its follow-up
//! names the occasion (assessed_at equal to the occasion's name).
bool isItemInScope(const Item& item, const FollowUpOccasion& occasion);

//! The level a recipient reports at: a unit's follows from its kind; a person reports at the
//! lowest level, `unit`, so that their input reaches the unit that issued their items before
//! that unit's own deadline. nullopt for an unknown recipient or a kind that takes no part.
std::optional<FollowUpLevel> levelOf(const Recipient& recipient, const ChainIndex& index);

//! The deadline of the recipient's level in the occasion; nullopt when that level supplies no
//! input to it.
std::optional<Date> deadlineFor(const FollowUpOccasion& occasion, const Recipient& recipient,
                                const ChainIndex& index);

//! Whether the recipient reports to the occasion. A unit does when its level supplies input
//! to the occasion and it is valid on period_end. A person does only when one of the items
//! addressed to them names the occasion in its follow-up, and the `unit` level supplies.
bool isRecipientInScope(const FollowUpOccasion& occasion, const Recipient& recipient,
                        const ChainIndex& index);

//! The items in scope addressed to the recipient, by item code; empty when the recipient
//! itself is not in scope.
std::vector<const Item*> itemsInScope(const FollowUpOccasion& occasion, const Recipient& recipient,
                                      const ChainIndex& index);

//! Every recipient in scope: units by code, then people by code.
std::vector<Recipient> recipientsInScope(const FollowUpOccasion& occasion, const ChainIndex& index);

//! The unit one level above the recipient, whose head (a political body: its chair) approves
//! or returns the report-back. For a unit: its parent. For a person: the unit that issued
//! their items (live items first; a unit the person is a member of first; then the lowest
//! code). Empty when there is none (the root, an unknown recipient, a person with no items).
//! Who may act for that unit is decided by access, not here.
std::string approvingUnit(const Recipient& recipient, const ChainIndex& index);

//! One recipient in scope, with what the occasion asks of it.
struct ScopedRecipient {
  Recipient recipient;
  FollowUpLevel level = FollowUpLevel::unit;
  std::optional<Date> deadline;
  std::string approving_unit;
  std::vector<const Item*> items;  //!< in scope, by code
};

//! The scope of one occasion built in one pass over the organisation, for callers that ask
//! about every recipient (the overview, the reminders). Holds pointers into the index's data,
//! which must outlive it.
class OccasionScope {
 public:
  OccasionScope(const FollowUpOccasion& occasion, const ChainIndex& index);

  [[nodiscard]] const FollowUpOccasion& occasion() const { return occasion_; }
  //! Units by code, then people by code.
  [[nodiscard]] const std::vector<ScopedRecipient>& recipients() const { return recipients_; }
  //! The recipient's position in recipients(); nullopt when it is not in scope.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view unit,
                                                std::string_view person) const;
  [[nodiscard]] std::optional<std::size_t> find(const Recipient& recipient) const {
    return find(recipient.unit, recipient.person);
  }

 private:
  FollowUpOccasion occasion_;
  std::vector<ScopedRecipient> recipients_;
  // Keys view codes in the index's data, which outlives this scope.
  std::unordered_map<std::string_view, std::size_t> units_;
  std::unordered_map<std::string_view, std::size_t> people_;
};

//! What even a draft may not contain: a recipient that does not report to the occasion,
//! items not in scope of this recipient or assessed twice, action owners who are not people
//! of the organisation, topics the occasion does not take up or written twice, and indicator
//! values for another period, an unknown indicator, or a unit outside the recipient's part
//! of the organisation. Rule "integrity"; paths like "assessments[2].item".
std::vector<Violation> draftProblems(const ReportBack& report, const FollowUpOccasion& occasion,
                                     const ChainIndex& index);

//! The draft problems, and what L13 requires before a report-back can be submitted (rule
//! "L13"): every item in scope assessed, with a trend; an analysis for every assessment but
//! fulfilled; a corrective action for partly and not fulfilled; every action with a
//! description, an owner and a due date; a text for every topic of the occasion.
std::vector<Violation> submissionProblems(const ReportBack& report,
                                          const FollowUpOccasion& occasion,
                                          const ChainIndex& index);

//! Where a recipient's report-back to an occasion stands. Whether it is late is kept apart
//! (ReportBackProgress::late): a late report-back can still be submitted and approved.
enum class ReportBackState {
  missing,    //!< no version written
  draft,      //!< written, never submitted
  submitted,  //!< awaiting the level above
  returned,   //!< returned for revision, not yet submitted again
  approved,
};

std::string_view toString(ReportBackState state);

//! The Swedish calendar day (Europe/Stockholm) of an instant. The application supplies it
//! from the time-zone database; the domain only compares days.
using SwedishDateOf = std::function<Date(std::chrono::sys_seconds)>;

//! Reads an ISO 8601 timestamp as the store writes it ("2025-03-31T12:00:00.000000Z"): a
//! 'T' or a space between date and time, optional fractions of a second (dropped), and 'Z',
//! an offset (+01:00, +0100, +01) or nothing, which means UTC. nullopt when unreadable.
std::optional<std::chrono::sys_seconds> parseTimestamp(std::string_view text);

struct ReportBackProgress {
  ReportBackState state = ReportBackState::missing;
  //! Not submitted by the end of the deadline day, or first submitted after it. A later
  //! resubmission after a return does not make it late: the recipient delivered in time.
  bool late = false;
  int newest_version = 0;  //!< 0 when missing
  std::optional<Date> deadline;
  std::optional<Date> submitted_on;  //!< Swedish day of the first submission
};

//! Where one recipient's versions (in any order; possibly none) stand on `today` against
//! `deadline` (none: never late).
ReportBackProgress progressOf(std::span<const ReportBack* const> versions,
                              const std::optional<Date>& deadline, const Date& today,
                              const SwedishDateOf& swedish_date_of);

//! The same for a recipient of an occasion, its deadline looked up by its level.
ReportBackProgress progressOf(std::span<const ReportBack> versions,
                              const FollowUpOccasion& occasion, const Recipient& recipient,
                              const ChainIndex& index, const Date& today,
                              const SwedishDateOf& swedish_date_of);

}  // namespace styr::domain
