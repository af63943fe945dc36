#include "mail/smtp_mailer.hpp"

#include <curl/curl.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string_view>

namespace styr::mail {

namespace {

// --- Checking addresses and the URL ------------------------------------------------------

bool isAsciiPrintable(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7e) return false;
  }
  return true;
}

// Deliberately narrower than RFC 5321 (no quoted local parts, no non-ASCII: SMTPUTF8 is not
// used): what a municipality's directory holds, and nothing that could break out of a header
// or an SMTP command.
std::optional<std::string> addressProblem(std::string_view address) {
  if (address.empty()) return "the address is empty";
  if (!isAsciiPrintable(address))
    return fmt::format("'{}' has characters other than printable ASCII", address);
  for (char c : address) {
    if (std::strchr(" <>()[],;:\"\\", c) != nullptr)
      return fmt::format("'{}' may not contain '{}'", address, c);
  }
  auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size() ||
      address.find('@', at + 1) != std::string_view::npos)
    return fmt::format("'{}' is not of the form name@domain", address);
  return std::nullopt;
}

struct Sender {
  std::string name;  // may be empty
  std::string address;
};

std::optional<Sender> parseSender(std::string_view from, std::string* problem) {
  Sender sender;
  auto open = from.find('<');
  if (open == std::string_view::npos) {
    sender.address = std::string(from);
  } else {
    auto close = from.find('>', open);
    if (close == std::string_view::npos || close + 1 != from.size()) {
      *problem = fmt::format("'{}' is neither an address nor of the form Name <address>", from);
      return std::nullopt;
    }
    sender.address = std::string(from.substr(open + 1, close - open - 1));
    std::string_view name = from.substr(0, open);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
      name = name.substr(1, name.size() - 2);
    for (char c : name) {
      if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>') {
        *problem = fmt::format(
            "the name in '{}' may not contain quotes, brackets or control "
            "characters",
            from);
        return std::nullopt;
      }
    }
    sender.name = std::string(name);
  }
  if (auto address_problem = addressProblem(sender.address)) {
    *problem = "the sender: " + *address_problem;
    return std::nullopt;
  }
  return sender;
}

struct ParsedUrl {
  std::string curl_url;
  bool starttls = false;
  bool tls = false;  // the connection is encrypted (smtps, or STARTTLS required)
  std::string host;
};

std::optional<ParsedUrl> parseUrl(std::string_view url, std::string* problem) {
  auto separator = url.find("://");
  if (separator == std::string_view::npos) {
    *problem = fmt::format(
        "the SMTP URL '{}' has no scheme (smtp://, smtp+starttls:// or "
        "smtps://)",
        url);
    return std::nullopt;
  }
  std::string scheme(url.substr(0, separator));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view rest = url.substr(separator + 3);
  ParsedUrl parsed;
  if (scheme == "smtp+starttls") {
    parsed.starttls = true;
    parsed.tls = true;
    scheme = "smtp";
  } else if (scheme == "smtps") {
    parsed.tls = true;
  } else if (scheme != "smtp") {
    *problem = fmt::format(
        "the SMTP URL '{}' must start with smtp://, smtp+starttls:// or "
        "smtps://",
        url);
    return std::nullopt;
  }
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) {
    // The URL is printed in logs and errors; a secret in it would be printed with it.
    *problem =
        "the SMTP URL may not contain a user or password: give the user with "
        "--smtp-user and the password in STYR_SMTP_PASSWORD";
    return std::nullopt;
  }
  if (!authority.empty() && authority.front() == '[') {
    parsed.host = std::string(authority.substr(0, authority.find(']') + 1));
  } else {
    parsed.host = std::string(authority.substr(0, authority.find(':')));
  }
  if (parsed.host.empty() || !isAsciiPrintable(url)) {
    *problem = fmt::format("the SMTP URL '{}' names no server", url);
    return std::nullopt;
  }
  parsed.curl_url = scheme + "://" + std::string(rest);
  return parsed;
}

bool isLoopback(std::string_view host) {
  return host == "localhost" || host.starts_with("127.") || host == "[::1]";
}

// --- Rendering ----------------------------------------------------------------------------

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes) {
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16 |
             static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
             static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 2]));
    out += kBase64[n >> 18 & 63];
    out += kBase64[n >> 12 & 63];
    out += kBase64[n >> 6 & 63];
    out += kBase64[n & 63];
  }
  if (i + 1 == bytes.size()) {
    auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16;
    out += kBase64[n >> 18 & 63];
    out += kBase64[n >> 12 & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16 |
             static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kBase64[n >> 18 & 63];
    out += kBase64[n >> 12 & 63];
    out += kBase64[n >> 6 & 63];
    out += '=';
  }
  return out;
}

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte, so that
// broken input still moves on).
std::size_t sequenceLength(unsigned char lead) {
  if (lead >= 0xf0 && lead < 0xf8) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

constexpr std::size_t kLineLimit = 76;  // RFC 2047 (lines with encoded words) and RFC 2045

// Header text as RFC 2047 encoded words ("B" encoding: robust in every header position),
// folded so that no line is longer than 76 characters; `used` is how much of the first line
// the header's name already takes. Words end at character boundaries, since each must decode
// to whole characters on its own.
std::string encodedWords(std::string_view text, std::size_t used) {
  constexpr std::string_view kOpen = "=?UTF-8?B?";
  constexpr std::string_view kClose = "?=";
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t room = kLineLimit - used - kOpen.size() - kClose.size();
    std::size_t max_bytes = room / 4 * 3;
    std::size_t end = start;
    while (end < text.size()) {
      std::size_t next =
          std::min(text.size(), end + sequenceLength(static_cast<unsigned char>(text[end])));
      if (next - start > max_bytes) break;
      end = next;
    }
    if (end == start) end = start + 1;  // a line too short for one character: cannot happen
    if (!out.empty()) out += "\r\n ";
    out += kOpen;
    out += base64(text.substr(start, end - start));
    out += kClose;
    start = end;
    used = 1;
  }
  return out;
}

// Unstructured header text: as it is when it is ASCII (folded at spaces past 78 characters),
// otherwise as encoded words. Line breaks and other control characters become spaces, so
// nothing a notification says can start a header of its own.
std::string headerText(std::string_view text, std::size_t used) {
  std::string clean;
  for (char c : text) clean += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
  if (!isAsciiPrintable(clean) || clean.find("=?") != std::string::npos)
    return encodedWords(clean, used);
  std::string out;
  std::size_t line = used;
  std::size_t start = 0;
  while (start < clean.size()) {
    std::size_t space = clean.find(' ', start + 1);
    std::size_t end = space == std::string::npos ? clean.size() : space;
    if (line + (end - start) > 78 && start > 0 && clean[start] == ' ') {
      out += "\r\n";
      line = 0;
    }
    out.append(clean, start, end - start);
    line += end - start;
    start = end;
  }
  return out;
}

std::string displayName(std::string_view name, std::size_t used) {
  if (!isAsciiPrintable(name)) return encodedWords(name, used);
  bool plain = name.find_first_of("()<>[]:;@\\,.\"") == std::string_view::npos;
  return plain ? std::string(name) : fmt::format("\"{}\"", name);
}

std::string rfc5322Date(std::chrono::system_clock::time_point at) {
  static const ::date::time_zone* stockholm = ::date::locate_zone("Europe/Stockholm");
  auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  auto offset = stockholm->get_info(seconds).offset;
  auto local = seconds + offset;
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day ymd{day};
  std::chrono::weekday weekday{day};
  std::chrono::hh_mm_ss time{local - day};
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} {}{:02}{:02}",
                     kDays[weekday.c_encoding()], static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                     time.hours().count(), time.minutes().count(), time.seconds().count(),
                     minutes < 0 ? '-' : '+', std::abs(minutes) / 60, std::abs(minutes) % 60);
}

// Quoted-printable (RFC 2045 6.7) rather than 8bit: 8bit needs a server that announces
// 8BITMIME and lines of at most 998 octets, and a notification's paragraph may be one long
// line; quoted-printable is 7-bit clean through any relay, wraps long lines with soft breaks
// that the reader never sees, and leaves Swedish text mostly legible in the raw mail (only
// å, ä, ö and the like become =C3=A5 ...). A line's leading '.' and "From " are encoded too,
// so no relay's dot-stuffing or mbox quoting can alter the text.
std::string quotedPrintable(std::string_view body) {
  std::string out;
  auto encodeLine = [&out](std::string_view line) {
    std::size_t width = 0;
    auto emit = [&](std::string_view piece) {
      if (width + piece.size() > kLineLimit - 1) {  // room for the soft break's '='
        out += "=\r\n";
        width = 0;
      }
      out += piece;
      width += piece.size();
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
      auto byte = static_cast<unsigned char>(line[i]);
      bool at_end = i + 1 == line.size();
      bool literal =
          (byte >= 33 && byte <= 126 && byte != '=') || ((byte == ' ' || byte == '\t') && !at_end);
      if (i == 0 && (byte == '.' || line.starts_with("From "))) literal = false;
      if (literal) {
        char c = static_cast<char>(byte);
        emit(std::string_view(&c, 1));
      } else {
        emit(fmt::format("={:02X}", byte));
      }
    }
    out += "\r\n";
  };
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      encodeLine(body.substr(start));
      break;
    }
    encodeLine(body.substr(start, end - start));
    start = end + (body.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  if (body.empty()) out += "\r\n";
  return out;
}

// --- libcurl ------------------------------------------------------------------------------

void initialiseCurl() {
  // curl_global_init is not thread-safe; once per process, before the first handle.
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t readUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

enum class Phase { before_message, recipient, message };

// What the conversation told us: the command the server answered last, and its first refusal
// (4xx or 5xx) with the command it refused (the QUIT that follows a refusal must not hide it).
// Only the verbs of our own commands are looked at, never the rest of the line: AUTH and its
// continuation lines carry the credentials.
struct Conversation {
  Phase phase = Phase::before_message;
  std::string refusal;
  Phase refused_in = Phase::before_message;
};

int watchConversation(CURL* /*handle*/, curl_infotype type, char* data, std::size_t size,
                      void* user) {
  auto* conversation = static_cast<Conversation*>(user);
  std::string_view text(data, size);
  if (type == CURLINFO_HEADER_OUT) {
    if (text.starts_with("RCPT ")) {
      conversation->phase = Phase::recipient;
    } else if (text.starts_with("DATA")) {
      conversation->phase = Phase::message;
    } else if (conversation->phase != Phase::message) {
      conversation->phase = Phase::before_message;
    }
  } else if (type == CURLINFO_HEADER_IN && conversation->refusal.empty() &&
             (text.starts_with('4') || text.starts_with('5'))) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    conversation->refusal = std::string(text.substr(0, 300));
    conversation->refused_in = conversation->phase;
  }
  return 0;
}

}  // namespace

struct SmtpMailer::Curl {
  CURL* handle = nullptr;
  ~Curl() {
    if (handle != nullptr) curl_easy_cleanup(handle);
  }
};

std::optional<std::string> fromProblem(const std::string& from) {
  std::string problem;
  if (!parseSender(from, &problem)) return problem;
  return std::nullopt;
}

std::string renderMessage(const app::MailMessage& message) {
  std::string problem;
  auto sender = parseSender(message.from, &problem);
  std::string from;
  if (sender && !sender->name.empty()) {
    from = fmt::format("{} <{}>", displayName(sender->name, 6), sender->address);
  } else {
    from = sender ? sender->address : message.from;
  }
  std::string out;
  out += "Date: " + rfc5322Date(message.date) + "\r\n";
  out += "From: " + from + "\r\n";
  out += "To: " + message.to + "\r\n";
  out += "Subject: " + headerText(message.subject, 9) + "\r\n";
  out += "Message-ID: <" + message.message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n";
  // RFC 3834: machine-written, so vacation responders do not answer it.
  out += "Auto-Submitted: auto-generated\r\n";
  out += "\r\n";
  out += quotedPrintable(message.body);
  return out;
}

app::Result<std::unique_ptr<SmtpMailer>> SmtpMailer::open(SmtpOptions options) {
  std::string problem;
  auto url = parseUrl(options.url, &problem);
  if (!url) return app::Error{app::ErrorCode::invalid_input, problem, {}};
  if (!options.user.empty() && !url->tls && !isLoopback(url->host)) {
    return app::Error{app::ErrorCode::invalid_input,
                      fmt::format("{} would carry the SMTP password unencrypted over the "
                                  "network: use smtp+starttls:// or smtps://",
                                  options.url),
                      {}};
  }
  if (options.user.empty() && !options.password.empty()) {
    return app::Error{app::ErrorCode::invalid_input,
                      "an SMTP password is set (STYR_SMTP_PASSWORD) but no user (--smtp-user)",
                      {}};
  }
  std::string curl_url = url->curl_url;
  bool starttls = url->starttls;
  return std::unique_ptr<SmtpMailer>(new SmtpMailer(std::move(options), curl_url, starttls));
}

SmtpMailer::SmtpMailer(SmtpOptions options, std::string curl_url, bool starttls)
    : options_(std::move(options)),
      curl_url_(std::move(curl_url)),
      starttls_(starttls),
      curl_(std::make_unique<Curl>()) {
  initialiseCurl();
  curl_->handle = curl_easy_init();
  if (curl_->handle == nullptr) throw std::runtime_error("libcurl could not create a handle");
}

SmtpMailer::~SmtpMailer() = default;

std::optional<app::SendFailure> SmtpMailer::send(const app::MailMessage& message) {
  std::string problem;
  auto sender = parseSender(message.from, &problem);
  // The sender is configuration: fixing it should deliver what waits, so it is not permanent.
  if (!sender) return app::SendFailure{false, problem};
  if (auto recipient_problem = addressProblem(message.to))
    return app::SendFailure{true, "the recipient: " + *recipient_problem};

  std::string text = renderMessage(message);
  Upload upload{text};
  Conversation conversation;
  char error_buffer[CURL_ERROR_SIZE] = {};
  std::string mail_from = "<" + sender->address + ">";
  std::string recipient = "<" + message.to + ">";
  curl_slist* recipients = curl_slist_append(nullptr, recipient.c_str());

  CURL* handle = curl_->handle;
  // Reset keeps the connection cache, so consecutive mails share one SMTP session.
  curl_easy_reset(handle);
  curl_easy_setopt(handle, CURLOPT_URL, curl_url_.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (starttls_) curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!options_.ca_file.empty()) curl_easy_setopt(handle, CURLOPT_CAINFO, options_.ca_file.c_str());
  if (!options_.user.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, options_.user.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, options_.password.c_str());
  }
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, readUpload);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(text.size()));
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  // Timeouts by signal would disturb the server's threads.
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer);
  // Verbose output goes only to watchConversation, which keeps the phase and the last reply.
  curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, watchConversation);
  curl_easy_setopt(handle, CURLOPT_DEBUGDATA, &conversation);

  CURLcode result = curl_easy_perform(handle);
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, nullptr);
  curl_slist_free_all(recipients);
  if (result == CURLE_OK) return std::nullopt;

  std::string message_text = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(result);
  if (!conversation.refusal.empty())
    message_text += fmt::format(" (the server replied \"{}\")", conversation.refusal);
  // Only a 5xx answer to this recipient or this message is permanent. A 5xx before them
  // (authentication, STARTTLS, the sender) says the server or our configuration is wrong, which
  // an operator can fix; the mail is retried until then.
  bool permanent =
      conversation.refusal.starts_with('5') && conversation.refused_in != Phase::before_message;
  return app::SendFailure{permanent, fmt::format("{}: {}", options_.url, message_text)};
}

}  // namespace styr::mail
