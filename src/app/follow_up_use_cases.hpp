#pragma once
// The follow-up cycle (D10, D12, L6, L13): the year's follow-up plan, set by controllers; each
// recipient's report-back to an occasion, written by the recipient, submitted (then frozen),
// and returned or approved by the level above; and the notifications each step causes,
// written to the outbox in the step's own transaction. Every step is checked against who may
// (src/access), the state, and the occasion's rules, and writes one audit entry per record it
// changes in the same transaction. Nothing is written when any check fails.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/changes.hpp"
#include "app/item_use_cases.hpp"
#include "domain/follow_up_scope.hpp"
#include "domain/model.hpp"

namespace styr::app {

//! The default plan of the seed for `year` (domain::defaultFollowUpPlan), checked by
//! domain::checkFollowUpPlan and stored. Refused when the year has occasions already.
Result<std::vector<domain::FollowUpOccasion>> adoptDefaultPlan(const UseCaseContext& context,
                                                               const Caller& caller, int year);

//! Adds an occasion, or replaces the stored one with the same code (at `expected`'s
//! revision). The change may not break a rule of domain::checkFollowUpPlan (L6, D10) that the
//! year's plan kept (nor, for an occasion moved to another year, the plan of the year it
//! leaves), nor the organisation's integrity rules; a year's plan may so be built an occasion
//! at a time. A closed occasion is not edited: reopen it first.
Result<domain::FollowUpOccasion> saveOccasion(const UseCaseContext& context, const Caller& caller,
                                              domain::FollowUpOccasion occasion,
                                              ExpectedRevision expected);

//! Open -> closed: from now on its report-backs are not written, submitted or decided.
Result<domain::FollowUpOccasion> closeOccasion(const UseCaseContext& context, const Caller& caller,
                                               std::string_view code, ExpectedRevision expected);
//! Closed -> open again, with why: the reason is required and kept in the one audit entry of
//! the change (its after holds "reason").
Result<domain::FollowUpOccasion> reopenOccasion(const UseCaseContext& context, const Caller& caller,
                                                std::string_view code, ExpectedRevision expected,
                                                std::string reason);

//! What the recipient writes in a report-back.
struct ReportBackContent {
  std::vector<domain::ItemAssessment> assessments;
  std::vector<domain::TopicText> topics;
  std::vector<domain::IndicatorValue> indicator_values;
};

//! Saves the recipient's draft: the first version, the draft in progress, or a new version
//! after the previous one was returned (started from the returned content by the caller).
//! `expected` is the newest version's revision as read.
Result<domain::ReportBack> saveReportBack(const UseCaseContext& context, const Caller& caller,
                                          std::string_view occasion,
                                          const domain::Recipient& recipient,
                                          ReportBackContent content, ExpectedRevision expected);
//! Draft -> submitted, when domain::submissionProblems finds nothing; the approvers are
//! notified. From here the version's content never changes (D12).
Result<domain::ReportBack> submitReportBack(const UseCaseContext& context, const Caller& caller,
                                            std::string_view occasion,
                                            const domain::Recipient& recipient,
                                            ExpectedRevision expected);
//! Submitted -> returned with a reason, by the level above; the writers are notified and
//! revise it as a new version.
Result<domain::ReportBack> returnReportBack(const UseCaseContext& context, const Caller& caller,
                                            std::string_view occasion,
                                            const domain::Recipient& recipient,
                                            ExpectedRevision expected, std::string reason);
//! Submitted -> approved, by the level above; the writers are notified.
Result<domain::ReportBack> approveReportBack(const UseCaseContext& context, const Caller& caller,
                                             std::string_view occasion,
                                             const domain::Recipient& recipient,
                                             ExpectedRevision expected);

//! Every version of one recipient's report-back, oldest first (from a snapshot's data).
std::vector<const domain::ReportBack*> versionsOf(const domain::OrganisationData& data,
                                                  std::string_view occasion,
                                                  const domain::Recipient& recipient);

//! The people who write a recipient's report-back on `day`: the person, or the heads of an
//! administrative unit, or the secretaries (controllers) of a political body.
std::vector<std::string> writersOf(const domain::Recipient& recipient,
                                   const domain::ChainIndex& index, const domain::Date& day);
//! The people who write for a unit on `day` (its heads, or a political body's secretaries).
std::vector<std::string> answeringFor(std::string_view unit, const domain::ChainIndex& index,
                                      const domain::Date& day);

}  // namespace styr::app
