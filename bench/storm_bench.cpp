// The deadline-day storm (issue 5): hundreds of signed-in users at once on the demo's annual
// report, through the HTTP API of a running `styr serve`, each on their own keep-alive
// connection, for a fixed time. Run by bench/storm.sh (see docs/benchmarks.md):
//
//   bench_storm prepare --db DB --plan FILE [--users N] [--occasion CODE]
//     picks the users from the demo and gives each an account (password kPassword): one
//     writer per recipient in scope of the occasion (a head writing for several units writes
//     each in turn), the heads who approve them, and, up to N, the staff of those units, who
//     read. Writes the plan (JSON) the run follows.
//   bench_storm run --url http://127.0.0.1:PORT --plan FILE [--seconds S] [--think-ms T]
//     signs every user in, then for S seconds: writers save their drafts again and again (an
//     editor saving as they type) and submit each at the end of its share of the time;
//     approvers read their units' report-backs and approve what is submitted; readers read
//     their unit's report-back and their notifications. Between two requests a user waits
//     0.5-1.5 T. Afterwards every report-back is read back and compared with the last save
//     and the submission the server acknowledged: a difference is a lost write. Prints the
//     latency percentiles per kind of request, the errors and the lost writes; exits 1 if
//     there were errors or lost writes.

#include <fmt/format.h>

#include <algorithm>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "app/add_account.hpp"
#include "app/clock.hpp"
#include "app/follow_up_use_cases.hpp"
#include "demo/lerum_demo.hpp"
#include "domain/chain_index.hpp"
#include "domain/follow_up_scope.hpp"
#include "store/open_store.hpp"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;
using nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace styr;

constexpr const char* kOrganisation = "1441";
constexpr const char* kPassword = "storm-password";

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "bench_storm: " << message << "\n";
  std::exit(2);
}

std::string option(int argc, char** argv, const std::string& name, const std::string& otherwise) {
  for (int i = 2; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  if (otherwise.empty()) fail("missing " + name);
  return otherwise;
}

std::string recipientPath(const std::string& occasion, const domain::Recipient& recipient) {
  return fmt::format("/api/v1/occasions/{}/report-backs/{}", occasion,
                     recipient.person.empty() ? recipient.unit : recipient.person);
}

// ---- prepare -----------------------------------------------------------------------------

std::string usernameOf(const std::string& person) {
  std::string name = "storm-" + person;
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

int prepare(int argc, char** argv) {
  const std::string db = option(argc, argv, "--db", "");
  const std::string plan_file = option(argc, argv, "--plan", "");
  const std::string occasion_code = option(argc, argv, "--occasion", "2025-AR");
  const auto wanted = static_cast<std::size_t>(std::stoul(option(argc, argv, "--users", "500")));
  auto store = store::openStore(db);
  domain::OrganisationData data = store->loadOrganisation(kOrganisation);
  domain::ChainIndex index(data);
  const domain::Date today = demo::lerumDemoDate();
  auto occasion = std::find_if(data.occasions.begin(), data.occasions.end(),
                               [&](const auto& each) { return each.code == occasion_code; });
  if (occasion == data.occasions.end()) fail("the demo has no occasion " + occasion_code);

  // Writers: each recipient to the writer with the fewest so far, so that work is spread.
  std::map<std::string, std::vector<domain::Recipient>> written_by;
  std::map<std::string, std::set<std::string>> approves;  // approver -> recipient paths
  std::set<std::string> units;
  for (const domain::Recipient& recipient : domain::recipientsInScope(*occasion, index)) {
    auto writers = app::writersOf(recipient, index, today);
    if (writers.empty()) continue;
    auto writer = *std::min_element(writers.begin(), writers.end(), [&](auto& a, auto& b) {
      return written_by[a].size() < written_by[b].size();
    });
    written_by[writer].push_back(recipient);
    if (!recipient.unit.empty()) units.insert(recipient.unit);
    for (const auto& approver :
         app::answeringFor(domain::approvingUnit(recipient, index), index, today)) {
      approves[approver].insert(recipientPath(occasion_code, recipient));
    }
  }
  json users = json::array();
  std::set<std::string> taken;
  auto approvals = [&](const std::string& person) {
    json paths = json::array();
    for (const auto& path : approves[person]) paths.push_back(path);
    return paths;
  };
  for (const auto& [person, recipients] : written_by) {
    if (recipients.empty()) continue;
    json paths = json::array();
    for (const auto& recipient : recipients)
      paths.push_back(recipientPath(occasion_code, recipient));
    users.push_back({{"person", person},
                     {"role", "writer"},
                     {"report_backs", paths},
                     {"approves", approvals(person)}});
    taken.insert(person);
  }
  for (const auto& [person, paths] : approves) {
    if (taken.count(person) != 0) continue;
    users.push_back({{"person", person},
                     {"role", "approver"},
                     {"report_backs", json::array()},
                     {"approves", approvals(person)}});
    taken.insert(person);
  }
  // Readers: the staff of the units in scope, each reading their own unit's report-back.
  for (const auto& membership : data.memberships) {
    if (users.size() >= wanted) break;
    if (membership.role != domain::Role::employee || taken.count(membership.person) != 0 ||
        units.count(membership.unit) == 0 ||
        !domain::isValidOn(membership.valid_from, membership.valid_to, today)) {
      continue;
    }
    users.push_back(
        {{"person", membership.person},
         {"role", "reader"},
         {"report_backs", {recipientPath(occasion_code, domain::unitRecipient(membership.unit))}},
         {"approves", json::array()}});
    taken.insert(membership.person);
  }
  if (users.size() > wanted) users.erase(users.begin() + static_cast<long>(wanted), users.end());

  app::SystemClock clock;
  for (auto& user : users) {
    std::string username = usernameOf(user["person"]);
    user["username"] = username;
    if (store->account(kOrganisation, username)) continue;
    auto added = app::addAccount(*store, clock, "bench_storm",
                                 {kOrganisation, username, user["person"], false, kPassword});
    if (!added) fail("adding " + username + ": " + added.error().message);
  }
  std::ofstream(plan_file) << json{{"occasion", occasion_code}, {"users", users}}.dump(1);
  std::map<std::string, int> roles;
  std::size_t report_backs = 0;
  for (const auto& user : users) {
    ++roles[user["role"]];
    if (user["role"] == "writer") report_backs += user["report_backs"].size();
  }
  std::cout << fmt::format(
      "{} users with accounts: {} writers of {} report-backs, {} approvers, {} readers\n",
      users.size(), roles["writer"], report_backs, roles["approver"], roles["reader"]);
  return 0;
}

// ---- run ---------------------------------------------------------------------------------

struct Reply {
  int status = 0;
  std::string body;
  std::string etag;
};

struct Sample {
  std::string kind;
  double milliseconds = 0;
  int status = 0;
};

struct Totals {
  std::vector<Sample> samples;
  std::vector<std::string> errors;
};

//! One user's keep-alive connection and session.
class User {
 public:
  User(asio::io_context& io, tcp::endpoint server, json plan)
      : stream_(io), server_(server), plan_(std::move(plan)) {}

  asio::awaitable<Reply> call(http::verb verb, std::string target, std::string body,
                              std::string if_match = {}) {
    if (!connected_) {
      co_await stream_.async_connect(server_, asio::use_awaitable);
      connected_ = true;
    }
    http::request<http::string_body> request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (!cookie_.empty()) request.set(http::field::cookie, cookie_);
    if (verb != http::verb::get && !csrf_.empty()) request.set("X-CSRF-Token", csrf_);
    if (!if_match.empty()) request.set(http::field::if_match, if_match);
    if (!body.empty()) {
      request.set(http::field::content_type, "application/json");
      request.body() = std::move(body);
    }
    request.prepare_payload();
    request.keep_alive(true);
    stream_.expires_after(std::chrono::seconds(30));
    co_await http::async_write(stream_, request, asio::use_awaitable);
    http::response<http::string_body> response;
    co_await http::async_read(stream_, buffer_, response, asio::use_awaitable);
    if (!response.keep_alive()) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
      stream_.close();
      connected_ = false;
    }
    Reply reply;
    reply.status = static_cast<int>(response.result_int());
    reply.body = std::move(response.body());
    if (auto etag = response.find(http::field::etag); etag != response.end()) {
      reply.etag = std::string(etag->value());
    }
    if (auto cookie = response.find(http::field::set_cookie); cookie != response.end()) {
      std::string value(cookie->value());
      cookie_ = value.substr(0, value.find(';'));
    }
    co_return reply;
  }

  void signedIn(const std::string& csrf) { csrf_ = csrf; }
  [[nodiscard]] const json& plan() const { return plan_; }

 private:
  beast::tcp_stream stream_;
  tcp::endpoint server_;
  json plan_;
  beast::flat_buffer buffer_;
  bool connected_ = false;
  std::string cookie_;
  std::string csrf_;
};

//! What a writer last had acknowledged for one report-back.
struct Acknowledged {
  int saves = 0;
  std::string last_text;
  bool submitted = false;
};

class Storm {
 public:
  Storm(asio::io_context& io, tcp::endpoint server, const json& plan, double seconds,
        double think_ms)
      : io_(io), seconds_(seconds), think_ms_(think_ms), occasion_(plan["occasion"]) {
    for (const auto& user : plan["users"])
      users_.push_back(std::make_unique<User>(io, server, user));
  }

  asio::awaitable<void> signIn(std::size_t first, std::size_t step) {
    for (std::size_t i = first; i < users_.size(); i += step) {
      User& user = *users_[i];
      json credentials{{"username", user.plan()["username"]}, {"password", kPassword}};
      Reply reply = co_await user.call(http::verb::post, "/api/v1/session", credentials.dump());
      if (reply.status != 200 && reply.status != 201) {
        fail(fmt::format("signing in {} gave {}: {}", user.plan()["username"].get<std::string>(),
                         reply.status, reply.body));
      }
      user.signedIn(json::parse(reply.body)["csrf_token"]);
    }
  }

  asio::awaitable<void> storm(std::size_t index) {
    User& user = *users_[index];
    std::mt19937 random(static_cast<unsigned>(index) * 7919U + 17U);
    try {
      if (user.plan()["role"] == "reader") {
        co_await read(user, random);
      } else {
        co_await work(user, random);
      }
    } catch (const std::exception& error) {
      totals_.errors.push_back(
          fmt::format("{}: {}", user.plan()["username"].get<std::string>(), error.what()));
    }
  }

  //! Reads every written report-back back as its writer and compares it with what the server
  //! acknowledged; returns the lost writes.
  asio::awaitable<void> verify() {
    for (const auto& held : users_) {
      User& user = *held;
      if (user.plan()["role"] != "writer") continue;
      for (const auto& path : user.plan()["report_backs"]) {
        const Acknowledged& acknowledged = acknowledged_[path];
        if (acknowledged.saves == 0) continue;
        Reply reply = co_await user.call(http::verb::get, path, {});
        if (reply.status != 200) {
          lost_.push_back(
              fmt::format("{}: reading it back gave {}", path.get<std::string>(), reply.status));
          continue;
        }
        json report = json::parse(reply.body);
        // The newest version as its writer sees it: the text of its first topic.
        std::string text = report["topics"].empty() ? "" : report["topics"][0]["text"];
        std::string state = report["state"];
        bool submitted = state == "submitted" || state == "approved";
        if (text != acknowledged.last_text || submitted != acknowledged.submitted) {
          lost_.push_back(fmt::format("{}: the server holds '{}' ({}), the writer was told '{}'{}",
                                      path.get<std::string>(), text, state, acknowledged.last_text,
                                      acknowledged.submitted ? " and submitted" : ""));
        }
        ++verified_;
      }
    }
  }

  int report() {
    std::map<std::string, std::vector<double>> by_kind;
    std::vector<double> all;
    int failed = 0;
    for (const Sample& sample : totals_.samples) {
      by_kind[sample.kind].push_back(sample.milliseconds);
      all.push_back(sample.milliseconds);
      if (sample.status >= 400) ++failed;
    }
    auto percentile = [](std::vector<double>& values, double p) {
      if (values.empty()) return 0.0;
      std::sort(values.begin(), values.end());
      auto at = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1));
      return values[at];
    };
    std::cout << fmt::format("{:<10} {:>8} {:>9} {:>9} {:>9} {:>9}\n", "request", "count", "p50 ms",
                             "p95 ms", "p99 ms", "max ms");
    by_kind["all"] = all;
    for (auto& [kind, values] : by_kind) {
      std::cout << fmt::format("{:<10} {:>8} {:>9.1f} {:>9.1f} {:>9.1f} {:>9.1f}\n", kind,
                               values.size(), percentile(values, 50), percentile(values, 95),
                               percentile(values, 99), percentile(values, 100));
    }
    int saves = 0;
    int submitted = 0;
    for (const auto& [path, acknowledged] : acknowledged_) {
      saves += acknowledged.saves;
      submitted += acknowledged.submitted ? 1 : 0;
    }
    std::cout << fmt::format(
        "{} requests in {:.0f} s ({:.0f}/s) by {} users: {} saves and {} submissions "
        "acknowledged, {} approvals; {} errors ({} answered with an error status); "
        "{} report-backs read back, {} lost writes\n",
        all.size(), seconds_, static_cast<double>(all.size()) / seconds_, users_.size(), saves,
        submitted, approvals_, totals_.errors.size(), failed, verified_, lost_.size());
    // The first few of each, which say enough.
    for (std::size_t i = 0; i < totals_.errors.size() && i < 20; ++i) {
      std::cout << "  error: " << totals_.errors[i] << "\n";
    }
    for (std::size_t i = 0; i < lost_.size() && i < 20; ++i) {
      std::cout << "  lost: " << lost_[i] << "\n";
    }
    return failed == 0 && totals_.errors.empty() && lost_.empty() ? 0 : 1;
  }

 private:
  asio::awaitable<Reply> timed(User& user, const std::string& kind, http::verb verb,
                               const std::string& target, std::string body,
                               std::string if_match = {}) {
    auto start = Clock::now();
    Reply reply = co_await user.call(verb, target, std::move(body), std::move(if_match));
    std::chrono::duration<double, std::milli> took = Clock::now() - start;
    totals_.samples.push_back({kind, took.count(), reply.status});
    if (reply.status >= 400) {
      totals_.errors.push_back(
          fmt::format("{} {} gave {}: {}", kind, target, reply.status, reply.body.substr(0, 300)));
    }
    co_return reply;
  }

  asio::awaitable<void> think(std::mt19937& random) {
    std::uniform_real_distribution<double> spread(0.5, 1.5);
    asio::steady_timer timer(io_);
    timer.expires_after(
        std::chrono::microseconds(static_cast<std::int64_t>(think_ms_ * spread(random) * 1000)));
    co_await timer.async_wait(asio::use_awaitable);
  }

  [[nodiscard]] bool over() const { return Clock::now() >= end_; }

  //! The report-back's content: every item fulfilled (no analysis needed), every topic a text
  //! naming the save, so that reading it back tells which save the server kept.
  static json contentFor(const json& asked, const std::string& text) {
    json assessments = json::array();
    for (const auto& entry : asked["items"]) {
      assessments.push_back({{"item", entry["item"]["code"]},
                             {"assessment", "fulfilled"},
                             {"trend", "unchanged"},
                             {"analysis", ""},
                             {"actions", json::array()}});
    }
    json topics = json::array();
    for (const auto& topic : asked["topics"]) {
      topics.push_back({{"topic", topic["topic"]}, {"text", text}});
    }
    return {{"assessments", assessments}, {"topics", topics}, {"indicator_values", json::array()}};
  }

  //! A head's deadline day: writing each of their report-backs in turn (saving it again and
  //! again, submitting it at the end of its share of the time), and every fourth step looking
  //! at one of the report-backs they approve, approving it once it is submitted.
  asio::awaitable<void> work(User& user, std::mt19937& random) {
    const json& writes = user.plan()["report_backs"];
    const json& approvals = user.plan()["approves"];
    // Submissions are due by nine tenths of the time, so that they are made within it.
    const double share =
        0.9 * seconds_ / static_cast<double>(std::max<std::size_t>(writes.size(), 1));
    std::size_t writing = 0;
    json report;
    std::string etag;
    int save = 0;
    Clock::time_point slice_end;
    std::set<std::string> approved;
    std::size_t next_approval = 0;
    for (int turn = 0; !over(); ++turn) {
      co_await think(random);
      if (over()) break;
      bool writes_left = writing < writes.size();
      bool approvals_left = approved.size() < approvals.size();
      if (approvals_left && (turn % 4 == 3 || !writes_left)) {
        std::string path = approvals[next_approval++ % approvals.size()];
        if (approved.count(path) != 0) continue;
        Reply read = co_await timed(user, "read", http::verb::get, path, {});
        if (read.status != 200) continue;
        const json actions = json::parse(read.body)["actions"];
        if (std::find(actions.begin(), actions.end(), "approve") == actions.end()) continue;
        Reply decided =
            co_await timed(user, "approve", http::verb::post, path + "/approve", "{}", read.etag);
        if (decided.status == 200) {
          approved.insert(path);
          ++approvals_;
        }
        continue;
      }
      if (!writes_left) break;
      const std::string path = writes[writing];
      Acknowledged& acknowledged = acknowledged_[path];
      if (report.is_null()) {
        Reply asked = co_await timed(user, "read", http::verb::get, path, {});
        if (asked.status != 200) {
          ++writing;
          continue;
        }
        report = json::parse(asked.body);
        etag = asked.etag;
        save = 0;
        slice_end =
            start_ + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(share * static_cast<double>(writing + 1)));
        continue;
      }
      if (save == 0 || Clock::now() < slice_end) {
        std::string text =
            fmt::format("Spara {} av {}", ++save, user.plan()["username"].get<std::string>());
        Reply saved = co_await timed(user, "save", http::verb::put, path,
                                     contentFor(report, text).dump(), etag);
        if (saved.status == 200 || saved.status == 201) {
          etag = saved.etag;
          ++acknowledged.saves;
          acknowledged.last_text = text;
        }
        continue;
      }
      Reply submitted =
          co_await timed(user, "submit", http::verb::post, path + "/submit", "{}", etag);
      if (submitted.status == 200) acknowledged.submitted = true;
      report = json();
      ++writing;
    }
  }

  //! Staff on a deadline day: the report-backs of the occasion they may see (a unit's draft
  //! is its head's until submitted), and their notifications.
  asio::awaitable<void> read(User& user, std::mt19937& random) {
    const std::string list =
        fmt::format("/api/v1/occasions/{}/report-backs?per_page=20", occasion_);
    bool notifications = false;
    while (!over()) {
      co_await think(random);
      if (over()) break;
      if (notifications) {
        co_await timed(user, "inbox", http::verb::get, "/api/v1/notifications", {});
      } else {
        co_await timed(user, "list", http::verb::get, list, {});
      }
      notifications = !notifications;
    }
  }

 public:
  void start() {
    start_ = Clock::now();
    end_ = start_ +
           std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds_));
  }
  [[nodiscard]] std::size_t size() const { return users_.size(); }

 private:
  asio::io_context& io_;
  double seconds_;
  double think_ms_;
  std::string occasion_;
  std::vector<std::unique_ptr<User>> users_;
  Clock::time_point start_;
  Clock::time_point end_;
  Totals totals_;
  std::map<std::string, Acknowledged> acknowledged_;
  std::vector<std::string> lost_;
  int verified_ = 0;
  int approvals_ = 0;
};

int run(int argc, char** argv) {
  const std::string url = option(argc, argv, "--url", "");
  const std::string plan_file = option(argc, argv, "--plan", "");
  const double seconds = std::stod(option(argc, argv, "--seconds", "60"));
  const double think_ms = std::stod(option(argc, argv, "--think-ms", "1000"));
  const std::string prefix = "http://127.0.0.1:";
  if (url.rfind(prefix, 0) != 0) fail("--url must be " + prefix + "PORT");
  tcp::endpoint server(asio::ip::make_address("127.0.0.1"),
                       static_cast<unsigned short>(std::stoi(url.substr(prefix.size()))));
  std::ifstream in(plan_file);
  json plan = json::parse(in);

  asio::io_context io;
  Storm storm(io, server, plan, seconds, think_ms);
  auto rethrow = [](const std::exception_ptr& error) {
    if (error) std::rethrow_exception(error);
  };
  // Signing in hashes a password on the server (argon2id, ~70 ms): a few at a time.
  auto signing_in = Clock::now();
  for (std::size_t lane = 0; lane < 4; ++lane) {
    asio::co_spawn(io, storm.signIn(lane, 4), rethrow);
  }
  io.run();
  std::chrono::duration<double> signed_in = Clock::now() - signing_in;
  std::cout << fmt::format("{} users signed in in {:.1f} s\n", storm.size(), signed_in.count());

  io.restart();
  storm.start();
  for (std::size_t user = 0; user < storm.size(); ++user) {
    asio::co_spawn(io, storm.storm(user), rethrow);
  }
  io.run();
  io.restart();
  asio::co_spawn(io, storm.verify(), rethrow);
  io.run();
  return storm.report();
}

}  // namespace

int main(int argc, char** argv) {
  std::string command = argc > 1 ? argv[1] : "";
  if (command == "prepare") return prepare(argc, argv);
  if (command == "run") return run(argc, argv);
  std::cerr << "usage: bench_storm prepare --db DB --plan FILE [--users N] [--occasion CODE]\n"
               "       bench_storm run --url http://127.0.0.1:PORT --plan FILE [--seconds S] "
               "[--think-ms T]\n";
  return 2;
}
