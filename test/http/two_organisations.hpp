#pragma once
// API tests that ask who may do what where: the Lerum demo with a second organisation beside
// it (Provkommunen, 0999, generated), a signed-in account there, an API token of Lerum's
// controller, and drafts, issued items and draft documents at known places in Lerum's tree
// (the demo has almost none, and a step is only allowed on a record in the right state).
// Built once per test program on top of DemoTemplate's file, cached and locked the same way;
// each test gets its own copy.

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
#include <string>

#include "app/add_account.hpp"
#include "app/api_tokens.hpp"
#include "app/document_use_cases.hpp"
#include "app/import_organisation.hpp"
#include "app/item_use_cases.hpp"
#include "app/read_model.hpp"
#include "demo/generator.hpp"
#include "domain/date.hpp"
#include "http/demo_api.hpp"

namespace styr::http::test {

inline constexpr const char* kLerum = "1441";
inline constexpr const char* kOtherOrganisation = "0999";
//! The one login of 0999: a controller of its council with an administrator's account, so
//! that whatever it is refused in Lerum is refused for being Lerum's, not for lack of rights.
inline constexpr const char* kOtherLogin = "provkommunen";
//! The name of Lerum's controller's API token, which carries the scope read only.
inline constexpr const char* kReadToken = "ekonomisystemet";

class TwoOrganisationsTemplate {
 public:
  static TwoOrganisationsTemplate& instance() {
    static TwoOrganisationsTemplate built;
    return built;
  }
  [[nodiscard]] const std::string& path() const { return path_; }
  //! A demo login's session, or 0999's (kOtherLogin).
  [[nodiscard]] const DemoSession& session(const std::string& username) const {
    auto found = sessions_.find(username);
    if (found != sessions_.end()) return found->second;
    return DemoTemplate::instance().session(username);
  }
  //! The secret of the controller's read token, for an Authorization: Bearer header.
  [[nodiscard]] const std::string& readToken() const { return read_token_; }

 private:
  TwoOrganisationsTemplate() {
    namespace fs = std::filesystem;
    const std::string& base = DemoTemplate::instance().path();
    fs::path folder = fs::path(base).parent_path();
    // The demo template's name already says which build of the binary it belongs to.
    std::string stem = fs::path(base).stem().string() + "-two";
    path_ = (folder / (stem + ".db")).string();
    fs::path extras_file = folder / (stem + ".extras.json");
    int lock = ::open((folder / (stem + ".lock")).c_str(), O_CREAT | O_RDWR, 0600);
    if (lock < 0 || ::flock(lock, LOCK_EX) != 0) throw std::runtime_error("template lock");
    if (!fs::exists(extras_file)) build(base, extras_file);
    auto extras = nlohmann::json::parse(std::ifstream(extras_file));
    const auto& other = extras["session"];
    sessions_[kOtherLogin] = DemoSession{other["cookie"], other["csrf"]};
    read_token_ = extras["read_token"];
    ::close(lock);
  }

  static app::Caller callerFor(const std::string& organisation, const std::string& person,
                               const std::string& username) {
    app::Caller caller;
    caller.actor.organisation = organisation;
    caller.actor.person = person;
    caller.actor.signed_in = true;
    caller.name = fmt::format("{} ({})", person, username);
    caller.username = username;
    return caller;
  }

  static std::string firstWith(const domain::OrganisationData& data, const std::string& unit,
                               domain::Role role) {
    for (const auto& membership : data.memberships) {
      if (membership.unit == unit && membership.role == role) return membership.person;
    }
    throw std::runtime_error(fmt::format("no {} of {}", domain::toString(role), unit));
  }

  template <typename T>
  static T orThrow(app::Result<T> result, const std::string& what) {
    if (!result) {
      std::string details;
      for (const auto& detail : result.error().details) details += "; " + detail.message;
      throw std::runtime_error(what + ": " + result.error().message + details);
    }
    return std::move(result).value();
  }

  using ItemKind = domain::ItemKind;
  struct Step {
    const char* code;
    ItemKind kind;
    const char* issuer;
    const char* recipient_unit;  //!< empty: the demo's employee personally
    const char* origin;
    const char* document;
    bool issued;
  };

  void build(const std::string& base, const std::filesystem::path& extras_file) {
    std::string building = path_ + ".building";
    std::filesystem::copy_file(base, building, std::filesystem::copy_options::overwrite_existing);
    nlohmann::json extras;
    {
      app::FixedClock clock(demoNoon());
      auto store = store::openStore(building);
      orThrow(app::importOrganisation(
                  *store, clock, "test",
                  demo::generateMunicipality(kOtherOrganisation, "Provkommunen", 2)),
              "import 0999");
      std::string other_controller =
          firstWith(store->loadOrganisation(kOtherOrganisation), "KF", domain::Role::controller);
      orThrow(app::addAccount(*store, clock, "test",
                              {kOtherOrganisation, kOtherLogin, other_controller, true,
                               std::string(demo::kDemoPassword)},
                              app::PasswordPolicy::demo),
              "0999's account");
      auto signed_in = orThrow(app::signIn(*store, clock, kOtherOrganisation, kOtherLogin,
                                           std::string(demo::kDemoPassword)),
                               "0999's sign-in");
      extras["session"] = {{"cookie", std::string(kSessionCookie) + "=" + signed_in.secret},
                           {"csrf", signed_in.session.csrf_token}};

      app::ReadModels models;
      app::UseCaseContext context{*store, clock, models};
      domain::OrganisationData lerum = store->loadOrganisation(kLerum);
      auto login = [&](const std::string& username) {
        return callerFor(kLerum, store->account(kLerum, username)->person, username);
      };
      // Who writes for each unit: its head, a political body's secretary. The demo has no
      // logins for the heads of Vård och omsorg and Internt stöd.
      std::map<std::string, app::Caller> heads{
          {"LAR-E01", login("enhetschef")},
          {"SEK-LAR", login("sektorschef")},
          {"SEK-VOO", callerFor(kLerum, firstWith(lerum, "SEK-VOO", domain::Role::head), "test")},
          {"SEK-INT", callerFor(kLerum, firstWith(lerum, "SEK-INT", domain::Role::head), "test")},
          {"KD", login("kd")},
          {"KS", login("controller")},
          {"KF", login("controller")}};

      extras["read_token"] =
          orThrow(app::createApiToken(context, heads.at("KS"), "controller", kReadToken, {"read"}),
                  "the read token")
              .secret;

      // A draft and an issued item at each level of the chain above LAR-E01 (its own issued
      // one addressed to the demo's employee), one draft in another sector and one issued
      // item to the unit the demo's administrator has their membership in.
      const std::string employee = store->account(kLerum, "medarbetare")->person;
      const Step steps[] = {
          {"T-E01-DRAFT", ItemKind::assignment, "LAR-E01", "LAR-A001", "LAR-U001", "", false},
          {"T-E01-ISSUED", ItemKind::activity, "LAR-E01", "", "LAR-U001", "", true},
          {"T-LAR-DRAFT", ItemKind::assignment, "SEK-LAR", "LAR-E01", "KD-U001", "", false},
          {"T-LAR-ISSUED", ItemKind::assignment, "SEK-LAR", "LAR-E01", "KD-U001", "", true},
          {"T-KD-DRAFT", ItemKind::assignment, "KD", "SEK-LAR", "VP25-U01", "", false},
          {"T-KD-ISSUED", ItemKind::assignment, "KD", "SEK-LAR", "VP25-U01", "", true},
          {"T-KS-DRAFT", ItemKind::assignment, "KS", "KD", "BU25-M01", "VP-2025", false},
          {"T-KS-ISSUED", ItemKind::assignment, "KS", "KD", "BU25-M01", "VP-2025", true},
          {"T-KF-DRAFT", ItemKind::goal, "KF", "KS", "VOM-M01", "BUDGET-2025", false},
          {"T-KF-ISSUED", ItemKind::goal, "KF", "KS", "VOM-M01", "BUDGET-2025", true},
          {"T-VOO-DRAFT", ItemKind::assignment, "SEK-VOO", "VOO-E01", "KD-U004", "", false},
          {"T-INT-ISSUED", ItemKind::assignment, "SEK-INT", "INT-E03", "KD-U023", "", true},
      };
      for (const Step& step : steps) {
        domain::Item item;
        item.code = step.code;
        item.kind = step.kind;
        item.issuer = step.issuer;
        item.recipient_unit = step.recipient_unit;
        if (item.recipient_unit.empty()) item.recipient_person = employee;
        item.origin = step.origin;
        item.document = step.document;
        item.title = fmt::format("Tabellens {}", step.code);
        item.due = domain::parseDate("2026-06-30");
        item.follow_up.deliverable = "Återrapport";
        item.follow_up.deliverable_due = domain::parseDate("2026-06-30");
        const app::Caller& issuer = heads.at(step.issuer);
        orThrow(app::createItem(context, issuer, item), step.code);
        if (step.issued) orThrow(app::issueItem(context, issuer, step.code, {}), step.code);
      }

      // Draft documents of a unit, its sector, another sector and the board.
      for (const auto& [code, body] :
           std::map<std::string, std::string>{{"RUTIN-E01", "LAR-E01"},
                                              {"RIKTLINJER-LAR", "SEK-LAR"},
                                              {"RIKTLINJER-VOO", "SEK-VOO"},
                                              {"POLICY-KLIMAT", "KS"}}) {
        domain::SteeringDocument document;
        document.code = code;
        document.kind = domain::DocumentKind::policy;
        document.title = fmt::format("Tabellens {}", code);
        document.deciding_body = body;
        document.valid_from = *domain::parseDate("2026-01-01");
        orThrow(app::createDocument(context, heads.at(body), document), code);
      }
    }  // closed: the WAL is folded into the file
    std::filesystem::rename(building, path_);
    std::ofstream(extras_file.string() + ".tmp") << extras.dump();
    std::filesystem::rename(extras_file.string() + ".tmp", extras_file);
  }

  std::string path_;
  std::map<std::string, DemoSession> sessions_;
  std::string read_token_;
};

//! DemoApi over a copy of TwoOrganisationsTemplate's file instead of the demo's.
class TwoOrganisationsApi : public DemoApi {
 protected:
  void SetUp() override { serveCopyOf(TwoOrganisationsTemplate::instance().path()); }
};

}  // namespace styr::http::test
