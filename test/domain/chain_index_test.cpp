// ChainIndex: the look-ups the rules, coverage and traces share.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chain_fixture.hpp"
#include "domain/chain_index.hpp"

namespace styr::domain {
namespace {

using fixture::chainFixture;
using fixture::documentOf;
using fixture::issuedItem;
using fixture::makeUnit;
using fixture::membershipOf;
using fixture::on;
using fixture::unitOf;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ChainIndex, FindsRecordsByCode) {
  ChainIndex index(chainFixture());
  ASSERT_NE(index.unit("ENH"), nullptr);
  EXPECT_EQ(index.unit("ENH")->parent, "SEK");
  ASSERT_NE(index.person("P-EMP"), nullptr);
  EXPECT_EQ(index.person("P-EMP")->given_name, "Elin");
  ASSERT_NE(index.item("KD-U01"), nullptr);
  EXPECT_EQ(index.item("KD-U01")->recipient_unit, "SEK");
  ASSERT_NE(index.indicator("IND1"), nullptr);
  ASSERT_NE(index.document("BUD25"), nullptr);
  EXPECT_EQ(index.unit("NOPE"), nullptr);
  EXPECT_EQ(index.person("NOPE"), nullptr);
  EXPECT_EQ(index.item("NOPE"), nullptr);
  EXPECT_EQ(index.indicator("NOPE"), nullptr);
  EXPECT_EQ(index.document("NOPE"), nullptr);
}

TEST(ChainIndex, IsBelowIsStrict) {
  ChainIndex index(chainFixture());
  EXPECT_TRUE(index.isBelow("KS", "KF"));
  EXPECT_TRUE(index.isBelow("ARB", "KF"));
  EXPECT_TRUE(index.isBelow("ARB", "SEK"));
  EXPECT_FALSE(index.isBelow("SEK", "SEK"));
  EXPECT_FALSE(index.isBelow("SEK", "ENH"));
  EXPECT_FALSE(index.isBelow("ENH2", "SEK"));
  EXPECT_FALSE(index.isBelow("KF", "KF"));
  EXPECT_FALSE(index.isBelow("NOPE", "KF"));
  EXPECT_FALSE(index.isBelow("ARB", "NOPE"));
}

TEST(ChainIndex, IsBelowTerminatesOnACycle) {
  OrganisationData data = chainFixture();
  data.units.push_back(makeUnit("C1", "Cirkel 1", UnitKind::unit, "C2"));
  data.units.push_back(makeUnit("C2", "Cirkel 2", UnitKind::unit, "C1"));
  data.units.push_back(makeUnit("C3", "Under cirkeln", UnitKind::unit, "C1"));
  ChainIndex index(data);
  EXPECT_FALSE(index.isBelow("C3", "KF"));
  EXPECT_TRUE(index.isBelow("C3", "C2"));
  EXPECT_TRUE(index.isBelow("C1", "C2"));
}

TEST(ChainIndex, HeadAndMembershipOnADay) {
  OrganisationData data = chainFixture();
  membershipOf(data, "P-ENH", "ENH").valid_to = on(2025, 2, 28);
  ChainIndex index(data);
  EXPECT_TRUE(index.hasHeadOn("ENH", on(2025, 2, 28)));
  EXPECT_FALSE(index.hasHeadOn("ENH", on(2025, 3, 1)));
  EXPECT_FALSE(index.hasHeadOn("ENH", on(2019, 12, 31)));
  EXPECT_FALSE(index.hasHeadOn("ENH2", on(2025, 3, 1)));
  EXPECT_TRUE(index.isMemberOn("P-EMP", "ENH", on(2025, 3, 1)));
  EXPECT_FALSE(index.isMemberOn("P-EMP", "ENH", on(2021, 7, 31)));
  EXPECT_FALSE(index.isMemberOn("P-EMP", "SEK", on(2025, 3, 1)));
  EXPECT_TRUE(index.isMemberOn("P-ENH", "ENH", on(2025, 2, 28)));
  EXPECT_FALSE(index.isMemberOn("P-ENH", "ENH", on(2025, 3, 1)));
}

TEST(ChainIndex, ChildrenAndDerivedItemsInDataOrder) {
  OrganisationData data = chainFixture();
  data.items.push_back(issuedItem("KD-U03", "KD", "SEK2", "KS-U01", on(2024, 12, 12)));
  data.items.push_back(issuedItem("KD-U02", "KD", "SEK2", "KS-U01", on(2024, 12, 11)));
  ChainIndex index(data);
  std::vector<std::string> children;
  for (const Unit* unit : index.children("KD")) children.push_back(unit->code);
  EXPECT_THAT(children, ElementsAre("SEK", "SEK2"));
  EXPECT_THAT(index.children("ARB"), IsEmpty());
  std::vector<std::string> derived;
  for (const Item* item : index.derivedFrom("KS-U01")) derived.push_back(item->code);
  EXPECT_THAT(derived, ElementsAre("KD-U01", "KD-U03", "KD-U02"));
  EXPECT_THAT(index.derivedFrom("ENH-A01"), IsEmpty());
  EXPECT_THAT(index.derivedFrom("NOPE"), IsEmpty());
}

TEST(ChainIndex, DocumentIsTheDecidedVersionElseTheLatest) {
  OrganisationData data = chainFixture();
  SteeringDocument draft = documentOf(data, "VP25");
  draft.version = 2;
  draft.status = DocumentStatus::draft;
  draft.decision.reset();
  draft.title = "Verksamhetsplan 2025, utkast till revidering";
  data.documents.push_back(draft);
  {
    ChainIndex index(data);
    ASSERT_NE(index.document("VP25"), nullptr);
    EXPECT_EQ(index.document("VP25")->version, 1);  // decided beats a later draft
  }
  documentOf(data, "VP25").status = DocumentStatus::superseded;
  data.documents.back().status = DocumentStatus::decided;
  {
    ChainIndex index(data);
    EXPECT_EQ(index.document("VP25")->version, 2);
  }
  data.documents.back().status = DocumentStatus::draft;
  SteeringDocument third = data.documents.back();
  third.version = 3;
  data.documents.insert(data.documents.begin(), third);  // order in the data does not matter
  {
    ChainIndex index(data);
    EXPECT_EQ(index.document("VP25")->version, 3);  // none decided: the latest
  }
}

}  // namespace
}  // namespace styr::domain
