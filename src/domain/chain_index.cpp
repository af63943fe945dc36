#include "domain/chain_index.hpp"

namespace styr::domain {

namespace {

template <typename Map>
auto findOrNull(const Map& map, std::string_view key) -> typename Map::mapped_type {
  auto found = map.find(key);
  return found == map.end() ? nullptr : found->second;
}

template <typename Vector, typename Map>
const Vector& findOrEmpty(const Map& map, std::string_view key) {
  static const Vector empty;
  auto found = map.find(key);
  return found == map.end() ? empty : found->second;
}

}  // namespace

ChainIndex::ChainIndex(const OrganisationData& data) : data_(data) {
  units_.reserve(data.units.size());
  for (const auto& unit : data.units) {
    units_.emplace(unit.code, &unit);
    if (!unit.parent.empty()) children_[unit.parent].push_back(&unit);
  }
  people_.reserve(data.people.size());
  for (const auto& person : data.people) people_.emplace(person.code, &person);
  for (const auto& membership : data.memberships) {
    memberships_[membership.unit].push_back(&membership);
  }
  items_.reserve(data.items.size());
  for (const auto& item : data.items) {
    items_.emplace(item.code, &item);
    if (!item.origin.empty()) derived_[item.origin].push_back(&item);
  }
  for (const auto& indicator : data.indicators) indicators_.emplace(indicator.code, &indicator);
  for (const auto& document : data.documents) {
    auto [slot, inserted] = documents_.emplace(document.code, &document);
    if (inserted) continue;
    const SteeringDocument* current = slot->second;
    bool current_decided = current->status == DocumentStatus::decided;
    bool this_decided = document.status == DocumentStatus::decided;
    if (this_decided || (!current_decided && document.version > current->version)) {
      slot->second = &document;
    }
  }
}

const Unit* ChainIndex::unit(std::string_view code) const {
  return findOrNull(units_, code);
}
const Person* ChainIndex::person(std::string_view code) const {
  return findOrNull(people_, code);
}
const Item* ChainIndex::item(std::string_view code) const {
  return findOrNull(items_, code);
}
const Indicator* ChainIndex::indicator(std::string_view code) const {
  return findOrNull(indicators_, code);
}
const SteeringDocument* ChainIndex::document(std::string_view code) const {
  return findOrNull(documents_, code);
}

const std::vector<const Item*>& ChainIndex::derivedFrom(std::string_view code) const {
  return findOrEmpty<std::vector<const Item*>>(derived_, code);
}

const std::vector<const Unit*>& ChainIndex::children(std::string_view unit_code) const {
  return findOrEmpty<std::vector<const Unit*>>(children_, unit_code);
}

const std::vector<const Membership*>& ChainIndex::membershipsOf(std::string_view unit_code) const {
  return findOrEmpty<std::vector<const Membership*>>(memberships_, unit_code);
}

bool ChainIndex::isBelow(std::string_view descendant, std::string_view ancestor) const {
  const Unit* current = unit(descendant);
  // Bounded by the number of units, so a cycle in bad input ends the walk instead of looping.
  for (std::size_t steps = 0; current != nullptr && steps <= units_.size(); ++steps) {
    if (current->parent.empty()) return false;
    if (current->parent == ancestor) return true;
    current = unit(current->parent);
  }
  return false;
}

bool ChainIndex::hasHeadOn(std::string_view unit_code, const Date& day) const {
  // A political body answers through its chair; an administrative unit through its head.
  const Unit* answering = unit(unit_code);
  Role role = answering != nullptr && isPoliticalBody(answering->kind) ? Role::chair : Role::head;
  for (const Membership* membership : membershipsOf(unit_code)) {
    if (membership->role == role && isValidOn(membership->valid_from, membership->valid_to, day)) {
      return true;
    }
  }
  return false;
}

bool ChainIndex::isMemberOn(std::string_view person, std::string_view unit_code,
                            const Date& day) const {
  for (const Membership* membership : membershipsOf(unit_code)) {
    if (membership->person == person &&
        isValidOn(membership->valid_from, membership->valid_to, day)) {
      return true;
    }
  }
  return false;
}

}  // namespace styr::domain
