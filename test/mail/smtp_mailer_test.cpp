// The SMTP mailer against a real SMTP server on loopback (aiosmtpd), read back with Python's
// e-mail package: what a recipient's mail program would show.

#include "mail/smtp_mailer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "support/smtp_sink.hpp"

namespace styr::mail {
namespace {

using styr::test::SmtpSink;
using namespace std::chrono_literals;

std::unique_ptr<SmtpMailer> mailerFor(const std::string& url, SmtpOptions options = {}) {
  options.url = url;
  options.connect_timeout = 5s;
  options.timeout = 10s;
  auto opened = SmtpMailer::open(options);
  if (!opened) throw std::runtime_error(opened.error().message);
  return std::move(opened).value();
}

SmtpSink::Options inMode(SmtpSink::Mode mode) {
  SmtpSink::Options options;
  options.mode = mode;
  return options;
}

SmtpOptions smtp(const std::string& url, const std::string& user = "",
                 const std::string& password = "") {
  SmtpOptions options;
  options.url = url;
  options.user = user;
  options.password = password;
  return options;
}

app::MailMessage swedishMessage() {
  app::MailMessage message;
  message.from = "Styr – Lerums kommun <styr@lerum.se>";
  message.to = "anna.lindqvist@lerum.se";
  message.subject =
      "Påminnelse: återrapporteringen för delårsrapport augusti till Kommunstyrelsen ska vara "
      "inlämnad fredag 12 september (Öppen förskola, Lärande)";
  message.body =
      "Hej Anna!\n"
      "\n"
      "Återrapporteringen för Sektor Lärande till delårsrapporten (januari–augusti) ska vara "
      "inlämnad senast fredag 12 september 2025. Tre mål saknar ännu bedömning och analys: "
      "\"Ökad måluppfyllelse i grundskolan\", \"Fler elever når kunskapskraven i svenska\" och "
      "\"Trygg och stimulerande förskola\".\n"
      ".en rad som börjar med punkt\n"
      "From en rad som börjar som i mbox\n"
      "Tecken som kodas: = och tabb\tmitt i, blanksteg på slutet   \n"
      "Åäö ÅÄÖ é ü – ✓ 🇸🇪\n"
      "\n"
      "Vänliga hälsningar\n"
      "Styr\n";
  message.message_id = "styr.1441.17.20250910080000000000@lerum.se";
  message.date = std::chrono::sys_days{std::chrono::year{2025} / 9 / 10} + 8h;
  return message;
}

TEST(SmtpMailer, ASwedishMessageArrivesWithProperHeadersAndDecodesToTheSameText) {
  SmtpSink sink;
  auto message = swedishMessage();
  auto failure = mailerFor(sink.url())->send(message);
  ASSERT_FALSE(failure) << failure->message;

  auto mails = sink.messages();
  ASSERT_EQ(mails.size(), 1u);
  const auto& mail = mails.front();
  EXPECT_EQ(mail.mail_from, "styr@lerum.se");
  EXPECT_EQ(mail.rcpt_tos, std::vector<std::string>{"anna.lindqvist@lerum.se"});
  EXPECT_EQ(mail.header("subject"), message.subject);
  EXPECT_EQ(mail.body, message.body);
  EXPECT_EQ(mail.header("from"), "Styr – Lerums kommun <styr@lerum.se>");
  EXPECT_EQ(mail.header("to"), "anna.lindqvist@lerum.se");
  // 08:00 UTC is 10:00 in Stockholm in September (summer time).
  EXPECT_EQ(mail.header("date"), "Wed, 10 Sep 2025 10:00:00 +0200");
  EXPECT_EQ(mail.header("message-id"), "<styr.1441.17.20250910080000000000@lerum.se>");
  EXPECT_EQ(mail.header("mime-version"), "1.0");
  EXPECT_NE(mail.raw.find("\r\nContent-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_EQ(mail.header("content-transfer-encoding"), "quoted-printable");
  EXPECT_EQ(mail.header("auto-submitted"), "auto-generated");

  // On the wire: 7-bit ASCII in lines short enough for any relay; the Swedish subject as
  // RFC 2047 words.
  std::istringstream lines(mail.raw);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    EXPECT_LE(line.size(), 78u) << line;
    for (char c : line) ASSERT_LT(static_cast<unsigned char>(c), 0x80) << line;
  }
  EXPECT_NE(mail.raw.find("Subject: =?UTF-8?B?"), std::string::npos) << mail.raw;
}

TEST(SmtpMailer, AWinterDateCarriesStockholmsWinterOffsetAndAnAsciiSubjectStaysReadable) {
  SmtpSink sink;
  auto message = swedishMessage();
  message.subject = "Reminder: report back by Friday";
  message.from = "styr@lerum.se";
  message.date = std::chrono::sys_days{std::chrono::year{2025} / 1 / 3} + 23h + 30min;
  ASSERT_FALSE(mailerFor(sink.url())->send(message));
  auto mails = sink.messages();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].header("date"), "Sat, 04 Jan 2025 00:30:00 +0100");
  EXPECT_NE(mails[0].raw.find("Subject: Reminder: report back by Friday\r\n"), std::string::npos);
  EXPECT_EQ(mails[0].header("from"), "styr@lerum.se");
}

TEST(SmtpMailer, ALongAsciiSubjectIsFoldedAndReadsBackWhole) {
  SmtpSink sink;
  auto message = swedishMessage();
  message.subject =
      "Reminder: the report back to the executive board for the interim report of August is "
      "due on Friday 12 September, and three goals still lack an assessment";
  message.from = "\"Styr, Lerums kommun\" <styr@lerum.se>";
  ASSERT_FALSE(mailerFor(sink.url())->send(message));
  auto mails = sink.messages();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].header("subject"), message.subject);
  EXPECT_EQ(mails[0].header("from"), "\"Styr, Lerums kommun\" <styr@lerum.se>");
  EXPECT_NE(mails[0].raw.find("Subject: Reminder:"), std::string::npos) << mails[0].raw;
  std::istringstream lines(mails[0].raw);
  std::string line;
  while (std::getline(lines, line)) EXPECT_LE(line.size(), 79u) << line;  // 78 and the CR
}

TEST(SmtpMailer, ALineBreakInASubjectCannotAddAHeader) {
  SmtpSink sink;
  auto message = swedishMessage();
  message.subject = "Påminnelse\r\nBcc: someone@example.com";
  ASSERT_FALSE(mailerFor(sink.url())->send(message));
  auto mails = sink.messages();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].header("bcc"), "");
  EXPECT_EQ(mails[0].header("subject"), "Påminnelse  Bcc: someone@example.com");
  EXPECT_EQ(mails[0].rcpt_tos.size(), 1u);
}

TEST(SmtpMailer, ConsecutiveMessagesAllArrive) {
  SmtpSink sink;
  auto mailer = mailerFor(sink.url());
  for (int n = 1; n <= 3; ++n) {
    auto message = swedishMessage();
    message.subject = "Meddelande " + std::to_string(n);
    ASSERT_FALSE(mailer->send(message));
  }
  auto mails = sink.messages();
  ASSERT_EQ(mails.size(), 3u);
  EXPECT_EQ(mails[2].header("subject"), "Meddelande 3");
}

TEST(SmtpMailer, NoServerListeningIsATemporaryFailure) {
  auto failure =
      mailerFor("smtp://127.0.0.1:" + std::to_string(SmtpSink::freePort()))->send(swedishMessage());
  ASSERT_TRUE(failure);
  EXPECT_FALSE(failure->permanent);
  EXPECT_NE(failure->message.find("127.0.0.1"), std::string::npos) << failure->message;
}

TEST(SmtpMailer, A5xxForTheRecipientIsPermanentAnd4xxIsTemporary) {
  SmtpSink rejecting(inMode(SmtpSink::Mode::reject_recipient));
  auto rejected = mailerFor(rejecting.url())->send(swedishMessage());
  ASSERT_TRUE(rejected);
  EXPECT_TRUE(rejected->permanent);
  EXPECT_NE(rejected->message.find("550 5.1.1 <anna.lindqvist@lerum.se>: no such mailbox"),
            std::string::npos)
      << rejected->message;

  SmtpSink deferring(inMode(SmtpSink::Mode::defer_recipient));
  auto deferred = mailerFor(deferring.url())->send(swedishMessage());
  ASSERT_TRUE(deferred);
  EXPECT_FALSE(deferred->permanent);
  EXPECT_NE(deferred->message.find("451"), std::string::npos) << deferred->message;
  EXPECT_TRUE(rejecting.messages().empty());
  EXPECT_TRUE(deferring.messages().empty());
}

TEST(SmtpMailer, AMessageRefusedAfterItsDataIsPermanent) {
  SmtpSink sink(inMode(SmtpSink::Mode::reject_message));
  auto failure = mailerFor(sink.url())->send(swedishMessage());
  ASSERT_TRUE(failure);
  EXPECT_TRUE(failure->permanent);
  EXPECT_NE(failure->message.find("554"), std::string::npos) << failure->message;
}

TEST(SmtpMailer, AnAddressStyrCannotSendToIsPermanentWithoutContactingTheServer) {
  SmtpSink sink;
  auto message = swedishMessage();
  message.to = "anna.lindqvist";
  auto failure = mailerFor(sink.url())->send(message);
  ASSERT_TRUE(failure);
  EXPECT_TRUE(failure->permanent);
  EXPECT_NE(failure->message.find("'anna.lindqvist' is not of the form name@domain"),
            std::string::npos)
      << failure->message;
  EXPECT_TRUE(sink.messages().empty());
}

class StartTls : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("styr-tls-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1 -keyout " +
        (dir_ / "key.pem").string() + " -out " + (dir_ / "cert.pem").string() + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) GTEST_SKIP() << "openssl cannot make a certificate";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(StartTls, ASmtpStarttlsUrlUpgradesTheConnectionAndAPlainOneIsRefusedForNow) {
  SmtpSink::Options tls;
  tls.tls_certificate = (dir_ / "cert.pem").string();
  tls.tls_key = (dir_ / "key.pem").string();
  SmtpSink sink(tls);
  std::string starttls = "smtp+starttls://127.0.0.1:" + std::to_string(sink.port());
  SmtpOptions trusting;
  trusting.ca_file = tls.tls_certificate;
  auto failure = mailerFor(starttls, trusting)->send(swedishMessage());
  ASSERT_FALSE(failure) << failure->message;
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(sink.messages()[0].header("subject"), swedishMessage().subject);

  // The server demands STARTTLS before MAIL FROM (530): a configuration to fix, so the mail
  // waits for it rather than failing for good.
  auto plain = mailerFor(sink.url())->send(swedishMessage());
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->permanent) << plain->message;
  EXPECT_NE(plain->message.find("530"), std::string::npos) << plain->message;

  // A certificate nobody vouches for is not trusted.
  auto untrusted = mailerFor(starttls)->send(swedishMessage());
  ASSERT_TRUE(untrusted);
  EXPECT_FALSE(untrusted->permanent);
  EXPECT_EQ(sink.messages().size(), 1u);
}

TEST(SmtpMailerOptions, UrlsWithSecretsOrUnencryptedPasswordsAreRefused) {
  auto with_secret = SmtpMailer::open(smtp("smtp://styr:hemligt@mail.lerum.se"));
  ASSERT_FALSE(with_secret);
  EXPECT_NE(with_secret.error().message.find("STYR_SMTP_PASSWORD"), std::string::npos);
  EXPECT_EQ(with_secret.error().message.find("hemligt"), std::string::npos);

  auto in_clear = SmtpMailer::open(smtp("smtp://mail.lerum.se:25", "styr", "x"));
  ASSERT_FALSE(in_clear);
  EXPECT_NE(in_clear.error().message.find("unencrypted"), std::string::npos);

  EXPECT_TRUE(SmtpMailer::open(smtp("smtp+starttls://mail.lerum.se:587", "styr", "x")));
  EXPECT_TRUE(SmtpMailer::open(smtp("smtps://mail.lerum.se", "styr", "x")));
  EXPECT_TRUE(SmtpMailer::open(smtp("smtp://127.0.0.1:2525", "styr", "x")));
  EXPECT_FALSE(SmtpMailer::open(smtp("smtp://mail.lerum.se", "", "a password without a user")));
  EXPECT_FALSE(SmtpMailer::open(smtp("http://mail.lerum.se")));
  EXPECT_FALSE(SmtpMailer::open(smtp("mail.lerum.se")));
  EXPECT_FALSE(SmtpMailer::open(smtp("smtp://")));
}

TEST(SmtpMailerOptions, TheSenderIsAnAddressOrANameWithAnAddress) {
  EXPECT_FALSE(fromProblem("styr@lerum.se"));
  EXPECT_FALSE(fromProblem("Styr <styr@lerum.se>"));
  EXPECT_FALSE(fromProblem("\"Styr, Lerums kommun\" <styr@lerum.se>"));
  EXPECT_TRUE(fromProblem("Styr"));
  EXPECT_TRUE(fromProblem("Styr <styr@lerum.se"));
  EXPECT_TRUE(fromProblem("styr@lerum.se\r\nBcc: x@example.com"));
}

}  // namespace
}  // namespace styr::mail
