// Coverage and statistics over HTTP, on the Lerum demo: controllers and politicians see the
// whole organisation, a head their subtree, and employees and the public nothing.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "domain/coverage.hpp"
#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

class AnalysisRoutes : public DemoApi {
 protected:
  //! The units of the unit manager's subtree, and the people belonging to them today.
  void SetUp() override {
    DemoApi::SetUp();
    data_ = store_->loadOrganisation("1441");
    subtree_ = {"LAR-E01", "LAR-A001"};
    for (const auto& membership : data_.memberships) {
      if (subtree_.count(membership.unit) != 0 &&
          domain::isValidOn(membership.valid_from, membership.valid_to, demo::lerumDemoDate())) {
        people_.insert(membership.person);
      }
    }
  }
  bool inSubtree(const json& summary) const {
    return subtree_.count(summary["issuer"]) != 0 || subtree_.count(summary["recipient"]) != 0 ||
           people_.count(summary["recipient"]) != 0;
  }
  static std::set<std::string> codesOf(const json& findings) {
    std::set<std::string> codes;
    for (const auto& [list, items] : findings.items()) {
      for (const auto& item : items) codes.insert(item["code"]);
    }
    return codes;
  }
  static std::int64_t sum(const json& counts) {
    std::int64_t total = 0;
    for (const auto& [key, count] : counts.items()) total += count.get<std::int64_t>();
    return total;
  }

  domain::OrganisationData data_;
  std::set<std::string> subtree_;
  std::set<std::string> people_;
};

TEST_F(AnalysisRoutes, TheUnitManagersCoverageIsLimitedToTheirSubtreeAndSaysSo) {
  Reply reply = get("enhetschef", "/api/v1/coverage");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  json coverage = body(reply);
  EXPECT_EQ(coverage["scope"], json({"LAR-E01"}));
  EXPECT_EQ(coverage["as_of"], "2025-11-30");
  auto codes = codesOf(coverage["findings"]);
  ASSERT_FALSE(codes.empty());
  for (const auto& [list, items] : coverage["findings"].items()) {
    for (const auto& item : items) {
      EXPECT_TRUE(inSubtree(item)) << list << ": " << item.dump();
    }
  }
  // Issued to a person of LAR-E01 and not yet taken on.
  EXPECT_EQ(codes.count("LAR-E01-A07"), 1U);
  EXPECT_EQ(coverage["finding_count"].get<std::size_t>(),
            coverage["findings"]["council_goals_not_carried"].size() +
                coverage["findings"]["without_origin"].size() +
                coverage["findings"]["recipient_without_head"].size() +
                coverage["findings"]["never_acknowledged"].size() +
                coverage["findings"]["without_follow_up"].size());

  // The controller's is the whole organisation's, which has more.
  Reply whole = get("controller", "/api/v1/coverage");
  ASSERT_EQ(whole.result_int(), 200) << whole.body();
  EXPECT_TRUE(body(whole)["scope"].is_null());
  auto all = codesOf(body(whole)["findings"]);
  EXPECT_GT(all.size(), codes.size());
  EXPECT_TRUE(std::includes(all.begin(), all.end(), codes.begin(), codes.end()));
  bool outside = false;
  json whole_findings = body(whole)["findings"];
  for (const auto& [list, items] : whole_findings.items()) {
    for (const auto& item : items) outside = outside || !inSubtree(item);
  }
  EXPECT_TRUE(outside);
  EXPECT_EQ(body(whole)["hidden"], 0);  // controllers read every item
  EXPECT_EQ(body(whole)["items"], data_.items.size());
}

TEST_F(AnalysisRoutes, TheControllersCoverageIsTheDomainsAnalysis) {
  domain::ChainIndex index(data_);
  auto report = domain::analyseCoverage(index, demo::lerumDemoDate());
  Reply reply = get("controller", "/api/v1/coverage");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  json findings = body(reply)["findings"];
  EXPECT_EQ(findings["without_origin"].size(), report.without_origin.size());
  EXPECT_EQ(findings["never_acknowledged"].size(), report.never_acknowledged.size());
  EXPECT_EQ(findings["without_follow_up"].size(), report.without_follow_up.size());
  EXPECT_EQ(body(reply)["finding_count"], report.findings());
}

TEST_F(AnalysisRoutes, AHeadNamesAUnitInTheirSubtreeAndNoOther) {
  Reply workplace = get("enhetschef", "/api/v1/coverage?unit=LAR-A001");
  ASSERT_EQ(workplace.result_int(), 200) << workplace.body();
  EXPECT_EQ(body(workplace)["scope"], json({"LAR-A001"}));
  EXPECT_EQ(codesOf(body(workplace)["findings"]).count("LAR-E01-A07"), 0U);  // LAR-E01's person

  Reply sector = get("enhetschef", "/api/v1/coverage?unit=SEK-LAR");
  EXPECT_EQ(sector.result_int(), 403) << sector.body();
  EXPECT_EQ(get("sektorschef", "/api/v1/coverage?unit=LAR-E01").result_int(), 200);
  Reply unknown = get("controller", "/api/v1/coverage?unit=NOPE");
  EXPECT_EQ(unknown.result_int(), 404) << unknown.body();
  Reply bad_day = get("controller", "/api/v1/coverage?as_of=2025-02-30");
  EXPECT_EQ(bad_day.result_int(), 400) << bad_day.body();
  EXPECT_EQ(body(bad_day)["error"]["field"], "as_of");
}

TEST_F(AnalysisRoutes, PoliticiansSeeTheWholeOrganisationEmployeesAndThePublicNothing) {
  Reply member = get("ledamot", "/api/v1/coverage");
  ASSERT_EQ(member.result_int(), 200) << member.body();
  EXPECT_TRUE(body(member)["scope"].is_null());
  // Drafts are their issuers' working papers: a council member's analysis leaves them out.
  json member_findings = body(member)["findings"];
  for (const auto& [list, items] : member_findings.items()) {
    for (const auto& item : items) EXPECT_NE(item["status"], "draft") << item.dump();
  }
  EXPECT_GT(body(member)["hidden"].get<int>(), 0);

  Reply employee = get("medarbetare", "/api/v1/coverage");
  EXPECT_EQ(employee.result_int(), 403) << employee.body();
  EXPECT_EQ(get("admin", "/api/v1/coverage").result_int(), 403);
  EXPECT_EQ(get("", "/api/v1/coverage").result_int(), 401);
  EXPECT_EQ(get("medarbetare", "/api/v1/stats").result_int(), 403);
  EXPECT_EQ(get("", "/api/v1/stats").result_int(), 401);
}

TEST_F(AnalysisRoutes, TheWholeOrganisationsStatisticsAreTheStoresCounts) {
  Reply reply = get("controller", "/api/v1/stats");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  json stats = body(reply);
  EXPECT_TRUE(stats["scope"].is_null());
  json counts = stats["counts"];
  EXPECT_EQ(sum(counts["units_by_kind"]), static_cast<std::int64_t>(data_.units.size()));
  EXPECT_EQ(counts["units_by_kind"]["council"], 1);
  EXPECT_EQ(counts["units_by_kind"]["company"].is_number(), true);  // zeros are listed too
  EXPECT_EQ(counts["people"], data_.people.size());
  EXPECT_EQ(sum(counts["items_by_status"]), static_cast<std::int64_t>(data_.items.size()));
  EXPECT_EQ(sum(counts["items_by_kind"]), static_cast<std::int64_t>(data_.items.size()));
  EXPECT_EQ(counts["audit_entries"], store_->auditSequence("1441"));
  EXPECT_EQ(get("ordforande", "/api/v1/stats").result_int(), 200);
}

TEST_F(AnalysisRoutes, AHeadsStatisticsAreCountedOverTheirSubtree) {
  Reply reply = get("enhetschef", "/api/v1/stats");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  json stats = body(reply);
  EXPECT_EQ(stats["scope"], json({"LAR-E01"}));
  json counts = stats["counts"];
  EXPECT_EQ(counts["units_by_kind"]["unit"], 1);
  EXPECT_EQ(counts["units_by_kind"]["workplace"], 1);
  EXPECT_EQ(sum(counts["units_by_kind"]), 2);
  EXPECT_EQ(counts["people"], people_.size());
  EXPECT_EQ(counts["heads"], 1);
  EXPECT_FALSE(counts.contains("audit_entries"));  // the trail is the organisation's

  std::int64_t items = 0;
  for (const auto& item : data_.items) {
    bool concerns = subtree_.count(item.issuer) != 0 || subtree_.count(item.recipient_unit) != 0 ||
                    people_.count(item.recipient_person) != 0;
    // A draft issued from above is its issuer's working paper, not the recipient's.
    bool hidden = item.status == domain::ItemStatus::draft && subtree_.count(item.issuer) == 0;
    if (concerns && !hidden) ++items;
  }
  EXPECT_EQ(sum(counts["items_by_status"]), items);
  EXPECT_EQ(sum(counts["items_by_kind"]), items);

  Reply narrower = get("controller", "/api/v1/stats?unit=LAR-A001");
  ASSERT_EQ(narrower.result_int(), 200) << narrower.body();
  EXPECT_EQ(body(narrower)["scope"], json({"LAR-A001"}));
  EXPECT_EQ(sum(body(narrower)["counts"]["units_by_kind"]), 1);
  EXPECT_EQ(get("enhetschef", "/api/v1/stats?unit=SEK-LAR").result_int(), 403);
}

}  // namespace
}  // namespace styr::http::test
