// The permission rules beyond the table: what holds for every actor, action and subject
// (validity on the day, token scopes, separation of duties, organisations, reasons), and the
// D2 split and the invisibility of drafts spelled out.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "access/action.hpp"
#include "access/permissions.hpp"
#include "access_world.hpp"
#include "domain/rules.hpp"

namespace styr::access {
namespace {

using domain::fixture::on;
using testing::buildAccessData;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::kToday;
using testing::person;
using testing::token;
using testing::World;

using Answers = std::map<std::pair<Action, std::string>, Decision>;

// Every action on every subject of the first organisation, as `actor` is answered on `day`.
Answers sweep(World& world, const Actor& actor, const domain::Date& day = kToday) {
  Answers answers;
  for (Action action : allActions()) {
    for (const std::string& name : World::allSubjectNames()) {
      auto [subject, index] = world.subject(name);
      answers[{action, name}] = can(actor, action, subject, *index, day);
    }
  }
  return answers;
}

std::set<std::pair<Action, std::string>> allowedIn(const Answers& answers) {
  std::set<std::pair<Action, std::string>> allowed;
  for (const auto& [key, decision] : answers) {
    if (decision.allowed) allowed.insert(key);
  }
  return allowed;
}

Decision ask(World& world, const Actor& actor, Action action, std::string_view subject_name,
             const domain::Date& day = kToday) {
  auto [subject, index] = world.subject(subject_name);
  return can(actor, action, subject, *index, day);
}

bool isContent(Action action) {
  switch (action) {
    case Action::read_units:
    case Action::read_indicators:      // the organisation's figures, read by anyone signed in
    case Action::read_follow_up_plan:  // the timetable, read by anyone signed in
    case Action::read_people:
    case Action::manage_memberships:
    case Action::manage_accounts:
    case Action::manage_tokens:
    case Action::read_audit:
      return false;
    default:
      return true;
  }
}

TEST(AccessWorld, IsAValidOrganisation) {
  EXPECT_THAT(domain::validate(buildAccessData()), IsEmpty());
}

// What `person_code` may do on `day` when they hold no membership at all.
std::set<std::pair<Action, std::string>> withoutMemberships(std::string_view person_code,
                                                            const domain::Date& day = kToday) {
  domain::OrganisationData data = buildAccessData();
  std::erase_if(data.memberships, [&](const domain::Membership& membership) {
    return membership.person == person_code;
  });
  World world(std::move(data));
  return allowedIn(sweep(world, person(std::string(person_code)), day));
}

TEST(Permissions, MembershipsExpiredYesterdayGiveNothing) {
  domain::OrganisationData data = buildAccessData();
  for (domain::Membership& membership : data.memberships) {
    if (membership.person == "P-ENH") membership.valid_to = on(2025, 5, 31);
  }
  World world(std::move(data));
  std::set<std::pair<Action, std::string>> allowed = allowedIn(sweep(world, person("P-ENH")));
  EXPECT_EQ(allowed, withoutMemberships("P-ENH"));
  EXPECT_LT(allowed.size(), allowedIn(sweep(world, person("P-ENH"), on(2025, 5, 31))).size());
  EXPECT_THAT(ask(world, person("P-ENH"), Action::edit_what, "item ENH-U01").reason,
              HasSubstr("P-ENH is not head of ENH"));
}

TEST(Permissions, AMembershipCountsUpToAndIncludingItsLastDay) {
  domain::OrganisationData data = buildAccessData();
  for (domain::Membership& membership : data.memberships) {
    if (membership.person == "P-ENH") membership.valid_to = kToday;
  }
  World world(std::move(data));
  EXPECT_TRUE(ask(world, person("P-ENH"), Action::edit_what, "item ENH-U01").allowed);
  EXPECT_FALSE(ask(world, person("P-ENH"), Action::edit_what, "item ENH-U01", on(2025, 6, 2)));
}

TEST(Permissions, MembershipsStartingTomorrowGiveNothingYet) {
  domain::OrganisationData data = buildAccessData();
  for (domain::Membership& membership : data.memberships) {
    if (membership.person == "P-SECR") membership.valid_from = on(2025, 6, 2);
  }
  World world(std::move(data));
  EXPECT_EQ(allowedIn(sweep(world, person("P-SECR"))), withoutMemberships("P-SECR"));
  EXPECT_TRUE(ask(world, person("P-SECR"), Action::import_data, "org", on(2025, 6, 2)).allowed);
}

TEST(Permissions, AHeadshipOfAClosedUnitGivesNothing) {
  domain::OrganisationData data = buildAccessData();
  domain::fixture::unitOf(data, "ARB").valid_to = on(2025, 5, 31);
  data.memberships.push_back(
      domain::Membership{"P-NONE", "ARB", domain::Role::head, on(2020, 1, 1), std::nullopt});
  World world(std::move(data));
  EXPECT_EQ(allowedIn(sweep(world, person("P-NONE"))), withoutMemberships("P-NONE"));
  EXPECT_TRUE(ask(world, person("P-NONE"), Action::read_item, "item ARB-A01", on(2025, 5, 31)));
}

TEST(Permissions, TheIssuerWritesTheWhatAndTheRecipientTheHow) {
  World world;
  // SEK-U01 is issued by SEK (P-SEK) to ENH (P-ENH).
  Decision recipient_what = ask(world, person("P-ENH"), Action::edit_what, "item SEK-U01");
  EXPECT_FALSE(recipient_what);
  EXPECT_THAT(recipient_what.reason, HasSubstr("the WHAT belongs to the issuer (D2)"));
  EXPECT_THAT(recipient_what.reason, HasSubstr("as its recipient, P-ENH writes the HOW"));
  EXPECT_TRUE(ask(world, person("P-ENH"), Action::edit_how, "item SEK-U01").allowed);

  EXPECT_TRUE(ask(world, person("P-SEK"), Action::edit_what, "item SEK-U01").allowed);
  Decision issuer_how = ask(world, person("P-SEK"), Action::edit_how, "item SEK-U01");
  EXPECT_FALSE(issuer_how);
  EXPECT_THAT(issuer_how.reason, HasSubstr("the HOW belongs to the recipient (D2)"));
  EXPECT_THAT(issuer_how.reason, HasSubstr("as its issuer, P-SEK writes the WHAT"));

  // At the bottom of the chain: the employee owns the HOW, their head the WHAT.
  EXPECT_TRUE(ask(world, person("P-EMP"), Action::edit_how, "item ENH-A01").allowed);
  EXPECT_FALSE(ask(world, person("P-EMP"), Action::edit_what, "item ENH-A01"));
  EXPECT_TRUE(ask(world, person("P-ENH"), Action::edit_what, "item ENH-A01").allowed);
  EXPECT_FALSE(ask(world, person("P-ENH"), Action::edit_how, "item ENH-A01"));
}

TEST(Permissions, OnlyASecretaryOfBothBodiesEntersBothPartsOfAnItem) {
  // P-SECR records the decisions of both KF and KS, so enters the council's WHAT and the
  // board's HOW of what KF addresses to KS; every other actor holds one side at most.
  World world;
  std::set<std::pair<std::string, std::string>> both;
  for (const auto& [name, actor] : World::actors()) {
    for (const domain::Item& item : world.data().items) {
      bool what = ask(world, actor, Action::edit_what, "item " + item.code).allowed;
      bool how = ask(world, actor, Action::edit_how, "item " + item.code).allowed;
      if (what && how) both.insert({name, item.code});
    }
  }
  std::set<std::pair<std::string, std::string>> expected = {
      {"secretary", "KF-B01"},
      {"secretary", "KF-M01"},
      {"token write (secretary)", "KF-B01"},
      {"token write (secretary)", "KF-M01"},
  };
  EXPECT_EQ(both, expected);
}

TEST(Permissions, DraftsAreInvisibleToNobodyAndToTheirRecipients) {
  World world;
  const std::vector<std::pair<std::string, std::string>> recipients = {
      {"nobody", "item SEK-D01"},
      {"nobody", "item ENH-D01"},
      {"employee", "item SEK-D01"},
      {"employee", "item ENH-D02"},
      {"unit manager", "item SEK-D01"},
      {"chief executive", "item KS-D01"},
      {"board chair", "item KS-D01"},
      {"council member", "item KF-D01"},
      {"token all (unit manager)", "item SEK-D01"},
  };
  for (const auto& [actor, subject] : recipients) {
    for (Action action : {Action::read_item, Action::read_audit, Action::acknowledge_item,
                          Action::edit_how, Action::complete_item}) {
      Decision decision = ask(world, World::actor(actor), action, subject);
      EXPECT_FALSE(decision) << actor << " " << toString(action) << " " << subject;
    }
  }
  EXPECT_FALSE(ask(world, person("P-ARB"), Action::read_item, "item ENH-D01"));
  EXPECT_THAT(ask(world, person("P-ARB"), Action::read_item, "item ENH-D01").reason,
              HasSubstr("is a draft"));
}

TEST(Permissions, AnIssuedDraftBecomesVisibleToItsRecipient) {
  domain::OrganisationData data = buildAccessData();
  domain::Item& draft = domain::fixture::itemOf(data, "ENH-D01");
  draft.status = domain::ItemStatus::issued;
  World world(std::move(data));
  EXPECT_TRUE(ask(world, person("P-ARB"), Action::read_item, "item ENH-D01").allowed);
}

TEST(Permissions, ATokenDoesWhatItsCreatorMayWithinItsScopes) {
  World world;
  std::vector<std::set<Scope>> scope_sets = {{}};
  for (Scope scope : allScopes()) scope_sets.push_back({scope});
  scope_sets.push_back({allScopes().begin(), allScopes().end()});
  for (const char* creator : {"P-EMP", "P-ENH", "P-KD", "P-KS1", "P-SECR", "P-CTRL", "P-ADM"}) {
    Answers own = sweep(world, person(creator));
    for (const std::set<Scope>& scopes : scope_sets) {
      Answers narrowed = sweep(world, token(creator, scopes));
      for (const auto& [key, decision] : narrowed) {
        bool expected = own.at(key).allowed && scopes.count(scopeOf(key.first)) == 1;
        EXPECT_EQ(decision.allowed, expected) << creator << " " << toString(key.first) << " "
                                              << key.second << ": " << decision.reason;
      }
    }
  }
}

TEST(Permissions, AdministratorsTouchNoContent) {
  World world;
  Actor flagged = person("P-NONE");
  flagged.administrator = true;
  Answers public_answers = sweep(world, Actor{});
  for (const Actor& administrator : {person("P-ADM"), flagged}) {
    for (const auto& [key, decision] : sweep(world, administrator)) {
      auto [action, subject] = key;
      if (action == Action::read_item || action == Action::read_document) {
        // What the public may read stays readable; nothing more.
        EXPECT_EQ(decision.allowed, public_answers.at(key).allowed)
            << administrator.person << " " << toString(action) << " " << subject;
      } else if (isContent(action)) {
        EXPECT_FALSE(decision) << administrator.person << " " << toString(action) << " " << subject;
      }
    }
    EXPECT_TRUE(ask(world, administrator, Action::manage_accounts, "person P-EMP").allowed);
    EXPECT_TRUE(ask(world, administrator, Action::manage_memberships, "unit ENH").allowed);
    EXPECT_TRUE(ask(world, administrator, Action::manage_tokens, "person P-EMP").allowed);
    EXPECT_TRUE(ask(world, administrator, Action::read_people, "org").allowed);
    EXPECT_TRUE(ask(world, administrator, Action::read_units, "org").allowed);
    EXPECT_TRUE(ask(world, administrator, Action::read_indicators, "org").allowed);
    EXPECT_FALSE(ask(world, administrator, Action::record_indicator_value, "unit KD"));
  }
  EXPECT_THAT(ask(world, person("P-ADM"), Action::edit_how, "item KS-U01").reason,
              HasSubstr("separation of duties"));
}

TEST(Permissions, NoOneChangesTheirOwnMemberships) {
  World world;
  Decision own = ask(world, person("P-ADM"), Action::manage_memberships, "person P-ADM");
  EXPECT_FALSE(own);
  EXPECT_THAT(own.reason, HasSubstr("another administrator"));
}

TEST(Permissions, EveryDenialSaysWhy) {
  World world;
  std::vector<std::string> subjects = World::allSubjectNames();
  for (const std::string& name : World::allSubjectNames()) subjects.push_back("other " + name);
  for (const auto& [actor_name, actor] : World::actors()) {
    for (Action action : allActions()) {
      for (const std::string& subject_name : subjects) {
        Decision decision = ask(world, actor, action, subject_name);
        EXPECT_EQ(decision.reason.empty(), decision.allowed)
            << actor_name << " " << toString(action) << " " << subject_name;
      }
    }
  }
}

TEST(Permissions, NothingIsAllowedAcrossOrganisations) {
  World world;
  for (const auto& [actor_name, actor] : World::actors()) {
    if (!actor.signed_in) continue;
    for (Action action : allActions()) {
      for (const std::string& name : World::allSubjectNames()) {
        Decision decision = ask(world, actor, action, "other " + name);
        EXPECT_FALSE(decision) << actor_name << " " << toString(action) << " " << name;
        EXPECT_THAT(decision.reason, HasSubstr("across organisations"));
      }
    }
  }
}

TEST(Permissions, AnAccountOfNoOrganisationMayDoNothing) {
  World world;
  Actor lost = person("P-CTRL");
  lost.organisation.clear();
  EXPECT_THAT(allowedIn(sweep(world, lost)), IsEmpty());
}

TEST(Permissions, NobodyReadsThePublicRecordsOfAnyOrganisation) {
  World world;
  std::set<std::pair<Action, std::string>> expected;
  for (const domain::Item& item : world.data().items) {
    if (item.issuer == "KF" && item.status != domain::ItemStatus::draft) {
      expected.insert({Action::read_item, "item " + item.code});
    }
  }
  for (const domain::SteeringDocument& document : world.data().documents) {
    if (document.status != domain::DocumentStatus::draft) {
      expected.insert({Action::read_document, "doc " + document.code});
    }
  }
  EXPECT_EQ(allowedIn(sweep(world, Actor{})), expected);
  EXPECT_TRUE(ask(world, Actor{}, Action::read_item, "other item KF-M01").allowed);
}

TEST(Permissions, TheChiefExecutiveReadsTheWholeAdministration) {
  World world;
  for (const domain::Item& item : world.data().items) {
    bool administration = item.issuer != "KF" && item.issuer != "KS";
    bool council_goal = item.issuer == "KF" && item.status != domain::ItemStatus::draft;
    bool to_office = item.recipient_unit == "KD" && item.status != domain::ItemStatus::draft;
    EXPECT_EQ(ask(world, person("P-KD"), Action::read_item, "item " + item.code).allowed,
              administration || council_goal || to_office)
        << item.code;
  }
}

TEST(Permissions, RecordsAreLookedUpOnlyInTheirOwnOrganisation) {
  World world;
  auto [subject, index] = world.subject("item SEK-U01");
  domain::OrganisationData other = testing::buildOtherData();
  domain::ChainIndex other_index(other);
  Decision decision = can(person("P-ENH"), Action::read_item, subject, other_index, kToday);
  EXPECT_FALSE(decision);
  EXPECT_THAT(decision.reason, HasSubstr("looked up in 1442's data"));
}

TEST(Permissions, AnActionOnNoRecordIsDenied) {
  World world;
  Subject nothing;
  nothing.organisation = testing::kOrganisation;
  Decision item = can(person("P-CTRL"), Action::read_item, nothing, world.index(), kToday);
  EXPECT_FALSE(item);
  EXPECT_THAT(item.reason, HasSubstr("name the item"));
  Decision document =
      can(person("P-SECR"), Action::record_decision, nothing, world.index(), kToday);
  EXPECT_FALSE(document);
  EXPECT_THAT(document.reason, HasSubstr("name the steering document"));
}

TEST(Permissions, AnIndicatorValueIsRecordedForANamedUnit) {
  World world;
  Decision unnamed = ask(world, person("P-CTRL"), Action::record_indicator_value, "org");
  EXPECT_FALSE(unnamed);
  EXPECT_EQ(unnamed.reason, "to record indicator values, name the unit the value is reported for");
  Decision unknown = ask(world, person("P-CTRL"), Action::record_indicator_value, "unit NOPE");
  EXPECT_FALSE(unknown);
  EXPECT_THAT(unknown.reason, HasSubstr("'NOPE' is not a unit of 1441"));
  // Reading needs no unit: without one it is the whole organisation's indicators.
  EXPECT_TRUE(ask(world, person("P-EMP"), Action::read_indicators, "org").allowed);
}

TEST(Permissions, IndicatorValuesAreRecordedByWhoeverAnswersForTheUnitsFigures) {
  World world;
  Decision parent = ask(world, person("P-ENH"), Action::record_indicator_value, "unit SEK");
  EXPECT_FALSE(parent);
  EXPECT_THAT(parent.reason, HasSubstr("P-ENH is not head of SEK or of a unit above it"));
  Decision chair = ask(world, person("P-KS1"), Action::record_indicator_value, "unit KS");
  EXPECT_FALSE(chair);
  EXPECT_THAT(chair.reason, HasSubstr("P-KS1 is not the secretary of KS"));
  Decision employee = ask(world, person("P-EMP"), Action::record_indicator_value, "unit ENH");
  EXPECT_FALSE(employee);
  EXPECT_THAT(employee.reason, HasSubstr("recorded by its head, the heads above it or a "
                                         "controller"));
  EXPECT_THAT(ask(world, person("P-ADM"), Action::record_indicator_value, "unit KD").reason,
              HasSubstr("separation of duties"));
  // A value is a measurement, not the WHAT or the HOW: a controller records values for a
  // unit whose items it may neither write nor plan.
  EXPECT_TRUE(ask(world, person("P-CTRL"), Action::record_indicator_value, "unit ENH").allowed);
  EXPECT_FALSE(ask(world, person("P-CTRL"), Action::edit_how, "item SEK-U01"));
  EXPECT_FALSE(ask(world, person("P-CTRL"), Action::edit_what, "item ENH-U01"));
}

TEST(Permissions, EveryoneSignedInReadsTheOrganisationsIndicatorsWhicheverUnit) {
  World world;
  for (const auto& [actor_name, actor] : World::actors()) {
    bool expected =
        actor.signed_in && (!actor.token_scopes || actor.token_scopes->count(Scope::read) == 1);
    for (const std::string& name : World::allSubjectNames()) {
      if (name != "org" && !name.starts_with("unit ")) continue;
      EXPECT_EQ(ask(world, actor, Action::read_indicators, name).allowed, expected)
          << actor_name << " " << name;
    }
  }
  EXPECT_TRUE(ask(world, person("P-NONE"), Action::read_indicators, "unit SEK2").allowed);
  EXPECT_THAT(ask(world, Actor{}, Action::read_indicators, "org").reason,
              HasSubstr("sign in to read indicators"));
}

TEST(Permissions, RightsDerivedOnceAnswerAsCanDoes) {
  World world;
  for (const auto& [actor_name, actor] : World::actors()) {
    Rights rights(actor, world.index(), kToday);
    for (Action action : allActions()) {
      for (const std::string& name : World::allSubjectNames()) {
        auto [subject, index] = world.subject(name);
        Decision once = rights.can(action, subject);
        Decision each = can(actor, action, subject, *index, kToday);
        EXPECT_EQ(once.allowed, each.allowed) << actor_name << " " << toString(action) << name;
        EXPECT_EQ(once.reason, each.reason);
      }
    }
  }
}

TEST(Permissions, AReportBackActionNamesTheReportBack) {
  World world;
  Subject nothing;
  nothing.organisation = testing::kOrganisation;
  for (Action action :
       {Action::read_report_back, Action::write_report_back, Action::decide_report_back}) {
    Decision decision = can(person("P-CTRL"), action, nothing, world.index(), kToday);
    EXPECT_FALSE(decision) << toString(action);
    EXPECT_THAT(decision.reason, HasSubstr("name the report-back"));
  }
}

// Every report-back subject of the sweep, by name.
std::vector<std::string> reportBackSubjects() {
  std::vector<std::string> names;
  for (const std::string& name : World::allSubjectNames()) {
    if (name.starts_with("rb ")) names.push_back(name);
  }
  return names;
}

TEST(Permissions, ADraftReportBackIsReadOnlyByItsWritersAndControllers) {
  World world;
  int drafts = 0;
  for (const auto& [actor_name, actor] : World::actors()) {
    if (actor.token_scopes) continue;
    bool controller = actor_name == "controller" || actor_name == "secretary";
    for (const std::string& name : reportBackSubjects()) {
      if (!name.starts_with("rb draft ")) continue;
      ++drafts;
      bool writes = ask(world, actor, Action::write_report_back, name).allowed;
      EXPECT_EQ(ask(world, actor, Action::read_report_back, name).allowed, writes || controller)
          << actor_name << " " << name;
    }
  }
  EXPECT_GT(drafts, 0);
}

TEST(Permissions, WhoeverMayDecideAReportBackMayReadIt) {
  World world;
  int decisions = 0;
  for (const auto& [actor_name, actor] : World::actors()) {
    if (actor.token_scopes) continue;
    for (const std::string& name : reportBackSubjects()) {
      // A draft is decided by nobody (the use case refuses it by its state), and read only by
      // its writers.
      if (name.starts_with("rb draft ")) continue;
      if (!ask(world, actor, Action::decide_report_back, name)) continue;
      ++decisions;
      EXPECT_TRUE(ask(world, actor, Action::read_report_back, name).allowed)
          << actor_name << " " << name;
    }
  }
  EXPECT_GT(decisions, 0);
}

// Who writes and decides the same report-back, over every actor and report-back of `world`.
std::set<std::pair<std::string, std::string>> writeAndDecide(World& world) {
  std::set<std::pair<std::string, std::string>> both;
  for (const auto& [actor_name, actor] : World::actors()) {
    for (const std::string& name : reportBackSubjects()) {
      if (ask(world, actor, Action::write_report_back, name) &&
          ask(world, actor, Action::decide_report_back, name)) {
        both.insert({actor_name, name});
      }
    }
  }
  return both;
}

TEST(Permissions, OnlyWhoAnswersForBothLevelsWritesAndDecidesAReportBack) {
  World world;
  // The board's report-back to the council: the board and the council each decide in their
  // meeting, and their one secretary records both decisions (note 21).
  std::set<std::pair<std::string, std::string>> expected;
  for (const char* actor : {"secretary", "token write (secretary)"}) {
    for (const char* status : {"draft", "submitted", "returned", "approved"}) {
      expected.insert({actor, std::string("rb ") + status + " KS"});
    }
  }
  EXPECT_EQ(writeAndDecide(world), expected);

  // A unit manager who also heads the unit's workplace decides the workplace's report-back:
  // nobody else answers for the unit, and the workplace's report goes on up inside the unit's.
  domain::OrganisationData data = buildAccessData();
  data.memberships.push_back(
      domain::Membership{"P-ENH", "ARB", domain::Role::head, on(2025, 1, 1), std::nullopt});
  World heads_both(std::move(data));
  auto both = writeAndDecide(heads_both);
  EXPECT_EQ(both.count({"unit manager", "rb submitted ARB"}), 1U);
  EXPECT_EQ(both.count({"unit manager", "rb submitted ENH"}), 0U);
}

TEST(Permissions, NobodyDecidesTheirOwnPersonalReportBack) {
  // ENH's head addresses an activity to themselves: as its issuer's head they would decide it.
  domain::OrganisationData data = buildAccessData();
  data.items.push_back(
      testing::personalItem("ENH-A09", "ENH", "P-ENH", "SEK-U01", on(2025, 2, 10)));
  World world(std::move(data));
  EXPECT_TRUE(ask(world, person("P-ENH"), Action::write_report_back, "rb draft P-ENH"));
  Decision own = ask(world, person("P-ENH"), Action::decide_report_back, "rb submitted P-ENH");
  EXPECT_FALSE(own);
  EXPECT_THAT(own.reason, HasSubstr("is P-ENH's own, and the level above decides it"));
  EXPECT_TRUE(ask(world, person("P-ENH"), Action::decide_report_back, "rb submitted P-EMP"));
}

TEST(Permissions, AReportBackIsDecidedOnlyWhereThereIsALevelAbove) {
  World world;
  Decision root = ask(world, person("P-SECR"), Action::decide_report_back, "rb submitted KF");
  EXPECT_FALSE(root);
  EXPECT_THAT(root.reason, HasSubstr("has no level above"));
  // ARB issued P-ARB's activity and has no head: nobody may decide it until one is appointed.
  for (const auto& [actor_name, actor] : World::actors()) {
    EXPECT_FALSE(ask(world, actor, Action::decide_report_back, "rb submitted P-ARB")) << actor_name;
  }
  EXPECT_THAT(ask(world, person("P-ENH"), Action::decide_report_back, "rb submitted P-ARB").reason,
              HasSubstr("P-ENH is not head of ARB, the level above"));
}

TEST(Permissions, APersonsReportBackStaysWithTheChainAboveThem) {
  World world;
  Decision politician = ask(world, person("P-KS1"), Action::read_report_back, "rb submitted P-EMP");
  EXPECT_FALSE(politician);
  EXPECT_THAT(politician.reason, HasSubstr("is about P-EMP's own work"));
  EXPECT_TRUE(ask(world, person("P-KS1"), Action::read_report_back, "rb submitted ENH"));
  Decision colleague = ask(world, person("P-EMP2"), Action::write_report_back, "rb draft P-EMP");
  EXPECT_FALSE(colleague);
  EXPECT_THAT(colleague.reason, HasSubstr("P-EMP's own: only they write it (D2)"));
}

TEST(ActionNames, RoundTripAndRejectUnknownNames) {
  for (Action action : allActions()) EXPECT_EQ(parseAction(toString(action)), action);
  for (Scope scope : allScopes()) EXPECT_EQ(parseScope(toString(scope)), scope);
  EXPECT_EQ(allActions().size(), 37U);
  EXPECT_EQ(parseAction("decide_report_back"), Action::decide_report_back);
  EXPECT_EQ(toString(Action::edit_what), "edit_what");
  EXPECT_EQ(toString(Scope::write_content), "write_content");
  EXPECT_EQ(parseAction("edit-what"), std::nullopt);
  EXPECT_EQ(parseScope("admin"), std::nullopt);
}

TEST(ActionNames, EveryActionNeedsTheScopeOfItsKind) {
  EXPECT_EQ(scopeOf(Action::read_audit), Scope::read);
  EXPECT_EQ(scopeOf(Action::edit_how), Scope::write_content);
  EXPECT_EQ(scopeOf(Action::record_decision), Scope::write_content);
  EXPECT_EQ(scopeOf(Action::setup_year), Scope::write_content);
  EXPECT_EQ(scopeOf(Action::read_indicators), Scope::read);
  EXPECT_EQ(scopeOf(Action::record_indicator_value), Scope::write_content);
  EXPECT_EQ(scopeOf(Action::export_data), Scope::import);
  EXPECT_EQ(scopeOf(Action::manage_tokens), Scope::administer);
  // The follow-up plan is the year's content, set up like the year itself (note 15).
  EXPECT_EQ(scopeOf(Action::manage_follow_up_plan), Scope::write_content);
  EXPECT_EQ(scopeOf(Action::write_report_back), Scope::write_content);
  EXPECT_EQ(scopeOf(Action::decide_report_back), Scope::write_content);
  EXPECT_EQ(scopeOf(Action::send_reminders), Scope::write_content);
  EXPECT_EQ(scopeOf(Action::report_deviation), Scope::write_content);
  EXPECT_EQ(scopeOf(Action::handle_deviation), Scope::write_content);
  // How far each gravity goes is the organisation's content too, as its follow-up plan is.
  EXPECT_EQ(scopeOf(Action::manage_deviation_settings), Scope::write_content);
  for (Action action : allActions()) {
    if (toString(action).starts_with("read_")) {
      EXPECT_EQ(scopeOf(action), Scope::read);
    }
    if (toString(action).starts_with("manage_") && action != Action::manage_follow_up_plan &&
        action != Action::manage_deviation_settings) {
      EXPECT_EQ(scopeOf(action), Scope::administer);
    }
  }
}

}  // namespace
}  // namespace styr::access
