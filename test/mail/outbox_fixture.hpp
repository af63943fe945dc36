#pragma once
// What the outbox tests share: an organisation with people to notify, reminders in Swedish,
// and a clock the test moves.

#include <atomic>
#include <chrono>
#include <string>

#include "app/clock.hpp"
#include "app/import_organisation.hpp"
#include "app/notification.hpp"
#include "app/outbox.hpp"
#include "app/store.hpp"

namespace styr::test {

inline constexpr const char* kOrganisation = "1441";

//! A clock that stands still until the test moves it.
class TestClock final : public app::Clock {
 public:
  explicit TestClock(std::chrono::system_clock::time_point at) : at_(at) {}
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return at_.load(); }
  void set(std::chrono::system_clock::time_point at) { at_.store(at); }

 private:
  std::atomic<std::chrono::system_clock::time_point> at_;
};

//! 10 September 2025, 08:00 UTC: two days before a deadline.
inline std::chrono::system_clock::time_point september10() {
  using namespace std::chrono;
  return sys_days{year{2025} / 9 / 10} + hours{8};
}

//! Lerum with two people who have addresses; nothing else is needed to be notified.
inline void addOrganisation(app::Store& store) {
  domain::OrganisationData data;
  data.organisation = {kOrganisation, "Lerums kommun", domain::OrganisationKind::municipality};
  data.people = {{"P-ANNA", "Anna", "Lindqvist", "anna.lindqvist@lerum.se"},
                 {"P-ERIK", "Erik", "Öberg", "erik.oberg@lerum.se"}};
  app::FixedClock clock(september10() - std::chrono::days{30});
  auto imported = app::importOrganisation(store, clock, "test", data);
  if (!imported) throw std::runtime_error("test organisation: " + imported.error().message);
}

inline const char* kReminderSubject = "Påminnelse: återrapportering till delårsrapport augusti";
inline const char* kReminderBody =
    "Hej Anna!\n\nÅterrapporteringen för Sektor Lärande ska vara inlämnad senast fredag 12 "
    "september 2025. Två mål saknar ännu bedömning och analys.\n\nVänliga hälsningar\nStyr\n";

//! A reminder written at `at`, its e-mail due at once.
inline app::Notification reminder(const std::string& dedupe_key,
                                  std::chrono::system_clock::time_point at,
                                  const std::string& email = "anna.lindqvist@lerum.se") {
  app::Notification notification;
  notification.organisation = kOrganisation;
  notification.person = "P-ANNA";
  notification.kind = "deadline_reminder";
  notification.subject = kReminderSubject;
  notification.body = kReminderBody;
  notification.link = "/api/v1/organisations/1441/occasions/DR-2025-08";
  notification.dedupe_key = dedupe_key;
  notification.created_at = app::formatTimestamp(at);
  notification.email = email;
  notification.email_state = email.empty() ? app::EmailState::none : app::EmailState::pending;
  notification.next_attempt_at = notification.created_at;
  return notification;
}

inline app::DeliveryOptions lerumDelivery() {
  app::DeliveryOptions options;
  options.from = "Styr – Lerums kommun <styr@lerum.se>";
  return options;
}

}  // namespace styr::test
