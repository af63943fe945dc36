#include "app/outbox.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>

namespace styr::app {

namespace {

// The address inside "Display Name <address>", or the whole text when there are no brackets.
std::string_view addressOf(std::string_view from) {
  auto open = from.rfind('<');
  auto close = from.rfind('>');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return from;
  return from.substr(open + 1, close - open - 1);
}

std::string domainOf(std::string_view from) {
  auto address = addressOf(from);
  auto at = address.rfind('@');
  return at == std::string_view::npos ? std::string("styr.invalid")
                                      : std::string(address.substr(at + 1));
}

std::string digitsOf(std::string_view text) {
  std::string digits;
  for (char c : text)
    if (c >= '0' && c <= '9') digits.push_back(c);
  return digits;
}

// SplitMix64's finaliser: a well-spread, stable hash of small integers.
std::uint64_t mix(std::uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

void record(Store& store, Notification& mail, EmailState state, std::string next_attempt_at,
            std::string sent_at, std::string last_error) {
  mail.email_state = state;
  mail.next_attempt_at = std::move(next_attempt_at);
  mail.sent_at = std::move(sent_at);
  mail.last_error = std::move(last_error);
  store.recordEmailOutcome(mail);
}

}  // namespace

std::chrono::seconds retryDelay(std::int64_t notification_id, int attempt,
                                const DeliveryOptions& options) {
  auto delay = options.first_retry;
  for (int doubled = 1; doubled < attempt && delay < options.longest_retry; ++doubled) delay *= 2;
  delay = std::min(delay, options.longest_retry);
  // -100..+100 thousandths of the delay, the same for the same mail and attempt.
  auto spread = static_cast<std::int64_t>(mix(static_cast<std::uint64_t>(notification_id) * 64 +
                                              static_cast<std::uint64_t>(attempt)) %
                                          201) -
                100;
  return delay + std::chrono::seconds{delay.count() * spread / 1000};
}

MailMessage mailFor(const Notification& notification, const DeliveryOptions& options,
                    std::chrono::system_clock::time_point now) {
  MailMessage message;
  message.from = options.from;
  message.to = notification.email;
  message.subject = notification.subject;
  message.body = notification.body;
  // Ids are unique per database only; the creation time keeps a copied database's mails
  // distinct from the original's.
  message.message_id = fmt::format("styr.{}.{}.{}@{}", notification.organisation, notification.id,
                                   digitsOf(notification.created_at), domainOf(options.from));
  message.date = now;
  return message;
}

// Sending is not part of any transaction: the mail is claimed (one statement), sent, and its
// outcome recorded (another). A process that dies, or loses its database, between the send and
// the record leaves the mail claimed; after the lease another run sends it again. That is a
// deliberate at-least-once choice: a reminder received twice (with the same Message-ID, so
// mail programs can tell) is better than one silently never sent, which at-most-once (recording
// "sent" before sending) would risk on every crash.
DeliveryCounts deliverDueEmails(Store& store, const Clock& clock, Mailer& mailer,
                                const DeliveryOptions& options, std::stop_token stop) {
  DeliveryCounts counts;
  for (int handled = 0; handled < options.limit && !stop.stop_requested(); ++handled) {
    auto now = clock.now();
    // One mail per claim, so the lease only has to cover one send: a batch would stay
    // claimed while the mails ahead of it are sent, and could be claimed again by another
    // process once its lease ran out, while this one still meant to send it.
    auto claimed =
        store.claimDueEmails(formatTimestamp(now), formatTimestamp(now + options.lease), 1);
    if (claimed.empty()) break;
    Notification mail = std::move(claimed.front());

    // The attempt was counted when claimed; more than the maximum means earlier attempts ended
    // without an outcome (the process stopped while sending), and retrying forever is what
    // the maximum prevents.
    if (mail.attempts > options.max_attempts) {
      counts.last_error = fmt::format(
          "not sent: all {} attempts were used up, the last without an outcome (the process "
          "stopped while sending)",
          options.max_attempts);
      record(store, mail, EmailState::failed, "", "", counts.last_error);
      ++counts.failed;
      continue;
    }
    // ISO timestamps in UTC order as text.
    if (!mail.created_at.empty() && mail.created_at < formatTimestamp(now - options.max_age)) {
      counts.last_error = fmt::format(
          "not sent: written at {}, more than {} days ago (was e-mail configured only later?)",
          mail.created_at, std::chrono::duration_cast<std::chrono::days>(options.max_age).count());
      record(store, mail, EmailState::failed, "", "", counts.last_error);
      ++counts.failed;
      continue;
    }

    std::optional<SendFailure> failure;
    try {
      failure = mailer.send(mailFor(mail, options, now));
    } catch (const std::exception& error) {
      failure = SendFailure{false, fmt::format("the mailer failed: {}", error.what())};
    }
    auto done = clock.now();
    if (!failure) {
      record(store, mail, EmailState::sent, "", formatTimestamp(done), "");
      ++counts.sent;
      continue;
    }
    if (failure->permanent) {
      counts.last_error =
          fmt::format("attempt {} to {}: {}", mail.attempts, mail.email, failure->message);
      record(store, mail, EmailState::failed, "", "", counts.last_error);
      ++counts.failed;
    } else if (mail.attempts >= options.max_attempts) {
      counts.last_error = fmt::format("gave up after {} attempts to {}; the last: {}",
                                      mail.attempts, mail.email, failure->message);
      record(store, mail, EmailState::failed, "", "", counts.last_error);
      ++counts.failed;
    } else {
      counts.last_error =
          fmt::format("attempt {} to {}: {}", mail.attempts, mail.email, failure->message);
      record(store, mail, EmailState::pending,
             formatTimestamp(done + retryDelay(mail.id, mail.attempts, options)), "",
             counts.last_error);
      ++counts.retried;
    }
  }
  return counts;
}

}  // namespace styr::app
