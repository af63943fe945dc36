#pragma once
// Writing to the notification outbox from a use case, inside its transaction: the person's
// address is taken from their record, so that the mail goes where the person is reached on
// the day it was caused, and the delivery loop (app/outbox) sends it afterwards.

#include <string>
#include <string_view>

#include "app/clock.hpp"
#include "app/notification.hpp"
#include "app/store.hpp"
#include "domain/chain_index.hpp"

namespace styr::app {

struct Message {
  std::string kind;
  std::string subject;
  std::string body;
  std::string link;
  std::string dedupe_key;  //!< empty: every call notifies
};

//! Queues `message` for `person` (in-app, and by e-mail when the person has an address);
//! false when a notification with the same dedupe key exists already (nothing written).
bool notifyPerson(Store& store, const Clock& clock, const domain::ChainIndex& index,
                  std::string_view person, const Message& message);
//! The same for a person read from the store (`found`: null when there is no such person, who
//! then gets the notification in the app only), for callers that hold no snapshot.
bool notifyPerson(Store& store, const Clock& clock, std::string_view organisation,
                  std::string_view person, const domain::Person* found, const Message& message);

}  // namespace styr::app
