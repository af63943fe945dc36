// The audit trail's hash chain: each entry links to the one before, and its hash covers every
// field, so a row changed behind the application's back no longer matches.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "domain/audit.hpp"

namespace styr::domain {
namespace {

using ::testing::MatchesRegex;

AuditEntry entry(std::string at, std::string actor, std::string action, std::string record,
                 std::string before, std::string after) {
  AuditEntry result;
  result.organisation = "1441";
  result.at = std::move(at);
  result.actor = std::move(actor);
  result.action = std::move(action);
  result.record_kind = "item";
  result.record = std::move(record);
  result.before = std::move(before);
  result.after = std::move(after);
  return result;
}

AuditEntry issued() {
  return entry("2025-01-10T08:00:00Z", "P-KD", "item.issued", "KD-U01", R"({"status":"draft"})",
               R"({"status":"issued"})");
}

AuditEntry acknowledged() {
  return entry("2025-01-20T09:30:00Z", "P-SEK", "item.acknowledged", "KD-U01",
               R"({"status":"issued"})", R"({"status":"acknowledged"})");
}

TEST(Audit, ChainGivesSequenceAndLinksEachEntryToThePrevious) {
  AuditHead head;
  AuditEntry first = issued();
  AuditEntry second = acknowledged();
  AuditEntry third = entry("2025-06-30T15:00:00Z", "P-SEK", "item.completed", "KD-U01",
                           R"({"status":"acknowledged"})", R"({"status":"completed"})");
  chainAuditEntry(first, head);
  chainAuditEntry(second, head);
  chainAuditEntry(third, head);

  EXPECT_EQ(first.sequence, 1);
  EXPECT_EQ(second.sequence, 2);
  EXPECT_EQ(third.sequence, 3);
  EXPECT_EQ(first.previous_hash, "");
  EXPECT_EQ(second.previous_hash, first.hash);
  EXPECT_EQ(third.previous_hash, second.hash);
  EXPECT_NE(first.hash, second.hash);
  EXPECT_NE(second.hash, third.hash);
  EXPECT_EQ(head.sequence, 3);
  EXPECT_EQ(head.hash, third.hash);
}

TEST(Audit, ChainContinuesFromAStoredHead) {
  AuditHead head{41, std::string(64, 'a')};
  AuditEntry next = issued();
  chainAuditEntry(next, head);
  EXPECT_EQ(next.sequence, 42);
  EXPECT_EQ(next.previous_hash, std::string(64, 'a'));
  EXPECT_EQ(head.sequence, 42);
  EXPECT_EQ(head.hash, next.hash);
}

TEST(Audit, RecomputingTheHashMatches) {
  AuditHead head;
  AuditEntry first = issued();
  AuditEntry second = acknowledged();
  chainAuditEntry(first, head);
  chainAuditEntry(second, head);
  EXPECT_EQ(computeAuditHash(first), first.hash);
  EXPECT_EQ(computeAuditHash(second), second.hash);
  AuditEntry copy = second;
  copy.hash = "";  // the stored hash is not part of what is hashed
  EXPECT_EQ(computeAuditHash(copy), second.hash);
}

TEST(Audit, HashIsSixtyFourLowercaseHexCharacters) {
  AuditEntry first = issued();
  AuditHead head;
  chainAuditEntry(first, head);
  EXPECT_THAT(first.hash, MatchesRegex("[0-9a-f]{64}"));
  EXPECT_THAT(computeAuditHash(AuditEntry{}), MatchesRegex("[0-9a-f]{64}"));
}

// SHA-256 over the length-prefixed fields ("<bytes>:<field>") previous_hash, organisation, at,
// actor, action, record_kind, record, before, after and then the sequence in decimal; computed
// independently (Python hashlib) so a change to the hashed bytes is caught.
TEST(Audit, KnownEntriesGiveStableHashes) {
  AuditHead head;
  AuditEntry first = issued();
  AuditEntry second = acknowledged();
  chainAuditEntry(first, head);
  chainAuditEntry(second, head);
  EXPECT_EQ(first.hash, "d20bc5f7ff62b35e7d7c7df95184ae59f67df4db2c8d48431748d07928639292");
  EXPECT_EQ(second.hash, "e3b41dc96ff6a89b23c6f519f43f99ab1527a59e049de46a7ff0ebf36570b936");
}

TEST(Audit, HashChangesWhenAnyFieldChanges) {
  AuditEntry base = acknowledged();
  base.sequence = 2;
  base.previous_hash = std::string(64, '0');
  const std::string original = computeAuditHash(base);
  const std::vector<std::pair<const char*, std::function<void(AuditEntry&)>>> changes = {
      {"organisation", [](AuditEntry& e) { e.organisation = "1480"; }},
      {"sequence", [](AuditEntry& e) { e.sequence = 3; }},
      {"at", [](AuditEntry& e) { e.at = "2025-01-20T09:30:01Z"; }},
      {"actor", [](AuditEntry& e) { e.actor = "P-KD"; }},
      {"action", [](AuditEntry& e) { e.action = "item.completed"; }},
      {"record_kind", [](AuditEntry& e) { e.record_kind = "unit"; }},
      {"record", [](AuditEntry& e) { e.record = "KD-U02"; }},
      {"before", [](AuditEntry& e) { e.before = R"({"status":"draft"})"; }},
      {"after", [](AuditEntry& e) { e.after = ""; }},
      {"previous_hash", [](AuditEntry& e) { e.previous_hash = std::string(64, '1'); }},
  };
  for (const auto& [field, change] : changes) {
    SCOPED_TRACE(field);
    AuditEntry changed = base;
    change(changed);
    EXPECT_NE(computeAuditHash(changed), original);
  }
}

TEST(Audit, FieldBoundariesAreHashed) {
  // The same bytes split differently between two fields must not hash the same.
  AuditEntry a = issued();
  AuditEntry b = issued();
  a.before = "ab";
  a.after = "c";
  b.before = "a";
  b.after = "bc";
  EXPECT_NE(computeAuditHash(a), computeAuditHash(b));
  AuditEntry c = issued();
  AuditEntry d = issued();
  c.actor = "P-KD";
  c.action = "1:x";
  d.actor = "P-KD1:";
  d.action = "x";
  EXPECT_NE(computeAuditHash(c), computeAuditHash(d));
}

TEST(Audit, TamperedEntryNoLongerMatchesItsHash) {
  AuditHead head;
  AuditEntry first = issued();
  chainAuditEntry(first, head);
  AuditEntry tampered = first;
  tampered.after = R"({"status":"completed"})";
  EXPECT_NE(computeAuditHash(tampered), first.hash);
}

}  // namespace
}  // namespace styr::domain
