// The Lerum demo as a user would notice it: the seed's facts, a working steering chain, and
// data the rules accept.

#include "demo/lerum_demo.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>

#include "app/clock.hpp"
#include "app/follow_up_use_cases.hpp"
#include "demo/organisation_text.hpp"
#include "domain/chain_index.hpp"
#include "domain/coverage.hpp"
#include "domain/follow_up_plan.hpp"
#include "domain/follow_up_scope.hpp"
#include "domain/occasion_overview.hpp"
#include "domain/rules.hpp"
#include "domain/trace.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::demo {
namespace {

using domain::Date;
using domain::ItemStatus;
using domain::OrganisationData;
using domain::Role;
using domain::UnitKind;

constexpr Date ymd(int year, unsigned month, unsigned day) {
  return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

// The day the demo is looked at: mid-way through its active year.
constexpr Date kToday = ymd(2025, 6, 30);

const OrganisationData& demo() {
  static const OrganisationData data = buildLerumDemo();
  return data;
}

// People holding `role` in `unit` today.
std::set<std::string> holders(const OrganisationData& data, std::string_view unit, Role role) {
  std::set<std::string> people;
  for (const auto& membership : data.memberships) {
    if (membership.unit == unit && membership.role == role &&
        domain::isValidOn(membership.valid_from, membership.valid_to, kToday)) {
      people.insert(membership.person);
    }
  }
  return people;
}

// People holding `role` anywhere today.
std::set<std::string> holdersAnywhere(const OrganisationData& data, Role role) {
  std::set<std::string> people;
  for (const auto& membership : data.memberships) {
    if (membership.role == role &&
        domain::isValidOn(membership.valid_from, membership.valid_to, kToday)) {
      people.insert(membership.person);
    }
  }
  return people;
}

std::vector<const domain::Unit*> unitsOfKind(const OrganisationData& data, UnitKind kind) {
  std::vector<const domain::Unit*> units;
  for (const auto& unit : data.units) {
    if (unit.kind == kind) units.push_back(&unit);
  }
  return units;
}

const domain::Unit* unitByCode(const OrganisationData& data, std::string_view code) {
  for (const auto& unit : data.units) {
    if (unit.code == code) return &unit;
  }
  return nullptr;
}

TEST(LerumDemo, IsLerumsKommunInItsActiveYear) {
  const auto& data = demo();
  EXPECT_EQ(data.organisation.code, "1441");
  EXPECT_EQ(data.organisation.name, "Lerums kommun");
  EXPECT_EQ(data.organisation.kind, domain::OrganisationKind::municipality);
  ASSERT_EQ(data.terms.size(), 1U);
  EXPECT_EQ(data.terms[0].first_year, 2023);
  std::map<int, domain::YearStatus> years;
  for (const auto& year : data.years) years[year.year] = year.status;
  EXPECT_EQ(years, (std::map<int, domain::YearStatus>{{2024, domain::YearStatus::closed},
                                                      {2025, domain::YearStatus::active},
                                                      {2026, domain::YearStatus::planning}}));
}

TEST(LerumDemo, CouncilHas51ElectedMembersOneOfThemChair) {
  const auto& data = demo();
  auto chairs = holders(data, "KF", Role::chair);
  auto members = holders(data, "KF", Role::member);
  EXPECT_EQ(chairs.size(), 1U);
  std::set<std::string> elected = members;
  elected.insert(chairs.begin(), chairs.end());
  EXPECT_EQ(elected.size(), 51U);
  EXPECT_FALSE(holders(data, "KF", Role::substitute).empty());
  const auto* council = unitByCode(data, "KF");
  ASSERT_NE(council, nullptr);
  EXPECT_EQ(council->kind, UnitKind::council);
  EXPECT_TRUE(council->parent.empty());
}

TEST(LerumDemo, BoardHasElevenCouncillorsOneOfThemChair) {
  const auto& data = demo();
  auto chairs = holders(data, "KS", Role::chair);
  auto members = holders(data, "KS", Role::member);
  EXPECT_EQ(chairs.size(), 1U);
  EXPECT_EQ(chairs.size() + members.size(), 11U);
  auto councillors = holders(data, "KF", Role::member);
  for (const auto& person : members) EXPECT_TRUE(councillors.count(person)) << person;
  const auto* board = unitByCode(data, "KS");
  ASSERT_NE(board, nullptr);
  EXPECT_EQ(board->kind, UnitKind::executive_board);
  EXPECT_EQ(board->parent, "KF");
}

TEST(LerumDemo, CouncilHasFiveDraftingCommitteesWithMembers) {
  const auto& data = demo();
  auto committees = unitsOfKind(data, UnitKind::drafting_committee);
  ASSERT_EQ(committees.size(), 5U);
  for (const auto* committee : committees) {
    EXPECT_EQ(committee->parent, "KF");
    EXPECT_EQ(holders(data, committee->code, Role::chair).size(), 1U) << committee->name;
    EXPECT_GE(holders(data, committee->code, Role::member).size(), 3U) << committee->name;
  }
  EXPECT_FALSE(unitsOfKind(data, UnitKind::committee).empty());
  EXPECT_FALSE(unitsOfKind(data, UnitKind::company).empty());
}

TEST(LerumDemo, ChiefExecutivesLeadTheFiveSectorsOfTheSeed) {
  const auto& data = demo();
  const auto* office = unitByCode(data, "KD");
  ASSERT_NE(office, nullptr);
  EXPECT_EQ(office->kind, UnitKind::chief_executive_office);
  EXPECT_EQ(office->parent, "KS");
  EXPECT_EQ(holders(data, "KD", Role::head).size(), 2U);
  std::vector<std::string> sectors;
  for (const auto* sector : unitsOfKind(data, UnitKind::sector)) {
    EXPECT_EQ(sector->parent, "KD");
    EXPECT_EQ(holders(data, sector->code, Role::head).size(), 1U) << sector->name;
    sectors.push_back(sector->name);
  }
  EXPECT_EQ(sectors, (std::vector<std::string>{"Lärande", "Samhällsbyggnad", "Vård och omsorg",
                                               "Individ- och familjeomsorg", "Internt stöd"}));
}

TEST(LerumDemo, HasAbout110UnitsAndMoreThan100Workplaces) {
  const auto& data = demo();
  auto units = unitsOfKind(data, UnitKind::unit);
  EXPECT_GE(units.size(), 100U);
  EXPECT_LE(units.size(), 120U);
  std::size_t open_workplaces = 0;
  for (const auto* workplace : unitsOfKind(data, UnitKind::workplace)) {
    const auto* parent = unitByCode(data, workplace->parent);
    ASSERT_NE(parent, nullptr);
    EXPECT_EQ(parent->kind, UnitKind::unit) << workplace->name;
    if (domain::isValidOn(workplace->valid_from, workplace->valid_to, kToday)) ++open_workplaces;
  }
  EXPECT_GT(open_workplaces, 100U);
  EXPECT_NE(unitByCode(data, "LAR-E01"), nullptr);
  EXPECT_NE(unitByCode(data, "LAR-A001"), nullptr);
}

TEST(LerumDemo, EveryUnitHasAHeadButOneVacancy) {
  const auto& data = demo();
  std::vector<std::string> vacant;
  for (const auto* unit : unitsOfKind(data, UnitKind::unit)) {
    if (holders(data, unit->code, Role::head).empty()) vacant.push_back(unit->name);
  }
  EXPECT_EQ(vacant, std::vector<std::string>{"Hemsjukvård Gråbo och Floda"});
}

TEST(LerumDemo, HasAbout120ManagersAnd2500Employees) {
  const auto& data = demo();
  auto heads = holdersAnywhere(data, Role::head);
  EXPECT_GE(heads.size(), 110U);
  EXPECT_LE(heads.size(), 130U);
  EXPECT_EQ(holdersAnywhere(data, Role::employee).size(), 2500U);
}

TEST(LerumDemo, ControllerIsSecretaryOfCouncilAndBoardAndOneAdministratorRunsTheSystem) {
  const auto& data = demo();
  auto controllers = holders(data, "KD", Role::controller);
  EXPECT_GE(controllers.size(), 2U);
  auto secretaries = holders(data, "KF", Role::controller);
  ASSERT_EQ(secretaries.size(), 1U);
  EXPECT_EQ(holders(data, "KS", Role::controller), secretaries);
  EXPECT_TRUE(controllers.count(*secretaries.begin()));
  auto administrators = holdersAnywhere(data, Role::administrator);
  ASSERT_EQ(administrators.size(), 1U);
  for (const auto& membership : data.memberships) {
    if (membership.role == Role::administrator) {
      EXPECT_EQ(unitByCode(data, membership.unit)->name, "IT-enheten");
    }
  }
}

TEST(LerumDemo, PeopleHaveSwedishNamesAndUniqueAsciiAddresses) {
  const auto& data = demo();
  std::set<std::string> emails;
  std::set<std::string> codes;
  for (const auto& person : data.people) {
    EXPECT_FALSE(person.given_name.empty());
    EXPECT_FALSE(person.family_name.empty());
    EXPECT_TRUE(emails.insert(person.email).second) << person.email;
    EXPECT_TRUE(codes.insert(person.code).second) << person.code;
    EXPECT_TRUE(person.email.ends_with("@lerum.example")) << person.email;
    EXPECT_TRUE(std::all_of(person.email.begin(), person.email.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '@';
    })) << person.email;
  }
  // Swedish letters are folded to ASCII in addresses: Åberg becomes aberg.
  auto aberg = std::find_if(data.people.begin(), data.people.end(),
                            [](const auto& person) { return person.family_name == "Åberg"; });
  ASSERT_NE(aberg, data.people.end());
  EXPECT_NE(aberg->email.find(".aberg"), std::string::npos) << aberg->email;
}

TEST(LerumDemo, VisionIsTheSeedsVision2025) {
  const auto& data = demo();
  auto vision = std::find_if(
      data.documents.begin(), data.documents.end(),
      [](const auto& document) { return document.kind == domain::DocumentKind::vision; });
  ASSERT_NE(vision, data.documents.end());
  EXPECT_EQ(vision->title, "Vision 2025");
  EXPECT_EQ(vision->summary, "År 2025 ska kommunen vara Sveriges ledande miljökommun.");
  EXPECT_EQ(vision->deciding_body, "KF");
  ASSERT_TRUE(vision->decision.has_value());
  EXPECT_EQ(vision->decision->date.year(), std::chrono::year{2009});
  EXPECT_EQ(vision->decision->date.month(), std::chrono::November);
  EXPECT_EQ(vision->valid_from, ymd(2010, 1, 1));
  EXPECT_EQ(vision->valid_to, ymd(2025, 12, 31));
}

TEST(LerumDemo, CouncilSteersWithMandateProgrammeAndBudgetDecidedInJune) {
  const auto& data = demo();
  std::map<domain::DocumentKind, int> kinds;
  for (const auto& document : data.documents) {
    ++kinds[document.kind];
    if (document.status != domain::DocumentStatus::draft) {
      ASSERT_TRUE(document.decision.has_value()) << document.code;
      EXPECT_TRUE(document.decision->minute_paragraph.starts_with("§ ")) << document.code;
      EXPECT_FALSE(document.decision->case_number.empty()) << document.code;
    }
    if (document.kind != domain::DocumentKind::budget) {
      EXPECT_TRUE(document.appropriations.empty()) << document.code;
    }
  }
  for (auto kind : domain::allValues<domain::DocumentKind>()) {
    EXPECT_GE(kinds[kind], 1) << domain::toString(kind);
  }
  auto budget = std::find_if(data.documents.begin(), data.documents.end(), [](const auto& doc) {
    return doc.kind == domain::DocumentKind::budget;
  });
  ASSERT_NE(budget, data.documents.end());
  EXPECT_EQ(budget->year, 2025);
  EXPECT_EQ(budget->deciding_body, "KF");
  EXPECT_EQ(budget->decision->date.month(), std::chrono::June);
  EXPECT_EQ(budget->decision->date.year(), std::chrono::year{2024});
  std::map<int, std::int64_t> per_year;
  for (const auto& appropriation : budget->appropriations) {
    per_year[appropriation.year] += appropriation.amount_sek;
  }
  ASSERT_EQ(per_year.size(), 3U);
  EXPECT_GT(per_year[2025], 2'300'000'000);
  EXPECT_LT(per_year[2025], 2'700'000'000);
  EXPECT_GT(per_year[2027], per_year[2025]);
  auto programme = std::find_if(data.documents.begin(), data.documents.end(), [](const auto& doc) {
    return doc.kind == domain::DocumentKind::mandate_programme;
  });
  ASSERT_NE(programme, data.documents.end());
  EXPECT_EQ(programme->title, "Vilja och mål 2023–2026");
  EXPECT_EQ(programme->term, 2023);
}

TEST(LerumDemo, RevisedPolicyKeepsItsFirstVersionAsSuperseded) {
  const auto& data = demo();
  std::map<std::string, std::vector<const domain::SteeringDocument*>> versions;
  for (const auto& document : data.documents) versions[document.code].push_back(&document);
  auto revised = std::find_if(versions.begin(), versions.end(),
                              [](const auto& entry) { return entry.second.size() == 2; });
  ASSERT_NE(revised, versions.end());
  EXPECT_EQ(revised->second[0]->kind, domain::DocumentKind::policy);
  EXPECT_EQ(revised->second[0]->status, domain::DocumentStatus::superseded);
  EXPECT_EQ(revised->second[1]->status, domain::DocumentStatus::decided);
  EXPECT_EQ(revised->second[1]->version, 2);
}

TEST(LerumDemo, IndicatorsUseEveryAggregationAndValuesCarryTheirParts) {
  const auto& data = demo();
  EXPECT_GE(data.indicators.size(), 10U);
  EXPECT_LE(data.indicators.size(), 15U);
  std::map<std::string, domain::Aggregation> aggregation;
  std::set<domain::Aggregation> used;
  for (const auto& indicator : data.indicators) {
    aggregation[indicator.code] = indicator.aggregation;
    used.insert(indicator.aggregation);
    EXPECT_FALSE(indicator.name.empty());
    EXPECT_FALSE(indicator.description.empty());
    std::set<int> target_years;
    for (const auto& target : indicator.targets) {
      if (target.unit.empty()) target_years.insert(target.year);
    }
    EXPECT_EQ(target_years, (std::set<int>{2025, 2026})) << indicator.code;
  }
  EXPECT_EQ(used.size(), 4U);
  std::set<std::string> reported;
  for (const auto& value : data.indicator_values) {
    reported.insert(value.indicator);
    EXPECT_EQ(value.period_end.year(), std::chrono::year{2025});
    switch (aggregation.at(value.indicator)) {
      case domain::Aggregation::ratio_of_sums:
        ASSERT_TRUE(value.numerator && value.denominator) << value.indicator;
        EXPECT_GT(*value.denominator, 0);
        EXPECT_GT(*value.numerator, 0);
        EXPECT_DOUBLE_EQ(value.value, 100.0 * *value.numerator / *value.denominator);
        break;
      case domain::Aggregation::weighted_mean:
        ASSERT_TRUE(value.weight.has_value()) << value.indicator;
        EXPECT_GT(*value.weight, 0);
        break;
      default:
        break;
    }
  }
  EXPECT_EQ(reported.size(), data.indicators.size());
  // Twelve monthly values for a unit's sick leave: a whole year is reported.
  std::size_t sick_leave = std::count_if(
      data.indicator_values.begin(), data.indicator_values.end(), [](const auto& value) {
        return value.indicator == "SJUKFRANVARO" && value.unit == "LAR-E01";
      });
  EXPECT_EQ(sick_leave, 12U);
}

TEST(LerumDemo, HasAFewThousandItemsOfEveryKindAndState) {
  const auto& data = demo();
  EXPECT_GE(data.items.size(), 2000U);
  EXPECT_LE(data.items.size(), 5000U);
  std::map<domain::ItemKind, int> kinds;
  std::map<ItemStatus, int> states;
  for (const auto& item : data.items) {
    ++kinds[item.kind];
    ++states[item.status];
  }
  for (auto kind : domain::allValues<domain::ItemKind>()) {
    EXPECT_GT(kinds[kind], 0) << domain::toString(kind);
  }
  EXPECT_GT(states[ItemStatus::acknowledged], states[ItemStatus::completed]);
  EXPECT_GT(states[ItemStatus::completed], states[ItemStatus::issued]);
  EXPECT_GT(states[ItemStatus::issued], 0);
  EXPECT_GT(states[ItemStatus::draft], 0);
  EXPECT_LT(states[ItemStatus::draft], 20);
  EXPECT_GE(states[ItemStatus::cancelled], 1);
  EXPECT_LE(states[ItemStatus::cancelled], 2);
}

TEST(LerumDemo, PassesEveryRule) {
  auto violations = domain::validate(demo());
  for (std::size_t idx = 0; idx < violations.size() && idx < 10; ++idx) {
    ADD_FAILURE() << violations[idx].rule << " " << violations[idx].path << " "
                  << violations[idx].record << ": " << violations[idx].message;
  }
  EXPECT_TRUE(violations.empty()) << violations.size() << " violations";
}

TEST(LerumDemo, EveryIssuedItemTracesUpToTheVisionOrTheMandateProgramme) {
  const auto& data = demo();
  domain::ChainIndex index(data);
  for (const auto& item : data.items) {
    if (item.status == ItemStatus::draft) continue;
    auto trace = domain::traceUp(index, item.code);
    ASSERT_TRUE(trace.has_value());
    ASSERT_FALSE(trace->broken) << item.code;
    ASSERT_NE(trace->source, nullptr) << item.code;
    EXPECT_TRUE(trace->source->kind == domain::DocumentKind::vision ||
                trace->source->kind == domain::DocumentKind::mandate_programme)
        << item.code;
  }
}

TEST(LerumDemo, ChainDatesFollowEachOther) {
  const auto& data = demo();
  domain::ChainIndex index(data);
  for (const auto& item : data.items) {
    if (item.status == ItemStatus::draft || item.origin.empty()) continue;
    const auto* origin = index.item(item.origin);
    ASSERT_NE(origin, nullptr);
    ASSERT_TRUE(item.issued_on && origin->issued_on) << item.code;
    EXPECT_GE(*item.issued_on, *origin->issued_on) << item.code;
    // A recipient breaks an assignment down only after taking it on.
    ASSERT_TRUE(origin->acknowledged_on) << item.code;
    EXPECT_GE(*item.issued_on, *origin->acknowledged_on) << item.code;
    EXPECT_LE(*item.issued_on, ymd(2025, 12, 31)) << item.code;
  }
}

TEST(LerumDemo, ClosedWorkplaceReceivedNothingAfterItClosed) {
  const auto& data = demo();
  std::vector<const domain::Unit*> closed;
  for (const auto& unit : data.units) {
    if (unit.valid_to) closed.push_back(&unit);
  }
  ASSERT_EQ(closed.size(), 1U);
  EXPECT_EQ(closed[0]->kind, UnitKind::workplace);
  EXPECT_EQ(closed[0]->valid_to, ymd(2024, 6, 30));
  for (const auto& item : data.items) {
    if (item.recipient_unit != closed[0]->code || !item.issued_on) continue;
    EXPECT_LE(*item.issued_on, *closed[0]->valid_to) << item.code;
  }
  for (const auto& membership : data.memberships) {
    if (membership.unit == closed[0]->code) {
      EXPECT_EQ(membership.valid_to, closed[0]->valid_to) << membership.person;
    }
  }
}

TEST(LerumDemo, CoverageAnalysisFindsTheGapsLeftOnPurpose) {
  const auto& data = demo();
  domain::ChainIndex index(data);
  auto report = domain::analyseCoverage(index, kToday);
  auto has = [](const std::vector<domain::ItemSummary>& findings, auto predicate) {
    return std::any_of(findings.begin(), findings.end(), predicate);
  };
  EXPECT_TRUE(has(report.council_goals_not_carried,
                  [](const auto& finding) { return finding.code.starts_with("BU25-"); }));
  EXPECT_TRUE(has(report.recipient_without_head, [&](const auto& finding) {
    const auto* unit = unitByCode(data, finding.recipient);
    return unit != nullptr && unit->name == "Hemsjukvård Gråbo och Floda";
  }));
  EXPECT_TRUE(has(report.without_origin,
                  [](const auto& finding) { return finding.status == ItemStatus::draft; }));
  EXPECT_FALSE(report.never_acknowledged.empty());
  EXPECT_FALSE(report.without_follow_up.empty());
  for (const auto& finding : report.without_follow_up) {
    EXPECT_EQ(finding.status, ItemStatus::draft) << finding.code;
  }
}

TEST(LerumDemo, KeyPeopleHoldTheirRoles) {
  const auto& data = demo();
  DemoKeyPeople people = lerumKeyPeople();
  EXPECT_TRUE(holders(data, "KF", Role::member).count(people.council_member));
  EXPECT_FALSE(holders(data, "KS", Role::member).count(people.council_member));
  EXPECT_TRUE(holders(data, "KS", Role::chair).count(people.board_member));
  EXPECT_TRUE(holders(data, "KD", Role::head).count(people.chief_executive));
  EXPECT_TRUE(holders(data, "SEK-LAR", Role::head).count(people.sector_head));
  EXPECT_TRUE(holders(data, "LAR-E01", Role::head).count(people.unit_manager));
  EXPECT_TRUE(holders(data, "LAR-E01", Role::employee).count(people.employee));
  EXPECT_TRUE(holders(data, "KF", Role::controller).count(people.controller));
  EXPECT_EQ(holdersAnywhere(data, Role::administrator),
            std::set<std::string>{people.administrator});
  bool employee_has_work = std::any_of(data.items.begin(), data.items.end(), [&](const auto& item) {
    return item.recipient_person == people.employee;
  });
  EXPECT_TRUE(employee_has_work);
}

// --- the year of follow-up ---------------------------------------------------------------------

const domain::FollowUpOccasion& occasionOf(const OrganisationData& data, std::string_view code) {
  for (const auto& occasion : data.occasions) {
    if (occasion.code == code) return occasion;
  }
  throw std::runtime_error("no occasion " + std::string(code));
}

std::vector<const domain::ReportBack*> versionsOf(const OrganisationData& data,
                                                  const domain::FollowUpOccasion& occasion,
                                                  const domain::Recipient& recipient) {
  std::vector<const domain::ReportBack*> versions;
  for (const auto& report_back : data.report_backs) {
    if (report_back.occasion == occasion.code && domain::recipientOf(report_back) == recipient) {
      versions.push_back(&report_back);
    }
  }
  return versions;
}

Date dayOf(const std::string& timestamp) {
  auto parsed = domain::parseTimestamp(timestamp);
  if (!parsed) throw std::runtime_error("not a timestamp: " + timestamp);
  return app::swedishDate(*parsed);
}

bool passed(const Date& day) {
  return day < lerumDemoDate();
}

//! The newest occasion whose first deadline has passed on the demo's date: the one under way.
const domain::FollowUpOccasion& occasionUnderWay(const OrganisationData& data) {
  const domain::FollowUpOccasion* newest = nullptr;
  for (const auto& occasion : data.occasions) {
    if (occasion.deadlines.empty() || !passed(occasion.deadlines.front().deadline)) continue;
    if (newest == nullptr || newest->period_end < occasion.period_end) newest = &occasion;
  }
  if (newest == nullptr) throw std::runtime_error("no occasion under way");
  return *newest;
}

TEST(LerumDemo, HasTheDefaultFollowUpPlanFor2025) {
  const auto& data = demo();
  std::vector<domain::FollowUpOccasion> plan = domain::defaultFollowUpPlan(2025, data);
  std::sort(plan.begin(), plan.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  ASSERT_EQ(data.occasions.size(), plan.size());
  for (std::size_t idx = 0; idx < plan.size(); ++idx) {
    EXPECT_EQ(interchange::recordJson(data.occasions[idx]), interchange::recordJson(plan[idx]));
  }
  EXPECT_TRUE(domain::checkFollowUpPlan(2025, data.occasions).empty());
  // The interim report and the tertial ask the units; the monthly ones only the sectors up.
  EXPECT_EQ(occasionOf(data, "2025-DELAR").kind, domain::OccasionKind::interim_report);
  EXPECT_EQ(occasionOf(data, "2025-KS-04").deadlines.front().level, domain::FollowUpLevel::unit);
  EXPECT_EQ(occasionOf(data, "2025-KS-10").deadlines.front().level, domain::FollowUpLevel::sector);
}

TEST(LerumDemo, EveryPastOccasionHasAReportBackFromEveryoneWhoCanWriteIt) {
  const auto& data = demo();
  domain::ChainIndex index(data);
  const auto& under_way = occasionUnderWay(data);
  EXPECT_EQ(under_way.code, "2025-KS-10");
  std::size_t past = 0;
  std::set<std::string> nobody_to_write;
  for (const auto& occasion : data.occasions) {
    bool all_passed = std::all_of(occasion.deadlines.begin(), occasion.deadlines.end(),
                                  [](const auto& deadline) { return passed(deadline.deadline); });
    domain::OccasionScope scope(occasion, index);
    if (!passed(occasion.deadlines.front().deadline)) {
      // Not yet due: nothing is written to it.
      EXPECT_TRUE(
          std::none_of(data.report_backs.begin(), data.report_backs.end(),
                       [&](const auto& report) { return report.occasion == occasion.code; }))
          << occasion.code;
      continue;
    }
    if (!all_passed || &occasion == &under_way) continue;
    ++past;
    for (const auto& scoped : scope.recipients()) {
      bool writable = !app::writersOf(scoped.recipient, index, *scoped.deadline).empty();
      auto versions = versionsOf(data, occasion, scoped.recipient);
      EXPECT_EQ(!versions.empty(), writable)
          << occasion.code << " " << domain::describe(scoped.recipient);
      if (!writable) nobody_to_write.insert(scoped.recipient.code());
    }
  }
  EXPECT_EQ(past, 8U);  // the interim report and the board's January to September
  // Only the unit whose head post is vacant has nobody to write its report-backs.
  ASSERT_EQ(nobody_to_write.size(), 1U);
  EXPECT_EQ(index.unit(*nobody_to_write.begin())->name, "Hemsjukvård Gråbo och Floda");
}

TEST(LerumDemo, TheOccasionUnderWayHasReportBacksInEveryState) {
  const auto& data = demo();
  domain::ChainIndex index(data);
  auto overview = domain::occasionOverview(occasionUnderWay(data), data, index, lerumDemoDate(),
                                           app::swedishDate);
  EXPECT_GT(overview.report_backs.approved, 0);
  EXPECT_GT(overview.report_backs.submitted, 0);
  EXPECT_GT(overview.report_backs.draft, 0);
  EXPECT_GT(overview.report_backs.missing, 0);
  EXPECT_FALSE(overview.missing.empty());
  EXPECT_FALSE(overview.late.empty());
}

TEST(LerumDemo, OneReportBackWasReturnedWithAReasonAndApprovedAsVersionTwo) {
  const auto& data = demo();
  std::vector<const domain::ReportBack*> returned;
  for (const auto& report_back : data.report_backs) {
    if (report_back.status == domain::ReportBackStatus::returned) returned.push_back(&report_back);
  }
  ASSERT_EQ(returned.size(), 1U);
  const domain::ReportBack& first = *returned[0];
  EXPECT_EQ(first.version, 1);
  EXPECT_FALSE(first.return_reason.empty());
  EXPECT_FALSE(first.decided_by.empty());
  auto versions = versionsOf(data, occasionOf(data, first.occasion), domain::recipientOf(first));
  ASSERT_EQ(versions.size(), 2U);
  const domain::ReportBack& second = *versions[1];
  EXPECT_EQ(second.version, 2);
  EXPECT_EQ(second.status, domain::ReportBackStatus::approved);
  EXPECT_LT(first.decided_at, second.submitted_at);
  // The revision answers the return: its analyses say more than the returned ones did.
  std::size_t said_before = 0;
  std::size_t said_after = 0;
  for (const auto& assessed : first.assessments) said_before += assessed.analysis.size();
  for (const auto& assessed : second.assessments) said_after += assessed.analysis.size();
  EXPECT_GT(said_after, said_before);
}

TEST(LerumDemo, SomeButNotManyReportBacksCameInLate) {
  const auto& data = demo();
  domain::ChainIndex index(data);
  int late = 0;
  int submitted = 0;
  for (const auto& occasion : data.occasions) {
    for (const auto& report_back : data.report_backs) {
      if (report_back.occasion != occasion.code || report_back.version != 1 ||
          report_back.submitted_at.empty()) {
        continue;
      }
      auto deadline = domain::deadlineFor(occasion, domain::recipientOf(report_back), index);
      ASSERT_TRUE(deadline.has_value());
      ++submitted;
      if (*deadline < dayOf(report_back.submitted_at)) ++late;
    }
  }
  EXPECT_GT(late, 0);
  EXPECT_LT(late * 5, submitted);
}

TEST(LerumDemo, EverySubmittedVersionMeetsL13AndEveryDraftItsIntegrity) {
  const auto& data = demo();
  domain::ChainIndex index(data);
  std::size_t checked = 0;
  for (const auto& report_back : data.report_backs) {
    const auto& occasion = occasionOf(data, report_back.occasion);
    auto problems = report_back.status == domain::ReportBackStatus::draft
                        ? domain::draftProblems(report_back, occasion, index)
                        : domain::submissionProblems(report_back, occasion, index);
    for (const auto& problem : problems) {
      ADD_FAILURE() << problem.record << " " << problem.path << ": " << problem.message;
    }
    ++checked;
  }
  EXPECT_GT(checked, 400U);
}

TEST(LerumDemo, MostItemsAreFulfilledSomePartlyAFewNotOrCannotBeAssessed) {
  const auto& data = demo();
  std::map<domain::Assessment, int> counts;
  int total = 0;
  for (const auto& report_back : data.report_backs) {
    for (const auto& assessed : report_back.assessments) {
      if (!assessed.assessment) continue;
      ++counts[*assessed.assessment];
      ++total;
    }
  }
  ASSERT_GT(total, 1000);
  EXPECT_GT(counts[domain::Assessment::fulfilled] * 2, total);
  EXPECT_GT(counts[domain::Assessment::partly_fulfilled] * 10, total);
  EXPECT_GT(counts[domain::Assessment::partly_fulfilled],
            counts[domain::Assessment::not_fulfilled]);
  EXPECT_GT(counts[domain::Assessment::not_fulfilled], 0);
  EXPECT_LT(counts[domain::Assessment::not_fulfilled] * 10, total);
  EXPECT_GT(counts[domain::Assessment::cannot_be_assessed], 0);
  EXPECT_LT(counts[domain::Assessment::cannot_be_assessed] * 10, total);
}

TEST(LerumDemo, AnalysesAndTopicTextsVaryAndActionsBelongToTheUnit) {
  const auto& data = demo();
  domain::ChainIndex index(data);
  std::map<std::string, int> analyses;
  std::map<std::string, int> topic_texts;
  int written = 0;
  int actions = 0;
  for (const auto& report_back : data.report_backs) {
    const auto& occasion = occasionOf(data, report_back.occasion);
    for (const auto& assessed : report_back.assessments) {
      if (!assessed.analysis.empty()) {
        ++analyses[assessed.analysis];
        ++written;
      }
      for (const auto& action : assessed.actions) {
        ++actions;
        EXPECT_LT(occasion.meeting, action.due) << assessed.item;
        EXPECT_TRUE(index.isMemberOn(action.owner, report_back.recipient_unit,
                                     dayOf(report_back.updated_at)))
            << action.owner << " of " << report_back.recipient_unit;
      }
    }
    for (const auto& topic : report_back.topics) ++topic_texts[topic.text];
  }
  ASSERT_GT(written, 1000);
  EXPECT_GT(actions, 300);
  for (const auto& [text, uses] : analyses) EXPECT_LT(uses * 25, written) << text;
  EXPECT_GT(analyses.size() * 3, static_cast<std::size_t>(written));
  EXPECT_GT(topic_texts.size(), 500U);
}

TEST(LerumDemo, ReportBacksAreWrittenAndDecidedByThoseWhoAnswerForEachLevel) {
  const auto& data = demo();
  domain::ChainIndex index(data);
  for (const auto& report_back : data.report_backs) {
    const auto& occasion = occasionOf(data, report_back.occasion);
    domain::Recipient recipient = domain::recipientOf(report_back);
    auto deadline = domain::deadlineFor(occasion, recipient, index);
    ASSERT_TRUE(deadline.has_value()) << report_back.recipient_unit;
    auto writers = app::writersOf(recipient, index, *deadline);
    auto is_writer = [&](const std::string& person) {
      return std::find(writers.begin(), writers.end(), person) != writers.end();
    };
    EXPECT_TRUE(is_writer(report_back.written_by)) << report_back.written_by;
    Date saved = dayOf(report_back.updated_at);
    EXPECT_LT(occasion.period_end, saved);
    EXPECT_TRUE(passed(saved));
    if (report_back.status == domain::ReportBackStatus::draft) {
      EXPECT_TRUE(report_back.submitted_at.empty());
      continue;
    }
    EXPECT_TRUE(is_writer(report_back.submitted_by)) << report_back.submitted_by;
    EXPECT_LE(report_back.updated_at, report_back.submitted_at);
    if (report_back.decided_by.empty()) continue;
    Date submitted = dayOf(report_back.submitted_at);
    auto deciders = app::answeringFor(domain::approvingUnit(recipient, index), index, submitted);
    EXPECT_NE(std::find(deciders.begin(), deciders.end(), report_back.decided_by), deciders.end())
        << report_back.decided_by << " decided for " << report_back.recipient_unit;
    EXPECT_LT(report_back.submitted_at, report_back.decided_at);
    EXPECT_TRUE(passed(dayOf(report_back.decided_at)));
  }
}

TEST(LerumDemo, ReportedIndicatorValuesAreTheDemosOwnForThePeriod) {
  const auto& data = demo();
  std::map<std::tuple<std::string, std::string, Date>, const domain::IndicatorValue*> stored;
  for (const auto& value : data.indicator_values) {
    stored[{value.indicator, value.unit, value.period_end}] = &value;
  }
  std::size_t reported = 0;
  for (const auto& report_back : data.report_backs) {
    for (const auto& value : report_back.indicator_values) {
      auto found = stored.find({value.indicator, value.unit, value.period_end});
      ASSERT_NE(found, stored.end()) << value.indicator << " " << value.unit;
      EXPECT_EQ(value.value, found->second->value);
      EXPECT_EQ(value.numerator, found->second->numerator);
      EXPECT_EQ(value.denominator, found->second->denominator);
      EXPECT_EQ(value.weight, found->second->weight);
      ++reported;
    }
  }
  EXPECT_GT(reported, 300U);
}

TEST(LerumDemo, WithoutFollowUpItIsTheSameDemoWithoutPlanOrReportBacks) {
  OrganisationData bare = buildLerumDemo(DemoFollowUp::none);
  EXPECT_TRUE(bare.occasions.empty());
  EXPECT_TRUE(bare.report_backs.empty());
  OrganisationData full = demo();
  ASSERT_FALSE(full.occasions.empty());
  ASSERT_FALSE(full.report_backs.empty());
  full.occasions.clear();
  full.report_backs.clear();
  EXPECT_EQ(test_support::describe(bare), test_support::describe(full));
}

TEST(LerumDemo, BuildingTwiceGivesTheSameData) {
  EXPECT_EQ(test_support::describe(buildLerumDemo()), test_support::describe(buildLerumDemo()));
}

}  // namespace
}  // namespace styr::demo
