#pragma once
// The notification outbox: what a person is told, in the app and (when an SMTP server is
// configured) by e-mail. A notification is written in the same transaction as the change or
// sweep that caused it, and e-mailed afterwards by the delivery loop, so a crash between the
// two loses nothing and a restart resumes delivery.

#include <cstdint>
#include <string>

namespace styr::app {

enum class EmailState {
  none,     //!< in-app only (no address, or e-mail not wanted)
  pending,  //!< waiting for its (next) attempt at next_attempt_at
  sent,
  failed,  //!< gave up after the last attempt; last_error says why
};

struct Notification {
  std::int64_t id = 0;  //!< assigned by the store
  std::string organisation;
  std::string person;  //!< the recipient, a person code
  //! What caused it, e.g. "deadline_reminder", "deadline_passed", "report_back_returned".
  std::string kind;
  std::string subject;
  std::string body;
  std::string link;  //!< the API path of what it is about
  //! Non-empty: at most one notification per organisation with this key (a reminder for one
  //! deadline is sent once, however often the sweep runs).
  std::string dedupe_key;
  std::string created_at;
  std::string read_at;  //!< empty until read in the app
  std::string email;    //!< the address it is mailed to; empty when in-app only
  EmailState email_state = EmailState::none;
  int attempts = 0;
  std::string next_attempt_at;  //!< ISO timestamp; pending mail is due from here
  std::string sent_at;
  std::string last_error;
};

std::string_view toString(EmailState state);

}  // namespace styr::app
