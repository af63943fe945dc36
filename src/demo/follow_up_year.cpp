#include "demo/follow_up_year.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/follow_up_use_cases.hpp"
#include "demo/follow_up_texts.hpp"
#include "demo/random.hpp"
#include "domain/business_days.hpp"
#include "domain/chain_index.hpp"
#include "domain/follow_up_plan.hpp"
#include "domain/follow_up_scope.hpp"
#include "domain/roll_up.hpp"

namespace styr::demo {

namespace {

using domain::ActionStatus;
using domain::Assessment;
using domain::CorrectiveAction;
using domain::Date;
using domain::FollowUpOccasion;
using domain::IndicatorValue;
using domain::Item;
using domain::ItemAssessment;
using domain::ReportBack;
using domain::ReportBackStatus;
using domain::ScopedRecipient;
using domain::Trend;

// The demo's indicators the topic texts quote (see organisation_builder.cpp).
constexpr std::string_view kBudgetOutcome = "RESULTAT";
constexpr std::string_view kSickLeave = "SJUKFRANVARO";

// Office hours in UTC. Stockholm is one or two hours ahead, so every moment kept between these
// falls on the same Swedish day as its UTC date, which is the day lateness is judged by.
constexpr int kFirstMinute = 6 * 60 + 30;
constexpr int kLastMinute = 15 * 60 + 30;

//! A moment of a working day, written as the store writes timestamps.
struct Moment {
  Date day;
  int minute = 9 * 60;  //!< after midnight, UTC

  [[nodiscard]] std::string text() const {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:00.000000Z",
                  static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()), minute / 60, minute % 60);
    return buffer;
  }
  //! The same day, `minutes` earlier, but not before office hours.
  [[nodiscard]] Moment before(int minutes) const {
    return {day, std::max(kFirstMinute - 30, minute - minutes)};
  }
};

Moment during(const Date& day, SplitMix64& rng) {
  return {day, rng.between(kFirstMinute, kLastMinute)};
}

int rankOf(Assessment assessment) {
  switch (assessment) {
    case Assessment::fulfilled:
      return 2;
    case Assessment::partly_fulfilled:
      return 1;
    default:
      return 0;
  }
}

// What the recipient had said about the item earlier in the year, and how it tends to go.
struct ItemHistory {
  //! 0: going well, 1: mixed, 2: struggling; drawn at the item's first assessment.
  int profile = -1;
  std::optional<Assessment> last;  //!< the last assessment on the L13 scale that ranks
};

struct Measure {
  MeasuredResult result;
  Assessment assessment = Assessment::fulfilled;
  std::optional<Trend> trend;  //!< when there is a previous period to compare with
};

//! Who may own a corrective action: a person of the recipient's unit.
struct Owners {
  std::vector<std::string> heads;  //!< the head, or a political body's chair
  std::vector<std::string> staff;  //!< everyone else of the unit

  [[nodiscard]] bool empty() const { return heads.empty() && staff.empty(); }
  const std::string& pick(SplitMix64& rng) const {
    if (staff.empty() || (!heads.empty() && rng.chance(550))) return rng.pick(heads);
    return rng.pick(staff);
  }
};

//! What a recipient writes, before it becomes one or more versions.
struct Content {
  std::vector<ItemAssessment> assessments;
  std::vector<domain::TopicText> topics;
  std::vector<IndicatorValue> values;
};

enum class Phase { complete, under_way };
enum class Stage { approved, submitted, draft, missing };

class FollowUpYear {
 public:
  FollowUpYear(domain::OrganisationData& data, int year, const Date& today, std::uint64_t seed)
      : data_(data), year_(year), today_(today), rng_(seed ^ hashText("återrapportering")) {}

  void build() {
    std::vector<FollowUpOccasion> plan = domain::defaultFollowUpPlan(year_, data_);
    data_.occasions.insert(data_.occasions.end(), plan.begin(), plan.end());
    std::sort(data_.occasions.begin(), data_.occasions.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    std::vector<ReportBack> written;
    {
      domain::ChainIndex index(data_);
      index_ = &index;
      collectValues();
      // The occasion under way: the newest whose first deadline has passed.
      const FollowUpOccasion* current = nullptr;
      for (const FollowUpOccasion& occasion : plan) {
        if (!occasion.deadlines.empty() && occasion.deadlines.front().deadline < today_) {
          current = &occasion;
        }
      }
      bool returned_one = false;
      // The plan is ordered by period end, so each item's history is told in order.
      for (const FollowUpOccasion& occasion : plan) {
        if (occasion.deadlines.empty() || !(occasion.deadlines.front().deadline < today_)) {
          continue;
        }
        bool all_passed = true;
        for (const auto& deadline : occasion.deadlines) {
          all_passed = all_passed && deadline.deadline < today_;
        }
        Phase phase = &occasion != current && all_passed ? Phase::complete : Phase::under_way;
        // One revision in the year, where it matters most: the interim report to the council.
        bool return_one = !returned_one && phase == Phase::complete &&
                          occasion.kind == domain::OccasionKind::interim_report;
        returned_one = returned_one || return_one;
        writeOccasion(occasion, phase, return_one, written);
      }
      index_ = nullptr;
    }
    data_.report_backs.insert(data_.report_backs.end(), std::make_move_iterator(written.begin()),
                              std::make_move_iterator(written.end()));
    std::sort(data_.report_backs.begin(), data_.report_backs.end(),
              [](const ReportBack& a, const ReportBack& b) {
                return std::tie(a.occasion, a.recipient_unit, a.recipient_person, a.version) <
                       std::tie(b.occasion, b.recipient_unit, b.recipient_person, b.version);
              });
  }

 private:
  // --- indicator values ---------------------------------------------------------------------

  struct IndicatorFacts {
    const domain::Indicator* indicator = nullptr;
    std::vector<IndicatorValue> values;  //!< every stored value of the indicator
    std::vector<Date> periods;           //!< the period ends it has values for, in order
    std::map<Date, std::map<std::string, domain::AggregatedValue>> rolled;
  };

  void collectValues() {
    for (const domain::Indicator& indicator : data_.indicators) {
      indicators_[indicator.code].indicator = &indicator;
    }
    for (const IndicatorValue& value : data_.indicator_values) {
      auto found = indicators_.find(value.indicator);
      if (found == indicators_.end()) continue;
      found->second.values.push_back(value);
      found->second.periods.push_back(value.period_end);
      stored_.try_emplace({value.indicator, value.unit, value.period_end}, &value);
    }
    for (auto& [code, facts] : indicators_) {
      std::sort(facts.periods.begin(), facts.periods.end());
      facts.periods.erase(std::unique(facts.periods.begin(), facts.periods.end()),
                          facts.periods.end());
    }
  }

  IndicatorFacts* factsOf(std::string_view indicator) {
    auto found = indicators_.find(indicator);
    return found == indicators_.end() ? nullptr : &found->second;
  }

  //! The indicator's value for `unit`'s part of the organisation in the period, aggregated by
  //! the indicator's rule from the values stored for it and the units below it.
  std::optional<double> rolledValue(IndicatorFacts& facts, const Date& period_end,
                                    const std::string& unit) {
    auto [slot, inserted] = facts.rolled.try_emplace(period_end);
    if (inserted) {
      slot->second = domain::rollUpIndicator(*facts.indicator, facts.values, *index_, period_end);
    }
    auto found = slot->second.find(unit);
    if (found == slot->second.end()) return std::nullopt;
    return found->second.value;
  }

  std::optional<double> rolledValue(std::string_view indicator, const Date& period_end,
                                    const std::string& unit) {
    IndicatorFacts* facts = factsOf(indicator);
    return facts == nullptr ? std::nullopt : rolledValue(*facts, period_end, unit);
  }

  //! What the value of `unit`'s part is measured against: a target set for the unit or the
  //! nearest unit above it, the item's own, or the organisation's. An amount summed over the
  //! organisation's year (energy) says nothing about one part's period, unless it is zero.
  std::optional<double> targetFor(const domain::Indicator& indicator,
                                  const domain::IndicatorLink* link, const std::string& unit) {
    const domain::Unit* at = index_->unit(unit);
    for (int depth = 0; at != nullptr && depth < 32; ++depth) {
      for (const domain::IndicatorTarget& target : indicator.targets) {
        if (target.year == year_ && target.unit == at->code) return target.value;
      }
      at = at->parent.empty() ? nullptr : index_->unit(at->parent);
    }
    std::optional<double> target;
    if (link != nullptr && link->target) target = link->target;
    for (const domain::IndicatorTarget& candidate : indicator.targets) {
      if (!target && candidate.year == year_ && candidate.unit.empty()) target = candidate.value;
    }
    if (target && indicator.aggregation == domain::Aggregation::sum && *target != 0) {
      return std::nullopt;
    }
    return target;
  }

  //! The item's indicator for the recipient's part in the period, against its target.
  std::optional<Measure> measure(const domain::IndicatorLink& link, const std::string& unit,
                                 const Date& period_end) {
    IndicatorFacts* facts = factsOf(link.indicator);
    if (facts == nullptr) return std::nullopt;
    std::optional<double> value = rolledValue(*facts, period_end, unit);
    if (!value) return std::nullopt;
    std::optional<double> target = targetFor(*facts->indicator, &link, unit);
    if (!target) return std::nullopt;
    const domain::Indicator& indicator = *facts->indicator;
    const bool higher = indicator.direction == domain::Direction::higher_is_better;

    Measure measured;
    measured.result = {indicator.name, indicator.unit_of_measure, *value, *target, {}, false};
    // Within a tenth of the target counts as on the way; a zero target has no scale of its
    // own, so an amount of money gets a million and a count three.
    double tolerance =
        *target != 0 ? std::fabs(*target) * 0.1 : (indicator.unit_of_measure == "kr" ? 1e6 : 3);
    double shortfall = higher ? *target - *value : *value - *target;
    measured.assessment = shortfall <= 0           ? Assessment::fulfilled
                          : shortfall <= tolerance ? Assessment::partly_fulfilled
                                                   : Assessment::not_fulfilled;
    auto previous = std::lower_bound(facts->periods.begin(), facts->periods.end(), period_end);
    if (previous != facts->periods.begin()) {
      std::optional<double> before = rolledValue(*facts, *(previous - 1), unit);
      if (before) {
        measured.result.previous = before;
        double change = higher ? *value - *before : *before - *value;
        double noticeable = std::max(std::fabs(*before) * 0.01, 1e-9);
        measured.result.better_than_before = change > 0;
        measured.trend = change > noticeable    ? Trend::better
                         : change < -noticeable ? Trend::worse
                                                : Trend::unchanged;
        // Far from the target but clearly better than before reads as on the way, as a
        // manager would judge it.
        if (measured.assessment == Assessment::not_fulfilled && measured.trend == Trend::better) {
          measured.assessment = Assessment::partly_fulfilled;
        }
        // An unchanged figure is not worth a sentence of its own.
        if (measured.trend == Trend::unchanged) measured.result.previous.reset();
      }
    }
    return measured;
  }

  //! The stored values of the period for the indicators of the recipient's items: its own
  //! unit's, or where that has none, those of the units right below it (the workplaces whose
  //! energy a unit reports, the sectors whose outcome the chief executive reports).
  std::vector<IndicatorValue> periodValues(const std::vector<const Item*>& items,
                                           const std::string& unit, const Date& period_end) {
    std::vector<std::string_view> linked;
    for (const Item* item : items) {
      for (const domain::IndicatorLink& link : item->follow_up.indicators) {
        linked.push_back(link.indicator);
      }
    }
    std::sort(linked.begin(), linked.end());
    linked.erase(std::unique(linked.begin(), linked.end()), linked.end());
    std::vector<IndicatorValue> values;
    for (std::string_view indicator : linked) {
      if (auto own = stored_.find({indicator, unit, period_end}); own != stored_.end()) {
        values.push_back(*own->second);
        continue;
      }
      for (const domain::Unit* child : index_->children(unit)) {
        auto below = stored_.find({indicator, child->code, period_end});
        if (below != stored_.end()) values.push_back(*below->second);
      }
    }
    return values;
  }

  // --- people -------------------------------------------------------------------------------

  Owners ownersOf(const domain::Recipient& recipient, const Date& day) const {
    Owners owners;
    if (recipient.isPerson()) {
      owners.heads.push_back(recipient.person);
      return owners;
    }
    const domain::Unit* unit = index_->unit(recipient.unit);
    bool political = unit != nullptr && domain::isPoliticalBody(unit->kind);
    for (const domain::Membership* membership : index_->membershipsOf(recipient.unit)) {
      if (!domain::isValidOn(membership->valid_from, membership->valid_to, day)) continue;
      domain::Role role = membership->role;
      if (role == domain::Role::administrator || role == domain::Role::substitute) continue;
      // A political body's actions are its chair's to see through; its members' seats are not
      // posts that carry out work.
      if (political) {
        if (role == domain::Role::chair) owners.heads.push_back(membership->person);
        continue;
      }
      (role == domain::Role::head ? owners.heads : owners.staff).push_back(membership->person);
    }
    return owners;
  }

  // --- assessments --------------------------------------------------------------------------

  Trend trendOf(const std::optional<Assessment>& last, Assessment now, SplitMix64& rng) const {
    if (now == Assessment::cannot_be_assessed) return Trend::unchanged;
    if (last) {
      int change = rankOf(now) - rankOf(*last);
      if (change > 0) return Trend::better;
      if (change < 0) return Trend::worse;
    }
    int roll = rng.between(0, 99);
    switch (now) {
      case Assessment::fulfilled:
        return roll < 75 ? Trend::unchanged : Trend::better;
      case Assessment::partly_fulfilled:
        return roll < 35 ? Trend::better : roll < 80 ? Trend::unchanged : Trend::worse;
      default:
        return roll < 50 ? Trend::worse : Trend::unchanged;
    }
  }

  static Assessment drawn(ItemHistory& history, SplitMix64& rng) {
    // Most things go on as they went: an item's assessment changes now and then, not at random.
    if (history.last && rng.chance(550)) return *history.last;
    int roll = rng.between(0, 999);
    switch (history.profile) {
      case 0:
        return roll < 900   ? Assessment::fulfilled
               : roll < 975 ? Assessment::partly_fulfilled
                            : Assessment::cannot_be_assessed;
      case 1:
        return roll < 420   ? Assessment::fulfilled
               : roll < 900 ? Assessment::partly_fulfilled
               : roll < 950 ? Assessment::not_fulfilled
                            : Assessment::cannot_be_assessed;
      default:
        return roll < 150   ? Assessment::fulfilled
               : roll < 600 ? Assessment::partly_fulfilled
               : roll < 900 ? Assessment::not_fulfilled
                            : Assessment::cannot_be_assessed;
    }
  }

  ItemAssessment assess(const Item& item, const FollowUpOccasion& occasion, const std::string& part,
                        const Owners& owners, SplitMix64& rng) {
    ItemHistory& history = history_[item.code];
    if (history.profile < 0) {
      int roll = rng.between(0, 999);
      history.profile = roll < 750 ? 0 : roll < 950 ? 1 : 2;
    }
    const auto month = static_cast<unsigned>(occasion.period_end.month());
    const Date& period_end = occasion.period_end;

    std::optional<Measure> measured;
    std::string indicator;
    const domain::Indicator* unmeasured = nullptr;
    for (const domain::IndicatorLink& link : item.follow_up.indicators) {
      if (indicator.empty()) indicator = link.indicator;
      measured = measure(link, part, period_end);
      if (measured) break;
      IndicatorFacts* facts = factsOf(link.indicator);
      if (facts != nullptr &&
          !std::binary_search(facts->periods.begin(), facts->periods.end(), period_end)) {
        unmeasured = facts->indicator;
      }
    }

    ItemAssessment assessed;
    assessed.item = item.code;
    Assessment assessment = Assessment::fulfilled;
    std::optional<Trend> trend;
    std::string analysis;
    bool done_in_period = item.status == domain::ItemStatus::completed && item.closed_on &&
                          *item.closed_on <= period_end;
    bool overdue = !item.follow_up.deliverable.empty() && item.follow_up.deliverable_due &&
                   *item.follow_up.deliverable_due <= period_end && !done_in_period;
    if (measured) {
      assessment = measured->assessment;
      trend = measured->trend;
    } else if (done_in_period) {
      assessment = Assessment::fulfilled;
    } else if (item.status == domain::ItemStatus::issued && item.issued_on) {
      assessment = Assessment::cannot_be_assessed;
      analysis = notStartedReason(*item.issued_on, rng);
    } else if (overdue) {
      assessment = rng.chance(800) ? Assessment::partly_fulfilled : Assessment::not_fulfilled;
      analysis =
          lateDeliverableAnalysis(item.follow_up.deliverable, *item.follow_up.deliverable_due, rng);
    } else if (unmeasured != nullptr && rng.chance(200)) {
      assessment = Assessment::cannot_be_assessed;
      analysis = notMeasuredReason(unmeasured->name, rng);
    } else {
      assessment = drawn(history, rng);
    }

    if (!trend) trend = trendOf(history.last, assessment, rng);
    std::optional<MeasuredResult> result;
    if (measured) result = measured->result;
    if (analysis.empty()) {
      switch (assessment) {
        case Assessment::fulfilled:
          analysis = fulfilledComment(rng, result);
          break;
        case Assessment::partly_fulfilled:
        case Assessment::not_fulfilled:
          analysis = shortfallAnalysis(assessment, month, rng, result);
          break;
        case Assessment::cannot_be_assessed:
          analysis = cannotBeAssessedReason(month, rng);
          break;
      }
    }
    assessed.assessment = assessment;
    assessed.trend = trend;
    assessed.analysis = std::move(analysis);
    if (assessment == Assessment::partly_fulfilled || assessment == Assessment::not_fulfilled) {
      int count = rng.chance(300) ? 2 : 1;
      std::string previous;
      for (int idx = 0; idx < count && !owners.empty(); ++idx) {
        CorrectiveAction action;
        action.description = actionDescription(indicator, idx == 0, previous, rng);
        action.owner = owners.pick(rng);
        action.due = domain::businessDaysAfter(occasion.meeting, rng.between(15, 80));
        action.status = rng.chance(250) ? ActionStatus::in_progress : ActionStatus::planned;
        previous = action.description;
        assessed.actions.push_back(std::move(action));
      }
    }
    if (assessment != Assessment::cannot_be_assessed) history.last = assessment;
    return assessed;
  }

  Content compose(const FollowUpOccasion& occasion, const ScopedRecipient& scoped,
                  const Owners& owners, SplitMix64& rng) {
    Content content;
    const domain::Recipient& recipient = scoped.recipient;
    // Whose figures the recipient reports: its unit, or for a person the unit they report to.
    const std::string& part = recipient.isPerson() ? scoped.approving_unit : recipient.unit;
    const Date& period_end = occasion.period_end;
    TopicFacts facts;
    for (const Item* item : scoped.items) {
      content.assessments.push_back(assess(*item, occasion, part, owners, rng));
      ++facts.assessed.at(static_cast<std::size_t>(*content.assessments.back().assessment));
    }
    facts.items = static_cast<int>(scoped.items.size());
    facts.period_month = static_cast<unsigned>(period_end.month());
    facts.result_sek = rolledValue(kBudgetOutcome, period_end, part);
    facts.sick_leave = rolledValue(kSickLeave, period_end, part);
    if (IndicatorFacts* sick = factsOf(kSickLeave); sick != nullptr && facts.sick_leave) {
      facts.sick_leave_target = targetFor(*sick->indicator, nullptr, part);
    }
    const domain::Unit* unit = recipient.isPerson() ? nullptr : index_->unit(recipient.unit);
    Voice voice = unit != nullptr ? voiceOf(unit->kind) : personalVoice();
    facts.brief = unit == nullptr || unit->kind == domain::UnitKind::unit ||
                  unit->kind == domain::UnitKind::workplace;
    for (domain::Topic topic : occasion.topics) {
      content.topics.push_back({topic, topicText(topic, voice, facts, rng)});
    }
    content.values = periodValues(scoped.items, part, period_end);
    return content;
  }

  // --- report-backs -------------------------------------------------------------------------

  //! Where the recipients of the occasion under way stand: the lowest levels furthest on, as
  //! each level compiles what the one below sent: about 40 % approved, a quarter submitted, a
  //! fifth drafts, the rest not begun; each at least once when there are enough recipients.
  std::vector<Stage> stagesUnderWay(const domain::OccasionScope& scope, SplitMix64& rng) const {
    const auto& recipients = scope.recipients();
    std::vector<std::size_t> order(recipients.size());
    for (std::size_t idx = 0; idx < order.size(); ++idx) order[idx] = idx;
    rng.shuffle(order);
    // Levels are declared from the council down: a larger value is a lower level.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return static_cast<int>(recipients[a].level) > static_cast<int>(recipients[b].level);
    });
    std::size_t n = order.size();
    std::size_t approved = (n * 40 + 50) / 100;
    std::size_t submitted = (n * 25 + 50) / 100;
    std::size_t drafts = std::max<std::size_t>(n >= 3 ? 1 : 0, (n * 20 + 50) / 100);
    if (n >= 4 && approved + submitted + drafts >= n) approved = n - submitted - drafts - 1;
    std::vector<Stage> stages(n, Stage::missing);
    for (std::size_t idx = 0; idx < n; ++idx) {
      stages[order[idx]] = idx < approved                        ? Stage::approved
                           : idx < approved + submitted          ? Stage::submitted
                           : idx < approved + submitted + drafts ? Stage::draft
                                                                 : Stage::missing;
    }
    return stages;
  }

  void writeOccasion(const FollowUpOccasion& occasion, Phase phase, bool return_one,
                     std::vector<ReportBack>& written) {
    SplitMix64 rng = rng_.fork(hashText(occasion.code));
    domain::OccasionScope scope(occasion, *index_);
    const auto& recipients = scope.recipients();
    std::vector<Stage> stages(recipients.size(), Stage::approved);
    if (phase == Phase::under_way) {
      stages = stagesUnderWay(scope, rng);
    } else {
      // Now and then the level above has not got round to a decision.
      for (Stage& stage : stages) {
        if (rng.chance(20)) stage = Stage::submitted;
      }
    }
    std::optional<std::size_t> returned;
    if (return_one) {
      std::vector<std::size_t> candidates;
      for (std::size_t idx = 0; idx < recipients.size(); ++idx) {
        const domain::Unit* unit = index_->unit(recipients[idx].recipient.unit);
        if (unit != nullptr && unit->kind == domain::UnitKind::unit &&
            !recipients[idx].items.empty() && recipients[idx].deadline &&
            !app::writersOf(recipients[idx].recipient, *index_, *recipients[idx].deadline)
                 .empty()) {
          candidates.push_back(idx);
        }
      }
      if (!candidates.empty()) returned = rng.pick(candidates);
    }
    for (std::size_t idx = 0; idx < recipients.size(); ++idx) {
      if (stages[idx] == Stage::missing) continue;
      writeRecipient(occasion, recipients[idx], stages[idx], returned == idx, phase, rng, written);
    }
  }

  //! The day a version went in: by the deadline, a few after it.
  Date submissionDay(const FollowUpOccasion& occasion, const Date& deadline, bool late,
                     SplitMix64& rng) const {
    Date day = late ? domain::businessDaysAfter(deadline, rng.between(1, 5))
                    : domain::businessDaysBefore(deadline, rng.between(0, 4));
    Date first = domain::businessDaysAfter(occasion.period_end, 1);
    if (day < first) day = first;
    Date last = domain::businessDaysBefore(today_, 1);
    return last < day ? last : day;
  }

  //! A decision a few working days after `after`; nullopt when that is not before today.
  std::optional<Moment> decision(const Date& after, SplitMix64& rng) const {
    Date day = domain::businessDaysAfter(after, rng.between(1, 4));
    if (!(day < today_)) return std::nullopt;
    return during(day, rng);
  }

  static const std::string& approverOf(const std::vector<std::string>& approvers,
                                       const std::string& writer, SplitMix64& rng) {
    // The level above decides; someone there other than the writer when there is anyone.
    std::vector<const std::string*> others;
    for (const std::string& approver : approvers) {
      if (approver != writer) others.push_back(&approver);
    }
    return others.empty() ? rng.pick(approvers) : *rng.pick(others);
  }

  void writeRecipient(const FollowUpOccasion& occasion, const ScopedRecipient& scoped, Stage stage,
                      bool returned, Phase phase, SplitMix64& rng,
                      std::vector<ReportBack>& written) {
    const Date deadline = scoped.deadline.value_or(occasion.meeting);
    std::vector<std::string> writers = app::writersOf(scoped.recipient, *index_, deadline);
    // Nobody answers for the recipient (a vacant head post): its report-back stays missing.
    if (writers.empty()) return;
    const std::string writer = rng.pick(writers);
    Owners owners = ownersOf(scoped.recipient, deadline);
    if (owners.empty()) owners.heads.push_back(writer);
    Content content = compose(occasion, scoped, owners, rng);

    ReportBack report;
    report.occasion = occasion.code;
    report.recipient_unit = scoped.recipient.unit;
    report.recipient_person = scoped.recipient.person;
    report.written_by = writer;
    report.indicator_values = content.values;

    if (stage == Stage::draft) {
      // Half written: some items not yet assessed, the last topics not yet begun.
      for (ItemAssessment& assessed : content.assessments) {
        if (rng.chance(400)) assessed = ItemAssessment{assessed.item, {}, {}, {}, {}};
      }
      if (!content.topics.empty() && rng.chance(600)) {
        content.topics.resize(content.topics.size() - 1 - rng.next() % content.topics.size() / 2);
      }
      report.assessments = std::move(content.assessments);
      report.topics = std::move(content.topics);
      Date saved = domain::businessDaysBefore(today_, rng.between(1, 4));
      if (!(occasion.period_end < saved)) saved = domain::businessDaysBefore(today_, 1);
      report.updated_at = during(saved, rng).text();
      written.push_back(std::move(report));
      return;
    }

    bool late = rng.chance(phase == Phase::complete ? 90 : stage == Stage::submitted ? 500 : 60);
    Moment submitted = during(submissionDay(occasion, deadline, late && !returned, rng), rng);
    std::vector<std::string> approvers =
        app::answeringFor(scoped.approving_unit, *index_, submitted.day);

    if (returned && !approvers.empty()) {
      writeReturnedAndRevised(report, content, submitted, approvers, owners, occasion, rng,
                              written);
      return;
    }
    report.assessments = std::move(content.assessments);
    report.topics = std::move(content.topics);
    report.status = ReportBackStatus::submitted;
    report.updated_at = submitted.before(rng.between(3, 90)).text();
    report.submitted_by = writer;
    report.submitted_at = submitted.text();
    if (stage == Stage::approved && !approvers.empty()) {
      if (auto decided = decision(submitted.day, rng)) {
        report.status = ReportBackStatus::approved;
        report.decided_by = approverOf(approvers, writer, rng);
        report.decided_at = decided->text();
      }
    }
    written.push_back(std::move(report));
  }

  //! Version 1 went in with a thin analysis and was returned; version 2 says what the level
  //! above asked for and is approved.
  void writeReturnedAndRevised(ReportBack& first, Content& content, const Moment& submitted,
                               const std::vector<std::string>& approvers, const Owners& owners,
                               const FollowUpOccasion& occasion, SplitMix64& rng,
                               std::vector<ReportBack>& written) {
    auto shortfall = std::find_if(content.assessments.begin(), content.assessments.end(),
                                  [](const ItemAssessment& a) {
                                    return a.assessment == Assessment::partly_fulfilled ||
                                           a.assessment == Assessment::not_fulfilled;
                                  });
    if (shortfall == content.assessments.end()) {
      // The return is about an analysis, so the version needs one that falls short.
      shortfall = content.assessments.begin();
      shortfall->assessment = Assessment::partly_fulfilled;
      shortfall->trend = Trend::unchanged;
      shortfall->analysis =
          shortfallAnalysis(Assessment::partly_fulfilled,
                            static_cast<unsigned>(occasion.period_end.month()), rng, std::nullopt);
      shortfall->actions = {{actionDescription("", false, "", rng), owners.pick(rng),
                             domain::businessDaysAfter(occasion.meeting, rng.between(15, 80)),
                             ActionStatus::planned}};
    }
    const Item* item = index_->item(shortfall->item);
    const std::string& writer = first.written_by;
    const std::string& approver = approverOf(approvers, writer, rng);

    first.version = 1;
    first.assessments = content.assessments;
    for (ItemAssessment& assessed : first.assessments) {
      if (assessed.assessment != Assessment::partly_fulfilled &&
          assessed.assessment != Assessment::not_fulfilled) {
        continue;
      }
      assessed.analysis = thinAnalysis(rng);
      assessed.actions = {{thinAction(), assessed.actions.front().owner,
                           assessed.actions.front().due, ActionStatus::planned}};
    }
    first.topics = content.topics;
    first.status = ReportBackStatus::returned;
    first.updated_at = submitted.before(rng.between(3, 40)).text();
    first.submitted_by = writer;
    first.submitted_at = submitted.text();
    Moment returned = during(domain::businessDaysAfter(submitted.day, rng.between(1, 2)), rng);
    first.decided_by = approver;
    first.decided_at = returned.text();
    first.return_reason = returnReason(item != nullptr ? item->title : shortfall->item, rng);

    ReportBack second = first;
    second.version = 2;
    second.assessments = std::move(content.assessments);
    second.return_reason.clear();
    Moment resubmitted = during(domain::businessDaysAfter(returned.day, rng.between(1, 2)), rng);
    second.updated_at = resubmitted.before(rng.between(3, 90)).text();
    second.submitted_at = resubmitted.text();
    second.status = ReportBackStatus::submitted;
    second.decided_by.clear();
    second.decided_at.clear();
    if (auto decided = decision(resubmitted.day, rng)) {
      second.status = ReportBackStatus::approved;
      second.decided_by = approver;
      second.decided_at = decided->text();
    }
    written.push_back(std::move(first));
    written.push_back(std::move(second));
  }

  domain::OrganisationData& data_;
  int year_;
  Date today_;
  SplitMix64 rng_;
  const domain::ChainIndex* index_ = nullptr;
  std::unordered_map<std::string_view, IndicatorFacts> indicators_;
  std::map<std::tuple<std::string_view, std::string_view, Date>, const IndicatorValue*> stored_;
  std::unordered_map<std::string_view, ItemHistory> history_;
};

}  // namespace

void addFollowUpYear(domain::OrganisationData& data, int year, const domain::Date& today,
                     std::uint64_t seed) {
  FollowUpYear(data, year, today, seed).build();
}

}  // namespace styr::demo
