#include "app/reminders.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "app/audit_trail.hpp"
#include "app/follow_up_use_cases.hpp"
#include "app/notify.hpp"
#include "domain/business_days.hpp"

namespace styr::app {

namespace {

using domain::FollowUpOccasion;
using domain::OccasionStatus;
using domain::Recipient;
using domain::ReportBackState;

std::string reportBackLink(std::string_view occasion, const Recipient& recipient) {
  return fmt::format("/api/v1/occasions/{}/report-backs/{}", occasion, recipient.code());
}

//! "Förskolan Solstrålen (LAR-E01)": how a message names the recipient for its reader.
std::string recipientName(const Recipient& recipient, const domain::ChainIndex& index) {
  if (recipient.isPerson()) {
    if (const domain::Person* person = index.person(recipient.person)) {
      return fmt::format("{} {} ({})", person->given_name, person->family_name, person->code);
    }
  } else if (const domain::Unit* unit = index.unit(recipient.unit)) {
    return fmt::format("{} ({})", unit->name, unit->code);
  }
  return recipient.code();
}

std::string_view stateInSwedish(ReportBackState state) {
  switch (state) {
    case ReportBackState::missing:
      return "inte påbörjad";
    case ReportBackState::draft:
      return "ett utkast som inte är inskickat";
    case ReportBackState::returned:
      return "återskickad för revidering och inte inskickad igen";
    case ReportBackState::submitted:
      return "inskickad";
    case ReportBackState::approved:
      return "godkänd";
  }
  return "okänd";
}

bool awaitsSubmission(ReportBackState state) {
  return state == ReportBackState::missing || state == ReportBackState::draft ||
         state == ReportBackState::returned;
}

std::string businessDays(int days) {
  return days == 1 ? "1 arbetsdag" : fmt::format("{} arbetsdagar", days);
}

//! What the sweep and the controller's action share about one recipient of one occasion.
struct Chase {
  const FollowUpOccasion& occasion;
  const domain::ScopedRecipient& scoped;
  domain::ReportBackProgress progress;
  std::string name;  //!< of the recipient, for the reader
  std::string link;
};

Message reminderBefore(const Chase& chase, int days_left, std::string dedupe_key) {
  std::string deadline = domain::formatDate(*chase.progress.deadline);
  Message message;
  message.kind = "deadline_reminder";
  message.subject =
      fmt::format("Påminnelse: återrapportering till {} senast {}", chase.occasion.name, deadline);
  std::string when = days_left == 0 ? "i dag" : fmt::format("om {}", businessDays(days_left));
  message.body = fmt::format(
      "Återrapporteringen för {} till {} ({}) ska vara inskickad senast {}, {}. Den är just nu "
      "{}.\n\nSkriv och skicka in den här: {}",
      chase.name, chase.occasion.name, chase.occasion.code, deadline, when,
      stateInSwedish(chase.progress.state), chase.link);
  message.link = chase.link;
  message.dedupe_key = std::move(dedupe_key);
  return message;
}

Message deadlinePassed(const Chase& chase, bool to_writer, std::string dedupe_key) {
  std::string deadline = domain::formatDate(*chase.progress.deadline);
  Message message;
  message.kind = "deadline_passed";
  message.subject = fmt::format("Sista dag {} har passerat: återrapportering till {}", deadline,
                                chase.occasion.name);
  message.body =
      to_writer
          ? fmt::format(
                "Återrapporteringen för {} till {} ({}) skulle ha skickats in senast {} men är "
                "{}. Skicka in den snarast; den som godkänner den har också fått besked.\n\n{}",
                chase.name, chase.occasion.name, chase.occasion.code, deadline,
                stateInSwedish(chase.progress.state), chase.link)
          : fmt::format(
                "Återrapporteringen för {} till {} ({}), som du godkänner, skulle ha skickats in "
                "senast {} men är {}. De som skriver den har fått en påminnelse.\n\n{}",
                chase.name, chase.occasion.name, chase.occasion.code, deadline,
                stateInSwedish(chase.progress.state), chase.link);
  message.link = chase.link;
  message.dedupe_key = std::move(dedupe_key);
  return message;
}

std::string sweepKey(const Chase& chase, std::string_view which, std::string_view person) {
  return fmt::format("reminder/{}/{}/{}/{}", chase.occasion.code, chase.scoped.recipient.code(),
                     which, person);
}

//! The recipients of `occasion` whose report-back awaits submission, with where each stands.
template <typename Visit>
void forEachAwaited(const FollowUpOccasion& occasion, const OrganisationSnapshot& snapshot,
                    const domain::Date& today, Visit&& visit) {
  const domain::ChainIndex& index = snapshot.index();
  domain::OccasionScope scope(occasion, index);
  for (const domain::ScopedRecipient& scoped : scope.recipients()) {
    auto versions = versionsOf(snapshot.data(), occasion.code, scoped.recipient);
    auto progress = domain::progressOf(versions, scoped.deadline, today, swedishDate);
    // Being in scope means its level supplies the occasion, which gives it a deadline.
    if (!awaitsSubmission(progress.state) || !progress.deadline) continue;
    Chase chase{occasion, scoped, progress, recipientName(scoped.recipient, index),
                reportBackLink(occasion.code, scoped.recipient)};
    visit(chase);
  }
}

}  // namespace

std::size_t sendDueReminders(Store& store, const Clock& clock, ReadModels& models,
                             std::string_view organisation) {
  Transaction transaction(store);
  store.lockOrganisation(organisation);
  auto snapshot = models.current(store, organisation);
  const domain::ChainIndex& index = snapshot->index();
  const domain::Date today = clock.today();
  std::size_t queued = 0;
  auto notify = [&](std::string_view person, const Message& message) {
    if (notifyPerson(store, clock, index, person, message)) ++queued;
  };
  for (const FollowUpOccasion& occasion : snapshot->data().occasions) {
    if (occasion.status != OccasionStatus::open) continue;
    forEachAwaited(occasion, *snapshot, today, [&](const Chase& chase) {
      const domain::Date& deadline = *chase.progress.deadline;
      std::vector<std::string> writers = writersOf(chase.scoped.recipient, index, today);
      if (today <= deadline) {
        int days_left = domain::businessDaysBetween(today, deadline);
        std::string_view which;
        if (days_left <= kLastReminderDays) {
          which = "1";
        } else if (days_left <= kFirstReminderDays) {
          which = "5";
        } else {
          return;
        }
        for (const std::string& writer : writers) {
          notify(writer, reminderBefore(chase, days_left, sweepKey(chase, which, writer)));
        }
        return;
      }
      // A returned version first submitted in time is not late: the writers were told why it
      // came back, and its approver returned it knowingly.
      if (!chase.progress.late || occasion.meeting < today) return;
      std::set<std::string> told;
      for (const std::string& writer : writers) {
        if (!told.insert(writer).second) continue;
        notify(writer, deadlinePassed(chase, true, sweepKey(chase, "passed", writer)));
      }
      for (const std::string& approver : answeringFor(chase.scoped.approving_unit, index, today)) {
        if (!told.insert(approver).second) continue;
        notify(approver, deadlinePassed(chase, false, sweepKey(chase, "passed", approver)));
      }
    });
  }
  transaction.commit();
  return queued;
}

Result<Reminders> remindMissing(const UseCaseContext& context, const Caller& caller,
                                std::string_view occasion_code) {
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto snapshot = context.models.current(context.store, organisation);
  const domain::ChainIndex& index = snapshot->index();
  const domain::Date today = context.clock.today();
  access::Rights rights(caller.actor, index, today);
  access::Subject whole;
  whole.organisation = organisation;
  if (auto decision = rights.can(access::Action::send_reminders, whole); !decision) {
    return notAllowed(decision);
  }
  const auto& occasions = snapshot->data().occasions;
  auto found = std::find_if(occasions.begin(), occasions.end(),
                            [&](const FollowUpOccasion& o) { return o.code == occasion_code; });
  if (found == occasions.end()) {
    return Error{
        ErrorCode::not_found, fmt::format("there is no follow-up occasion {}", occasion_code), {}};
  }
  const FollowUpOccasion& occasion = *found;
  if (occasion.status != OccasionStatus::open) {
    return Error{ErrorCode::locked,
                 fmt::format("the follow-up occasion {} is closed: its report-backs are no "
                             "longer written, so nobody is reminded of them",
                             occasion.code),
                 {{"status", "", "closed"}}};
  }
  // The audit entry's sequence makes each round's keys unique even within one instant, and
  // ties every notification to the entry that records the round.
  std::string round = fmt::format("{}#{}", formatTimestamp(context.clock.now()),
                                  context.store.auditSequence(organisation) + 1);
  Reminders reminders;
  reminders.occasion = occasion.code;
  nlohmann::ordered_json reminded = nlohmann::ordered_json::array();
  forEachAwaited(occasion, *snapshot, today, [&](const Chase& chase) {
    RemindedRecipient entry{
        chase.scoped.recipient, chase.progress.state, chase.progress.deadline, {}};
    for (const std::string& writer : writersOf(chase.scoped.recipient, index, today)) {
      // Whoever sends the round knows of it; a secretary who writes the board's own
      // report-back is not reminded by their own hand.
      if (!caller.actor.person.empty() && writer == caller.actor.person) continue;
      const domain::Date& deadline = *chase.progress.deadline;
      Message message =
          today <= deadline
              ? reminderBefore(chase, domain::businessDaysBetween(today, deadline), {})
              : deadlinePassed(chase, true, {});
      message.kind = "reminder";
      message.dedupe_key = fmt::format("reminder/{}/{}/round/{}/{}", occasion.code,
                                       chase.scoped.recipient.code(), round, writer);
      if (notifyPerson(context.store, context.clock, index, writer, message)) {
        entry.people.push_back(writer);
        ++reminders.people;
      }
    }
    if (!entry.people.empty()) reminded.push_back(entry.recipient.code());
    reminders.recipients.push_back(std::move(entry));
  });
  if (reminders.people == 0) return reminders;  // nothing written, nothing to record
  AuditTrail trail(context.clock, organisation, caller.name);
  nlohmann::ordered_json after{{"reminded", std::move(reminded)}, {"people", reminders.people}};
  trail.record("occasion.reminders_sent", "occasion", occasion.code, "", after.dump());
  trail.write(context.store);
  transaction.commit();
  return reminders;
}

}  // namespace styr::app
