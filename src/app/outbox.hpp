#pragma once
// Delivering the notification outbox by e-mail. Notifications are written by the use cases
// in the transaction of the change that caused them (email_state pending whenever the person
// has an address); this loop claims the due ones, hands each to a Mailer and records the
// outcome, retrying temporary failures with back-off. A server without SMTP never runs it, so
// there the mail simply stays pending and the notifications are read in the app.

#include <chrono>
#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>

#include "app/clock.hpp"
#include "app/notification.hpp"
#include "app/store.hpp"

namespace styr::app {

//! One plain-text e-mail, as the outbox hands it to a Mailer.
struct MailMessage {
  std::string from;  //!< "address" or "Display Name <address>"
  std::string to;    //!< an address
  std::string subject;
  std::string body;  //!< plain text, UTF-8, lines ending in \n
  //! Without the angle brackets. The same on every attempt for one notification, so a
  //! receiver that sees a mail twice (after a crash mid-send) can tell it is a repeat.
  std::string message_id;
  std::chrono::system_clock::time_point date;
};

//! Why a message was not sent. Permanent: the server refused this message or recipient (a 5xx
//! reply to it), and sending it again would be refused again. Temporary: anything that may
//! pass later (4xx, no connection, a timeout, TLS or authentication trouble).
struct SendFailure {
  bool permanent = false;
  std::string message;
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  //! Sends one message; nullopt when the server accepted it.
  virtual std::optional<SendFailure> send(const MailMessage& message) = 0;
};

struct DeliveryOptions {
  std::string from;  //!< the From of every mail: "address" or "Display Name <address>"
  //! How long a claimed mail is reserved for the process that claimed it. Must exceed the
  //! longest send (the mailer's timeout); a process that dies leaves the mail to be claimed
  //! again when the lease has passed.
  std::chrono::seconds lease{std::chrono::minutes{5}};
  int max_attempts = 8;
  std::chrono::seconds first_retry{std::chrono::minutes{1}};  //!< doubled on every attempt
  std::chrono::seconds longest_retry{std::chrono::hours{1}};
  //! Pending mail older than this when its attempt comes is not sent but marked failed: when
  //! e-mail is configured long after notifications started to pile up, nobody should get
  //! months-old reminders.
  std::chrono::seconds max_age{std::chrono::days{7}};
  int limit = 200;  //!< at most this many mails per call; the caller calls again for more
};

struct DeliveryCounts {
  int sent = 0;
  int retried = 0;         //!< temporary failures, pending again after their back-off
  int failed = 0;          //!< given up (permanent failure, attempts used up, or too old)
  std::string last_error;  //!< the last failure of the call, for logs; empty when none
};

//! Claims the e-mails due now, sends each and records its outcome; returns the counts. Stops
//! between mails when `stop` is requested. Store errors propagate (the mail in hand stays
//! claimed and is retried after its lease).
DeliveryCounts deliverDueEmails(Store& store, const Clock& clock, Mailer& mailer,
                                const DeliveryOptions& options, std::stop_token stop = {});

//! The wait before the next attempt after `attempt` (1-based) failed temporarily:
//! first_retry doubled per attempt up to longest_retry, then spread by up to ±10 % (derived
//! from the notification's id, so the same mail always waits the same and a batch that failed
//! together does not come back together).
std::chrono::seconds retryDelay(std::int64_t notification_id, int attempt,
                                const DeliveryOptions& options);

//! The e-mail a notification is sent as.
MailMessage mailFor(const Notification& notification, const DeliveryOptions& options,
                    std::chrono::system_clock::time_point now);

}  // namespace styr::app
