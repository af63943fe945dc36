// The exchange format out and CSV in over HTTP, on the Lerum demo: controllers only, all or
// nothing, every problem with its line and column, one audit entry per record written.

#include <gtest/gtest.h>

#include "http/demo_api.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

constexpr const char* kUnitsHeader = "code,name,kind,parent,valid_from,valid_to\n";
constexpr const char* kPeopleHeader =
    "person,given_name,family_name,email,unit,role,valid_from,valid_to\n";

class ImportExportRoutes : public DemoApi {
 protected:
  //! POST /api/v1/import?kind=... with a CSV body, as a signed-in user with their CSRF token.
  Reply import(const std::string& username, const std::string& kind, const std::string& csv,
               const std::string& content_type = "text/csv; charset=utf-8") {
    Message message = request(bhttp::verb::post, "/api/v1/import?kind=" + kind, csv);
    message.set(bhttp::field::content_type, content_type);
    if (!username.empty()) {
      const DemoSession& session = DemoTemplate::instance().session(username);
      message.set(bhttp::field::cookie, session.cookie);
      message.set(kCsrfHeader, session.csrf);
    }
    message.prepare_payload();
    return client_->roundTrip(message);
  }
  std::int64_t auditSequence() { return store_->auditSequence("1441"); }
  static std::vector<std::string> where(const Reply& reply) {
    std::vector<std::string> places;
    json error = body(reply);
    for (const auto& detail : error["error"]["details"]) places.push_back(detail["where"]);
    return places;
  }
};

TEST_F(ImportExportRoutes, TheControllerExportsTheOrganisationAsAFile) {
  Reply reply = get("controller", "/api/v1/export");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  EXPECT_EQ(reply[bhttp::field::content_disposition],
            "attachment; filename=\"styr-1441-2025-11-30.json\"");
  EXPECT_EQ(reply[bhttp::field::content_type], "application/json");
  // The same bytes as `styr export`: the exchange format is deterministic.
  EXPECT_EQ(reply.body(), interchange::organisationToJson(store_->loadOrganisation("1441")));
}

TEST_F(ImportExportRoutes, OnlyControllersExportAndImport) {
  for (const std::string username : {"medarbetare", "enhetschef", "kd", "ledamot", "admin"}) {
    Reply exported = get(username, "/api/v1/export");
    EXPECT_EQ(exported.result_int(), 403) << username << ": " << exported.body();
    Reply imported = import(
        username, "units",
        std::string(kUnitsHeader) + "LAR-A901,Förskolan Ekhagen,workplace,LAR-E01,2026-01-01,\n");
    EXPECT_EQ(imported.result_int(), 403) << username << ": " << imported.body();
  }
  EXPECT_EQ(get("", "/api/v1/export").result_int(), 401);
  EXPECT_EQ(import("", "units", kUnitsHeader).result_int(), 401);
  EXPECT_TRUE(store_->auditEntriesOf("1441", "unit", "LAR-A901").empty());
}

TEST_F(ImportExportRoutes, UnitsAreImportedWithOneAuditEntryEach) {
  std::int64_t before = auditSequence();
  Reply reply = import("controller", "units",
                       std::string("code;name;kind;parent;valid_from;valid_to\r\n") +
                           "LAR-A901;Förskolan Ekhagen;workplace;LAR-E01;2026-01-01;\r\n"
                           "LAR-A902;\"Förskolan Ekhagen; avdelning 2\";workplace;LAR-E01;"
                           "2026-01-01;\r\n");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  EXPECT_EQ(body(reply), json({{"organisation", "1441"}, {"records", 2}, {"audit_entries", 2}}));
  EXPECT_EQ(auditSequence(), before + 2);

  Reply chain = get("enhetschef", "/api/v1/audit?record_kind=unit&record=LAR-A902");
  ASSERT_EQ(chain.result_int(), 200) << chain.body();
  EXPECT_EQ(body(chain)["items"][0]["action"], "unit.imported");
  EXPECT_EQ(body(chain)["items"][0]["after"]["name"], "Förskolan Ekhagen; avdelning 2");
  EXPECT_NE(body(chain)["items"][0]["actor"].get<std::string>().find("(controller)"),
            std::string::npos);

  // The snapshot moved on with the audit trail: the export has the new units.
  std::string exported = get("controller", "/api/v1/export").body();
  EXPECT_NE(exported.find("LAR-A902"), std::string::npos);
}

TEST_F(ImportExportRoutes, PeopleComeWithTheirMembershipsAndAnEntryPerRecord) {
  std::int64_t before = auditSequence();
  Reply reply = import("controller", "people",
                       std::string(kPeopleHeader) +
                           "P09001,Åsa,Öberg,asa.oberg@lerum.se,LAR-A001,employee,2026-01-01,\n"
                           "P09001,Åsa,Öberg,asa.oberg@lerum.se,LAR-E01,employee,2026-01-01,\n"
                           "P09002,Lars,Ek,,,,,\n");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  EXPECT_EQ(body(reply)["records"], 4);  // two people, two memberships
  EXPECT_EQ(body(reply)["audit_entries"], 4);
  EXPECT_EQ(auditSequence(), before + 4);
  ASSERT_TRUE(store_->person("1441", "P09001"));
  EXPECT_EQ(store_->membershipsOf("1441", "P09001").size(), 2U);
}

TEST_F(ImportExportRoutes, EveryProblemOfTheCsvIsListedAndNothingIsWritten) {
  std::int64_t before = auditSequence();
  Reply reply = import("controller", "units",
                       std::string(kUnitsHeader) +
                           "LAR-A901,Förskolan Ekhagen,förskola,LAR-E01,2026-01-01,\n"
                           "LAR-A902,Förskolan Björken,workplace,LAR-E01,2026-02-30,\n"
                           "LAR-A903,Förskolan Linden,workplace,LAR-E01,2026-01-01,\n");
  ASSERT_EQ(reply.result_int(), 400) << reply.body();
  EXPECT_EQ(where(reply), (std::vector<std::string>{"body line 2, column kind",
                                                    "body line 3, column valid_from"}));
  EXPECT_EQ(auditSequence(), before);
  EXPECT_TRUE(store_->auditEntriesOf("1441", "unit", "LAR-A903").empty());

  Reply missing_column = import("controller", "people", kUnitsHeader);
  EXPECT_EQ(missing_column.result_int(), 400) << missing_column.body();
  Reply no_rows = import("controller", "units", kUnitsHeader);
  EXPECT_EQ(no_rows.result_int(), 400) << no_rows.body();
  EXPECT_EQ(auditSequence(), before);
}

TEST_F(ImportExportRoutes, ExistingRecordsConflictAndBrokenRulesAreRefusedWithNothingWritten) {
  std::int64_t before = auditSequence();
  Reply existing = import("controller", "units",
                          std::string(kUnitsHeader) +
                              "LAR-A901,Förskolan Ekhagen,workplace,LAR-E01,2026-01-01,\n"
                              "LAR-E01,Enhet 1,unit,SEK-LAR,2019-01-01,\n");
  ASSERT_EQ(existing.result_int(), 409) << existing.body();
  EXPECT_EQ(where(existing), std::vector<std::string>{"units[1].code"});

  Reply orphan = import(
      "controller", "units",
      std::string(kUnitsHeader) + "LAR-A901,Förskolan Ekhagen,workplace,LAR-E99,2026-01-01,\n");
  ASSERT_EQ(orphan.result_int(), 422) << orphan.body();
  ASSERT_FALSE(where(orphan).empty());
  EXPECT_EQ(where(orphan)[0].rfind("units[0]", 0), 0U) << orphan.body();

  Reply unknown_unit =
      import("controller", "people",
             std::string(kPeopleHeader) + "P09001,Åsa,Öberg,,LAR-E99,employee,2026-01-01,\n");
  EXPECT_EQ(unknown_unit.result_int(), 422) << unknown_unit.body();
  EXPECT_EQ(auditSequence(), before);
}

TEST_F(ImportExportRoutes, TheRequestMustSayWhatItHolds) {
  std::string csv =
      std::string(kUnitsHeader) + "LAR-A901,Förskolan Ekhagen,workplace,LAR-E01,2026-01-01,\n";
  Reply no_kind = import("controller", "", csv);
  ASSERT_EQ(no_kind.result_int(), 400) << no_kind.body();
  EXPECT_EQ(where(no_kind), std::vector<std::string>{"kind"});
  Reply other_kind = import("controller", "items", csv);
  EXPECT_EQ(other_kind.result_int(), 400) << other_kind.body();
  Reply as_json = import("controller", "units", csv, "application/json");
  ASSERT_EQ(as_json.result_int(), 400) << as_json.body();
  EXPECT_EQ(where(as_json), std::vector<std::string>{"Content-Type"});

  // A session's change needs its CSRF token.
  Message message = request(bhttp::verb::post, "/api/v1/import?kind=units", csv);
  message.set(bhttp::field::content_type, "text/csv");
  message.set(bhttp::field::cookie, DemoTemplate::instance().session("controller").cookie);
  message.prepare_payload();
  EXPECT_EQ(client_->roundTrip(message).result_int(), 403);
  EXPECT_TRUE(store_->auditEntriesOf("1441", "unit", "LAR-A901").empty());
}

}  // namespace
}  // namespace styr::http::test
