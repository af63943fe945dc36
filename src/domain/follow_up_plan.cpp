#include "domain/follow_up_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/business_days.hpp"

namespace styr::domain {

namespace {

using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;

// Lowest first: the order deadlines are listed in. The committees come before the board, which
// oversees them (KL 6:1), although both supply the council.
constexpr std::array<FollowUpLevel, 6> kLowestFirst{
    FollowUpLevel::unit,      FollowUpLevel::sector,          FollowUpLevel::chief_executive,
    FollowUpLevel::committee, FollowUpLevel::executive_board, FollowUpLevel::council,
};

std::size_t orderOf(FollowUpLevel level) {
  return static_cast<std::size_t>(std::find(kLowestFirst.begin(), kLowestFirst.end(), level) -
                                  kLowestFirst.begin());
}

// The height in the chain; the committees and the board stand side by side.
int heightOf(FollowUpLevel level) {
  switch (level) {
    case FollowUpLevel::unit:
      return 0;
    case FollowUpLevel::sector:
      return 1;
    case FollowUpLevel::chief_executive:
      return 2;
    case FollowUpLevel::committee:
    case FollowUpLevel::executive_board:
      return 3;
    case FollowUpLevel::council:
      return 4;
  }
  return 0;
}

// The next level up from `level` that has its own deadline in `present`, or nullopt when the
// input goes to the meeting itself (the occasion's level, or the top of the chain).
std::optional<FollowUpLevel> recipientOf(FollowUpLevel level, FollowUpLevel occasion_level,
                                         const std::set<FollowUpLevel>& present) {
  auto next = suppliedLevel(level);
  while (next && *next != occasion_level) {
    if (present.count(*next) != 0) return next;
    next = suppliedLevel(*next);
  }
  return std::nullopt;
}

std::string_view levelWords(FollowUpLevel level) {
  switch (level) {
    case FollowUpLevel::council:
      return "the council";
    case FollowUpLevel::executive_board:
      return "the executive board";
    case FollowUpLevel::chief_executive:
      return "the chief executive";
    case FollowUpLevel::committee:
      return "the committees";
    case FollowUpLevel::sector:
      return "the sectors";
    case FollowUpLevel::unit:
      return "the units";
  }
  return "";
}

constexpr std::array<std::string_view, 12> kMonthNames{
    "januari", "februari", "mars",      "april",   "maj",      "juni",
    "juli",    "augusti",  "september", "oktober", "november", "december",
};

Date lastDayOf(int y, unsigned m) {
  return Date{std::chrono::year_month_day_last{year{y}, std::chrono::month_day_last{month{m}}}};
}

bool isMonthEnd(const Date& date) {
  return date == lastDayOf(static_cast<int>(date.year()), static_cast<unsigned>(date.month()));
}

// Two months after a month's end is the end of the month two later (30 June -> 31 August);
// any other day keeps its day of the month where that month has it.
Date monthsAfter(const Date& date, int months) {
  Date moved = date + std::chrono::months{months};
  Date last = lastDayOf(static_cast<int>(moved.year()), static_cast<unsigned>(moved.month()));
  if (isMonthEnd(date) || !moved.ok()) return last;
  return moved;
}

// Meetings are set on the last Wednesday of a month, the day most Swedish boards and councils
// use, moved to the business day before when it is a holiday (25 or 31 December).
Date meetingDay(int y, unsigned m) {
  Date wednesday{std::chrono::year_month_weekday_last{
      year{y}, month{m}, std::chrono::weekday_last{std::chrono::Wednesday}}};
  return businessDaysBefore(wednesday, 0);
}

const Unit* bodyOf(const OrganisationData& data, UnitKind kind, const Date& day) {
  for (const auto& unit : data.units) {
    if (unit.kind == kind && isValidOn(unit.valid_from, unit.valid_to, day)) return &unit;
  }
  return nullptr;
}

}  // namespace

int LeadTimes::of(FollowUpLevel level) const {
  switch (level) {
    case FollowUpLevel::council:
      return 0;
    case FollowUpLevel::executive_board:
      return executive_board;
    case FollowUpLevel::chief_executive:
      return chief_executive;
    case FollowUpLevel::committee:
      return committee;
    case FollowUpLevel::sector:
      return sector;
    case FollowUpLevel::unit:
      return unit;
  }
  return 0;
}

std::optional<FollowUpLevel> suppliedLevel(FollowUpLevel level) {
  switch (level) {
    case FollowUpLevel::unit:
      return FollowUpLevel::sector;
    case FollowUpLevel::sector:
      return FollowUpLevel::chief_executive;
    case FollowUpLevel::chief_executive:
      return FollowUpLevel::executive_board;
    case FollowUpLevel::committee:
    case FollowUpLevel::executive_board:
      return FollowUpLevel::council;
    case FollowUpLevel::council:
      return std::nullopt;
  }
  return std::nullopt;
}

bool isBelow(FollowUpLevel level, FollowUpLevel above) {
  return heightOf(level) < heightOf(above);
}

std::vector<LevelDeadline> computeDeadlines(FollowUpLevel occasion_level, const Date& meeting,
                                            const std::vector<FollowUpLevel>& supplying,
                                            const LeadTimes& lead_times) {
  std::set<FollowUpLevel> present(supplying.begin(), supplying.end());
  std::vector<FollowUpLevel> levels(present.begin(), present.end());
  std::sort(levels.begin(), levels.end(),
            [](FollowUpLevel a, FollowUpLevel b) { return orderOf(a) < orderOf(b); });

  // Highest first, so that the deadline a level counts from is already known.
  std::map<FollowUpLevel, Date> deadline;
  for (auto it = levels.rbegin(); it != levels.rend(); ++it) {
    auto recipient = recipientOf(*it, occasion_level, present);
    const Date& from = recipient ? deadline.at(*recipient) : meeting;
    deadline[*it] = businessDaysBefore(from, lead_times.of(*it));
  }

  std::vector<LevelDeadline> result;
  result.reserve(levels.size());
  for (auto level : levels) result.push_back(LevelDeadline{level, deadline.at(level)});
  return result;
}

std::vector<FollowUpOccasion> defaultFollowUpPlan(int year, const OrganisationData& data,
                                                  const LeadTimes& lead_times) {
  std::vector<FollowUpOccasion> plan;
  const std::vector<Topic> every_topic{Topic::finances, Topic::operations, Topic::quality_goals,
                                       Topic::staff, Topic::internal_control};

  auto add = [&](std::string code, std::string name, OccasionKind kind, FollowUpLevel level,
                 UnitKind body_kind, Date period_end, Date meeting, std::vector<Topic> topics,
                 const std::vector<FollowUpLevel>& supplying) {
    const Unit* body = bodyOf(data, body_kind, meeting);
    if (body == nullptr) return;
    FollowUpOccasion occasion;
    occasion.code = std::move(code);
    occasion.year = year;
    occasion.name = std::move(name);
    occasion.kind = kind;
    occasion.level = level;
    occasion.body = body->code;
    occasion.period_end = period_end;
    occasion.meeting = meeting;
    occasion.topics = std::move(topics);
    occasion.deadlines = computeDeadlines(level, meeting, supplying, lead_times);
    plan.push_back(std::move(occasion));
  };

  // The council's two occasions: every level reports, the committees where there are any.
  auto councilSupplying = [&](const Date& period_end) {
    std::vector<FollowUpLevel> levels{FollowUpLevel::executive_board,
                                      FollowUpLevel::chief_executive};
    if (bodyOf(data, UnitKind::committee, period_end) != nullptr) {
      levels.push_back(FollowUpLevel::committee);
    }
    levels.push_back(FollowUpLevel::sector);
    levels.push_back(FollowUpLevel::unit);
    return levels;
  };
  Date interim_end = lastDayOf(year, 8);
  add(fmt::format("{}-DELAR", year), fmt::format("Delårsrapport {}", year),
      OccasionKind::interim_report, FollowUpLevel::council, UnitKind::council, interim_end,
      meetingDay(year, 10), every_topic, councilSupplying(interim_end));
  Date year_end = lastDayOf(year, 12);
  add(fmt::format("{}-AR", year), fmt::format("Årsredovisning {}", year),
      OccasionKind::annual_report, FollowUpLevel::council, UnitKind::council, year_end,
      meetingDay(year + 1, 4), every_topic, councilSupplying(year_end));

  // The board's: not every area every month (D10). The areas that need the units' own words
  // (operations, quality goals) come at the tertial; the monthly ones are figures the chief
  // executive's office and the sectors have.
  for (unsigned m : {1U, 2U, 3U, 4U, 5U, 6U, 9U, 10U, 11U}) {
    bool tertial = m == 4;
    std::vector<Topic> topics{Topic::finances};
    if (tertial) {
      topics.push_back(Topic::operations);
      topics.push_back(Topic::quality_goals);
    }
    if (tertial || m == 2 || m == 10) topics.push_back(Topic::staff);
    if (m == 6 || m == 11) topics.push_back(Topic::internal_control);
    std::vector<FollowUpLevel> supplying{FollowUpLevel::chief_executive, FollowUpLevel::sector};
    if (tertial) supplying.push_back(FollowUpLevel::unit);
    std::string month_name(kMonthNames[m - 1]);
    add(fmt::format("{}-KS-{:02}", year, m),
        tertial ? fmt::format("Tertialrapport {} {}", month_name, year)
                : fmt::format("Månadsuppföljning {} {}", month_name, year),
        tertial ? OccasionKind::tertial : OccasionKind::monthly, FollowUpLevel::executive_board,
        UnitKind::executive_board, lastDayOf(year, m), meetingDay(year, m == 6 ? 8 : m + 1),
        std::move(topics), supplying);
  }

  std::sort(plan.begin(), plan.end(), [](const FollowUpOccasion& a, const FollowUpOccasion& b) {
    return std::tie(a.period_end, a.code) < std::tie(b.period_end, b.code);
  });
  return plan;
}

std::vector<Violation> checkFollowUpPlan(int year, const std::vector<FollowUpOccasion>& plan) {
  std::vector<Violation> violations;
  auto add = [&](std::string_view rule, std::string path, std::string record, std::string message) {
    violations.push_back(
        {std::string(rule), std::move(path), std::move(record), std::move(message)});
  };

  const Date year_start = Date{std::chrono::year{year}, month{1}, std::chrono::day{1}};
  const Date year_end = lastDayOf(year, 12);
  std::set<std::string_view> codes;
  bool has_interim = false;
  bool has_annual = false;
  bool has_board = false;

  for (std::size_t i = 0; i < plan.size(); ++i) {
    const auto& occasion = plan[i];
    const std::string path = fmt::format("occasions[{}]", i);
    const std::string record = "occasion " + occasion.code;
    const std::string period_end = formatDate(occasion.period_end);
    const std::string meeting = formatDate(occasion.meeting);

    if (!codes.insert(occasion.code).second) {
      add("plan", path + ".code", record,
          fmt::format("the code {} is used by more than one occasion of the plan", occasion.code));
    }
    if (occasion.year != year) {
      add("plan", path + ".year", record,
          fmt::format("{} belongs to {}, not to the plan for {}", occasion.code, occasion.year,
                      year));
    }
    bool period_in_year = occasion.period_end >= year_start && occasion.period_end <= year_end;
    if (!period_in_year) {
      add("plan", path + ".period_end", record,
          fmt::format("{}'s period ends {}, outside {}: a period runs from 1 January to a day of "
                      "the same year",
                      occasion.code, period_end, year));
    }
    if (occasion.meeting <= occasion.period_end) {
      add("plan", path + ".meeting", record,
          fmt::format("{}'s meeting on {} is not after its period's end {}", occasion.code, meeting,
                      period_end));
    }
    if (occasion.year == year && period_in_year) {
      has_interim = has_interim || occasion.kind == OccasionKind::interim_report;
      has_annual = has_annual || occasion.kind == OccasionKind::annual_report;
      has_board = has_board || occasion.level == FollowUpLevel::executive_board;
    }

    std::set<FollowUpLevel> present;
    std::map<FollowUpLevel, Date> deadline_of;
    std::vector<bool> repeated(occasion.deadlines.size(), false);
    for (std::size_t j = 0; j < occasion.deadlines.size(); ++j) {
      const auto& entry = occasion.deadlines[j];
      const std::string at = fmt::format("{}.deadlines[{}]", path, j);
      if (!present.insert(entry.level).second) {
        repeated[j] = true;
        add("plan", at + ".level", record,
            fmt::format("{} lists a deadline for {} more than once", occasion.code,
                        levelWords(entry.level)));
        continue;
      }
      deadline_of.emplace(entry.level, entry.deadline);
      if (!isBelow(entry.level, occasion.level)) {
        add("plan", at + ".level", record,
            fmt::format("{} cannot supply {}'s occasion {}: only a level below it can",
                        levelWords(entry.level), levelWords(occasion.level), occasion.code));
      }
      const std::string deadline = formatDate(entry.deadline);
      if (entry.deadline <= occasion.period_end) {
        add("plan", at + ".deadline", record,
            fmt::format("{}: the deadline of {} on {} is not after the period's end {}; nothing "
                        "can be reported on a period before it has ended",
                        occasion.code, levelWords(entry.level), deadline, period_end));
      }
      if (entry.deadline > occasion.meeting) {
        add("plan", at + ".deadline", record,
            fmt::format("{}: the deadline of {} on {} is after the meeting on {}", occasion.code,
                        levelWords(entry.level), deadline, meeting));
      }
    }
    for (std::size_t j = 0; j < occasion.deadlines.size(); ++j) {
      const auto& entry = occasion.deadlines[j];
      if (repeated[j]) continue;
      auto recipient = recipientOf(entry.level, occasion.level, present);
      if (!recipient) continue;  // counted from the meeting, checked above
      const Date& supplied = deadline_of.at(*recipient);
      if (entry.deadline > supplied) {
        add("plan", fmt::format("{}.deadlines[{}].deadline", path, j), record,
            fmt::format("{}: the deadline of {} on {} is after the deadline of {} on {}, which "
                        "they supply",
                        occasion.code, levelWords(entry.level), formatDate(entry.deadline),
                        levelWords(*recipient), formatDate(supplied)));
      }
    }

    if (occasion.kind == OccasionKind::interim_report) {
      auto months = static_cast<unsigned>(occasion.period_end.month());
      bool six_to_eight = isMonthEnd(occasion.period_end) && months >= 6 && months <= 8;
      if (!six_to_eight) {
        add("L6", path + ".period_end", record,
            fmt::format("the interim report {} covers 1 January to {}; it must cover six to eight "
                        "months (half to two thirds of the year), ending on 30 June, 31 July or "
                        "31 August (LKBR 13:1)",
                        occasion.code, period_end));
      }
      Date hand_over_by = monthsAfter(occasion.period_end, 2);
      auto board = deadline_of.find(FollowUpLevel::executive_board);
      if (board == deadline_of.end()) {
        add("L6", path + ".deadlines", record,
            fmt::format("the interim report {} has no deadline for the executive board, which "
                        "must hand it to the council and the auditors by {} (KL 11:16)",
                        occasion.code, formatDate(hand_over_by)));
      } else if (board->second > hand_over_by) {
        add("L6", path + ".deadlines", record,
            fmt::format("the interim report {} reaches the council and the auditors on {} (the "
                        "executive board's deadline), more than two months after the period's "
                        "end {}; it must be handed over by {} (KL 11:16)",
                        occasion.code, formatDate(board->second), period_end,
                        formatDate(hand_over_by)));
      }
    }
  }

  const std::string plan_record = fmt::format("follow-up plan {}", year);
  if (!has_interim) {
    add("L6", "occasions", plan_record,
        fmt::format("the plan for {} has no interim report; the law requires at least one a year "
                    "(LKBR 13:1)",
                    year));
  }
  if (!has_annual) {
    add("D10", "occasions", plan_record,
        fmt::format("the plan for {} has no annual report to the council", year));
  }
  if (!has_board) {
    add("D10", "occasions", plan_record,
        fmt::format("the plan for {} has no occasion of the executive board, which follows up "
                    "about monthly",
                    year));
  }
  return violations;
}

}  // namespace styr::domain
