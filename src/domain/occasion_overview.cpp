#include "domain/occasion_overview.hpp"

#include <algorithm>
#include <unordered_map>

namespace styr::domain {

void AssessmentCounts::add(const std::optional<Assessment>& assessment) {
  if (!assessment) {
    ++unassessed;
    return;
  }
  switch (*assessment) {
    case Assessment::fulfilled:
      ++fulfilled;
      break;
    case Assessment::partly_fulfilled:
      ++partly_fulfilled;
      break;
    case Assessment::not_fulfilled:
      ++not_fulfilled;
      break;
    case Assessment::cannot_be_assessed:
      ++cannot_be_assessed;
      break;
  }
}

int AssessmentCounts::of(Assessment assessment) const {
  switch (assessment) {
    case Assessment::fulfilled:
      return fulfilled;
    case Assessment::partly_fulfilled:
      return partly_fulfilled;
    case Assessment::not_fulfilled:
      return not_fulfilled;
    case Assessment::cannot_be_assessed:
      return cannot_be_assessed;
  }
  return 0;
}

AssessmentCounts& AssessmentCounts::operator+=(const AssessmentCounts& other) {
  fulfilled += other.fulfilled;
  partly_fulfilled += other.partly_fulfilled;
  not_fulfilled += other.not_fulfilled;
  cannot_be_assessed += other.cannot_be_assessed;
  unassessed += other.unassessed;
  return *this;
}

void StateCounts::add(ReportBackState state, bool is_late) {
  switch (state) {
    case ReportBackState::missing:
      ++missing;
      break;
    case ReportBackState::draft:
      ++draft;
      break;
    case ReportBackState::submitted:
      ++submitted;
      break;
    case ReportBackState::returned:
      ++returned;
      break;
    case ReportBackState::approved:
      ++approved;
      break;
  }
  if (is_late) ++late;
}

int StateCounts::of(ReportBackState state) const {
  switch (state) {
    case ReportBackState::missing:
      return missing;
    case ReportBackState::draft:
      return draft;
    case ReportBackState::submitted:
      return submitted;
    case ReportBackState::returned:
      return returned;
    case ReportBackState::approved:
      return approved;
  }
  return 0;
}

StateCounts& StateCounts::operator+=(const StateCounts& other) {
  missing += other.missing;
  draft += other.draft;
  submitted += other.submitted;
  returned += other.returned;
  approved += other.approved;
  late += other.late;
  return *this;
}

const RecipientOverview* OccasionOverview::recipient(const Recipient& wanted) const {
  auto found = std::lower_bound(
      recipients.begin(), recipients.end(), wanted,
      [](const RecipientOverview& entry, const Recipient& key) { return entry.recipient < key; });
  return found != recipients.end() && found->recipient == wanted ? &*found : nullptr;
}

const UnitOverview* OccasionOverview::unit(std::string_view code) const {
  auto found = std::lower_bound(
      units.begin(), units.end(), code,
      [](const UnitOverview& entry, std::string_view key) { return entry.unit < key; });
  return found != units.end() && found->unit == code ? &*found : nullptr;
}

namespace {

// The newest version that counts, as in the roll-up (latestAssessments): drafts are the
// recipient's work in progress, and a returned version was sent back by the level above, so
// neither says anything until submitted (again).
const ReportBack* newestSubmitted(const std::vector<const ReportBack*>& versions) {
  const ReportBack* newest = nullptr;
  for (const ReportBack* version : versions) {
    if (version->status == ReportBackStatus::draft ||
        version->status == ReportBackStatus::returned) {
      continue;
    }
    if (newest == nullptr || version->version > newest->version) newest = version;
  }
  return newest;
}

// Counts a recipient's items in scope (sorted by code) by their assessment in `counted`, by
// merging the two in code order rather than looking each item up. `given` is scratch space
// reused across recipients.
AssessmentCounts countAssessments(const std::vector<const Item*>& items, const ReportBack* counted,
                                  std::vector<const ItemAssessment*>& given) {
  AssessmentCounts counts;
  given.clear();
  if (counted != nullptr) {
    for (const ItemAssessment& assessment : counted->assessments) given.push_back(&assessment);
  }
  auto by_item = [](const ItemAssessment* a, const ItemAssessment* b) { return a->item < b->item; };
  // Stable, so that an item assessed twice counts as first written (submission refuses it).
  if (!std::is_sorted(given.begin(), given.end(), by_item)) {
    std::stable_sort(given.begin(), given.end(), by_item);
  }
  auto next = given.begin();
  for (const Item* item : items) {
    while (next != given.end() && (*next)->item < item->code) ++next;
    bool found = next != given.end() && (*next)->item == item->code;
    counts.add(found ? (*next)->assessment : std::nullopt);
  }
  return counts;
}

}  // namespace

OccasionOverview occasionOverview(const FollowUpOccasion& occasion, const OrganisationData& data,
                                  const ChainIndex& index, const Date& today,
                                  const SwedishDateOf& swedish_date_of) {
  OccasionScope scope(occasion, index);
  const auto& scoped = scope.recipients();
  const std::size_t count = scoped.size();

  std::vector<std::vector<const ReportBack*>> versions(count);
  for (const ReportBack& report : data.report_backs) {
    if (report.occasion != occasion.code) continue;
    if (auto at = scope.find(report.recipient_unit, report.recipient_person)) {
      versions[*at].push_back(&report);
    }
  }

  OccasionOverview overview;
  overview.occasion = occasion.code;
  overview.today = today;
  overview.recipients.reserve(count);
  std::vector<const ItemAssessment*> given;
  for (std::size_t i = 0; i < count; ++i) {
    const ScopedRecipient& recipient = scoped[i];
    ReportBackProgress progress =
        progressOf(versions[i], recipient.deadline, today, swedish_date_of);
    AssessmentCounts assessments =
        countAssessments(recipient.items, newestSubmitted(versions[i]), given);

    RecipientOverview entry;
    entry.recipient = recipient.recipient;
    entry.unit =
        recipient.recipient.isPerson() ? recipient.approving_unit : recipient.recipient.unit;
    entry.level = recipient.level;
    entry.deadline = recipient.deadline;
    entry.state = progress.state;
    entry.late = progress.late;
    entry.newest_version = progress.newest_version;
    entry.submitted_on = progress.submitted_on;
    entry.items = static_cast<int>(recipient.items.size());
    entry.assessments = assessments;

    overview.report_backs.add(entry.state, entry.late);
    overview.assessments += assessments;
    if (entry.state == ReportBackState::missing || entry.state == ReportBackState::draft) {
      overview.missing.push_back(entry.recipient);
    }
    if (entry.late) overview.late.push_back(entry.recipient);
    overview.recipients.push_back(std::move(entry));
  }

  // Each recipient adds to its unit and every unit above it up to the body; the tree is
  // shallow, so this is linear in the recipients. Units are keyed by address, and each
  // unit's parent is looked up by code once, when the unit is first reached.
  auto& units = overview.units;
  std::unordered_map<const Unit*, std::size_t> unit_at;
  unit_at.reserve(count);
  std::vector<const Unit*> above;  // parallel to units; nullptr at the body or the root
  const std::size_t max_steps = data.units.size() + 1;
  for (const RecipientOverview& entry : overview.recipients) {
    const Unit* current = index.unit(entry.unit);
    for (std::size_t steps = 0; current != nullptr && steps < max_steps; ++steps) {
      auto [slot, created] = unit_at.emplace(current, units.size());
      if (created) {
        units.push_back(UnitOverview{current->code, current->parent, false, {}, {}});
        bool top = current->code == occasion.body || current->parent.empty();
        above.push_back(top ? nullptr : index.unit(current->parent));
      }
      UnitOverview& totals = units[slot->second];
      totals.report_backs.add(entry.state, entry.late);
      totals.assessments += entry.assessments;
      if (steps == 0 && !entry.recipient.isPerson()) totals.in_scope = true;
      current = above[slot->second];
    }
  }
  std::sort(units.begin(), units.end(),
            [](const UnitOverview& a, const UnitOverview& b) { return a.unit < b.unit; });
  return overview;
}

}  // namespace styr::domain
