#include "app/notify.hpp"

namespace styr::app {

bool notifyPerson(Store& store, const Clock& clock, const domain::ChainIndex& index,
                  std::string_view person, const Message& message) {
  return notifyPerson(store, clock, index.data().organisation.code, person, index.person(person),
                      message);
}

bool notifyPerson(Store& store, const Clock& clock, std::string_view organisation,
                  std::string_view person, const domain::Person* found, const Message& message) {
  Notification notification;
  notification.organisation = std::string(organisation);
  notification.person = std::string(person);
  notification.kind = message.kind;
  notification.subject = message.subject;
  notification.body = message.body;
  notification.link = message.link;
  notification.dedupe_key = message.dedupe_key;
  notification.created_at = formatTimestamp(clock.now());
  if (found != nullptr && !found->email.empty()) {
    // Pending whether or not a server delivers mail: one started with --smtp later sends
    // what is still due, and one without it leaves the mail waiting, never lost.
    notification.email = found->email;
    notification.email_state = EmailState::pending;
    notification.next_attempt_at = notification.created_at;
  }
  return store.insertNotification(notification).has_value();
}

}  // namespace styr::app
