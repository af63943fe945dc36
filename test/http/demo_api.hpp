#pragma once
// API tests against a real server on port 0 serving the Lerum demo from a real SQLite file,
// on the demo's own date. The demo, its accounts and one session per demo login are built once
// per test program into a template file; each test gets its own copy, so tests never see each
// other's changes and sign-ins (argon2, tens of milliseconds each) are not repeated.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/sessions.hpp"
#include "demo/demo_setup.hpp"
#include "http/api.hpp"
#include "http/http_test_support.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::http::test {

//! Noon on the demo's date (Stockholm is an hour ahead of UTC in November).
inline std::chrono::system_clock::time_point demoNoon() {
  return std::chrono::sys_days(demo::lerumDemoDate()) + std::chrono::hours(11);
}

//! A demo login's session: the cookie to send and the CSRF token for changes.
struct DemoSession {
  std::string cookie;
  std::string csrf;
};

//! The template: built by the first test process of a test binary and reused by the others
//! (CTest runs every test in a process of its own), keyed by the binary's modification time so
//! that a rebuilt binary builds it afresh.
class DemoTemplate {
 public:
  static DemoTemplate& instance() {
    static DemoTemplate built;
    return built;
  }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const DemoSession& session(const std::string& username) const {
    return sessions_.at(username);
  }

 private:
  DemoTemplate() {
    namespace fs = std::filesystem;
    auto built_at = fs::last_write_time(fs::read_symlink("/proc/self/exe"));
    fs::path folder = fs::temp_directory_path() / "styr-test-templates";
    fs::create_directories(folder);
    std::string stem = fmt::format("demo_api-{}", built_at.time_since_epoch().count());
    path_ = (folder / (stem + ".db")).string();
    fs::path sessions_file = folder / (stem + ".sessions.json");
    // One process builds while the others wait on the lock.
    int lock = ::open((folder / (stem + ".lock")).c_str(), O_CREAT | O_RDWR, 0600);
    if (lock < 0 || ::flock(lock, LOCK_EX) != 0) throw std::runtime_error("template lock");
    if (!fs::exists(sessions_file)) build(sessions_file);
    auto sessions = nlohmann::json::parse(std::ifstream(sessions_file));
    for (const auto& [username, session] : sessions.items()) {
      sessions_[username] = DemoSession{session["cookie"], session["csrf"]};
    }
    ::close(lock);
  }

  void build(const std::filesystem::path& sessions_file) {
    std::string building = path_ + ".building";
    std::filesystem::remove(building);
    nlohmann::json sessions = nlohmann::json::object();
    {
      app::FixedClock clock(demoNoon());
      auto store = store::openStore(building);
      if (auto error = demo::ensureDemo(*store, clock, "test")) {
        throw std::runtime_error("demo: " + error->message);
      }
      for (const auto& login : demo::demoLogins()) {
        auto signed_in = app::signIn(*store, clock, "1441", std::string(login.username),
                                     std::string(demo::kDemoPassword));
        if (!signed_in) throw std::runtime_error("sign-in: " + signed_in.error().message);
        sessions[std::string(login.username)] = {
            {"cookie", std::string(kSessionCookie) + "=" + signed_in.value().secret},
            {"csrf", signed_in.value().session.csrf_token}};
      }
    }  // closed: the WAL is folded into the file
    std::filesystem::rename(building, path_);
    std::ofstream(sessions_file.string() + ".tmp") << sessions.dump();
    std::filesystem::rename(sessions_file.string() + ".tmp", sessions_file);
  }

  std::string path_;
  std::map<std::string, DemoSession> sessions_;
};

class DemoApi : public ::testing::Test {
 protected:
  void SetUp() override { serveCopyOf(DemoTemplate::instance().path()); }

  //! Serves a fresh copy of the template file at `path`.
  void serveCopyOf(const std::string& path) {
    database_ =
        std::make_unique<styr::test::TestDatabase>(styr::test::BackendKind::sqlite, "demo_copy");
    std::filesystem::copy_file(path, database_->db(),
                               std::filesystem::copy_options::overwrite_existing);
    store_ = store::openStore(database_->db());
    context_.store = [this]() -> app::Store& { return *store_; };
    context_.clock = &clock_;
    Router router;
    addApiRoutes(router, context_);
    ServerOptions options;
    options.threads = 1;  // the test's one store connection is not shared between threads
    server_ = std::make_unique<RunningServer>(std::move(router), options);
    client_ = std::make_unique<TestClient>(server_->server().port());
  }

  //! A request as `username` (a demo login; "" for nobody signed in), with the CSRF token on
  //! anything but GET, and If-Match when given. (Overloads rather than an optional body:
  //! GCC 12 warns of an optional<json> default argument as maybe uninitialised.)
  Reply call(const std::string& username, bhttp::verb method, const std::string& target) {
    return send(username, method, target, nullptr, {});
  }
  Reply call(const std::string& username, bhttp::verb method, const std::string& target,
             std::nullopt_t /*no body*/, const std::string& if_match = {}) {
    return send(username, method, target, nullptr, if_match);
  }
  Reply call(const std::string& username, bhttp::verb method, const std::string& target,
             const nlohmann::json& body, const std::string& if_match = {}) {
    std::string text = body.dump();
    return send(username, method, target, &text, if_match);
  }
  Reply send(const std::string& username, bhttp::verb method, const std::string& target,
             const std::string* body, const std::string& if_match) {
    Message message = request(method, target, body != nullptr ? *body : std::string());
    if (!username.empty()) {
      const DemoSession& session = DemoTemplate::instance().session(username);
      message.set(bhttp::field::cookie, session.cookie);
      if (method != bhttp::verb::get) message.set(kCsrfHeader, session.csrf);
    }
    if (!if_match.empty()) message.set(bhttp::field::if_match, if_match);
    message.prepare_payload();
    return client_->roundTrip(message);
  }
  Reply get(const std::string& username, const std::string& target) {
    return call(username, bhttp::verb::get, target);
  }
  Reply post(const std::string& username, const std::string& target,
             const nlohmann::json& body = nlohmann::json::object()) {
    return call(username, bhttp::verb::post, target, body);
  }
  static nlohmann::json body(const Reply& reply) { return nlohmann::json::parse(reply.body()); }
  //! The error code of an error reply ("" when the reply is no error).
  static std::string errorCode(const Reply& reply) {
    auto parsed = nlohmann::json::parse(reply.body(), nullptr, false);
    if (!parsed.is_object() || !parsed.contains("error")) return {};
    return parsed["error"].value("code", "");
  }

  app::FixedClock clock_{demoNoon()};
  std::unique_ptr<styr::test::TestDatabase> database_;
  std::unique_ptr<app::Store> store_;
  ApiContext context_;
  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<TestClient> client_;
};

}  // namespace styr::http::test
