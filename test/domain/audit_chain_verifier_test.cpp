// Verifying a hash-chained audit trail: what a changed, missing, repeated or relinked entry
// looks like to the verifier.

#include <gtest/gtest.h>

#include <vector>

#include "domain/audit.hpp"

namespace styr::domain {
namespace {

std::vector<AuditEntry> chain(int length) {
  std::vector<AuditEntry> entries;
  AuditHead head;
  for (int i = 1; i <= length; ++i) {
    AuditEntry entry;
    entry.organisation = "1441";
    entry.at = "2025-03-31T12:00:00.000000Z";
    entry.actor = "P00008";
    entry.action = "item.issued";
    entry.record_kind = "item";
    entry.record = "KS-U0" + std::to_string(i);
    entry.after = R"({"status":"issued"})";
    chainAuditEntry(entry, head);
    entries.push_back(entry);
  }
  return entries;
}

AuditChainVerifier verify(const std::vector<AuditEntry>& entries) {
  AuditChainVerifier verifier;
  for (const auto& entry : entries) verifier.add(entry);
  return verifier;
}

TEST(AuditChainVerifier, AnUntouchedChainIsIntact) {
  auto verifier = verify(chain(5));
  EXPECT_TRUE(verifier.intact());
  EXPECT_EQ(verifier.entriesChecked(), 5);
  EXPECT_EQ(verifier.brokenAt(), 0);
}

TEST(AuditChainVerifier, AnEmptyTrailIsIntact) {
  EXPECT_TRUE(verify({}).intact());
}

TEST(AuditChainVerifier, AChangedFieldBreaksTheChainAtThatEntry) {
  auto entries = chain(5);
  entries[2].after = R"({"status":"cancelled"})";
  auto verifier = verify(entries);
  EXPECT_FALSE(verifier.intact());
  EXPECT_EQ(verifier.brokenAt(), 3);
  EXPECT_NE(verifier.reason().find("changed after it was written"), std::string::npos);
}

TEST(AuditChainVerifier, ARehashedChangeIsCaughtByTheNextEntry) {
  // Whoever edits a row and recomputes its hash still breaks the link from the entry after.
  auto entries = chain(5);
  entries[2].actor = "someone-else";
  entries[2].hash = computeAuditHash(entries[2]);
  auto verifier = verify(entries);
  EXPECT_EQ(verifier.brokenAt(), 4);
  EXPECT_NE(verifier.reason().find("does not link"), std::string::npos);
}

TEST(AuditChainVerifier, AMissingEntryIsNamed) {
  auto entries = chain(5);
  entries.erase(entries.begin() + 1);
  auto verifier = verify(entries);
  EXPECT_EQ(verifier.brokenAt(), 2);
  EXPECT_NE(verifier.reason().find("jumps from 1 to 3"), std::string::npos) << verifier.reason();
}

TEST(AuditChainVerifier, ARepeatedEntryIsNamed) {
  auto entries = chain(3);
  entries.insert(entries.begin() + 2, entries[1]);
  auto verifier = verify(entries);
  EXPECT_EQ(verifier.brokenAt(), 3);
  EXPECT_NE(verifier.reason().find("numbered 2 again"), std::string::npos) << verifier.reason();
}

TEST(AuditChainVerifier, TheFirstBreakIsTheOneReported) {
  auto entries = chain(6);
  entries[1].record = "changed";
  entries[4].record = "changed too";
  auto verifier = verify(entries);
  EXPECT_EQ(verifier.brokenAt(), 2);
  EXPECT_EQ(verifier.entriesChecked(), 2);
}

}  // namespace
}  // namespace styr::domain
