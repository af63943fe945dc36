#pragma once
// Chasing report-backs that have not come in (D10, issue 5): the sweep that reminds writers
// ahead of their deadline and tells them and their approvers when it has passed, and the
// controller's "remind them all" for one occasion. Reminders go through the notification
// outbox (app/notify), in the transaction that decided them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/changes.hpp"
#include "app/clock.hpp"
#include "app/item_use_cases.hpp"
#include "app/read_model.hpp"
#include "app/store.hpp"
#include "domain/follow_up_scope.hpp"

namespace styr::app {

//! Business days before a deadline at which the writers are reminded. A sweep that did not
//! run on the very day (a weekend, a server down) still sends the reminder until the next one
//! is due, as a late reminder helps more than none.
inline constexpr int kFirstReminderDays = 5;
inline constexpr int kLastReminderDays = 1;

//! One sweep over the organisation's OPEN occasions, on the clock's Swedish day, for every
//! recipient in scope whose report-back is not submitted (missing, a draft, or returned):
//! - from 5 business days before its deadline, a reminder to its writers, and from 1 business
//!   day before (the deadline day included) another;
//! - once the deadline has passed without a submission, until the occasion's meeting (after
//!   it, chasing the report no longer serves the meeting), a "deadline passed" notice to the
//!   writers and to whoever answers for the approving unit.
//! Each reminder is sent at most once (the outbox's dedupe key), so the sweep may run as
//! often as wanted. Notifications are operational records: the sweep writes no audit entry,
//! each notification is the record of what was sent. Returns how many were queued.
std::size_t sendDueReminders(Store& store, const Clock& clock, ReadModels& models,
                             std::string_view organisation);

//! One recipient the controller's reminder reached, or could not reach.
struct RemindedRecipient {
  domain::Recipient recipient;
  domain::ReportBackState state = domain::ReportBackState::missing;
  std::optional<domain::Date> deadline;
  std::vector<std::string> people;  //!< who was told (person codes); empty: nobody writes it
};

struct Reminders {
  std::string occasion;
  std::vector<RemindedRecipient> recipients;  //!< in scope and not submitted, in scope order
  std::size_t people = 0;                     //!< notifications queued
};

//! The controller's "remind them all" (send_reminders): one reminder now to the writers of
//! every recipient in scope of the open occasion `occasion` whose report-back is not
//! submitted, however often it was sent before; the caller is not told. One audit entry
//! ("occasion.reminders_sent", after = {"reminded": [recipient codes], "people": n}) in the
//! same transaction; nothing at all is written when nobody is to be reminded.
Result<Reminders> remindMissing(const UseCaseContext& context, const Caller& caller,
                                std::string_view occasion);

}  // namespace styr::app
