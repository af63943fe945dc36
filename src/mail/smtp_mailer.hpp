#pragma once
// Sending the outbox's e-mail through an SMTP server with libcurl. libcurl stays inside
// smtp_mailer.cpp.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "app/error.hpp"
#include "app/outbox.hpp"

namespace styr::mail {

struct SmtpOptions {
  //! smtp://host[:port] (plain, for a relay on this machine or a trusted network),
  //! smtp+starttls://host[:587] (plain connection upgraded with STARTTLS, which must succeed)
  //! or smtps://host[:465] (TLS from the start). No user or password in the URL.
  std::string url;
  std::string user;      //!< empty: no authentication
  std::string password;  //!< never logged, never part of an error
  //! Certificates to trust besides the system's (an internal CA, or a test's own); empty:
  //! the system's.
  std::string ca_file;
  std::chrono::milliseconds connect_timeout{std::chrono::seconds{10}};
  //! The whole conversation for one message; keep it below the outbox's lease.
  std::chrono::milliseconds timeout{std::chrono::seconds{60}};
};

class SmtpMailer final : public app::Mailer {
 public:
  //! Checks the options (the URL's form, no password in clear over the network) and prepares
  //! a connection handle; connects only when sending.
  static app::Result<std::unique_ptr<SmtpMailer>> open(SmtpOptions options);
  ~SmtpMailer() override;
  SmtpMailer(const SmtpMailer&) = delete;
  SmtpMailer& operator=(const SmtpMailer&) = delete;

  //! Not thread-safe: one mailer per delivering thread. The connection is kept between sends
  //! while the server allows.
  std::optional<app::SendFailure> send(const app::MailMessage& message) override;

  //! The server as the URL names it, for logs (it carries no secret).
  [[nodiscard]] const std::string& server() const { return options_.url; }

 private:
  struct Curl;
  SmtpMailer(SmtpOptions options, std::string curl_url, bool starttls);

  SmtpOptions options_;
  std::string curl_url_;  //!< the URL as libcurl takes it (smtp+starttls:// is smtp:// to it)
  bool starttls_ = false;
  std::unique_ptr<Curl> curl_;
};

//! Why `from` cannot be the sender ("address" or "Display Name <address>"); nullopt when it can.
std::optional<std::string> fromProblem(const std::string& from);

//! The message as sent: RFC 5322 headers (Subject and display names encoded per RFC 2047 when
//! not ASCII) and the body as quoted-printable UTF-8, every line ending in CRLF.
std::string renderMessage(const app::MailMessage& message);

}  // namespace styr::mail
