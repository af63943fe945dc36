// The synthetic-municipality generator: deterministic in its arguments, varied across seeds,
// of the demo's shape, and accepted by the rules.

#include "demo/generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "demo/organisation_text.hpp"
#include "domain/chain_index.hpp"
#include "domain/follow_up_plan.hpp"
#include "domain/follow_up_scope.hpp"
#include "domain/rules.hpp"
#include "domain/trace.hpp"

namespace styr::demo {
namespace {

using domain::OrganisationData;
using domain::UnitKind;

std::set<std::string> fullNames(const OrganisationData& data) {
  std::set<std::string> names;
  for (const auto& person : data.people) names.insert(person.given_name + " " + person.family_name);
  return names;
}

std::set<std::string> unitNames(const OrganisationData& data, UnitKind kind) {
  std::set<std::string> names;
  for (const auto& unit : data.units) {
    if (unit.kind == kind) names.insert(unit.name);
  }
  return names;
}

std::size_t sharedCount(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::count_if(a.begin(), a.end(), [&](const std::string& name) { return b.count(name); });
}

TEST(Generator, SameArgumentsGiveTheSameData) {
  auto first = generateMunicipality("1480", "Göteborgs kommun", 7);
  auto second = generateMunicipality("1480", "Göteborgs kommun", 7);
  EXPECT_EQ(test_support::describe(first), test_support::describe(second));
}

TEST(Generator, DifferentSeedsGiveDifferentPlacesAndPeople) {
  auto first = generateMunicipality("1480", "Göteborgs kommun", 1);
  auto second = generateMunicipality("1480", "Göteborgs kommun", 2);
  EXPECT_NE(test_support::describe(first), test_support::describe(second));
  auto first_places = unitNames(first, UnitKind::workplace);
  auto second_places = unitNames(second, UnitKind::workplace);
  EXPECT_LT(sharedCount(first_places, second_places), first_places.size() / 2);
  // The people are drawn from the same name lists, so some full names recur, but not the
  // lists as a whole.
  EXPECT_NE(fullNames(first), fullNames(second));
  EXPECT_NE(first.people[0].email, second.people[0].email);
}

TEST(Generator, DifferentMunicipalitiesWithTheSameSeedDiffer) {
  auto first = generateMunicipality("0114", "Upplands Väsby kommun", 1);
  auto second = generateMunicipality("0115", "Vallentuna kommun", 1);
  EXPECT_NE(unitNames(first, UnitKind::workplace), unitNames(second, UnitKind::workplace));
}

TEST(Generator, CarriesTheMunicipalitysCodeAndName) {
  auto data = generateMunicipality("0114", "Upplands Väsby kommun", 3);
  EXPECT_EQ(data.organisation.code, "0114");
  EXPECT_EQ(data.organisation.name, "Upplands Väsby kommun");
  for (const auto& person : data.people) {
    EXPECT_TRUE(person.email.ends_with("@upplands-vasby.example")) << person.email;
  }
  EXPECT_TRUE(unitNames(data, UnitKind::company).count("Upplands Väsbybostäder AB"));
}

TEST(Generator, HasTheDemosShape) {
  for (std::uint64_t seed : {1U, 2U, 3U, 4U, 5U}) {
    auto data = generateMunicipality("1484", "Lysekils kommun", seed);
    EXPECT_EQ(unitNames(data, UnitKind::council), std::set<std::string>{"Kommunfullmäktige"});
    EXPECT_EQ(unitNames(data, UnitKind::executive_board), std::set<std::string>{"Kommunstyrelsen"});
    EXPECT_EQ(unitNames(data, UnitKind::sector),
              (std::set<std::string>{"Lärande", "Samhällsbyggnad", "Vård och omsorg",
                                     "Individ- och familjeomsorg", "Internt stöd"}));
    EXPECT_GE(unitNames(data, UnitKind::drafting_committee).size(), 3U);
    std::size_t units = 0;
    std::size_t workplaces = 0;
    for (const auto& unit : data.units) {
      units += unit.kind == UnitKind::unit ? 1 : 0;
      workplaces += unit.kind == UnitKind::workplace ? 1 : 0;
    }
    EXPECT_GE(units, 60U) << seed;
    EXPECT_GE(workplaces, 40U) << seed;
    EXPECT_GE(data.people.size(), 1000U) << seed;
    EXPECT_GE(data.items.size(), 1000U) << seed;
    EXPECT_EQ(data.indicators.size(), 14U) << seed;
    EXPECT_FALSE(data.indicator_values.empty()) << seed;
    std::set<std::string> emails;
    for (const auto& person : data.people) {
      EXPECT_TRUE(emails.insert(person.email).second) << person.email;
    }
  }
}

TEST(Generator, SizeVariesWithTheSeed) {
  std::set<std::size_t> sizes;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    sizes.insert(generateMunicipality("2584", "Kiruna kommun", seed).people.size());
  }
  EXPECT_GE(sizes.size(), 6U);
  EXPECT_LT(*sizes.begin() * 2, *sizes.rbegin());
}

TEST(Generator, GeneratedMunicipalitiesPassEveryRuleAndTraceToTheirVision) {
  const std::vector<std::pair<std::string, std::string>> municipalities{
      {"0114", "Upplands Väsby kommun"}, {"0180", "Stockholms kommun"}, {"1441", "Lerums kommun"},
      {"2418", "Malå kommun"},           {"0860", "Hultsfreds kommun"}, {"1280", "Malmö kommun"}};
  std::uint64_t seed = 11;
  for (const auto& [code, name] : municipalities) {
    auto data = generateMunicipality(code, name, seed++);
    auto violations = domain::validate(data);
    EXPECT_TRUE(violations.empty())
        << name << ": " << violations.size() << " violations, first "
        << (violations.empty() ? "" : violations[0].path + " " + violations[0].message);
    domain::ChainIndex index(data);
    for (const auto& item : data.items) {
      if (item.status == domain::ItemStatus::draft) continue;
      auto trace = domain::traceUp(index, item.code);
      ASSERT_TRUE(trace && !trace->broken && trace->source != nullptr) << name << " " << item.code;
      EXPECT_TRUE(trace->source->kind == domain::DocumentKind::vision ||
                  trace->source->kind == domain::DocumentKind::mandate_programme);
    }
  }
}

TEST(Generator, GivesEveryMunicipalityAYearOfFollowUpLikeTheDemos) {
  auto data = generateMunicipality("2584", "Kiruna kommun", 5);
  EXPECT_EQ(data.occasions.size(), domain::defaultFollowUpPlan(2025, data).size());
  EXPECT_TRUE(domain::checkFollowUpPlan(2025, data.occasions).empty());
  domain::ChainIndex index(data);
  std::set<domain::ReportBackStatus> states;
  std::set<std::string> occasions;
  for (const auto& report_back : data.report_backs) {
    states.insert(report_back.status);
    occasions.insert(report_back.occasion);
    if (report_back.status == domain::ReportBackStatus::draft) continue;
    const domain::FollowUpOccasion* occasion = nullptr;
    for (const auto& candidate : data.occasions) {
      if (candidate.code == report_back.occasion) occasion = &candidate;
    }
    ASSERT_NE(occasion, nullptr);
    auto problems = domain::submissionProblems(report_back, *occasion, index);
    EXPECT_TRUE(problems.empty()) << report_back.recipient_unit << " " << report_back.occasion
                                  << ": " << (problems.empty() ? "" : problems[0].message);
  }
  EXPECT_EQ(states.size(), 4U);
  // Every occasion due by the demo's date, and none after it.
  EXPECT_TRUE(occasions.count("2025-DELAR"));
  EXPECT_TRUE(occasions.count("2025-KS-10"));
  EXPECT_FALSE(occasions.count("2025-KS-11"));
  EXPECT_FALSE(occasions.count("2025-AR"));
}

TEST(Generator, WithoutFollowUpItIsTheSameMunicipalityWithoutPlanOrReportBacks) {
  auto bare = generateMunicipality("2584", "Kiruna kommun", 5, DemoFollowUp::none);
  EXPECT_TRUE(bare.occasions.empty());
  EXPECT_TRUE(bare.report_backs.empty());
  auto full = generateMunicipality("2584", "Kiruna kommun", 5);
  ASSERT_FALSE(full.report_backs.empty());
  full.occasions.clear();
  full.report_backs.clear();
  EXPECT_EQ(test_support::describe(bare), test_support::describe(full));
}

}  // namespace
}  // namespace styr::demo
