// The model's enums (names as the exchange format, the database and the CLI use them) and its
// small helpers.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include "chain_fixture.hpp"
#include "domain/model.hpp"

namespace styr::domain {
namespace {

using fixture::on;

// How many enumerators each enum declares in model.hpp.
template <typename Enum>
struct Declared;
template <>
struct Declared<OrganisationKind> : std::integral_constant<std::size_t, 2> {};
template <>
struct Declared<UnitKind> : std::integral_constant<std::size_t, 9> {};
template <>
struct Declared<Role> : std::integral_constant<std::size_t, 7> {};
template <>
struct Declared<YearStatus> : std::integral_constant<std::size_t, 3> {};
template <>
struct Declared<DocumentKind> : std::integral_constant<std::size_t, 9> {};
template <>
struct Declared<DocumentStatus> : std::integral_constant<std::size_t, 3> {};
template <>
struct Declared<ItemKind> : std::integral_constant<std::size_t, 5> {};
template <>
struct Declared<ItemStatus> : std::integral_constant<std::size_t, 5> {};
template <>
struct Declared<Direction> : std::integral_constant<std::size_t, 2> {};
template <>
struct Declared<Aggregation> : std::integral_constant<std::size_t, 4> {};

template <typename Enum>
class EnumNames : public ::testing::Test {};

using Enums = ::testing::Types<OrganisationKind, UnitKind, Role, YearStatus, DocumentKind,
                               DocumentStatus, ItemKind, ItemStatus, Direction, Aggregation>;
TYPED_TEST_SUITE(EnumNames, Enums);

TYPED_TEST(EnumNames, AllValuesListsEveryEnumeratorInDeclarationOrder) {
  const auto& values = allValues<TypeParam>();
  ASSERT_EQ(values.size(), Declared<TypeParam>::value);
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(values[i]), i);
  }
}

TYPED_TEST(EnumNames, EveryValueRoundTripsThroughItsName) {
  std::set<std::string_view> names;
  for (TypeParam value : allValues<TypeParam>()) {
    std::string_view name = toString(value);
    SCOPED_TRACE(std::string(name));
    EXPECT_FALSE(name.empty());
    EXPECT_NE(name, "invalid");
    EXPECT_TRUE(names.insert(name).second) << "name used twice";
    EXPECT_EQ(parseEnum<TypeParam>(name), value);
  }
}

TYPED_TEST(EnumNames, UnknownNamesAreNotParsed) {
  EXPECT_EQ(parseEnum<TypeParam>("no_such_value"), std::nullopt);
  EXPECT_EQ(parseEnum<TypeParam>(""), std::nullopt);
  std::string first(toString(allValues<TypeParam>().front()));
  EXPECT_EQ(parseEnum<TypeParam>(first + " "), std::nullopt);
  std::string upper = first;
  upper[0] = static_cast<char>(upper[0] - 'a' + 'A');  // names are lower case
  EXPECT_EQ(parseEnum<TypeParam>(upper), std::nullopt);
}

TEST(EnumNames, NamesAreTheGlossarys) {
  EXPECT_EQ(toString(UnitKind::chief_executive_office), "chief_executive_office");
  EXPECT_EQ(toString(UnitKind::executive_board), "executive_board");
  EXPECT_EQ(toString(DocumentKind::mandate_programme), "mandate_programme");
  EXPECT_EQ(toString(DocumentKind::financial_management_guidelines),
            "financial_management_guidelines");
  EXPECT_EQ(toString(ItemKind::quality_requirement), "quality_requirement");
  EXPECT_EQ(toString(ItemStatus::acknowledged), "acknowledged");
  EXPECT_EQ(toString(Aggregation::ratio_of_sums), "ratio_of_sums");
  EXPECT_EQ(toString(Direction::lower_is_better), "lower_is_better");
  EXPECT_EQ(parseEnum<Role>("head"), Role::head);
  EXPECT_EQ(parseEnum<OrganisationKind>("region"), OrganisationKind::region);
  EXPECT_EQ(parseEnum<UnitKind>("head"), std::nullopt);  // a Role name, not a UnitKind
}

TEST(Model, PoliticalBodies) {
  for (UnitKind kind : allValues<UnitKind>()) {
    bool political = kind == UnitKind::council || kind == UnitKind::drafting_committee ||
                     kind == UnitKind::executive_board || kind == UnitKind::committee;
    EXPECT_EQ(isPoliticalBody(kind), political) << toString(kind);
  }
}

TEST(Model, ValidityIsInclusiveAtBothEnds) {
  const Date from = on(2025, 1, 1);
  const Date to = on(2025, 12, 31);
  EXPECT_FALSE(isValidOn(from, to, on(2024, 12, 31)));
  EXPECT_TRUE(isValidOn(from, to, from));
  EXPECT_TRUE(isValidOn(from, to, on(2025, 6, 30)));
  EXPECT_TRUE(isValidOn(from, to, to));
  EXPECT_FALSE(isValidOn(from, to, on(2026, 1, 1)));
  EXPECT_TRUE(isValidOn(from, std::nullopt, on(2100, 1, 1)));
  EXPECT_FALSE(isValidOn(from, std::nullopt, on(2024, 12, 31)));
}

TEST(Model, TermLastsFourCalendarYears) {
  EXPECT_EQ(Term{2023}.lastYear(), 2026);
  EXPECT_EQ(Term{2027}.lastYear(), 2030);
}

}  // namespace
}  // namespace styr::domain
