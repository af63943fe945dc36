// `styr outbox deliver` and `styr serve --smtp`, run as an operator would, against a real SMTP
// server on loopback.

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include "cli/styr_command.hpp"
#include "mail/outbox_fixture.hpp"
#include "store/open_store.hpp"
#include "support/smtp_sink.hpp"

extern char** environ;

namespace styr::test {
namespace {

using namespace std::chrono_literals;

class OutboxCommand : public StyrCommandTest {
 protected:
  //! A database with Lerum and a reminder due now (by the system clock, which `styr` uses) to
  //! each of `addresses`.
  std::string databaseWith(const std::vector<std::string>& addresses) {
    std::string db = file("outbox.db").string();
    auto store = store::openStore(db);
    addOrganisation(*store);
    auto now = std::chrono::system_clock::now();
    for (std::size_t n = 0; n < addresses.size(); ++n) {
      auto id =
          store->insertNotification(reminder("reminder-" + std::to_string(n), now, addresses[n]));
      if (!id) throw std::runtime_error("the reminder was not added");
    }
    return db;
  }
};

TEST_F(OutboxCommand, DeliverSendsWhatIsDueOnceAndPrintsTheCounts) {
  SmtpSink sink;
  std::string db = databaseWith({"anna.lindqvist@lerum.se", "anna.lindqvist"});
  std::string deliver =
      "outbox deliver --db " + db + " --smtp " + sink.url() + " --mail-from 'Styr <styr@lerum.se>'";

  CommandRun first = styr(deliver);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "E-mail: 1 sent, 0 to be retried, 1 failed.\n");
  EXPECT_NE(first.err.find("'anna.lindqvist' is not of the form name@domain"), std::string::npos)
      << first.err;
  auto mails = sink.messages();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].header("subject"), kReminderSubject);
  EXPECT_EQ(mails[0].header("from"), "Styr <styr@lerum.se>");

  CommandRun again = styr(deliver);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "E-mail: 0 sent, 0 to be retried, 0 failed.\n");
  EXPECT_EQ(sink.messages().size(), 1u);
}

TEST_F(OutboxCommand, AMisconfiguredServerOrSenderIsRefusedBeforeAnythingIsSent) {
  SmtpSink sink;
  std::string db = databaseWith({"anna.lindqvist@lerum.se"});
  CommandRun no_server = styr("outbox deliver --db " + db);
  EXPECT_EQ(no_server.exit_code, 2);
  EXPECT_NE(no_server.err.find("--smtp"), std::string::npos) << no_server.err;

  CommandRun secret_in_url =
      styr("outbox deliver --db " + db +
           " --smtp smtp://styr:hemligt@127.0.0.1:" + std::to_string(sink.port()));
  EXPECT_EQ(secret_in_url.exit_code, 2);
  EXPECT_NE(secret_in_url.err.find("STYR_SMTP_PASSWORD"), std::string::npos) << secret_in_url.err;
  EXPECT_EQ(secret_in_url.err.find("hemligt"), std::string::npos) << secret_in_url.err;

  CommandRun bad_sender =
      styr("outbox deliver --db " + db + " --smtp " + sink.url() + " --mail-from Styr");
  EXPECT_EQ(bad_sender.exit_code, 2);
  EXPECT_NE(bad_sender.err.find("--mail-from 'Styr'"), std::string::npos) << bad_sender.err;
  EXPECT_TRUE(sink.messages().empty());

  // A sender alone would mail nothing: said at once rather than ignored.
  CommandRun sender_without_server = styr("serve --db " + db + " --mail-from styr@lerum.se");
  EXPECT_EQ(sender_without_server.exit_code, 2);
  EXPECT_NE(sender_without_server.err.find("--mail-from requires --smtp"), std::string::npos)
      << sender_without_server.err;
}

TEST_F(OutboxCommand, ServeMailsTheOutboxInTheBackgroundAndStopsCleanlyOnSigterm) {
  SmtpSink sink;
  std::string db = databaseWith({"anna.lindqvist@lerum.se"});
  fs::path out = file("serve.out");
  std::vector<std::string> arguments{
      STYR_BINARY, "serve",       "--port",        "0",           "--db", db, "--smtp",
      sink.url(),  "--mail-from", "styr@lerum.se", "--smtp-user", "styr"};
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  // The password travels in the environment only, and must not show up in any output.
  std::vector<std::string> environment{"STYR_SMTP_PASSWORD=hemligt-lösenord"};
  for (char** variable = environ; *variable != nullptr; ++variable)
    environment.emplace_back(*variable);
  std::vector<char*> envp;
  for (auto& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, STYR_BINARY, &actions, nullptr, argv.data(), envp.data()), 0);
  posix_spawn_file_actions_destroy(&actions);

  auto mails = sink.waitForMessages(1, 20s);
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  std::string output = readAll(out);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
  ASSERT_EQ(mails.size(), 1u) << output;
  EXPECT_EQ(mails[0].header("subject"), kReminderSubject);
  EXPECT_NE(output.find("Notification e-mail goes through " + sink.url() + " from styr@lerum.se"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("notification e-mail: 1 sent, 0 to be retried, 0 failed"),
            std::string::npos)
      << output;
  EXPECT_EQ(output.find("hemligt"), std::string::npos) << output;

  auto store = store::openStore(db);
  auto notifications = store->notificationsOf(kOrganisation, "P-ANNA", false, 10);
  ASSERT_EQ(notifications.size(), 1u);
  EXPECT_EQ(notifications[0].email_state, app::EmailState::sent);
}

}  // namespace
}  // namespace styr::test
