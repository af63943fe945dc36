#include "domain/roll_up.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace styr::domain {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// A slot of the item table: the position of the item in the high half, the high bits of its
// code's hash in the low half, so that most mismatches are told apart without touching the
// item itself.
constexpr std::uint64_t kEmptySlot = ~std::uint64_t{0};

std::uint64_t loadWord(const char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

// Codes are short (about ten bytes): whole words, the last one overlapping, and a multiply per
// word are several times cheaper than std::hash's byte-wise hash, and mix well enough for a
// table at most half full.
inline std::uint64_t codeHash(std::string_view code) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  std::uint64_t hash = (code.size() + 1) * kMultiplier;
  auto mix = [&](std::uint64_t word) {
    hash = (hash ^ word) * kMultiplier;
    hash ^= hash >> 29;
  };
  if (code.size() >= 8) {
    for (std::size_t at = 0; at + 8 < code.size(); at += 8) mix(loadWord(code.data() + at));
    mix(loadWord(code.data() + code.size() - 8));
  } else {
    std::uint64_t word = 0;
    for (std::size_t at = 0; at < code.size(); ++at) {
      word |= std::uint64_t{static_cast<unsigned char>(code[at])} << (8 * at);
    }
    mix(word);
  }
  // MurmurHash3's finaliser, so that the low bits that pick the slot depend on every byte.
  hash ^= hash >> 33;
  hash *= 0xFF51AFD7ED558CCDULL;
  hash ^= hash >> 33;
  hash *= 0xC4CEB9FE1A85EC53ULL;
  return hash ^ (hash >> 33);
}

// The same words as codeHash, so that a match costs a compare or two instead of a call.
inline bool sameCode(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() < 8) return a == b;
  for (std::size_t at = 0; at + 8 < a.size(); at += 8) {
    if (loadWord(a.data() + at) != loadWord(b.data() + at)) return false;
  }
  return loadWord(a.data() + a.size() - 8) == loadWord(b.data() + b.size() - 8);
}

std::uint64_t slotOf(std::size_t position, std::uint64_t hash) {
  return (static_cast<std::uint64_t>(position) << 32) | (hash >> 32);
}

bool counts(ReportBackStatus status) {
  // A draft is not yet said; a returned version was sent back, and its revision counts instead.
  return status == ReportBackStatus::submitted || status == ReportBackStatus::approved;
}

bool isNewer(const FollowUpOccasion& occasion, const ReportBack& report_back,
             const LatestAssessment& than) {
  if (occasion.period_end != than.occasion->period_end) {
    return occasion.period_end > than.occasion->period_end;
  }
  // Timestamps are ISO 8601 in UTC with fixed width, so they order as text.
  if (report_back.submitted_at != than.report_back->submitted_at) {
    return report_back.submitted_at > than.report_back->submitted_at;
  }
  return report_back.version > than.report_back->version;
}

std::string_view recipientCodeOf(const Item& item) {
  return item.recipient_unit.empty() ? std::string_view(item.recipient_person)
                                     : std::string_view(item.recipient_unit);
}

DerivedStatus ownStatus(const Item& item, const LatestAssessments& latest) {
  DerivedStatus status;
  if (!latest.isFollowedUp(item)) return status;
  if (const LatestAssessment* assessed = latest.of(item)) {
    ++status.assessed[static_cast<std::size_t>(assessed->assessment())];
  } else {
    ++status.not_assessed;
  }
  return status;
}

// Same as app::ratioScale, which the domain cannot call: the scale a ratio of sums is shown in.
double ratioScaleOf(const Indicator& indicator) {
  if (indicator.unit_of_measure == "%") return 100.0;
  if (indicator.unit_of_measure == "‰") return 1000.0;
  return 1.0;
}

//! What one unit's reported value adds to the aggregates of its subtree and every one above.
struct Contribution {
  double value = 0;
  double weight = 0;
  double numerator = 0;
  double denominator = 0;
  std::vector<std::string_view> missing;  //!< fields; the value is used only when empty
};

bool usable(const std::optional<double>& number) {
  return number && std::isfinite(*number);
}
bool positive(const std::optional<double>& number) {
  return usable(number) && *number > 0;
}

Contribution contributionOf(const Indicator& indicator, const IndicatorValue& reported) {
  Contribution contribution;
  if (indicator.aggregation == Aggregation::ratio_of_sums) {
    // The reported ratio itself is never read: averaging ratios is the mistake this avoids.
    if (!usable(reported.numerator)) contribution.missing.emplace_back("numerator");
    if (!positive(reported.denominator)) contribution.missing.emplace_back("denominator");
    if (contribution.missing.empty()) {
      contribution.numerator = *reported.numerator;
      contribution.denominator = *reported.denominator;
    }
    return contribution;
  }
  if (!std::isfinite(reported.value)) contribution.missing.emplace_back("value");
  if (indicator.aggregation == Aggregation::weighted_mean && !positive(reported.weight)) {
    contribution.missing.emplace_back("weight");
  }
  if (contribution.missing.empty()) {
    contribution.value = reported.value;
    if (reported.weight) contribution.weight = *reported.weight;
  }
  return contribution;
}

struct Sums {
  std::size_t reported = 0;
  std::size_t used = 0;
  double values = 0;
  double weighted_values = 0;
  double weights = 0;
  double numerators = 0;
  double denominators = 0;
  std::vector<MissingInput> missing;
};

std::optional<double> aggregate(const Indicator& indicator, const Sums& sums) {
  if (sums.used == 0) return std::nullopt;
  switch (indicator.aggregation) {
    case Aggregation::sum:
      return sums.values;
    case Aggregation::mean:
      return sums.values / static_cast<double>(sums.used);
    case Aggregation::weighted_mean:
      return sums.weighted_values / sums.weights;
    case Aggregation::ratio_of_sums:
      return ratioScaleOf(indicator) * sums.numerators / sums.denominators;
  }
  return std::nullopt;
}

}  // namespace

LatestAssessments::LatestAssessments(const ChainIndex& index, int year, const Date& period_end)
    : index_(&index),
      year_(year),
      period_end_(period_end),
      by_position_(index.data().items.size()) {
  const auto& items = index.data().items;
  // At most half full, so that a probe ends after a slot or two.
  std::size_t capacity = std::bit_ceil(std::max<std::size_t>(8, 2 * items.size()));
  slots_.assign(capacity, kEmptySlot);
  slot_mask_ = capacity - 1;
  for (std::size_t position = 0; position < items.size(); ++position) {
    std::uint64_t hash = codeHash(items[position].code);
    for (std::size_t at = hash & slot_mask_;; at = (at + 1) & slot_mask_) {
      if (slots_[at] == kEmptySlot) {
        slots_[at] = slotOf(position, hash);
        break;
      }
      // A second item with a code already present stays unreachable by code, as in the index.
      if (items[slots_[at] >> 32].code == items[position].code) break;
    }
  }
}

const Item* LatestAssessments::find(std::string_view code) const {
  const auto& items = index_->data().items;
  std::uint64_t hash = codeHash(code);
  const std::uint64_t fingerprint = hash >> 32;
  for (std::size_t at = hash & slot_mask_;; at = (at + 1) & slot_mask_) {
    std::uint64_t slot = slots_[at];
    if (slot == kEmptySlot) return nullptr;
    if ((slot & 0xFFFFFFFFULL) != fingerprint) continue;
    const Item& item = items[slot >> 32];
    if (sameCode(item.code, code)) return &item;
  }
}

const LatestAssessment* LatestAssessments::of(std::string_view item) const {
  const Item* found = find(item);
  return found == nullptr ? nullptr : of(*found);
}

const LatestAssessment* LatestAssessments::of(const Item& item) const {
  const auto& items = index_->data().items;
  const Item* first = items.data();
  // std::less orders pointers into different arrays too, so a foreign item is refused safely.
  if (std::less<>{}(&item, first) || !std::less<>{}(&item, first + items.size())) return nullptr;
  const LatestAssessment& slot = by_position_[static_cast<std::size_t>(&item - first)];
  return slot.report_back == nullptr ? nullptr : &slot;
}

bool LatestAssessments::isFollowedUp(const Item& item) const {
  if (item.status != ItemStatus::issued && item.status != ItemStatus::acknowledged &&
      item.status != ItemStatus::completed) {
    return false;
  }
  if (item.issued_on && *item.issued_on > period_end_) return false;
  Date year_start{std::chrono::year{year_}, std::chrono::January, std::chrono::day{1}};
  return !(item.closed_on && *item.closed_on < year_start);
}

LatestAssessments latestAssessments(const OrganisationData& data, const ChainIndex& index,
                                    const FollowUpOccasion& as_of) {
  if (&data != &index.data()) {
    throw std::invalid_argument("latestAssessments: the chain index given indexes other data");
  }
  LatestAssessments latest(index, as_of.year, as_of.period_end);
  std::unordered_map<std::string_view, const FollowUpOccasion*> counted;
  for (const auto& occasion : data.occasions) {
    if (occasion.year == as_of.year && occasion.period_end <= as_of.period_end) {
      counted.emplace(occasion.code, &occasion);
    }
  }
  const Item* first_item = data.items.data();
  // Report-backs come grouped by occasion, so one look-up serves a whole run of them.
  const std::string* run_code = nullptr;
  const FollowUpOccasion* run_occasion = nullptr;
  for (const auto& report_back : data.report_backs) {
    if (!counts(report_back.status)) continue;
    if (run_code == nullptr || *run_code != report_back.occasion) {
      run_code = &report_back.occasion;
      auto found = counted.find(report_back.occasion);
      run_occasion = found == counted.end() ? nullptr : found->second;
    }
    if (run_occasion == nullptr) continue;
    for (const auto& assessed : report_back.assessments) {
      if (!assessed.assessment) continue;
      const Item* item = latest.find(assessed.item);
      if (item == nullptr) continue;
      LatestAssessment& slot = latest.by_position_[static_cast<std::size_t>(item - first_item)];
      if (slot.report_back == nullptr) {
        ++latest.assessed_count_;
      } else if (!isNewer(*run_occasion, report_back, slot)) {
        continue;
      }
      slot = LatestAssessment{run_occasion, &report_back, &assessed};
    }
  }
  return latest;
}

std::vector<BelowAssessment> assessmentsBelow(const std::string& item, const ChainIndex& index,
                                              const LatestAssessments& latest) {
  std::vector<BelowAssessment> below;
  const Item* root = index.item(item);
  if (root == nullptr) return below;
  const Item* first = index.data().items.data();
  std::vector<bool> visited(index.data().items.size(), false);
  visited[static_cast<std::size_t>(root - first)] = true;
  std::vector<const Item*> level{root};
  std::vector<const Item*> next;
  for (int depth = 1; !level.empty(); ++depth) {
    next.clear();
    for (const Item* parent : level) {
      for (const Item* derived : index.derivedFrom(parent->code)) {
        std::size_t position = static_cast<std::size_t>(derived - first);
        if (visited[position]) continue;
        visited[position] = true;
        next.push_back(derived);
      }
    }
    std::stable_sort(next.begin(), next.end(),
                     [](const Item* a, const Item* b) { return a->code < b->code; });
    for (const Item* derived : next) {
      if (!latest.isFollowedUp(*derived)) continue;
      below.push_back(
          BelowAssessment{derived, depth, recipientCodeOf(*derived), latest.of(*derived)});
    }
    level.swap(next);
  }
  return below;
}

std::size_t DerivedStatus::items() const {
  std::size_t total = not_assessed;
  for (std::size_t count : assessed) total += count;
  return total;
}

std::optional<Assessment> DerivedStatus::worst() const {
  for (Assessment assessment :
       {Assessment::not_fulfilled, Assessment::partly_fulfilled, Assessment::fulfilled}) {
    if (count(assessment) > 0) return assessment;
  }
  return std::nullopt;
}

DerivedStatus& DerivedStatus::operator+=(const DerivedStatus& other) {
  for (std::size_t i = 0; i < assessed.size(); ++i) assessed[i] += other.assessed[i];
  not_assessed += other.not_assessed;
  return *this;
}

DerivedStatus derivedStatus(const std::string& item, const ChainIndex& index,
                            const LatestAssessments& latest) {
  DerivedStatus status;
  const Item* root = index.item(item);
  if (root == nullptr) return status;
  // The same walk as assessmentsBelow, without the ordering a summary does not need.
  const Item* first = index.data().items.data();
  std::vector<bool> visited(index.data().items.size(), false);
  visited[static_cast<std::size_t>(root - first)] = true;
  std::vector<const Item*> pending{root};
  while (!pending.empty()) {
    const Item* parent = pending.back();
    pending.pop_back();
    for (const Item* derived : index.derivedFrom(parent->code)) {
      std::size_t position = static_cast<std::size_t>(derived - first);
      if (visited[position]) continue;
      visited[position] = true;
      status += ownStatus(*derived, latest);
      pending.push_back(derived);
    }
  }
  return status;
}

std::vector<DerivedStatus> derivedStatuses(const ChainIndex& index,
                                           const LatestAssessments& latest) {
  if (latest.index_ != &index) {
    throw std::invalid_argument("derivedStatuses: the latest assessments are of another index");
  }
  const auto& items = index.data().items;
  const std::size_t count = items.size();
  const Item* first = items.data();
  auto positionOf = [first](const Item* item) { return static_cast<std::size_t>(item - first); };

  // The origin links as positions, and each item's derived items as one flat array.
  std::vector<std::size_t> parent(count, kNone);
  std::vector<std::size_t> child_start(count + 1, 0);
  for (std::size_t i = 0; i < count; ++i) {
    if (items[i].origin.empty()) continue;
    if (const Item* origin = latest.find(items[i].origin)) {
      parent[i] = positionOf(origin);
      ++child_start[parent[i] + 1];
    }
  }
  for (std::size_t i = 0; i < count; ++i) child_start[i + 1] += child_start[i];
  std::vector<std::size_t> children(child_start[count]);
  {
    std::vector<std::size_t> filled(child_start.begin(), child_start.end() - 1);
    for (std::size_t i = 0; i < count; ++i) {
      if (parent[i] != kNone) children[filled[parent[i]]++] = i;
    }
  }

  // Breadth first from the items without an origin puts every item after its origin, so in
  // reverse each item's subtree is complete before it is added to its origin's.
  std::vector<std::size_t> order;
  order.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (parent[i] == kNone) order.push_back(i);
  }
  for (std::size_t next = 0; next < order.size(); ++next) {
    std::size_t at = order[next];
    order.insert(order.end(), children.begin() + static_cast<std::ptrdiff_t>(child_start[at]),
                 children.begin() + static_cast<std::ptrdiff_t>(child_start[at + 1]));
  }
  std::vector<DerivedStatus> statuses(count);
  std::vector<bool> reached(count, false);
  for (auto at = order.rbegin(); at != order.rend(); ++at) {
    reached[*at] = true;
    if (parent[*at] == kNone) continue;
    DerivedStatus& above = statuses[parent[*at]];
    above += ownStatus(items[*at], latest);
    above += statuses[*at];
  }
  // Items on a broken origin cycle, and those below one, have no root to start from: each
  // walks its own subtree, as the per-item form does (only broken data has them).
  for (std::size_t i = 0; i < count; ++i) {
    if (!reached[i]) statuses[i] = derivedStatus(items[i].code, index, latest);
  }
  return statuses;
}

std::map<std::string, AggregatedValue> rollUpIndicator(const Indicator& indicator,
                                                       const std::vector<IndicatorValue>& reported,
                                                       const ChainIndex& index,
                                                       const Date& period_end) {
  std::map<std::string, AggregatedValue> rolled_up;
  std::unordered_map<const Unit*, Sums> sums;
  std::unordered_set<const Unit*> seen;
  std::vector<const Unit*> path;
  for (const auto& value : reported) {
    if (value.indicator != indicator.code || value.period_end != period_end) continue;
    const Unit* unit = index.unit(value.unit);
    if (unit == nullptr || !seen.insert(unit).second) continue;
    Contribution contribution = contributionOf(indicator, value);
    // Up the tree from the reporting unit, its own entry included; a unit met twice means a
    // broken cycle in the tree, and the walk ends there instead of counting the value again.
    path.clear();
    for (const Unit* at = unit;
         at != nullptr && std::find(path.begin(), path.end(), at) == path.end();
         at = at->parent.empty() ? nullptr : index.unit(at->parent)) {
      path.push_back(at);
      Sums& into = sums[at];
      ++into.reported;
      for (std::string_view field : contribution.missing) {
        into.missing.push_back(MissingInput{unit->code, std::string(field)});
      }
      if (!contribution.missing.empty()) continue;
      ++into.used;
      into.values += contribution.value;
      into.weighted_values += contribution.value * contribution.weight;
      into.weights += contribution.weight;
      into.numerators += contribution.numerator;
      into.denominators += contribution.denominator;
    }
  }
  for (auto& [unit, unit_sums] : sums) {
    std::stable_sort(unit_sums.missing.begin(), unit_sums.missing.end(),
                     [](const MissingInput& a, const MissingInput& b) { return a.unit < b.unit; });
    rolled_up.emplace(unit->code,
                      AggregatedValue{aggregate(indicator, unit_sums), unit_sums.reported,
                                      std::move(unit_sums.missing)});
  }
  return rolled_up;
}

std::vector<IndicatorValue> reportedValues(const OrganisationData& data,
                                           const FollowUpOccasion& occasion) {
  // The newest counted version of each recipient's report-back: earlier versions were
  // returned (and so do not count) or are superseded by the revision.
  using Recipient = std::pair<std::string_view, std::string_view>;
  std::map<Recipient, const ReportBack*> newest;
  for (const auto& report_back : data.report_backs) {
    if (report_back.occasion != occasion.code || !counts(report_back.status)) continue;
    auto [slot, inserted] = newest.try_emplace(
        Recipient{report_back.recipient_unit, report_back.recipient_person}, &report_back);
    if (!inserted && report_back.version > slot->second->version) slot->second = &report_back;
  }

  struct Chosen {
    const IndicatorValue* value = nullptr;
    const ReportBack* from = nullptr;  //!< nullptr: a stored value outside any report-back
  };
  using Key = std::pair<std::string_view, std::string_view>;  // indicator, unit
  std::map<Key, Chosen> chosen;
  for (const auto& [recipient, report_back] : newest) {
    for (const auto& value : report_back->indicator_values) {
      if (value.period_end != occasion.period_end) continue;
      auto [slot, inserted] =
          chosen.try_emplace(Key{value.indicator, value.unit}, Chosen{&value, report_back});
      if (!inserted && report_back->submitted_at > slot->second.from->submitted_at) {
        slot->second = Chosen{&value, report_back};
      }
    }
  }
  for (const auto& value : data.indicator_values) {
    if (value.period_end != occasion.period_end) continue;
    chosen.try_emplace(Key{value.indicator, value.unit}, Chosen{&value, nullptr});
  }

  std::vector<IndicatorValue> values;
  values.reserve(chosen.size());
  for (const auto& [key, choice] : chosen) values.push_back(*choice.value);
  return values;
}

}  // namespace styr::domain
