// traceUp / traceDown (D3): from any item up to the vision, and from a council goal down
// through everything issued below it.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chain_fixture.hpp"
#include "domain/chain_index.hpp"
#include "domain/trace.hpp"

namespace styr::domain {
namespace {

using fixture::chainFixture;
using fixture::issuedItem;
using fixture::itemOf;
using fixture::on;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> codesOf(const std::vector<const Item*>& items) {
  std::vector<std::string> codes;
  for (const Item* item : items) codes.push_back(item->code);
  return codes;
}

//! The tree's codes in pre-order (each node before its children).
void preOrder(const TraceNode& node, std::vector<std::string>& codes) {
  codes.push_back(node.item->code);
  for (const TraceNode& child : node.children) preOrder(child, codes);
}

std::vector<std::string> preOrder(const TraceNode& node) {
  std::vector<std::string> codes;
  preOrder(node, codes);
  return codes;
}

std::vector<std::string> childCodes(const TraceNode& node) {
  std::vector<std::string> codes;
  for (const TraceNode& child : node.children) codes.push_back(child.item->code);
  return codes;
}

TEST(TraceUp, FromTheEmployeesActivityToTheVision) {
  const OrganisationData& data = chainFixture();
  ChainIndex index(data);
  std::optional<TraceUp> trace = traceUp(index, "ENH-A01");
  ASSERT_TRUE(trace);
  EXPECT_THAT(codesOf(trace->chain),
              ElementsAre("ENH-A01", "SEK-U01", "KD-U01", "KS-U01", "KF-B01", "KF-M01"));
  ASSERT_NE(trace->source, nullptr);
  EXPECT_EQ(trace->source->code, "VISION");
  EXPECT_EQ(trace->source->kind, DocumentKind::vision);
  EXPECT_FALSE(trace->broken);
}

TEST(TraceUp, FromTheMandateGoalItself) {
  const OrganisationData& data = chainFixture();
  ChainIndex index(data);
  std::optional<TraceUp> trace = traceUp(index, "KF-M01");
  ASSERT_TRUE(trace);
  EXPECT_THAT(codesOf(trace->chain), ElementsAre("KF-M01"));
  ASSERT_NE(trace->source, nullptr);
  EXPECT_EQ(trace->source->code, "VISION");
  EXPECT_FALSE(trace->broken);
}

TEST(TraceUp, MissingOriginBreaksTheChain) {
  OrganisationData data = chainFixture();
  itemOf(data, "SEK-U01").origin = "KD-U99";
  ChainIndex index(data);
  std::optional<TraceUp> trace = traceUp(index, "ENH-A01");
  ASSERT_TRUE(trace);
  EXPECT_THAT(codesOf(trace->chain), ElementsAre("ENH-A01", "SEK-U01"));
  EXPECT_TRUE(trace->broken);
  EXPECT_EQ(trace->source, nullptr);
}

TEST(TraceUp, MissingOriginDocumentBreaksTheChain) {
  OrganisationData data = chainFixture();
  itemOf(data, "KF-M01").origin_document = "VISION-2040";
  ChainIndex index(data);
  std::optional<TraceUp> trace = traceUp(index, "KS-U01");
  ASSERT_TRUE(trace);
  EXPECT_THAT(codesOf(trace->chain), ElementsAre("KS-U01", "KF-B01", "KF-M01"));
  EXPECT_TRUE(trace->broken);
  EXPECT_EQ(trace->source, nullptr);
}

TEST(TraceUp, CycleInOriginsTerminatesAsBroken) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").origin = "SEK-U01";  // KD-U01 <-> SEK-U01
  ChainIndex index(data);
  std::optional<TraceUp> trace = traceUp(index, "ENH-A01");
  ASSERT_TRUE(trace);
  EXPECT_THAT(codesOf(trace->chain), ElementsAre("ENH-A01", "SEK-U01", "KD-U01"));
  EXPECT_TRUE(trace->broken);
  EXPECT_EQ(trace->source, nullptr);
}

TEST(TraceUp, ItemThatIsItsOwnOriginTerminatesAsBroken) {
  OrganisationData data = chainFixture();
  itemOf(data, "SEK-U01").origin = "SEK-U01";
  ChainIndex index(data);
  std::optional<TraceUp> trace = traceUp(index, "ENH-A01");
  ASSERT_TRUE(trace);
  EXPECT_THAT(codesOf(trace->chain), ElementsAre("ENH-A01", "SEK-U01"));
  EXPECT_TRUE(trace->broken);
}

TEST(TraceUp, UnknownCode) {
  ChainIndex index(chainFixture());
  EXPECT_FALSE(traceUp(index, "NOPE"));
  EXPECT_FALSE(traceUp(index, ""));
}

TEST(TraceDown, FromTheCouncilGoalTheWholeTreeInCodeOrder) {
  OrganisationData data = chainFixture();
  // Two more assignments under KS-U01, added out of code order.
  data.items.push_back(issuedItem("KD-U03", "KD", "SEK2", "KS-U01", on(2024, 12, 12)));
  data.items.push_back(issuedItem("KD-U02", "KD", "SEK2", "KS-U01", on(2024, 12, 11)));
  ChainIndex index(data);
  std::optional<TraceNode> tree = traceDown(index, "KF-M01");
  ASSERT_TRUE(tree);
  EXPECT_THAT(preOrder(*tree), ElementsAre("KF-M01", "KF-B01", "KS-U01", "KD-U01", "SEK-U01",
                                           "ENH-A01", "KD-U02", "KD-U03"));
  ASSERT_EQ(tree->children.size(), 1u);
  const TraceNode& board = tree->children[0].children.at(0);
  EXPECT_EQ(board.item->code, "KS-U01");
  EXPECT_THAT(childCodes(board), ElementsAre("KD-U01", "KD-U02", "KD-U03"));
  EXPECT_EQ(countNodes(*tree), data.items.size());  // every item is below KF-M01, plus itself
}

TEST(TraceDown, CountIsItemsBelowPlusOne) {
  const OrganisationData& data = chainFixture();
  ChainIndex index(data);
  std::optional<TraceNode> tree = traceDown(index, "KF-M01");
  ASSERT_TRUE(tree);
  EXPECT_EQ(countNodes(*tree), 5u + 1u);
  std::optional<TraceNode> from_sector = traceDown(index, "SEK-U01");
  ASSERT_TRUE(from_sector);
  EXPECT_EQ(countNodes(*from_sector), 1u + 1u);
  EXPECT_THAT(preOrder(*from_sector), ElementsAre("SEK-U01", "ENH-A01"));
}

TEST(TraceDown, LeafHasNoChildren) {
  ChainIndex index(chainFixture());
  std::optional<TraceNode> leaf = traceDown(index, "ENH-A01");
  ASSERT_TRUE(leaf);
  EXPECT_THAT(leaf->children, IsEmpty());
  EXPECT_EQ(countNodes(*leaf), 1u);
}

TEST(TraceDown, CycleInOriginsTerminates) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").origin = "SEK-U01";  // KD-U01 <-> SEK-U01
  ChainIndex index(data);
  std::optional<TraceNode> tree = traceDown(index, "KD-U01");
  ASSERT_TRUE(tree);
  EXPECT_THAT(preOrder(*tree), ElementsAre("KD-U01", "SEK-U01", "ENH-A01"));
  EXPECT_EQ(countNodes(*tree), 3u);
}

TEST(TraceDown, UnknownCode) {
  ChainIndex index(chainFixture());
  EXPECT_FALSE(traceDown(index, "NOPE"));
}

}  // namespace
}  // namespace styr::domain
