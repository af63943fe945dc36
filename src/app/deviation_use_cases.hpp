#pragma once
// Deviations (D11, D13): anyone signed in reports one on their unit, and every level of the
// chain between the unit and the level its gravity reaches is told at once, in order, each
// told who else has been. The levels acknowledge, comment, assess, raise or lower the gravity
// and decide corrective actions; a level that stays silent past its time limit is reminded,
// and when the limit passes again the next level is told. Every step appends to the
// deviation's timeline (never changed afterwards), writes one audit entry, and queues its
// notifications, all in one transaction.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/changes.hpp"
#include "app/item_use_cases.hpp"
#include "domain/deviation.hpp"

namespace styr::app {

//! What the reporter tells.
struct DeviationReport {
  std::string unit;
  domain::DeviationCategory category = domain::DeviationCategory::other;
  int gravity = 1;
  std::string title;
  std::string description;
  domain::Date occurred_on;
  std::vector<std::string> affected_items;
  std::vector<std::string> affected_indicators;
  std::optional<std::int64_t> budget_effect_sek;
  std::string immediate_actions;
  bool confidential = false;
};

//! Reports a deviation: coded "AVV-<year>-<nnnn>", its levels computed from the chain and the
//! organisation's gravity rules, each told at once. A level the reporter is told at counts as
//! acknowledged by them (they know). Reaching the council puts it on the list of information
//! to the council's next meeting.
Result<domain::Deviation> reportDeviation(const UseCaseContext& context, const Caller& caller,
                                          DeviationReport report);

//! "I know", by someone told at (or answering for) a level that has not acknowledged yet.
Result<domain::Deviation> acknowledgeDeviation(const UseCaseContext& context, const Caller& caller,
                                               std::string_view code, ExpectedRevision expected);

//! A comment (the reporter or the chain) or an assessment (the chain) on the timeline.
Result<domain::Deviation> commentOnDeviation(const UseCaseContext& context, const Caller& caller,
                                             std::string_view code, std::string text,
                                             ExpectedRevision expected);
Result<domain::Deviation> assessDeviation(const UseCaseContext& context, const Caller& caller,
                                          std::string_view code, std::string text,
                                          ExpectedRevision expected);

//! Raises (the further levels are told at once; a reason is optional) or lowers (a reason is
//! required; the levels above the new reach that had not acknowledged are released from
//! acknowledging) the gravity.
Result<domain::Deviation> changeGravity(const UseCaseContext& context, const Caller& caller,
                                        std::string_view code, int gravity, std::string reason,
                                        ExpectedRevision expected);

//! Adds a corrective action (description, owner: a person of the organisation, due date).
Result<domain::Deviation> addDeviationAction(const UseCaseContext& context, const Caller& caller,
                                             std::string_view code, domain::DeviationAction action,
                                             ExpectedRevision expected);
//! Changes an action's status and, when moved, its due date; `note` says why on the timeline.
//! Taken by the chain that handles the deviation, or by the action's owner.
Result<domain::Deviation> changeDeviationAction(const UseCaseContext& context, const Caller& caller,
                                                std::string_view code, int number,
                                                domain::ActionStatus status,
                                                std::optional<domain::Date> due, std::string note,
                                                ExpectedRevision expected);

//! Closes it with a closing note, when every action is done or moved. Closed, it stays
//! readable and takes no further step.
Result<domain::Deviation> closeDeviation(const UseCaseContext& context, const Caller& caller,
                                         std::string_view code, std::string note,
                                         ExpectedRevision expected);

//! Replaces the organisation's gravity rules (controllers); one audit entry.
Result<domain::DeviationSettings> saveDeviationSettings(const UseCaseContext& context,
                                                        const Caller& caller,
                                                        domain::DeviationSettings settings);

//! One deviation the caller may read.
Result<domain::Deviation> readDeviation(const UseCaseContext& context, const Caller& caller,
                                        std::string_view code);

//! The register's filters; empty or unset ones do not filter.
struct DeviationFilter {
  std::string unit;    //!< the unit or below it
  std::string sector;  //!< a sector's subtree (the same as unit, named for the register)
  std::optional<domain::DeviationCategory> category;
  std::optional<int> gravity;
  std::optional<domain::DeviationState> state;
  std::optional<domain::Date> from;  //!< reported on or after (Swedish day)
  std::optional<domain::Date> to;    //!< reported on or before
  //! Only those waiting for this person's acknowledgement (their inbox).
  std::string waiting_for;
};

//! The deviations the caller may read that pass the filter, ordered by code.
Result<std::vector<domain::Deviation>> deviationRegister(const UseCaseContext& context,
                                                         const Caller& caller,
                                                         const DeviationFilter& filter);

//! How long the levels of one reach took to acknowledge, over a set of deviations.
struct AcknowledgementStatistics {
  domain::EscalationReach reach = domain::EscalationReach::unit;
  std::size_t told = 0;          //!< levels told (released ones not counted)
  std::size_t acknowledged = 0;  //!< of which acknowledged
  std::size_t waiting = 0;       //!< not acknowledged yet, of open deviations
  std::int64_t median_minutes = 0;
  std::int64_t max_minutes = 0;
};
//! Per reach, lowest first; minutes from being told to acknowledging.
std::vector<AcknowledgementStatistics> acknowledgementStatistics(
    const std::vector<domain::Deviation>& deviations, const domain::ChainIndex& index);

//! The deviations a unit's report-back to `occasion` takes up (D10 + D11): those of the unit
//! and below it reported up to the unit's deadline that are new since the previous occasion
//! it reported to, or were still open then. Only those the caller may read.
Result<std::vector<domain::Deviation>> deviationsForReportBack(const UseCaseContext& context,
                                                               const Caller& caller,
                                                               std::string_view occasion,
                                                               std::string_view unit);

//! What one run of the time-limit sweep did.
struct DeviationSweep {
  std::size_t deviations = 0;  //!< deviations changed
  std::size_t reminded = 0;    //!< levels reminded
  std::size_t escalated = 0;   //!< levels told because another stayed silent
};

//! The time-limit sweep over every organisation in the database: each level told and not
//! acknowledged whose limit (by the deviation's gravity) has passed is reminded; when the
//! limit passes again, the next level up is told. Each deviation changed gets one audit entry
//! (by "styr (tidsgräns)"), in its own transaction.
DeviationSweep sweepDeviations(Store& store, const Clock& clock, ReadModels& models);

//! When a level told at `at` under `rule` must have acknowledged: `hours` later, or the same
//! time of day `business_days` Swedish business days later.
std::string dueAfter(std::chrono::system_clock::time_point at, const domain::GravityRule& rule);

}  // namespace styr::app
