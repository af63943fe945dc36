#pragma once
// A real SMTP server on loopback for tests: Debian's python3-aiosmtpd, run as its own process
// with a handler that keeps every message it accepts, decoded by Python's e-mail package (so
// what Styr encodes is read back by an independent decoder), or refuses as told.

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace styr::test {

struct ReceivedMail {
  std::string mail_from;              //!< the envelope sender (MAIL FROM)
  std::vector<std::string> rcpt_tos;  //!< the envelope recipients (RCPT TO)
  //! Every header, decoded (RFC 2047 words become text) and unfolded; names in lower case.
  std::map<std::string, std::string> headers;
  std::string body;  //!< decoded by its Content-Transfer-Encoding and charset; lines end in \n
  std::string raw;   //!< the message as it travelled

  [[nodiscard]] std::string header(const std::string& lower_case_name) const {
    auto found = headers.find(lower_case_name);
    return found == headers.end() ? "" : found->second;
  }
};

class SmtpSink {
 public:
  enum class Mode {
    accept,
    reject_recipient,  //!< 550 to RCPT TO: a permanent refusal of the recipient
    defer_recipient,   //!< 451 to RCPT TO: try again later
    reject_message,    //!< 554 after the message's data: a permanent refusal of the content
  };
  struct Options {
    unsigned short port = 0;  //!< 0: any free port
    Mode mode = Mode::accept;
    //! Both set: STARTTLS is offered with this certificate and required before MAIL FROM.
    std::string tls_certificate;
    std::string tls_key;
  };

  //! Starts the server and returns once it accepts connections (throws when it cannot start,
  //! with its output).
  explicit SmtpSink(Options options);
  SmtpSink() : SmtpSink(Options{}) {}
  //! Stops the server.
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  [[nodiscard]] unsigned short port() const { return port_; }
  //! smtp://127.0.0.1:<port>
  [[nodiscard]] std::string url() const;

  //! What arrived so far, oldest first.
  [[nodiscard]] std::vector<ReceivedMail> messages() const;
  //! Waits (polling) until at least `count` messages arrived or `timeout` passed; returns them.
  [[nodiscard]] std::vector<ReceivedMail> waitForMessages(std::size_t count,
                                                          std::chrono::milliseconds timeout) const;

  //! A loopback port nothing listens on right now (for a server that is started later).
  static unsigned short freePort();

 private:
  void start(const Options& options);

  std::string directory_;
  unsigned short port_ = 0;
  int pid_ = 0;
};

}  // namespace styr::test
