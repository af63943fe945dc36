#pragma once
// Look-ups over one organisation's data by code, built once and shared by the rules, the
// coverage analysis and the traces, so each of them is linear in the size of the data.

#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/model.hpp"

namespace styr::domain {

class ChainIndex {
 public:
  //! Indexes `data`, which must outlive the index (it holds pointers into it).
  explicit ChainIndex(const OrganisationData& data);

  [[nodiscard]] const OrganisationData& data() const { return data_; }
  [[nodiscard]] const Unit* unit(std::string_view code) const;
  [[nodiscard]] const Person* person(std::string_view code) const;
  [[nodiscard]] const Item* item(std::string_view code) const;
  [[nodiscard]] const Indicator* indicator(std::string_view code) const;
  //! The decided version of a document if there is one, else its latest version.
  [[nodiscard]] const SteeringDocument* document(std::string_view code) const;

  //! Items whose origin is `code`, in the data's order.
  [[nodiscard]] const std::vector<const Item*>& derivedFrom(std::string_view code) const;
  [[nodiscard]] const std::vector<const Unit*>& children(std::string_view unit_code) const;
  [[nodiscard]] const std::vector<const Membership*>& membershipsOf(
      std::string_view unit_code) const;

  //! Whether `descendant` lies strictly below `ancestor` in the unit tree (false on cycles).
  [[nodiscard]] bool isBelow(std::string_view descendant, std::string_view ancestor) const;
  //! Whether someone answers for the unit on `day`: its head, or a political body's chair.
  [[nodiscard]] bool hasHeadOn(std::string_view unit_code, const Date& day) const;
  //! Whether `person` holds any membership of `unit_code` valid on `day`.
  [[nodiscard]] bool isMemberOn(std::string_view person, std::string_view unit_code,
                                const Date& day) const;

 private:
  template <typename Record>
  using ByCode = std::unordered_map<std::string_view, const Record*>;

  const OrganisationData& data_;
  ByCode<Unit> units_;
  ByCode<Person> people_;
  ByCode<Item> items_;
  ByCode<Indicator> indicators_;
  ByCode<SteeringDocument> documents_;
  std::unordered_map<std::string_view, std::vector<const Item*>> derived_;
  std::unordered_map<std::string_view, std::vector<const Unit*>> children_;
  std::unordered_map<std::string_view, std::vector<const Membership*>> memberships_;
};

}  // namespace styr::domain
