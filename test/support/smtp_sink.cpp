#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace styr::test {

namespace fs = std::filesystem;

namespace {

// The handler aiosmtpd runs (`-c styr_sink.Handler DIRECTORY MODE`). Each accepted message is
// written as NNNNNN.eml (as received) and then NNNNNN.json (envelope and decoded content),
// the JSON renamed into place last, so a reader never sees half of one. The server stops by
// itself when the test process is gone.
constexpr const char* kHandler = R"PY(import email
import json
import os
import threading
import time
from email import policy


def stop_with_parent():
    # A test that dies without stopping its server must not leave the server behind.
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(0)


class Handler:
    def __init__(self, directory, mode="accept"):
        self.directory = directory
        self.mode = mode
        self.count = 0
        threading.Thread(target=stop_with_parent, daemon=True).start()

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(*args)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode == "reject_recipient":
            return "550 5.1.1 <%s>: no such mailbox here" % address
        if self.mode == "defer_recipient":
            return "451 4.3.0 <%s>: try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.mode == "reject_message":
            return "554 5.6.0 message refused"
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=policy.default)
        self.count += 1
        name = os.path.join(self.directory, "%06d" % self.count)
        with open(name + ".eml", "wb") as out:
            out.write(raw)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": {key.lower(): str(value) for key, value in message.items()},
            # Text travels with CRLF line breaks (RFC 2046's canonical form); a reader sees lines.
            "body": message.get_content().replace("\r\n", "\n"),
        }
        with open(name + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(name + ".tmp", name + ".json")
        return "250 OK"
)PY";

std::string python() {
  // Debian's python3-aiosmtpd is installed for the system interpreter, which a python3 found
  // first on PATH (pyenv, a virtualenv) may not see.
  if (const char* chosen = std::getenv("STYR_TEST_PYTHON"); chosen != nullptr && *chosen)
    return chosen;
  return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

std::string readAll(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

bool accepts(unsigned short port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

const char* modeName(SmtpSink::Mode mode) {
  switch (mode) {
    case SmtpSink::Mode::accept:
      return "accept";
    case SmtpSink::Mode::reject_recipient:
      return "reject_recipient";
    case SmtpSink::Mode::defer_recipient:
      return "defer_recipient";
    case SmtpSink::Mode::reject_message:
      return "reject_message";
  }
  return "accept";
}

}  // namespace

unsigned short SmtpSink::freePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("smtp sink: no socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = 0;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("smtp sink: cannot find a free port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

SmtpSink::SmtpSink(Options options) {
  static std::atomic<int> counter{0};
  directory_ = (fs::temp_directory_path() /
                ("styr-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter)))
                   .string();
  fs::remove_all(directory_);
  fs::create_directories(fs::path(directory_) / "mail");
  std::ofstream(fs::path(directory_) / "styr_sink.py") << kHandler;
  // A port found free may be taken before the server binds it; with any port allowed, try
  // another.
  for (int attempt = 0;; ++attempt) {
    try {
      start(options);
      return;
    } catch (const std::exception&) {
      if (options.port != 0 || attempt == 4) {
        fs::remove_all(directory_);
        throw;
      }
    }
  }
}

void SmtpSink::start(const Options& options) {
  port_ = options.port != 0 ? options.port : freePort();
  std::string listen = "127.0.0.1:" + std::to_string(port_);
  std::string mail = (fs::path(directory_) / "mail").string();
  std::string log = (fs::path(directory_) / "sink.log").string();
  std::vector<std::string> arguments{python(), "-m", "aiosmtpd", "-n", "-l", listen};
  if (!options.tls_certificate.empty()) {
    arguments.insert(arguments.end(),
                     {"--tlscert", options.tls_certificate, "--tlskey", options.tls_key});
  }
  arguments.insert(arguments.end(), {"-c", "styr_sink.Handler", mail, modeName(options.mode)});
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);

  std::vector<std::string> environment{"PYTHONPATH=" + directory_, "PYTHONDONTWRITEBYTECODE=1"};
  for (char** variable = environ; *variable != nullptr; ++variable) {
    std::string_view entry(*variable);
    if (!entry.starts_with("PYTHONPATH=")) environment.emplace_back(entry);
  }
  std::vector<char*> envp;
  for (auto& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("smtp sink: cannot start " + arguments[0]);
  pid_ = pid;

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = 0;
      throw std::runtime_error(
          "smtp sink: aiosmtpd stopped at once (is python3-aiosmtpd "
          "installed? scripts/setup.sh installs it): " +
          readAll(log));
    }
    if (accepts(port_)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = 0;
  throw std::runtime_error("smtp sink: aiosmtpd did not accept connections within 15 s: " +
                           readAll(log));
}

SmtpSink::~SmtpSink() {
  if (pid_ != 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    bool gone = false;
    for (int wait = 0; wait < 250 && !gone; ++wait) {
      gone = ::waitpid(pid_, &status, WNOHANG) == pid_;
      if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!gone) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
    }
  }
  std::error_code ignored;
  fs::remove_all(directory_, ignored);
}

std::string SmtpSink::url() const {
  return "smtp://127.0.0.1:" + std::to_string(port_);
}

std::vector<ReceivedMail> SmtpSink::messages() const {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(directory_) / "mail")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<ReceivedMail> mails;
  for (const auto& file : files) {
    auto record = nlohmann::json::parse(readAll(file));
    ReceivedMail mail;
    mail.mail_from = record.at("mail_from").get<std::string>();
    mail.rcpt_tos = record.at("rcpt_tos").get<std::vector<std::string>>();
    mail.headers = record.at("headers").get<std::map<std::string, std::string>>();
    mail.body = record.at("body").get<std::string>();
    auto raw = file;
    mail.raw = readAll(raw.replace_extension(".eml"));
    mails.push_back(std::move(mail));
  }
  return mails;
}

std::vector<ReceivedMail> SmtpSink::waitForMessages(std::size_t count,
                                                    std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto mails = messages();
  while (mails.size() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    mails = messages();
  }
  return mails;
}

}  // namespace styr::test
