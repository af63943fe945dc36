// Deviations (D11) in the store, on every backend: a deviation with its levels, corrective
// actions and timeline, written at the revision it was read at; the register; the numbering;
// the sweep's question across organisations; the gravity rules; and the timeline that the
// database itself keeps from being changed.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app/clock.hpp"
#include "app/copy_database.hpp"
#include "app/store.hpp"
#include "demo/generator.hpp"
#include "store/migration.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr {
namespace {

using domain::Deviation;
using domain::DeviationAction;
using domain::DeviationEvent;
using domain::DeviationEventKind;
using domain::DeviationLevel;
using domain::DeviationSettings;
using domain::DeviationState;
using domain::EscalationReach;
using domain::OrganisationData;

domain::Date date(std::string_view text) {
  return *domain::parseDate(text);
}

std::string joined(const std::vector<std::string>& codes) {
  std::string text;
  for (const auto& code : codes) text += (text.empty() ? "" : ",") + code;
  return "[" + text + "]";
}

// Whole records as text, every field, so that a difference shows where it is.
std::string describe(const Deviation& deviation) {
  std::ostringstream out;
  out << deviation.code << " unit " << deviation.unit << " by " << deviation.reported_by << "@"
      << deviation.reported_at << " " << domain::toString(deviation.category) << " g"
      << deviation.gravity << " '" << deviation.title << "' '" << deviation.description
      << "' occurred " << domain::formatDate(deviation.occurred_on) << " items "
      << joined(deviation.affected_items) << " indicators " << joined(deviation.affected_indicators)
      << " budget "
      << (deviation.budget_effect_sek ? std::to_string(*deviation.budget_effect_sek) : "unset")
      << " immediate '" << deviation.immediate_actions << "' "
      << (deviation.confidential ? "confidential" : "open-to-read") << " "
      << domain::toString(deviation.state) << " closed '" << deviation.closing_note << "' "
      << deviation.closed_by << "@" << deviation.closed_at << " council "
      << deviation.council_listed_at << " meeting "
      << (deviation.council_meeting ? domain::formatDate(*deviation.council_meeting) : "unset")
      << " r" << deviation.revision << "\n";
  for (const DeviationLevel& level : deviation.levels) {
    out << "  level " << level.position << " " << level.unit << " told " << joined(level.people)
        << " notified " << level.notified_at << " acknowledged " << level.acknowledged_at << " by "
        << level.acknowledged_by << " due " << level.due_at << " reminded " << level.reminded_at
        << " escalated " << level.escalated_at << " released " << level.released_at << "\n";
  }
  for (const DeviationAction& action : deviation.actions) {
    out << "  action " << action.number << " '" << action.description << "' " << action.owner << " "
        << domain::formatDate(action.due) << " " << domain::toString(action.status) << " added "
        << action.added_by << "@" << action.added_at << "\n";
  }
  for (const DeviationEvent& event : deviation.events) {
    out << "  event " << event.sequence << " " << event.at << " " << event.person << " "
        << domain::toString(event.kind) << " '" << event.text << "' g" << event.gravity << " l"
        << event.level << " a" << event.action << " told " << joined(event.people) << "\n";
  }
  return out.str();
}

std::vector<std::string> describeAll(const std::vector<Deviation>& deviations) {
  std::vector<std::string> lines;
  for (const auto& deviation : deviations) lines.push_back(describe(deviation));
  return lines;
}

std::vector<std::string> codesOf(const std::vector<Deviation>& deviations) {
  std::vector<std::string> codes;
  for (const auto& deviation : deviations) codes.push_back(deviation.code);
  return codes;
}

std::vector<std::string> keysOf(const std::vector<app::DueDeviation>& due) {
  std::vector<std::string> keys;
  for (const auto& each : due) keys.push_back(each.organisation + "/" + each.code);
  return keys;
}

std::string describe(const DeviationSettings& settings) {
  std::ostringstream out;
  for (const auto& rule : settings.rules) {
    out << rule.gravity << ":" << domain::toString(rule.reach) << "/" << rule.hours << "h/"
        << rule.business_days << "d ";
  }
  return out.str();
}

//! The codes a deviation of an organisation refers to: its units up the chain, its people.
struct Chain {
  std::string workplace;
  std::string sector;
  std::string board;
  std::string council;
  std::vector<std::string> people;
  std::vector<std::string> items;
  std::vector<std::string> indicators;
};

Chain chainOf(const OrganisationData& data) {
  auto unitOfKind = [&](domain::UnitKind kind) {
    auto found = std::find_if(data.units.begin(), data.units.end(),
                              [&](const auto& unit) { return unit.kind == kind; });
    if (found == data.units.end()) throw std::logic_error("the sample lacks a kind of unit");
    return found->code;
  };
  Chain chain;
  chain.workplace = unitOfKind(domain::UnitKind::unit);
  chain.sector = unitOfKind(domain::UnitKind::sector);
  chain.board = unitOfKind(domain::UnitKind::executive_board);
  chain.council = unitOfKind(domain::UnitKind::council);
  for (std::size_t i = 0; i < 5; ++i) chain.people.push_back(data.people.at(i).code);
  chain.items = {data.items.at(0).code, data.items.at(1).code};
  chain.indicators = {data.indicators.front().code};
  return chain;
}

//! A small open deviation on the workplace: one level told, nothing more.
Deviation minimal(const Chain& chain, std::string code) {
  Deviation deviation;
  deviation.code = std::move(code);
  deviation.unit = chain.workplace;
  deviation.reported_by = chain.people[0];
  deviation.reported_at = "2025-03-04T08:00:00Z";
  deviation.category = domain::DeviationCategory::quality;
  deviation.gravity = 1;
  deviation.title = "Kort avvikelse";
  deviation.description = "Något hände.";
  deviation.occurred_on = date("2025-03-03");
  DeviationLevel level;
  level.position = 1;
  level.unit = chain.workplace;
  level.people = {chain.people[1]};
  level.notified_at = deviation.reported_at;
  level.due_at = "2025-03-07T08:00:00Z";
  deviation.levels = {level};
  DeviationEvent reported;
  reported.sequence = 1;
  reported.at = deviation.reported_at;
  reported.person = chain.people[0];
  reported.kind = DeviationEventKind::reported;
  reported.gravity = 1;
  DeviationEvent notified;
  notified.sequence = 2;
  notified.at = deviation.reported_at;
  notified.kind = DeviationEventKind::notified;
  notified.level = 1;
  notified.people = level.people;
  deviation.events = {reported, notified};
  return deviation;
}

//! A grave deviation that uses every field: known up to the executive board, one level
//! acknowledged, one reminded, corrective actions (one without an owner yet), and texts that
//! need escaping on their way into the database.
Deviation full(const Chain& chain) {
  Deviation deviation;
  deviation.code = "AVV-2025-0007";
  deviation.unit = chain.workplace;
  deviation.reported_by = chain.people[0];
  deviation.reported_at = "2025-03-04T08:15:00Z";
  deviation.category = domain::DeviationCategory::work_environment;
  deviation.gravity = 3;
  deviation.title = "Hot mot personal på boendet";
  deviation.description = "En boende hotade två ur personalen.\nPolis tillkallades.\t(kväll)";
  deviation.occurred_on = date("2025-03-03");
  deviation.affected_items = chain.items;
  deviation.affected_indicators = chain.indicators;
  deviation.budget_effect_sek = -250000;
  deviation.immediate_actions = "Dubbelbemanning i natt; C:\\rutiner\\hot.pdf följs.";
  deviation.confidential = true;
  deviation.council_listed_at = "2025-03-04T09:00:00Z";
  deviation.council_meeting = date("2025-03-24");
  deviation.revision = 1;

  DeviationLevel unit{1,
                      chain.workplace,
                      {chain.people[1]},
                      "2025-03-04T08:15:00Z",
                      "2025-03-04T08:40:00Z",
                      chain.people[1],
                      "",
                      "",
                      "",
                      ""};
  DeviationLevel sector{2,
                        chain.sector,
                        {chain.people[2], chain.people[3]},
                        "2025-03-04T08:15:00Z",
                        "",
                        "",
                        "2025-03-04T12:15:00Z",
                        "2025-03-04T12:15:00Z",
                        "",
                        ""};
  DeviationLevel board{3,  chain.board, {}, "2025-03-04T08:15:00Z", "", "", "2025-03-04T12:15:00Z",
                       "", "",          ""};
  deviation.levels = {unit, sector, board};

  deviation.actions = {{1, "Se över larmrutinerna", chain.people[1], date("2025-04-30"),
                        domain::ActionStatus::in_progress, chain.people[1], "2025-03-04T10:00:00Z"},
                       {2, "Utbilda i hot och våld", "", date("2025-06-30"),
                        domain::ActionStatus::planned, chain.people[2], "2025-03-05T09:00:00Z"}};

  deviation.events = {
      {1, "2025-03-04T08:15:00Z", chain.people[0], DeviationEventKind::reported, "", 3, 0, 0, {}},
      {2,
       "2025-03-04T08:15:00Z",
       "",
       DeviationEventKind::notified,
       "",
       0,
       2,
       0,
       {chain.people[2], chain.people[3]}},
      {3,
       "2025-03-04T08:40:00Z",
       chain.people[1],
       DeviationEventKind::acknowledged,
       "Jag vet.\tVi tar det.",
       0,
       1,
       0,
       {}},
      {4,
       "2025-03-04T10:00:00Z",
       chain.people[1],
       DeviationEventKind::action_added,
       "Larm\\rutin",
       0,
       0,
       1,
       {}},
      {5,
       "2025-03-04T12:15:00Z",
       "",
       DeviationEventKind::reminded,
       "",
       0,
       2,
       0,
       {chain.people[2], chain.people[3]}}};
  return deviation;
}

class DeviationStore : public ::testing::TestWithParam<test::BackendKind> {
 protected:
  void SetUp() override {
    if (GetParam() == test::BackendKind::postgres && !test::postgresConfigured()) {
      GTEST_SKIP() << "no PostgreSQL server configured (scripts/test.sh starts one)";
    }
    database_ = std::make_unique<test::TestDatabase>(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    store_ = open();
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }

  [[nodiscard]] std::unique_ptr<app::Store> open() const {
    return store::openStore(database_->db());
  }

  //! A small generated municipality, without follow-up records.
  static const OrganisationData& ours() {
    static const OrganisationData data =
        demo::generateMunicipality("0999", "Provkommunen", 7, demo::DemoFollowUp::none);
    return data;
  }
  static const OrganisationData& theirs() {
    static const OrganisationData data =
        demo::generateMunicipality("0998", "Grannkommunen", 3, demo::DemoFollowUp::none);
    return data;
  }
  static const Chain& chain() {
    static const Chain made = chainOf(ours());
    return made;
  }
  static const Chain& theirChain() {
    static const Chain made = chainOf(theirs());
    return made;
  }

  void insert(const OrganisationData& data) {
    app::Transaction transaction(*store_);
    store_->insertOrganisationData(data);
    transaction.commit();
  }

  void add(std::string_view organisation, const Deviation& deviation) {
    app::Transaction transaction(*store_);
    store_->insertDeviation(organisation, deviation);
    transaction.commit();
  }

  bool update(std::string_view organisation, const Deviation& deviation) {
    app::Transaction transaction(*store_);
    bool updated = store_->updateDeviation(organisation, deviation);
    transaction.commit();
    return updated;
  }

  [[nodiscard]] std::string stored(std::string_view organisation, std::string_view code) {
    auto found = store_->deviation(organisation, code);
    return found ? describe(*found) : "none";
  }

  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<app::Store> store_;
};

TEST_P(DeviationStore, RoundTripsADeviationWithEveryField) {
  insert(ours());
  const Deviation sample = full(chain());
  add("0999", sample);
  EXPECT_EQ(stored("0999", sample.code), describe(sample));
  EXPECT_FALSE(store_->deviation("0999", "AVV-2025-0008"));
  // Another organisation's deviation is not found under ours, nor ours under another.
  EXPECT_FALSE(store_->deviation("0998", sample.code));

  // The unset and the empty read back as unset and empty.
  Deviation bare = minimal(chain(), "AVV-2025-0001");
  bare.state = DeviationState::closed;
  bare.closing_note = "Åtgärdat; inget mer att göra.";
  bare.closed_by = chain().people[1];
  bare.closed_at = "2025-03-06T15:00:00Z";
  add("0999", bare);
  auto read = store_->deviation("0999", bare.code);
  ASSERT_TRUE(read);
  EXPECT_EQ(describe(*read), describe(bare));
  EXPECT_FALSE(read->budget_effect_sek);
  EXPECT_FALSE(read->council_meeting);
  EXPECT_TRUE(read->affected_items.empty());
  EXPECT_TRUE(read->actions.empty());
  EXPECT_TRUE(read->events[1].person.empty());
}

TEST_P(DeviationStore, AddsADeviationOnceAndOnlyOnAUnitThatExists) {
  insert(ours());
  const Deviation sample = full(chain());
  add("0999", sample);
  {
    // Two reporters given the same number at once: the second is a duplicate.
    app::Transaction transaction(*store_);
    EXPECT_THROW(store_->insertDeviation("0999", minimal(chain(), sample.code)),
                 app::DuplicateRecord);
  }
  EXPECT_EQ(stored("0999", sample.code), describe(sample));

  Deviation stray = minimal(chain(), "AVV-2025-0099");
  stray.unit = "FINNS-EJ";
  stray.levels.front().unit = "FINNS-EJ";
  app::Transaction transaction(*store_);
  store_->insertDeviation("0999", stray);
  EXPECT_THROW(transaction.commit(), store::StoreError);
}

TEST_P(DeviationStore, UpdatesOnlyAtTheRevisionItWasReadAt) {
  insert(ours());
  add("0999", full(chain()));
  const Deviation read = *store_->deviation("0999", "AVV-2025-0007");

  // The sector head acknowledges, the gravity is raised to the council, an action is done and
  // another added, and the timeline says so.
  Deviation changed = read;
  changed.gravity = 4;
  changed.title = "Hot mot personal (allvarligt)";
  changed.levels[1].acknowledged_at = "2025-03-04T13:00:00Z";
  changed.levels[1].acknowledged_by = chain().people[2];
  changed.levels[1].due_at = "";
  changed.levels.push_back({4,
                            chain().council,
                            {chain().people[4]},
                            "2025-03-04T13:05:00Z",
                            "",
                            "",
                            "2025-03-04T14:05:00Z",
                            "",
                            "",
                            ""});
  changed.actions[0].status = domain::ActionStatus::done;
  changed.actions[1].owner = chain().people[3];
  changed.actions.push_back({3, "Rapportera till Arbetsmiljöverket", chain().people[2],
                             date("2025-03-11"), domain::ActionStatus::planned, chain().people[2],
                             "2025-03-04T13:02:00Z"});
  changed.events.push_back({6,
                            "2025-03-04T13:00:00Z",
                            chain().people[2],
                            DeviationEventKind::acknowledged,
                            "",
                            0,
                            2,
                            0,
                            {}});
  changed.events.push_back({7,
                            "2025-03-04T13:05:00Z",
                            chain().people[2],
                            DeviationEventKind::raised,
                            "Polisanmälan gjord",
                            4,
                            0,
                            0,
                            {}});
  changed.events.push_back({8,
                            "2025-03-04T13:05:00Z",
                            "",
                            DeviationEventKind::notified,
                            "",
                            0,
                            4,
                            0,
                            {chain().people[4]}});
  EXPECT_TRUE(update("0999", changed));
  Deviation expected = changed;
  expected.revision = read.revision + 1;
  EXPECT_EQ(stored("0999", read.code), describe(expected));

  // Someone saving what they read before the change loses, and changes nothing: not the
  // deviation, its levels, its actions nor its timeline.
  Deviation stale = read;
  stale.title = "Inaktuell";
  stale.levels[0].acknowledged_at = "";
  stale.actions[0].description = "Inaktuell";
  stale.events.push_back({6,
                          "2025-03-04T13:30:00Z",
                          chain().people[0],
                          DeviationEventKind::commented,
                          "För sent",
                          0,
                          0,
                          0,
                          {}});
  EXPECT_FALSE(update("0999", stale));
  EXPECT_EQ(stored("0999", read.code), describe(expected));

  Deviation missing = expected;
  missing.code = "AVV-2025-0404";
  EXPECT_FALSE(update("0999", missing));
  EXPECT_EQ(stored("0999", missing.code), "none");
  // The same code in another organisation is another deviation.
  EXPECT_FALSE(update("0998", expected));
}

TEST_P(DeviationStore, AnUpdateAppendsOnlyTheEventsNotStoredYet) {
  insert(ours());
  add("0999", full(chain()));
  const Deviation read = *store_->deviation("0999", "AVV-2025-0007");
  ASSERT_EQ(read.events.size(), 5U);

  // The events up to the stored sequence are the stored ones whatever the update holds: a
  // rewritten or a dropped one stays as it was written.
  Deviation changed = read;
  changed.events[2].text = "Omskriven efteråt";
  changed.events.erase(changed.events.begin() + 3);
  changed.events.push_back({6,
                            "2025-03-05T07:00:00Z",
                            chain().people[3],
                            DeviationEventKind::commented,
                            "Vi följer upp i veckan.",
                            0,
                            0,
                            0,
                            {}});
  EXPECT_TRUE(update("0999", changed));
  Deviation expected = read;
  expected.revision = read.revision + 1;
  expected.events.push_back(changed.events.back());
  EXPECT_EQ(stored("0999", read.code), describe(expected));

  // Nothing new: the timeline stays as it is.
  Deviation again = *store_->deviation("0999", read.code);
  again.closing_note = "";
  EXPECT_TRUE(update("0999", again));
  expected.revision += 1;
  EXPECT_EQ(stored("0999", read.code), describe(expected));
}

TEST_P(DeviationStore, TheDatabaseItselfKeepsTheTimeline) {
  insert(ours());
  add("0999", full(chain()));
  store_.reset();
  // Behind the application's back, as a script or a console session would.
  std::vector<std::string> changes = {
      "UPDATE deviation_events SET text = 'Ändrad' WHERE sequence = 3",
      "UPDATE deviation_events SET person = '' WHERE kind = 'reported'",
      "UPDATE deviation_events SET sequence = sequence + 10",
      "DELETE FROM deviation_events WHERE sequence = 5",
      "DELETE FROM deviation_events",
  };
  if (GetParam() == test::BackendKind::postgres) {
    changes.push_back("TRUNCATE deviation_events");
  }
  for (const std::string& change : changes) {
    try {
      database_->execute(change);
      ADD_FAILURE() << "the database let through: " << change;
    } catch (const std::runtime_error& error) {
      EXPECT_NE(std::string(error.what()).find("the timeline of a deviation is never changed"),
                std::string::npos)
          << error.what();
    }
  }
  // The rest of the deviation is the application's to change (at its revision).
  EXPECT_NO_THROW(database_->execute(
      "UPDATE deviation_levels SET acknowledged_at = '2025-03-04T13:00:00Z' WHERE position = 2"));

  store_ = open();
  Deviation expected = full(chain());
  expected.levels[1].acknowledged_at = "2025-03-04T13:00:00Z";
  EXPECT_EQ(stored("0999", expected.code), describe(expected));
}

TEST_P(DeviationStore, ListsTheRegisterByCodeWithAndWithoutAState) {
  insert(ours());
  insert(theirs());
  Deviation closed = minimal(chain(), "AVV-2025-0010");
  closed.state = DeviationState::closed;
  closed.closed_by = chain().people[1];
  closed.closed_at = "2025-03-09T10:00:00Z";
  closed.closing_note = "Klart.";
  Deviation grave = full(chain());
  Deviation early = minimal(chain(), "AVV-2025-0002");
  early.actions = {{1, "Ring tillbaka", chain().people[2], date("2025-03-10"),
                    domain::ActionStatus::planned, chain().people[1], "2025-03-04T09:00:00Z"}};
  Deviation previous_year = minimal(chain(), "AVV-2024-0031");
  // Not in code order: the register is.
  for (const Deviation& deviation : {closed, grave, early, previous_year}) add("0999", deviation);
  // The neighbour has the same code: it is theirs, not ours.
  add("0998", minimal(theirChain(), "AVV-2025-0002"));

  auto all = store_->deviations("0999", std::nullopt);
  EXPECT_EQ(codesOf(all), (std::vector<std::string>{"AVV-2024-0031", "AVV-2025-0002",
                                                    "AVV-2025-0007", "AVV-2025-0010"}));
  // Complete: levels, actions and timelines, each deviation's own.
  EXPECT_EQ(describeAll(all), describeAll({previous_year, early, grave, closed}));

  auto open_ones = store_->deviations("0999", DeviationState::open);
  EXPECT_EQ(describeAll(open_ones), describeAll({previous_year, early, grave}));
  auto done = store_->deviations("0999", DeviationState::closed);
  EXPECT_EQ(describeAll(done), describeAll({closed}));

  EXPECT_EQ(describeAll(store_->deviations("0998", std::nullopt)),
            describeAll({minimal(theirChain(), "AVV-2025-0002")}));
  EXPECT_TRUE(store_->deviations("0998", DeviationState::closed).empty());
  EXPECT_TRUE(store_->deviations("0997", std::nullopt).empty());

  // Closing one moves it from the open register to the closed.
  Deviation closing = *store_->deviation("0999", "AVV-2025-0002");
  closing.state = DeviationState::closed;
  EXPECT_TRUE(update("0999", closing));
  EXPECT_EQ(codesOf(store_->deviations("0999", DeviationState::open)),
            (std::vector<std::string>{"AVV-2024-0031", "AVV-2025-0007"}));
  EXPECT_EQ(codesOf(store_->deviations("0999", DeviationState::closed)),
            (std::vector<std::string>{"AVV-2025-0002", "AVV-2025-0010"}));
  EXPECT_EQ(codesOf(store_->deviations("0998", DeviationState::open)),
            (std::vector<std::string>{"AVV-2025-0002"}));
}

TEST_P(DeviationStore, NumbersFromTheHighestCodeOfTheYear) {
  insert(ours());
  insert(theirs());
  EXPECT_EQ(store_->lastDeviationNumber("0999", "AVV-2025-"), 0);
  for (const char* code : {"AVV-2025-0007", "AVV-2025-0012", "AVV-2025-0003", "AVV-2024-0099",
                           "AVV-2025-0013-B", "AVV-2025-X1", "AVV-2025-"}) {
    add("0999", minimal(chain(), code));
  }
  add("0998", minimal(theirChain(), "AVV-2025-0050"));
  // Numbers, not texts: the highest numbered code, whatever else starts the same.
  EXPECT_EQ(store_->lastDeviationNumber("0999", "AVV-2025-"), 12);
  EXPECT_EQ(store_->lastDeviationNumber("0999", "AVV-2024-"), 99);
  EXPECT_EQ(store_->lastDeviationNumber("0999", "AVV-2026-"), 0);
  EXPECT_EQ(store_->lastDeviationNumber("0998", "AVV-2025-"), 50);
  EXPECT_EQ(store_->lastDeviationNumber("0998", "AVV-2024-"), 0);

  // Past 9999 the number gets a digit more, and still counts as the highest.
  add("0999", minimal(chain(), "AVV-2025-10000"));
  EXPECT_EQ(store_->lastDeviationNumber("0999", "AVV-2025-"), 10000);
}

TEST_P(DeviationStore, TheSweepFindsTheLevelsWhoseTimeHasRunOutInEveryOrganisation) {
  insert(ours());
  insert(theirs());
  const std::string now = "2025-03-04T12:00:00Z";
  auto due = [&](std::string code, std::string due_at) {
    Deviation deviation = minimal(chain(), std::move(code));
    deviation.levels.front().due_at = std::move(due_at);
    return deviation;
  };
  add("0999", due("AVV-2025-0009", "2025-03-04T12:00:00Z"));  // due exactly now
  add("0999", due("AVV-2025-0001", "2025-03-04T10:00:00Z"));
  add("0999", due("AVV-2025-0002", "2025-03-04T12:00:01Z"));  // not yet
  Deviation acknowledged = due("AVV-2025-0003", "2025-03-04T10:00:00Z");
  acknowledged.levels.front().acknowledged_at = "2025-03-04T09:00:00Z";
  acknowledged.levels.front().acknowledged_by = chain().people[1];
  add("0999", acknowledged);
  Deviation released = due("AVV-2025-0004", "2025-03-04T10:00:00Z");
  released.levels.front().released_at = "2025-03-04T09:30:00Z";
  add("0999", released);
  // Its first level stayed silent and was escalated; the next one still has time.
  Deviation escalated = due("AVV-2025-0005", "2025-03-04T10:00:00Z");
  escalated.levels.front().escalated_at = "2025-03-04T10:00:00Z";
  escalated.levels.push_back({2,
                              chain().sector,
                              {chain().people[2]},
                              "2025-03-04T10:00:00Z",
                              "",
                              "",
                              "2025-03-05T10:00:00Z",
                              "",
                              "",
                              ""});
  add("0999", escalated);
  Deviation closed = due("AVV-2025-0006", "2025-03-04T10:00:00Z");
  closed.state = DeviationState::closed;
  add("0999", closed);
  add("0999", due("AVV-2025-0008", ""));  // nothing due
  // Two levels overdue: the deviation is listed once.
  Deviation twice = due("AVV-2025-0010", "2025-03-04T09:00:00Z");
  twice.levels.push_back({2,
                          chain().sector,
                          {chain().people[2]},
                          "2025-03-04T08:00:00Z",
                          "",
                          "",
                          "2025-03-04T11:00:00Z",
                          "",
                          "",
                          ""});
  add("0999", twice);
  Deviation neighbours = minimal(theirChain(), "AVV-2025-0001");
  neighbours.levels.front().due_at = "2025-03-03T16:00:00Z";
  add("0998", neighbours);

  const std::vector<std::string> expected = {"0998/AVV-2025-0001", "0999/AVV-2025-0001",
                                             "0999/AVV-2025-0009", "0999/AVV-2025-0010"};
  EXPECT_EQ(keysOf(store_->dueDeviations(now, 10)), expected);
  EXPECT_EQ(keysOf(store_->dueDeviations(now, 2)),
            (std::vector<std::string>{"0998/AVV-2025-0001", "0999/AVV-2025-0001"}));
  EXPECT_TRUE(store_->dueDeviations("2025-03-03T00:00:00Z", 10).empty());

  // The sweep reminds the first level and moves its limit on: it is not due again until then.
  Deviation reminded = *store_->deviation("0999", "AVV-2025-0001");
  reminded.levels.front().reminded_at = now;
  reminded.levels.front().due_at = "2025-03-04T14:00:00Z";
  EXPECT_TRUE(update("0999", reminded));
  EXPECT_EQ(
      keysOf(store_->dueDeviations(now, 10)),
      (std::vector<std::string>{"0998/AVV-2025-0001", "0999/AVV-2025-0009", "0999/AVV-2025-0010"}));
  // Later the second level is due too (AVV-2025-0005), as is the reminded one again.
  EXPECT_EQ(
      keysOf(store_->dueDeviations("2025-03-05T10:00:00Z", 10)),
      (std::vector<std::string>{"0998/AVV-2025-0001", "0999/AVV-2025-0001", "0999/AVV-2025-0002",
                                "0999/AVV-2025-0005", "0999/AVV-2025-0009", "0999/AVV-2025-0010"}));
}

TEST_P(DeviationStore, GravityRulesAreTheDefaultsUntilAnOrganisationSetsItsOwn) {
  insert(ours());
  insert(theirs());
  const std::string defaults = describe(domain::defaultDeviationSettings());
  EXPECT_EQ(describe(store_->deviationSettings("0999")), defaults);

  DeviationSettings own{{{1, EscalationReach::sector, 0, 2},
                         {2, EscalationReach::sector, 8, 0},
                         {3, EscalationReach::council, 2, 0},
                         {4, EscalationReach::council, 1, 0}}};
  // Not in gravity order: they are read back in it.
  DeviationSettings shuffled{{own.rules[2], own.rules[0], own.rules[3], own.rules[1]}};
  {
    app::Transaction transaction(*store_);
    store_->saveDeviationSettings("0999", shuffled);
    transaction.commit();
  }
  EXPECT_EQ(describe(store_->deviationSettings("0999")), describe(own));
  EXPECT_EQ(describe(store_->deviationSettings("0998")), defaults);

  // Saving replaces the rules as a whole.
  DeviationSettings again = domain::defaultDeviationSettings();
  again.rules[0].business_days = 5;
  {
    app::Transaction transaction(*store_);
    store_->saveDeviationSettings("0999", again);
    transaction.commit();
  }
  EXPECT_EQ(describe(store_->deviationSettings("0999")), describe(again));
}

TEST_P(DeviationStore, CountsDeviationsByState) {
  insert(ours());
  insert(theirs());
  Deviation closed = minimal(chain(), "AVV-2025-0003");
  closed.state = DeviationState::closed;
  for (const Deviation& deviation :
       {minimal(chain(), "AVV-2025-0001"), minimal(chain(), "AVV-2025-0002"), closed}) {
    add("0999", deviation);
  }
  add("0998", minimal(theirChain(), "AVV-2025-0001"));
  // Both states, zero or not, open first: the order `styr stats` prints them in.
  auto counted = [&](std::string_view organisation) {
    std::vector<std::pair<std::string, std::int64_t>> counts;
    for (const auto& row : store_->counts(organisation)) {
      if (row.category == "deviations_by_state") counts.emplace_back(row.key, row.count);
    }
    return counts;
  };
  using Counts = std::vector<std::pair<std::string, std::int64_t>>;
  EXPECT_EQ(counted("0999"), (Counts{{"open", 2}, {"closed", 1}}));
  EXPECT_EQ(counted("0998"), (Counts{{"open", 1}, {"closed", 0}}));
  EXPECT_EQ(counted(""), (Counts{{"open", 3}, {"closed", 1}}));
  EXPECT_EQ(counted("0997"), (Counts{{"open", 0}, {"closed", 0}}));
}

TEST_P(DeviationStore, CopyingADatabaseTakesTheDeviationsAndTheRulesAlong) {
  // From a SQLite file, as `styr copy` moves a municipality that outgrew it.
  test::TestDatabase source_database(test::BackendKind::sqlite, "deviation_copy_source");
  auto source = store::openStore(source_database.db());
  {
    app::Transaction transaction(*source);
    source->insertOrganisationData(ours());
    source->insertOrganisationData(theirs());
    source->insertDeviation("0999", full(chain()));
    Deviation closed = minimal(chain(), "AVV-2025-0001");
    closed.state = DeviationState::closed;
    source->insertDeviation("0999", closed);
    source->insertDeviation("0998", minimal(theirChain(), "AVV-2025-0001"));
    DeviationSettings own = domain::defaultDeviationSettings();
    own.rules[3].hours = 2;
    source->saveDeviationSettings("0999", own);
    transaction.commit();
  }
  app::FixedClock clock(std::chrono::sys_days{std::chrono::year{2025} / 3 / 31});
  auto copied = app::copyDatabase(*source, *store_, clock, "test", "sqlite");
  ASSERT_TRUE(copied) << copied.error().message;
  EXPECT_EQ(copied.value().size(), 2U);
  for (const char* organisation : {"0998", "0999"}) {
    EXPECT_EQ(describeAll(store_->deviations(organisation, std::nullopt)),
              describeAll(source->deviations(organisation, std::nullopt)))
        << organisation;
    EXPECT_EQ(describe(store_->deviationSettings(organisation)),
              describe(source->deviationSettings(organisation)))
        << organisation;
  }
  EXPECT_EQ(store_->deviations("0999", std::nullopt).size(), 2U);
  EXPECT_EQ(store_->deviationSettings("0999").rules[3].hours, 2);
}

TEST_P(DeviationStore, MigratesAVersionThreeDatabaseAndKeepsItsData) {
  // A database as the follow-up release left it, with an organisation in it.
  store_.reset();
  database_ = std::make_unique<test::TestDatabase>(GetParam(), "third_schema");
  const auto& migrations = GetParam() == test::BackendKind::sqlite ? store::sqliteMigrations()
                                                                   : store::postgresMigrations();
  ASSERT_GE(migrations.size(), 4U);
  ASSERT_EQ(migrations[3].version, 4);
  database_->execute(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  for (int i = 0; i < 3; ++i) {
    database_->execute(std::string(migrations[static_cast<std::size_t>(i)].sql));
    database_->execute("INSERT INTO schema_migrations (version, name) VALUES (" +
                       std::to_string(i + 1) + ", 'earlier')");
  }
  database_->execute(
      "INSERT INTO organisations (code, name, kind) VALUES ('0999', 'Provkommunen', "
      "'municipality');"
      "INSERT INTO units (organisation, code, name, kind, parent, valid_from, valid_to) VALUES "
      "('0999', 'KS', 'Kommunstyrelsen', 'executive_board', NULL, '2023-01-01', NULL);"
      "INSERT INTO people (organisation, code, given_name, family_name, email) VALUES "
      "('0999', 'P1', 'Anna', 'Berg', 'anna@example.se')");

  EXPECT_THROW(open(), store::StoreError);
  {
    auto migrated = store::openStore(database_->db(), store::SchemaPolicy::migrate);
    EXPECT_EQ(migrated->schemaVersion(), 4);
    EXPECT_EQ(migrated->schemaVersion(), migrations.back().version);
  }
  store_ = open();
  ASSERT_EQ(store_->loadOrganisation("0999").units.size(), 1U);
  EXPECT_TRUE(store_->deviations("0999", std::nullopt).empty());
  EXPECT_EQ(describe(store_->deviationSettings("0999")),
            describe(domain::defaultDeviationSettings()));

  Chain small{"KS", "KS", "KS", "KS", {"P1", "P1", "P1", "P1", "P1"}, {}, {}};
  Deviation deviation = minimal(small, "AVV-2025-0001");
  add("0999", deviation);
  EXPECT_EQ(stored("0999", deviation.code), describe(deviation));
}

INSTANTIATE_TEST_SUITE_P(Backends, DeviationStore, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

}  // namespace
}  // namespace styr
