// Delivering the notification outbox through a real SMTP server on loopback, on both
// backends: what arrives, what the outbox records, retries with back-off on an injected clock,
// two deliverers at once, and a delivery that resumes after its process died.

#include "app/outbox.hpp"

#include <gtest/gtest.h>

#include <latch>
#include <set>
#include <stop_token>
#include <thread>

#include "mail/outbox_fixture.hpp"
#include "mail/smtp_mailer.hpp"
#include "store/open_store.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_databases.hpp"

namespace styr::test {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<mail::SmtpMailer> mailerTo(const std::string& url) {
  mail::SmtpOptions options;
  options.url = url;
  options.connect_timeout = 5s;
  options.timeout = 10s;
  auto opened = mail::SmtpMailer::open(options);
  if (!opened) throw std::runtime_error(opened.error().message);
  return std::move(opened).value();
}

std::string urlOf(unsigned short port) {
  return "smtp://127.0.0.1:" + std::to_string(port);
}

class Outbox : public ::testing::TestWithParam<BackendKind> {
 protected:
  void SetUp() override {
    if (GetParam() == BackendKind::postgres && !postgresConfigured())
      GTEST_SKIP() << "no PostgreSQL server configured (scripts/test.sh starts one)";
    database_ = std::make_unique<TestDatabase>(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    store_ = store::openStore(database_->db());
    addOrganisation(*store_);
  }

  std::int64_t add(const app::Notification& notification) {
    auto id = store_->insertNotification(notification);
    if (!id) throw std::runtime_error("the notification was not added");
    return *id;
  }

  //! The notification as stored now.
  app::Notification stored(std::int64_t id) {
    for (auto& notification : store_->notificationsOf(kOrganisation, "P-ANNA", false, 1000))
      if (notification.id == id) return notification;
    throw std::runtime_error("no notification " + std::to_string(id));
  }

  app::DeliveryCounts deliver(app::Mailer& mailer, std::chrono::system_clock::time_point at,
                              const app::DeliveryOptions& options = lerumDelivery()) {
    clock_.set(at);
    return app::deliverDueEmails(*store_, clock_, mailer, options);
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<app::Store> store_;
  TestClock clock_{september10()};
};

void expectCounts(const app::DeliveryCounts& counts, int sent, int retried, int failed) {
  EXPECT_EQ(counts.sent, sent) << counts.last_error;
  EXPECT_EQ(counts.retried, retried) << counts.last_error;
  EXPECT_EQ(counts.failed, failed) << counts.last_error;
}

TEST_P(Outbox, ASwedishReminderArrivesOnceWithItsTextAndIsRecordedSent) {
  SmtpSink sink;
  auto mailer = mailerTo(sink.url());
  auto id = add(reminder("reminder-anna", september10()));
  auto in_app_only = add(reminder("in-app-only", september10(), ""));

  expectCounts(deliver(*mailer, september10() + 1s), 1, 0, 0);
  auto mails = sink.messages();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].header("subject"), kReminderSubject);
  EXPECT_EQ(mails[0].body, kReminderBody);
  EXPECT_EQ(mails[0].header("to"), "anna.lindqvist@lerum.se");
  EXPECT_EQ(mails[0].rcpt_tos, std::vector<std::string>{"anna.lindqvist@lerum.se"});
  EXPECT_EQ(mails[0].header("from"), "Styr – Lerums kommun <styr@lerum.se>");
  EXPECT_EQ(mails[0].mail_from, "styr@lerum.se");
  EXPECT_EQ(mails[0].header("date"), "Wed, 10 Sep 2025 10:00:01 +0200");
  EXPECT_TRUE(mails[0].header("message-id").starts_with("<styr.1441." + std::to_string(id) + "."))
      << mails[0].header("message-id");

  auto sent = stored(id);
  EXPECT_EQ(sent.email_state, app::EmailState::sent);
  EXPECT_EQ(sent.sent_at, app::formatTimestamp(september10() + 1s));
  EXPECT_EQ(sent.attempts, 1);
  EXPECT_EQ(sent.last_error, "");
  EXPECT_EQ(stored(in_app_only).email_state, app::EmailState::none);

  // Sent is sent: later rounds find nothing.
  expectCounts(deliver(*mailer, september10() + 2h), 0, 0, 0);
  EXPECT_EQ(sink.messages().size(), 1u);
}

TEST_P(Outbox, TwoDeliverersOnOneDatabaseSendEveryMailOnce) {
  SmtpSink sink;
  constexpr int kMails = 12;
  for (int n = 0; n < kMails; ++n) add(reminder("reminder-" + std::to_string(n), september10()));

  // Two processes' worth: each its own store connection and SMTP connection, started at once.
  app::FixedClock clock(september10() + 1s);
  std::latch start(2);
  app::DeliveryCounts counts[2];
  std::string errors[2];
  auto deliverer = [&](int which) {
    try {
      auto store = store::openStore(database_->db());
      auto mailer = mailerTo(sink.url());
      start.arrive_and_wait();
      counts[which] = app::deliverDueEmails(*store, clock, *mailer, lerumDelivery());
    } catch (const std::exception& error) {
      errors[which] = error.what();
    }
  };
  {
    std::jthread first(deliverer, 0);
    std::jthread second(deliverer, 1);
  }
  ASSERT_EQ(errors[0], "");
  ASSERT_EQ(errors[1], "");
  EXPECT_EQ(counts[0].sent + counts[1].sent, kMails);
  EXPECT_EQ(counts[0].retried + counts[1].retried + counts[0].failed + counts[1].failed, 0);

  auto mails = sink.messages();
  EXPECT_EQ(mails.size(), static_cast<std::size_t>(kMails));
  std::set<std::string> message_ids;
  for (const auto& mail : mails) message_ids.insert(mail.header("message-id"));
  EXPECT_EQ(message_ids.size(), static_cast<std::size_t>(kMails));
  for (const auto& notification : store_->notificationsOf(kOrganisation, "P-ANNA", false, 100)) {
    EXPECT_EQ(notification.email_state, app::EmailState::sent);
    EXPECT_EQ(notification.attempts, 1);
  }
}

TEST_P(Outbox, AServerThatIsDownIsTriedAgainAfterTheBackOffAndThenDelivered) {
  unsigned short port = SmtpSink::freePort();
  auto mailer = mailerTo(urlOf(port));
  auto id = add(reminder("reminder-anna", september10()));
  auto options = lerumDelivery();

  expectCounts(deliver(*mailer, september10()), 0, 1, 0);
  auto waiting = stored(id);
  auto delay = app::retryDelay(id, 1, options);
  EXPECT_GE(delay, 54s);
  EXPECT_LE(delay, 66s);
  EXPECT_EQ(waiting.email_state, app::EmailState::pending);
  EXPECT_EQ(waiting.attempts, 1);
  EXPECT_EQ(waiting.next_attempt_at, app::formatTimestamp(september10() + delay));
  EXPECT_NE(waiting.last_error.find("attempt 1 to anna.lindqvist@lerum.se"), std::string::npos)
      << waiting.last_error;
  EXPECT_NE(waiting.last_error.find(urlOf(port)), std::string::npos) << waiting.last_error;

  // The server comes up; the mail waits for its time all the same.
  SmtpSink::Options same_port;
  same_port.port = port;
  SmtpSink sink(same_port);
  expectCounts(deliver(*mailer, september10() + delay - 1s), 0, 0, 0);
  EXPECT_TRUE(sink.messages().empty());

  expectCounts(deliver(*mailer, september10() + delay), 1, 0, 0);
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(sink.messages()[0].header("subject"), kReminderSubject);
  auto sent = stored(id);
  EXPECT_EQ(sent.email_state, app::EmailState::sent);
  EXPECT_EQ(sent.attempts, 2);
  EXPECT_EQ(sent.last_error, "");
}

TEST_P(Outbox, ARecipientTheServerRefusesForGoodFailsAfterOneAttempt) {
  SmtpSink::Options refusing;
  refusing.mode = SmtpSink::Mode::reject_recipient;
  SmtpSink sink(refusing);
  auto mailer = mailerTo(sink.url());
  auto id = add(reminder("reminder-anna", september10()));

  expectCounts(deliver(*mailer, september10()), 0, 0, 1);
  auto failed = stored(id);
  EXPECT_EQ(failed.email_state, app::EmailState::failed);
  EXPECT_EQ(failed.attempts, 1);
  EXPECT_NE(failed.last_error.find("550 5.1.1"), std::string::npos) << failed.last_error;
  expectCounts(deliver(*mailer, september10() + 24h), 0, 0, 0);
  EXPECT_EQ(stored(id).attempts, 1);
}

TEST_P(Outbox, AfterTheLastAttemptAMailThatKeptBeingDeferredFailsWithItsLastError) {
  SmtpSink::Options deferring;
  deferring.mode = SmtpSink::Mode::defer_recipient;
  SmtpSink sink(deferring);
  auto mailer = mailerTo(sink.url());
  auto id = add(reminder("reminder-anna", september10()));
  auto options = lerumDelivery();

  auto at = september10();
  std::chrono::seconds waited{0};
  for (int attempt = 1; attempt < options.max_attempts; ++attempt) {
    expectCounts(deliver(*mailer, at), 0, 1, 0);
    auto delay = app::retryDelay(id, attempt, options);
    EXPECT_EQ(stored(id).next_attempt_at, app::formatTimestamp(at + delay)) << attempt;
    at += delay;
    waited += delay;
  }
  // 1 + 2 + 4 + 8 + 16 + 32 + 60 minutes, give or take the spread.
  EXPECT_GE(waited, 110min);
  EXPECT_LE(waited, 136min);
  expectCounts(deliver(*mailer, at), 0, 0, 1);
  auto failed = stored(id);
  EXPECT_EQ(failed.email_state, app::EmailState::failed);
  EXPECT_EQ(failed.attempts, options.max_attempts);
  EXPECT_NE(failed.last_error.find("gave up after 8 attempts"), std::string::npos)
      << failed.last_error;
  EXPECT_NE(failed.last_error.find("451 4.3.0"), std::string::npos) << failed.last_error;
  expectCounts(deliver(*mailer, at + 24h), 0, 0, 0);
  EXPECT_TRUE(sink.messages().empty());
}

TEST_P(Outbox, AMailClaimedByAProcessThatDiedIsSentByTheNextAfterItsLease) {
  SmtpSink sink;
  auto id = add(reminder("reminder-anna", september10()));
  auto options = lerumDelivery();
  {
    // A process claims the mail and dies before it records anything.
    auto dying = store::openStore(database_->db());
    auto claimed = dying->claimDueEmails(app::formatTimestamp(september10()),
                                         app::formatTimestamp(september10() + options.lease), 10);
    ASSERT_EQ(claimed.size(), 1u);
  }
  // The next process, with a connection of its own.
  store_ = store::openStore(database_->db());
  auto mailer = mailerTo(sink.url());
  expectCounts(deliver(*mailer, september10() + options.lease - 1s), 0, 0, 0);
  EXPECT_TRUE(sink.messages().empty());

  expectCounts(deliver(*mailer, september10() + options.lease), 1, 0, 0);
  ASSERT_EQ(sink.messages().size(), 1u);
  auto sent = stored(id);
  EXPECT_EQ(sent.email_state, app::EmailState::sent);
  EXPECT_EQ(sent.attempts, 2);
}

TEST_P(Outbox, AMailWhoseEveryAttemptEndedWithTheProcessIsGivenUpUnsent) {
  SmtpSink sink;
  auto id = add(reminder("reminder-anna", september10()));
  auto options = lerumDelivery();
  options.max_attempts = 2;
  auto at = september10();
  for (int crash = 0; crash < options.max_attempts; ++crash) {
    auto claimed = store_->claimDueEmails(app::formatTimestamp(at),
                                          app::formatTimestamp(at + options.lease), 10);
    ASSERT_EQ(claimed.size(), 1u);
    at += options.lease;
  }
  auto mailer = mailerTo(sink.url());
  expectCounts(deliver(*mailer, at, options), 0, 0, 1);
  EXPECT_TRUE(sink.messages().empty());
  auto failed = stored(id);
  EXPECT_EQ(failed.email_state, app::EmailState::failed);
  EXPECT_NE(failed.last_error.find("stopped while sending"), std::string::npos)
      << failed.last_error;
}

TEST_P(Outbox, MailThatWaitedLongerThanAWeekIsNotSent) {
  SmtpSink sink;
  auto mailer = mailerTo(sink.url());
  auto old = add(reminder("written-long-ago", september10() - std::chrono::days{8}));
  auto recent = add(reminder("written-yesterday", september10() - std::chrono::days{1}));

  expectCounts(deliver(*mailer, september10()), 1, 0, 1);
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(stored(recent).email_state, app::EmailState::sent);
  auto too_old = stored(old);
  EXPECT_EQ(too_old.email_state, app::EmailState::failed);
  EXPECT_NE(too_old.last_error.find("more than 7 days"), std::string::npos) << too_old.last_error;
}

TEST_P(Outbox, AStopRequestedBeforehandSendsNothing) {
  SmtpSink sink;
  auto mailer = mailerTo(sink.url());
  auto id = add(reminder("reminder-anna", september10()));
  std::stop_source stop;
  stop.request_stop();
  clock_.set(september10());
  expectCounts(app::deliverDueEmails(*store_, clock_, *mailer, lerumDelivery(), stop.get_token()),
               0, 0, 0);
  EXPECT_TRUE(sink.messages().empty());
  EXPECT_EQ(stored(id).email_state, app::EmailState::pending);
  EXPECT_EQ(stored(id).attempts, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, Outbox, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return toString(info.param); });

TEST(RetryDelay, DoublesFromAMinuteToAnHourSpreadByAtMostTenPercent) {
  auto options = lerumDelivery();
  std::set<std::int64_t> first_delays;
  for (std::int64_t id = 1; id <= 50; ++id) {
    for (int attempt = 1; attempt <= 10; ++attempt) {
      auto plain = std::min<std::int64_t>(60LL << (attempt - 1), 3600);
      auto delay = app::retryDelay(id, attempt, options).count();
      EXPECT_GE(delay * 10, plain * 9) << id << " " << attempt;
      EXPECT_LE(delay * 10, plain * 11) << id << " " << attempt;
      EXPECT_EQ(delay, app::retryDelay(id, attempt, options).count());
    }
    first_delays.insert(app::retryDelay(id, 1, options).count());
  }
  // Mails that failed together do not all come back in the same second.
  EXPECT_GT(first_delays.size(), 5u);
}

}  // namespace
}  // namespace styr::test
