// The store contract: the same tests for every backend, parameterised by a factory.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <tuple>

#include "app/audit_trail.hpp"
#include "app/clock.hpp"
#include "app/store.hpp"
#include "demo/generator.hpp"
#include "store/open_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/test_databases.hpp"

namespace styr {
namespace {

using domain::AuditEntry;
using domain::Item;
using domain::OrganisationData;
using domain::SteeringDocument;

domain::Date date(std::string_view text) {
  return *domain::parseDate(text);
}

class StoreContract : public ::testing::TestWithParam<test::BackendKind> {
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

  //! Another connection to the same database, as another process would have.
  [[nodiscard]] std::unique_ptr<app::Store> open() const {
    return store::openStore(database_->db());
  }

  //! A small generated municipality: every kind of record, every optional field in use.
  static const OrganisationData& sample() {
    static const OrganisationData data = demo::generateMunicipality("0999", "Provkommunen", 7);
    return data;
  }

  static void insert(app::Store& store, const OrganisationData& data) {
    app::Transaction transaction(store);
    store.insertOrganisationData(data);
    transaction.commit();
  }
  void insert(const OrganisationData& data) { insert(*store_, data); }

  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<app::Store> store_;
};

// Sorted as the store returns collections, so whole-value comparison is meaningful.
OrganisationData sortedLikeTheStore(OrganisationData data) {
  auto by = [](auto key) {
    return [key](const auto& a, const auto& b) { return key(a) < key(b); };
  };
  std::sort(data.units.begin(), data.units.end(), by([](const auto& r) { return r.code; }));
  std::sort(data.people.begin(), data.people.end(), by([](const auto& r) { return r.code; }));
  std::sort(data.memberships.begin(), data.memberships.end(), by([](const auto& r) {
              return std::make_tuple(r.person, r.unit, std::string(domain::toString(r.role)),
                                     domain::formatDate(r.valid_from));
            }));
  std::sort(data.documents.begin(), data.documents.end(),
            by([](const auto& r) { return std::make_pair(r.code, r.version); }));
  for (auto& document : data.documents) {
    std::sort(document.appropriations.begin(), document.appropriations.end(),
              by([](const auto& r) { return std::make_pair(r.year, r.unit); }));
  }
  std::sort(data.indicators.begin(), data.indicators.end(),
            by([](const auto& r) { return r.code; }));
  for (auto& indicator : data.indicators) {
    std::sort(indicator.targets.begin(), indicator.targets.end(),
              by([](const auto& r) { return std::make_pair(r.year, r.unit); }));
  }
  std::sort(data.items.begin(), data.items.end(), by([](const auto& r) { return r.code; }));
  std::sort(data.indicator_values.begin(), data.indicator_values.end(), by([](const auto& r) {
              return std::make_tuple(r.indicator, r.unit, domain::formatDate(r.period_end));
            }));
  return data;
}

void expectSameItem(const Item& expected, const Item& actual) {
  EXPECT_EQ(expected.code, actual.code);
  EXPECT_EQ(expected.kind, actual.kind);
  EXPECT_EQ(expected.document, actual.document);
  EXPECT_EQ(expected.issuer, actual.issuer);
  EXPECT_EQ(expected.recipient_unit, actual.recipient_unit);
  EXPECT_EQ(expected.recipient_person, actual.recipient_person);
  EXPECT_EQ(expected.origin, actual.origin);
  EXPECT_EQ(expected.origin_document, actual.origin_document);
  EXPECT_EQ(expected.title, actual.title);
  EXPECT_EQ(expected.description, actual.description);
  EXPECT_EQ(expected.due, actual.due);
  EXPECT_EQ(expected.plan, actual.plan);
  EXPECT_EQ(expected.status, actual.status);
  EXPECT_EQ(expected.issued_on, actual.issued_on);
  EXPECT_EQ(expected.acknowledged_on, actual.acknowledged_on);
  EXPECT_EQ(expected.closed_on, actual.closed_on);
  EXPECT_EQ(expected.closing_note, actual.closing_note);
  EXPECT_EQ(expected.follow_up.deliverable, actual.follow_up.deliverable);
  EXPECT_EQ(expected.follow_up.deliverable_due, actual.follow_up.deliverable_due);
  EXPECT_EQ(expected.follow_up.assessed_at, actual.follow_up.assessed_at);
  ASSERT_EQ(expected.follow_up.indicators.size(), actual.follow_up.indicators.size());
  for (std::size_t i = 0; i < expected.follow_up.indicators.size(); ++i) {
    EXPECT_EQ(expected.follow_up.indicators[i].indicator, actual.follow_up.indicators[i].indicator);
    EXPECT_EQ(expected.follow_up.indicators[i].year, actual.follow_up.indicators[i].year);
    EXPECT_EQ(expected.follow_up.indicators[i].target, actual.follow_up.indicators[i].target);
  }
}

void expectSameDocument(const SteeringDocument& expected, const SteeringDocument& actual) {
  EXPECT_EQ(expected.code, actual.code);
  EXPECT_EQ(expected.version, actual.version);
  EXPECT_EQ(expected.kind, actual.kind);
  EXPECT_EQ(expected.title, actual.title);
  EXPECT_EQ(expected.summary, actual.summary);
  EXPECT_EQ(expected.deciding_body, actual.deciding_body);
  EXPECT_EQ(expected.status, actual.status);
  ASSERT_EQ(expected.decision.has_value(), actual.decision.has_value());
  if (expected.decision) {
    EXPECT_EQ(expected.decision->date, actual.decision->date);
    EXPECT_EQ(expected.decision->minute_paragraph, actual.decision->minute_paragraph);
    EXPECT_EQ(expected.decision->case_number, actual.decision->case_number);
  }
  EXPECT_EQ(expected.valid_from, actual.valid_from);
  EXPECT_EQ(expected.valid_to, actual.valid_to);
  EXPECT_EQ(expected.year, actual.year);
  EXPECT_EQ(expected.term, actual.term);
  ASSERT_EQ(expected.appropriations.size(), actual.appropriations.size());
  for (std::size_t i = 0; i < expected.appropriations.size(); ++i) {
    EXPECT_EQ(expected.appropriations[i].unit, actual.appropriations[i].unit);
    EXPECT_EQ(expected.appropriations[i].year, actual.appropriations[i].year);
    EXPECT_EQ(expected.appropriations[i].amount_sek, actual.appropriations[i].amount_sek);
  }
}

void expectSameAuditEntry(const AuditEntry& expected, const AuditEntry& actual) {
  EXPECT_EQ(expected.organisation, actual.organisation);
  EXPECT_EQ(expected.sequence, actual.sequence);
  EXPECT_EQ(expected.at, actual.at);
  EXPECT_EQ(expected.actor, actual.actor);
  EXPECT_EQ(expected.action, actual.action);
  EXPECT_EQ(expected.record_kind, actual.record_kind);
  EXPECT_EQ(expected.record, actual.record);
  EXPECT_EQ(expected.before, actual.before);
  EXPECT_EQ(expected.after, actual.after);
  EXPECT_EQ(expected.previous_hash, actual.previous_hash);
  EXPECT_EQ(expected.hash, actual.hash);
}

//! The stored document (code, version), or nullptr.
const SteeringDocument* findDocument(const std::vector<SteeringDocument>& documents,
                                     std::string_view code, int version) {
  auto found = std::find_if(documents.begin(), documents.end(), [&](const auto& document) {
    return document.code == code && document.version == version;
  });
  return found == documents.end() ? nullptr : &*found;
}

TEST_P(StoreContract, RoundTripsEveryRecordOfAnOrganisation) {
  insert(sample());
  OrganisationData expected = sortedLikeTheStore(sample());
  OrganisationData loaded = store_->loadOrganisation("0999");

  EXPECT_EQ(loaded.organisation.code, "0999");
  EXPECT_EQ(loaded.organisation.name, "Provkommunen");
  ASSERT_EQ(loaded.terms.size(), expected.terms.size());
  ASSERT_EQ(loaded.years.size(), expected.years.size());
  for (std::size_t i = 0; i < expected.years.size(); ++i) {
    EXPECT_EQ(loaded.years[i].year, expected.years[i].year);
    EXPECT_EQ(loaded.years[i].status, expected.years[i].status);
  }
  ASSERT_EQ(loaded.units.size(), expected.units.size());
  for (std::size_t i = 0; i < expected.units.size(); ++i) {
    EXPECT_EQ(loaded.units[i].code, expected.units[i].code);
    EXPECT_EQ(loaded.units[i].name, expected.units[i].name);
    EXPECT_EQ(loaded.units[i].kind, expected.units[i].kind);
    EXPECT_EQ(loaded.units[i].parent, expected.units[i].parent);
    EXPECT_EQ(loaded.units[i].valid_from, expected.units[i].valid_from);
    EXPECT_EQ(loaded.units[i].valid_to, expected.units[i].valid_to);
  }
  ASSERT_EQ(loaded.people.size(), expected.people.size());
  for (std::size_t i = 0; i < expected.people.size(); ++i) {
    EXPECT_EQ(loaded.people[i].code, expected.people[i].code);
    EXPECT_EQ(loaded.people[i].given_name, expected.people[i].given_name);
    EXPECT_EQ(loaded.people[i].family_name, expected.people[i].family_name);
    EXPECT_EQ(loaded.people[i].email, expected.people[i].email);
  }
  ASSERT_EQ(loaded.memberships.size(), expected.memberships.size());
  for (std::size_t i = 0; i < expected.memberships.size(); ++i) {
    EXPECT_EQ(loaded.memberships[i].person, expected.memberships[i].person);
    EXPECT_EQ(loaded.memberships[i].unit, expected.memberships[i].unit);
    EXPECT_EQ(loaded.memberships[i].role, expected.memberships[i].role);
    EXPECT_EQ(loaded.memberships[i].valid_to, expected.memberships[i].valid_to);
  }
  ASSERT_EQ(loaded.documents.size(), expected.documents.size());
  for (std::size_t i = 0; i < expected.documents.size(); ++i) {
    const auto& want = expected.documents[i];
    const auto& got = loaded.documents[i];
    EXPECT_EQ(got.code, want.code);
    EXPECT_EQ(got.version, want.version);
    EXPECT_EQ(got.kind, want.kind);
    EXPECT_EQ(got.status, want.status);
    EXPECT_EQ(got.summary, want.summary);
    EXPECT_EQ(got.year, want.year);
    EXPECT_EQ(got.term, want.term);
    EXPECT_EQ(got.decision.has_value(), want.decision.has_value());
    if (got.decision && want.decision) {
      EXPECT_EQ(got.decision->date, want.decision->date);
      EXPECT_EQ(got.decision->case_number, want.decision->case_number);
      EXPECT_EQ(got.decision->minute_paragraph, want.decision->minute_paragraph);
    }
    ASSERT_EQ(got.appropriations.size(), want.appropriations.size());
    for (std::size_t a = 0; a < want.appropriations.size(); ++a) {
      EXPECT_EQ(got.appropriations[a].unit, want.appropriations[a].unit);
      EXPECT_EQ(got.appropriations[a].amount_sek, want.appropriations[a].amount_sek);
    }
  }
  ASSERT_EQ(loaded.indicators.size(), expected.indicators.size());
  for (std::size_t i = 0; i < expected.indicators.size(); ++i) {
    EXPECT_EQ(loaded.indicators[i].aggregation, expected.indicators[i].aggregation);
    EXPECT_EQ(loaded.indicators[i].direction, expected.indicators[i].direction);
    EXPECT_EQ(loaded.indicators[i].targets.size(), expected.indicators[i].targets.size());
  }
  ASSERT_EQ(loaded.items.size(), expected.items.size());
  for (std::size_t i = 0; i < expected.items.size(); ++i) {
    expectSameItem(expected.items[i], loaded.items[i]);
  }
  ASSERT_EQ(loaded.indicator_values.size(), expected.indicator_values.size());
  for (std::size_t i = 0; i < expected.indicator_values.size(); ++i) {
    const auto& want = expected.indicator_values[i];
    const auto& got = loaded.indicator_values[i];
    EXPECT_EQ(got.period_end, want.period_end);
    EXPECT_EQ(got.value, want.value);
    EXPECT_EQ(got.numerator, want.numerator);
    EXPECT_EQ(got.denominator, want.denominator);
    EXPECT_EQ(got.weight, want.weight);
  }
}

TEST_P(StoreContract, KeepsOrganisationsApart) {
  insert(sample());
  // The generator uses the same unit and item codes in every municipality; marking the
  // neighbour's titles shows any unscoped query as a marked record in the wrong place.
  OrganisationData neighbour = demo::generateMunicipality("0998", "Grannkommunen", 8);
  for (auto& item : neighbour.items) item.title = "GRANNE " + item.title;
  insert(neighbour);

  EXPECT_EQ(store_->organisations().size(), 2U);
  OrganisationData first = store_->loadOrganisation("0999");
  OrganisationData second = store_->loadOrganisation("0998");
  EXPECT_EQ(first.units.size(), sample().units.size());
  ASSERT_EQ(first.items.size(), sample().items.size());
  EXPECT_EQ(second.items.size(), neighbour.items.size());
  for (const auto& item : first.items) EXPECT_EQ(item.title.rfind("GRANNE ", 0), std::string::npos);
  for (const auto& item : second.items) EXPECT_EQ(item.title.rfind("GRANNE ", 0), 0U);

  const std::string& code = first.items.front().code;
  for (const auto& item : store_->itemsBelow("0999", code)) {
    EXPECT_EQ(item.title.rfind("GRANNE ", 0), std::string::npos) << item.code;
  }
  for (const auto& item : store_->itemsAbove("0998", second.items.back().code)) {
    EXPECT_EQ(item.title.rfind("GRANNE ", 0), 0U) << item.code;
  }
  EXPECT_FALSE(store_->item("0997", code).has_value());
  EXPECT_TRUE(store_->loadOrganisation("0997").units.empty());
}

TEST_P(StoreContract, RollsBackEverythingOfAFailedTransaction) {
  OrganisationData broken = sample();
  // A unit whose parent does not exist fails the deferred foreign key at commit.
  broken.units.push_back({"ORPHAN", "Föräldralös", domain::UnitKind::unit, "NO-SUCH-UNIT",
                          *domain::parseDate("2023-01-01"), std::nullopt});
  {
    app::Transaction transaction(*store_);
    store_->insertOrganisationData(broken);
    EXPECT_ANY_THROW(transaction.commit());
  }
  EXPECT_TRUE(store_->organisations().empty());
  EXPECT_TRUE(store_->loadOrganisation("0999").units.empty());
}

TEST_P(StoreContract, TracesDownAndUpTheOriginChain) {
  insert(sample());
  OrganisationData data = store_->loadOrganisation("0999");
  // A council goal with the deepest tree below it.
  std::string top;
  std::size_t most = 0;
  for (const auto& item : data.items) {
    if (item.issuer != "KF") continue;
    std::size_t below = store_->itemsBelow("0999", item.code).size();
    if (below > most) {
      most = below;
      top = item.code;
    }
  }
  ASSERT_GT(most, 3U);
  auto below = store_->itemsBelow("0999", top);
  std::set<std::string> codes;
  for (const auto& item : below) codes.insert(item.code);
  EXPECT_TRUE(codes.count(top));
  for (const auto& item : below) {
    if (item.code != top) {
      EXPECT_TRUE(codes.count(item.origin)) << item.code;
    }
  }
  const Item& leaf = below.back();
  auto above = store_->itemsAbove("0999", leaf.code);
  std::set<std::string> chain;
  for (const auto& item : above) chain.insert(item.code);
  EXPECT_TRUE(chain.count(leaf.code));
  EXPECT_TRUE(chain.count(top));
  EXPECT_TRUE(store_->itemsBelow("0999", "NO-SUCH-ITEM").empty());
}

TEST_P(StoreContract, CountsPerOrganisationAndInAll) {
  insert(sample());
  insert(demo::generateMunicipality("0998", "Grannkommunen", 8));
  auto count = [](const std::vector<app::CountRow>& rows, std::string_view category,
                  std::string_view key) -> std::int64_t {
    for (const auto& row : rows) {
      if (row.category == category && row.key == key) return row.count;
    }
    return -1;
  };
  auto one = store_->counts("0999");
  auto all = store_->counts("");
  EXPECT_EQ(count(one, "organisations", ""), 1);
  EXPECT_EQ(count(all, "organisations", ""), 2);
  EXPECT_EQ(count(one, "people", ""), static_cast<std::int64_t>(sample().people.size()));
  EXPECT_EQ(count(one, "units_by_kind", "council"), 1);
  EXPECT_EQ(count(all, "units_by_kind", "council"), 2);
}

TEST_P(StoreContract, AuditEntriesChainPerOrganisation) {
  insert(sample());
  app::FixedClock clock(std::chrono::sys_days{std::chrono::year{2025} / 3 / 31});
  for (int round = 0; round < 2; ++round) {
    app::Transaction transaction(*store_);
    app::AuditTrail trail(clock, "0999", "test");
    trail.record("unit.imported", "unit", "U" + std::to_string(round), "", "{}");
    trail.record("unit.imported", "unit", "V" + std::to_string(round), "", "{}");
    EXPECT_EQ(trail.write(*store_), 2U);
    transaction.commit();
  }
  std::vector<domain::AuditEntry> entries;
  store_->forEachAuditEntry("0999", 1, [&](const domain::AuditEntry& e) { entries.push_back(e); });
  ASSERT_EQ(entries.size(), 4U);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].sequence, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(entries[i].hash, domain::computeAuditHash(entries[i]));
    EXPECT_EQ(entries[i].previous_hash, i == 0 ? "" : entries[i - 1].hash);
    EXPECT_EQ(entries[i].at, "2025-03-31T00:00:00.000000Z");
  }
  EXPECT_EQ(store_->auditHead("0999").sequence, 4);
  EXPECT_EQ(store_->auditHead("0998").sequence, 0);
}

TEST_P(StoreContract, KeepsDataAcrossReopening) {
  insert(sample());
  store_.reset();
  store_ = open();
  EXPECT_EQ(store_->loadOrganisation("0999").items.size(), sample().items.size());
}

TEST_P(StoreContract, RefusesAnOrganisationThatExistsAlready) {
  insert(sample());
  app::Transaction transaction(*store_);
  EXPECT_THROW(store_->insertOrganisationData(sample()), app::DuplicateRecord);
}

TEST_P(StoreContract, UpdatesAnItemOnlyAtTheRevisionItWasReadAt) {
  insert(sample());
  const Item& original = sample().items.front();
  Item changed = *store_->item("0999", original.code);
  ASSERT_EQ(changed.revision, 1);
  changed.plan = "Vi gör så här i stället.";
  changed.follow_up.assessed_at = {"Delårsrapport", "Årsredovisning"};
  {
    app::Transaction transaction(*store_);
    EXPECT_TRUE(store_->updateItem("0999", changed));
    transaction.commit();
  }
  Item stored = *store_->item("0999", original.code);
  EXPECT_EQ(stored.revision, 2);
  EXPECT_EQ(stored.plan, "Vi gör så här i stället.");
  EXPECT_EQ(stored.follow_up.assessed_at, changed.follow_up.assessed_at);

  // The same edit again, from the revision it was read at, is stale and changes nothing.
  changed.plan = "En förlorad ändring.";
  {
    app::Transaction transaction(*store_);
    EXPECT_FALSE(store_->updateItem("0999", changed));
    transaction.commit();
  }
  EXPECT_EQ(store_->item("0999", original.code)->plan, "Vi gör så här i stället.");
}

TEST_P(StoreContract, TwoConnectionsEditingOneItemLoseNoUpdate) {
  insert(sample());
  auto other = open();
  const std::string code = sample().items.front().code;
  Item mine = *store_->item("0999", code);
  Item theirs = *other->item("0999", code);
  mine.plan = "Min plan";
  theirs.plan = "Deras plan";
  {
    app::Transaction transaction(*store_);
    ASSERT_TRUE(store_->updateItem("0999", mine));
    transaction.commit();
  }
  {
    app::Transaction transaction(*other);
    EXPECT_FALSE(other->updateItem("0999", theirs)) << "a stale write overwrote a newer one";
    transaction.commit();
  }
  // Read again, edited again: now it applies on top of the first.
  theirs = *other->item("0999", code);
  EXPECT_EQ(theirs.plan, "Min plan");
  theirs.plan = "Deras plan";
  {
    app::Transaction transaction(*other);
    EXPECT_TRUE(other->updateItem("0999", theirs));
    transaction.commit();
  }
  EXPECT_EQ(store_->item("0999", code)->revision, 3);
}

TEST_P(StoreContract, ConcurrentWritersExtendOneAuditChain) {
  insert(sample());
  app::FixedClock clock(std::chrono::sys_days{std::chrono::year{2025} / 3 / 31});
  constexpr int kRounds = 25;
  auto write = [&](int writer) {
    auto store = open();
    for (int round = 0; round < kRounds; ++round) {
      app::Transaction transaction(*store);
      store->lockOrganisation("0999");
      app::AuditTrail trail(clock, "0999", "writer-" + std::to_string(writer));
      trail.record("unit.imported", "unit", std::to_string(round), "", "{}");
      trail.write(*store);
      transaction.commit();
    }
  };
  std::thread first(write, 1);
  std::thread second(write, 2);
  first.join();
  second.join();
  std::vector<domain::AuditEntry> entries;
  store_->forEachAuditEntry("0999", 1, [&](const domain::AuditEntry& e) { entries.push_back(e); });
  ASSERT_EQ(entries.size(), 2U * kRounds);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].sequence, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(entries[i].previous_hash, i == 0 ? "" : entries[i - 1].hash);
    EXPECT_EQ(entries[i].hash, domain::computeAuditHash(entries[i]));
  }
}

TEST_P(StoreContract, AddsItemsWithTheirFollowUpToAnExistingOrganisation) {
  insert(sample());
  // Drafts below an existing item, as the API creates them: one with every follow-up detail,
  // one with none.
  const Item& parent = sample().items.front();
  Item detailed = parent;
  detailed.code = "NY-1";
  detailed.origin = parent.code;
  detailed.title = "Ett nytt utkast";
  detailed.status = domain::ItemStatus::draft;
  detailed.issued_on = std::nullopt;
  detailed.acknowledged_on = std::nullopt;
  detailed.closed_on = std::nullopt;
  detailed.closing_note.clear();
  detailed.follow_up.deliverable = "En rapport";
  detailed.follow_up.deliverable_due = date("2026-05-31");
  detailed.follow_up.indicators = {{sample().indicators.front().code, 2026, 42.5},
                                   {sample().indicators.back().code, 2027, std::nullopt}};
  detailed.follow_up.assessed_at = {"Delårsrapport", "Årsredovisning"};
  detailed.revision = 1;
  Item bare = detailed;
  bare.code = "NY-2";
  bare.title = "Ett utkast utan uppföljning";
  bare.follow_up = {};
  {
    app::Transaction transaction(*store_);
    store_->insertItems("0999", {detailed, bare});
    transaction.commit();
  }

  auto stored = store_->item("0999", "NY-1");
  ASSERT_TRUE(stored.has_value());
  expectSameItem(detailed, *stored);
  EXPECT_EQ(stored->revision, 1);
  ASSERT_TRUE(store_->item("0999", "NY-2").has_value());
  expectSameItem(bare, *store_->item("0999", "NY-2"));

  OrganisationData loaded = store_->loadOrganisation("0999");
  ASSERT_EQ(loaded.items.size(), sample().items.size() + 2);
  auto found = std::find_if(loaded.items.begin(), loaded.items.end(),
                            [](const Item& item) { return item.code == "NY-1"; });
  ASSERT_NE(found, loaded.items.end());
  expectSameItem(detailed, *found);
  std::set<std::string> below;
  for (const auto& item : store_->itemsBelow("0999", parent.code)) below.insert(item.code);
  EXPECT_TRUE(below.count("NY-1"));
  EXPECT_TRUE(below.count("NY-2"));
  EXPECT_FALSE(store_->item("0998", "NY-1").has_value());

  app::Transaction again(*store_);
  EXPECT_THROW(store_->insertItems("0999", {bare}), app::DuplicateRecord);
}

TEST_P(StoreContract, AddsADocumentVersionWithItsAppropriations) {
  insert(sample());
  const auto& units = sample().units;
  ASSERT_GE(units.size(), 2U);
  SteeringDocument revision = sample().documents.front();
  int newest = 0;
  for (const auto& document : sample().documents) {
    if (document.code == revision.code) newest = std::max(newest, document.version);
  }
  revision.version = newest + 1;
  revision.title = "Reviderad version";
  revision.status = domain::DocumentStatus::draft;
  revision.decision = std::nullopt;
  revision.valid_from = date("2027-01-01");
  revision.valid_to = std::nullopt;
  revision.appropriations = {{units[0].code, 2027, 1000000}, {units[1].code, 2027, 250000}};
  SteeringDocument policy;
  policy.code = "NY-POLICY";
  policy.version = 1;
  policy.kind = domain::DocumentKind::policy;
  policy.title = "Ny policy";
  policy.summary = "Beslutad, utan pengar.";
  policy.deciding_body = units[0].code;
  policy.status = domain::DocumentStatus::decided;
  policy.decision = domain::Decision{date("2026-02-10"), "§ 14", "KS 2026/31"};
  policy.valid_from = date("2026-03-01");
  policy.valid_to = date("2029-12-31");
  policy.term = 2027;
  {
    app::Transaction transaction(*store_);
    store_->insertDocument("0999", revision);
    store_->insertDocument("0999", policy);
    transaction.commit();
  }

  auto documents = store_->documents("0999");
  EXPECT_EQ(documents.size(), sample().documents.size() + 2);
  const SteeringDocument* stored = findDocument(documents, revision.code, revision.version);
  ASSERT_NE(stored, nullptr);
  expectSameDocument(revision, *stored);
  stored = findDocument(documents, "NY-POLICY", 1);
  ASSERT_NE(stored, nullptr);
  expectSameDocument(policy, *stored);
  // The earlier versions are untouched.
  stored = findDocument(documents, revision.code, sample().documents.front().version);
  ASSERT_NE(stored, nullptr);
  EXPECT_EQ(stored->title, sample().documents.front().title);
  EXPECT_EQ(stored->appropriations.size(), sample().documents.front().appropriations.size());

  auto loaded = store_->loadOrganisation("0999").documents;
  stored = findDocument(loaded, revision.code, revision.version);
  ASSERT_NE(stored, nullptr);
  expectSameDocument(revision, *stored);

  app::Transaction again(*store_);
  EXPECT_THROW(store_->insertDocument("0999", policy), app::DuplicateRecord);
}

TEST_P(StoreContract, UpdatesADocumentVersionAndReplacesItsAppropriations) {
  insert(sample());
  const auto& units = sample().units;
  ASSERT_GE(units.size(), 3U);
  auto before = store_->documents("0999");
  auto budget = std::find_if(before.begin(), before.end(),
                             [](const auto& document) { return !document.appropriations.empty(); });
  ASSERT_NE(budget, before.end()) << "the sample has no document with appropriations";

  SteeringDocument missing = *budget;
  missing.version = 99;
  missing.title = "Finns inte";
  {
    app::Transaction transaction(*store_);
    EXPECT_FALSE(store_->updateDocument("0999", missing));
    EXPECT_FALSE(store_->updateDocument("0998", *budget)) << "another organisation's document";
    transaction.commit();
  }
  auto unchanged = store_->documents("0999");
  ASSERT_EQ(unchanged.size(), before.size());
  EXPECT_EQ(findDocument(unchanged, missing.code, 99), nullptr);
  for (std::size_t i = 0; i < before.size(); ++i) expectSameDocument(before[i], unchanged[i]);

  SteeringDocument changed = *budget;
  changed.kind = domain::DocumentKind::operational_plan;
  changed.title = "Reviderad budget";
  changed.summary = "Med ändrade ramar.";
  changed.deciding_body = units[1].code;
  changed.status = domain::DocumentStatus::decided;
  changed.decision = domain::Decision{date("2026-11-20"), "§ 201", "KS 2026/777"};
  changed.valid_from = date("2027-01-01");
  changed.valid_to = date("2027-12-31");
  changed.year = 2027;
  changed.term = std::nullopt;
  // Fewer rows than before, for other units: every old row must go.
  changed.appropriations = {{units[2].code, 2027, 4200000}};
  {
    app::Transaction transaction(*store_);
    EXPECT_TRUE(store_->updateDocument("0999", changed));
    transaction.commit();
  }
  auto after = store_->documents("0999");
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (after[i].code == changed.code && after[i].version == changed.version) {
      expectSameDocument(changed, after[i]);
    } else {
      expectSameDocument(before[i], after[i]);
    }
  }
  auto organisation = store_->loadOrganisation("0999");
  const SteeringDocument* loaded =
      findDocument(organisation.documents, changed.code, changed.version);
  ASSERT_NE(loaded, nullptr);
  EXPECT_EQ(loaded->title, "Reviderad budget");
  ASSERT_EQ(loaded->appropriations.size(), 1U);
  EXPECT_EQ(loaded->appropriations.front().amount_sek, 4200000);

  // Back to no decision and no appropriations at all.
  changed.decision = std::nullopt;
  changed.status = domain::DocumentStatus::draft;
  changed.appropriations.clear();
  {
    app::Transaction transaction(*store_);
    EXPECT_TRUE(store_->updateDocument("0999", changed));
    transaction.commit();
  }
  auto cleared = store_->documents("0999");
  loaded = findDocument(cleared, changed.code, changed.version);
  ASSERT_NE(loaded, nullptr);
  expectSameDocument(changed, *loaded);
}

TEST_P(StoreContract, AddsIndicatorValues) {
  insert(sample());
  const std::string indicator = sample().indicators.front().code;
  const std::string unit = sample().units.front().code;
  std::vector<domain::IndicatorValue> values = {
      {indicator, unit, date("2099-06-30"), 12.25, 49.0, 4.0, 0.5},
      {indicator, unit, date("2099-12-31"), 0.1, std::nullopt, std::nullopt, std::nullopt},
  };
  {
    app::Transaction transaction(*store_);
    store_->insertIndicatorValues("0999", values);
    transaction.commit();
  }
  auto loaded = store_->loadOrganisation("0999").indicator_values;
  ASSERT_EQ(loaded.size(), sample().indicator_values.size() + 2);
  for (const auto& want : values) {
    auto got = std::find_if(loaded.begin(), loaded.end(), [&](const auto& value) {
      return value.indicator == want.indicator && value.unit == want.unit &&
             value.period_end == want.period_end;
    });
    ASSERT_NE(got, loaded.end()) << domain::formatDate(want.period_end);
    EXPECT_EQ(got->value, want.value);
    EXPECT_EQ(got->numerator, want.numerator);
    EXPECT_EQ(got->denominator, want.denominator);
    EXPECT_EQ(got->weight, want.weight);
  }
  EXPECT_TRUE(store_->loadOrganisation("0998").indicator_values.empty());

  app::Transaction again(*store_);
  EXPECT_THROW(store_->insertIndicatorValues("0999", {values.front()}), app::DuplicateRecord);
}

TEST_P(StoreContract, EndsAndReopensAMembershipByItsKey) {
  insert(sample());
  const domain::Membership& original = sample().memberships.front();
  auto before = store_->membershipsOf("0999", original.person);
  ASSERT_FALSE(before.empty());

  domain::Membership missing = original;
  missing.valid_from = date("1901-01-01");
  missing.valid_to = date("2026-06-30");
  domain::Membership other_role = original;
  other_role.role =
      original.role == domain::Role::employee ? domain::Role::controller : domain::Role::employee;
  other_role.valid_to = date("2026-06-30");
  {
    app::Transaction transaction(*store_);
    EXPECT_FALSE(store_->updateMembership("0999", missing));
    EXPECT_FALSE(store_->updateMembership("0999", other_role));
    EXPECT_FALSE(store_->updateMembership("0998", missing));
    transaction.commit();
  }
  auto unchanged = store_->membershipsOf("0999", original.person);
  ASSERT_EQ(unchanged.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(unchanged[i].valid_to, before[i].valid_to);
  }

  auto isOriginal = [&](const domain::Membership& membership) {
    return membership.unit == original.unit && membership.role == original.role &&
           membership.valid_from == original.valid_from;
  };
  for (std::optional<domain::Date> end :
       {std::optional(date("2026-06-30")), std::optional<domain::Date>()}) {
    domain::Membership changed = original;
    changed.valid_to = end;
    {
      app::Transaction transaction(*store_);
      EXPECT_TRUE(store_->updateMembership("0999", changed));
      transaction.commit();
    }
    auto after = store_->membershipsOf("0999", original.person);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
      EXPECT_EQ(after[i].valid_to, isOriginal(after[i]) ? end : before[i].valid_to);
    }
  }
}

TEST_P(StoreContract, CountsAuditEntriesPerOrganisation) {
  EXPECT_EQ(store_->auditSequence("0999"), 0) << "an organisation that does not exist";
  insert(sample());
  insert(demo::generateMunicipality("0998", "Grannkommunen", 8));
  EXPECT_EQ(store_->auditSequence("0999"), 0) << "an organisation without entries";
  app::FixedClock clock(std::chrono::sys_days{std::chrono::year{2025} / 3 / 31});
  for (int round = 0; round < 2; ++round) {
    app::Transaction transaction(*store_);
    app::AuditTrail trail(clock, "0999", "test");
    for (int i = 0; i <= round; ++i) {
      trail.record("unit.imported", "unit", "U" + std::to_string(round * 10 + i), "", "{}");
    }
    trail.write(*store_);
    transaction.commit();
  }
  std::int64_t last = 0;
  store_->forEachAuditEntry("0999", 1, [&](const AuditEntry& entry) { last = entry.sequence; });
  EXPECT_EQ(last, 3);
  EXPECT_EQ(store_->auditSequence("0999"), last);
  EXPECT_EQ(store_->auditSequence("0999"), store_->auditHead("0999").sequence);
  EXPECT_EQ(store_->auditSequence("0998"), 0);
  EXPECT_EQ(open()->auditSequence("0999"), last) << "another connection";
}

TEST_P(StoreContract, ReadsTheAuditSequenceWithoutWaitingForAWriter) {
  insert(sample());
  app::FixedClock clock(std::chrono::sys_days{std::chrono::year{2025} / 3 / 31});
  auto append = [&](app::Store& store, const std::string& record) {
    app::AuditTrail trail(clock, "0999", "test");
    trail.record("unit.imported", "unit", record, "", "{}");
    trail.write(store);
  };
  {
    app::Transaction transaction(*store_);
    append(*store_, "U1");
    transaction.commit();
  }
  auto reader = open();
  {
    // A writer in the middle of its transaction, holding the organisation's lock.
    app::Transaction transaction(*store_);
    store_->lockOrganisation("0999");
    append(*store_, "U2");
    auto sequence = std::async(std::launch::async, [&] { return reader->auditSequence("0999"); });
    ASSERT_EQ(sequence.wait_for(std::chrono::seconds(10)), std::future_status::ready)
        << "auditSequence waited for a writer's lock";
    EXPECT_EQ(sequence.get(), 1) << "the writer's entry is not committed yet";
    transaction.commit();
  }
  EXPECT_EQ(reader->auditSequence("0999"), 2);
}

TEST_P(StoreContract, ListsOneRecordsAuditEntriesOldestFirst) {
  insert(sample());
  insert(demo::generateMunicipality("0998", "Grannkommunen", 8));
  app::FixedClock clock(std::chrono::sys_days{std::chrono::year{2025} / 3 / 31});
  auto write = [&](const std::string& organisation, const auto& records) {
    app::Transaction transaction(*store_);
    app::AuditTrail trail(clock, organisation, "test");
    for (const auto& [action, kind, record, before, after] : records) {
      trail.record(action, kind, record, before, after);
    }
    trail.write(*store_);
    transaction.commit();
  };
  using Record = std::tuple<std::string, std::string, std::string, std::string, std::string>;
  // The same key as another kind of record, a longer key it prefixes, and the same record in
  // another organisation must all stay out.
  write("0999", std::vector<Record>{{"unit.imported", "unit", "U1", "", R"({"name":"A"})"},
                                    {"unit.imported", "unit", "U10", "", R"({"name":"C"})"},
                                    {"item.issued", "item", "U1", "", "{}"}});
  write("0998", std::vector<Record>{{"unit.imported", "unit", "U1", "", "{}"}});
  write("0999",
        std::vector<Record>{
            {"unit.renamed", "unit", "U1", R"({"name":"A"})", R"({"name":"B"})"},
            {"unit.renamed", "unit", "U10", "", "{}"},
            {"unit.closed", "unit", "U1", R"({"valid_to":null})", R"({"valid_to":"2025-12-31"})"}});

  std::vector<AuditEntry> all;
  store_->forEachAuditEntry("0999", 1, [&](const AuditEntry& entry) { all.push_back(entry); });
  ASSERT_EQ(all.size(), 6U);
  auto entries = store_->auditEntriesOf("0999", "unit", "U1");
  ASSERT_EQ(entries.size(), 3U);
  expectSameAuditEntry(all[0], entries[0]);
  expectSameAuditEntry(all[3], entries[1]);
  expectSameAuditEntry(all[5], entries[2]);
  EXPECT_EQ(entries[0].action, "unit.imported");
  EXPECT_EQ(entries[1].action, "unit.renamed");
  EXPECT_EQ(entries[2].action, "unit.closed");

  auto item = store_->auditEntriesOf("0999", "item", "U1");
  ASSERT_EQ(item.size(), 1U);
  EXPECT_EQ(item.front().sequence, 3);
  auto neighbour = store_->auditEntriesOf("0998", "unit", "U1");
  ASSERT_EQ(neighbour.size(), 1U);
  EXPECT_EQ(neighbour.front().organisation, "0998");
  EXPECT_TRUE(store_->auditEntriesOf("0999", "unit", "U2").empty());
  EXPECT_TRUE(store_->auditEntriesOf("0997", "unit", "U1").empty());
}

TEST_P(StoreContract, RefusesADatabaseWithANewerSchema) {
  store_.reset();
  database_->execute(
      "INSERT INTO schema_migrations (version, name) VALUES (999, 'from_the_future')");
  try {
    auto refused = open();
    FAIL() << "a newer schema was accepted";
  } catch (const store::StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("newer than this styr knows"), std::string::npos)
        << error.what();
  }
}

TEST_P(StoreContract, MigratesADatabaseOfTheFirstSchemaOnlyWhenAsked) {
  // A database as the first release left it: only migration 1 applied.
  store_.reset();
  database_ = std::make_unique<test::TestDatabase>(GetParam(), "first_schema");
  const auto& migrations = GetParam() == test::BackendKind::sqlite ? store::sqliteMigrations()
                                                                   : store::postgresMigrations();
  ASSERT_GE(migrations.size(), 2U);
  database_->execute(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  database_->execute(std::string(migrations.front().sql));
  database_->execute("INSERT INTO schema_migrations (version, name) VALUES (1, 'first')");

  try {
    auto refused = open();
    FAIL() << "a database behind this binary was used without `styr migrate`";
  } catch (const store::StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("run `styr migrate"), std::string::npos)
        << error.what();
  }
  {
    auto migrated = store::openStore(database_->db(), store::SchemaPolicy::migrate);
    EXPECT_EQ(migrated->schemaVersion(), migrations.back().version);
  }
  store_ = open();
  insert(sample());
  app::Transaction transaction(*store_);
  store_->insertAccount({"0999", "anna", sample().people.front().code, false, "hash", "now"});
  transaction.commit();
  EXPECT_TRUE(store_->account("0999", "anna"));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

TEST(SchemaPolicy, CreatesANewDatabaseAndRefusesAnOlderOneUntilMigrated) {
  EXPECT_TRUE(store::shouldMigrate(0, 3, store::SchemaPolicy::require_current, "x.db"));
  EXPECT_FALSE(store::shouldMigrate(3, 3, store::SchemaPolicy::require_current, "x.db"));
  EXPECT_TRUE(store::shouldMigrate(2, 3, store::SchemaPolicy::migrate, "x.db"));
  try {
    store::shouldMigrate(2, 3, store::SchemaPolicy::require_current, "x.db");
    FAIL() << "an older schema was used without migrating";
  } catch (const store::StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("run `styr migrate --db x.db`"), std::string::npos)
        << error.what();
  }
  EXPECT_THROW(store::shouldMigrate(4, 3, store::SchemaPolicy::migrate, "x.db"), store::StoreError);
}

TEST(SqliteStore, RefusesAFileThatIsNotADatabase) {
  auto path = (std::filesystem::temp_directory_path() /
               ("styr-notdb-" + std::to_string(::getpid()) + ".db"))
                  .string();
  {
    std::ofstream file(path);
    file << "this is a text file, not a database\n";
  }
  EXPECT_THROW(store::SqliteStore store(path), store::StoreError);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace styr
