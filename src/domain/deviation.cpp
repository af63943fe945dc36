#include "domain/deviation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace styr::domain {

const GravityRule& DeviationSettings::rule(int gravity) const {
  for (const GravityRule& each : rules) {
    if (each.gravity == gravity) return each;
  }
  // Settings are checked by settingsProblems before they are stored, and gravities by the use
  // cases before they are looked up: a missing one is a programming error.
  throw std::out_of_range(fmt::format("no rule for gravity {}", gravity));
}

DeviationSettings defaultDeviationSettings() {
  return DeviationSettings{{
      {1, EscalationReach::unit, 0, 3},
      {2, EscalationReach::sector, 0, 1},
      {3, EscalationReach::executive_board, 4, 0},
      {4, EscalationReach::council, 1, 0},
  }};
}

std::vector<std::string> settingsProblems(const DeviationSettings& settings) {
  std::vector<std::string> problems;
  std::set<int> seen;
  for (std::size_t i = 0; i < settings.rules.size(); ++i) {
    const GravityRule& rule = settings.rules[i];
    std::string path = fmt::format("rules[{}]", i);
    if (rule.gravity < kLowestGravity || rule.gravity > kHighestGravity) {
      problems.push_back(
          fmt::format("{}.gravity: {} is not a gravity (1 to 4)", path, rule.gravity));
    } else if (!seen.insert(rule.gravity).second) {
      problems.push_back(
          fmt::format("{}.gravity: gravity {} has a rule already", path, rule.gravity));
    }
    if ((rule.hours > 0) == (rule.business_days > 0) || rule.hours < 0 || rule.business_days < 0) {
      problems.push_back(fmt::format(
          "{}: give the time limit either in hours or in business days, as a positive number",
          path));
    }
  }
  for (int gravity = kLowestGravity; gravity <= kHighestGravity; ++gravity) {
    if (!seen.contains(gravity)) {
      problems.push_back(fmt::format("rules: gravity {} has no rule", gravity));
    }
  }
  if (problems.empty()) {
    for (int gravity = kLowestGravity + 1; gravity <= kHighestGravity; ++gravity) {
      if (settings.rule(gravity).reach < settings.rule(gravity - 1).reach) {
        problems.push_back(fmt::format(
            "rules: gravity {} reaches {}, lower than gravity {} ({}): a graver deviation goes "
            "at least as far up",
            gravity, toString(settings.rule(gravity).reach), gravity - 1,
            toString(settings.rule(gravity - 1).reach)));
      }
    }
  }
  return problems;
}

EscalationReach reachOf(UnitKind kind) {
  switch (kind) {
    case UnitKind::council:
      return EscalationReach::council;
    case UnitKind::drafting_committee:
    case UnitKind::executive_board:
    case UnitKind::committee:
    case UnitKind::chief_executive_office:
      return EscalationReach::executive_board;
    case UnitKind::sector:
      return EscalationReach::sector;
    case UnitKind::company:
    case UnitKind::unit:
    case UnitKind::workplace:
      return EscalationReach::unit;
  }
  return EscalationReach::unit;
}

std::vector<std::string> escalationPath(const ChainIndex& index, std::string_view unit) {
  std::vector<std::string> path;
  std::set<std::string, std::less<>> seen;
  const Unit* at = index.unit(unit);
  // The seen set guards against a cycle in imported data, which validation reports elsewhere.
  while (at != nullptr && seen.insert(at->code).second) {
    path.push_back(at->code);
    at = at->parent.empty() ? nullptr : index.unit(at->parent);
  }
  return path;
}

std::size_t levelsFor(const ChainIndex& index, const std::vector<std::string>& path,
                      EscalationReach reach) {
  std::size_t count = 0;
  bool reached = false;
  for (const std::string& code : path) {
    const Unit* unit = index.unit(code);
    EscalationReach of = unit == nullptr ? EscalationReach::unit : reachOf(unit->kind);
    if (of > reach) break;
    reached = reached || of == reach;
    ++count;
  }
  if (count == 0) return path.empty() ? 0 : 1;  // the reporting unit itself always knows
  if (!reached && count < path.size()) ++count;
  return count;
}

std::vector<std::string> peopleToTell(const ChainIndex& index, std::string_view unit,
                                      const Date& day) {
  std::vector<std::string> people;
  const Unit* found = index.unit(unit);
  // A closed unit's heads answer for nothing any more, whatever their membership says.
  if (found == nullptr || !isValidOn(found->valid_from, found->valid_to, day)) return people;
  bool political = isPoliticalBody(found->kind);
  for (const Membership* membership : index.membershipsOf(unit)) {
    bool told = political
                    ? (membership->role == Role::chair || membership->role == Role::controller)
                    : membership->role == Role::head;
    if (told && isValidOn(membership->valid_from, membership->valid_to, day) &&
        std::find(people.begin(), people.end(), membership->person) == people.end()) {
      people.push_back(membership->person);
    }
  }
  return people;
}

const DeviationLevel* levelAt(const Deviation& deviation, int position) {
  for (const DeviationLevel& level : deviation.levels) {
    if (level.position == position) return &level;
  }
  return nullptr;
}

bool wasTold(const Deviation& deviation, std::string_view person) {
  return std::any_of(
      deviation.levels.begin(), deviation.levels.end(), [&](const DeviationLevel& level) {
        return std::find(level.people.begin(), level.people.end(), person) != level.people.end();
      });
}

bool reachedCouncil(const Deviation& deviation, const ChainIndex& index) {
  return std::any_of(
      deviation.levels.begin(), deviation.levels.end(), [&](const DeviationLevel& level) {
        const Unit* unit = index.unit(level.unit);
        return level.released_at.empty() && unit != nullptr && unit->kind == UnitKind::council;
      });
}

bool actionsSettled(const Deviation& deviation) {
  return std::all_of(
      deviation.actions.begin(), deviation.actions.end(), [](const DeviationAction& action) {
        return action.status == ActionStatus::done || action.status == ActionStatus::moved;
      });
}

}  // namespace styr::domain
