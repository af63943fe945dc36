#pragma once
// Deviations (D11, D13): reported by anyone on their unit, known at once by every level of the
// chain between the unit and the level the gravity reaches, with a timeline of who knew what
// when that is only ever appended to. The records as plain values and the pure rules of the
// escalation path; the use cases (app/deviation_use_cases) add the clock, the store and the
// notifications.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/chain_index.hpp"
#include "domain/date.hpp"
#include "domain/model.hpp"

namespace styr::domain {

inline constexpr int kLowestGravity = 1;
inline constexpr int kHighestGravity = 4;

//! One level of the chain that must know of a deviation: a unit (an administrative unit,
//! whose heads are told) or a political body (whose chair and secretary are told).
struct DeviationLevel {
  int position = 1;  //!< 1 = the reporting unit, counting upwards
  std::string unit;
  std::vector<std::string> people;  //!< who was told (person codes); empty: nobody holds the post
  std::string notified_at;          //!< ISO timestamp
  std::string acknowledged_at;      //!< empty until someone of the level says "I know"
  std::string acknowledged_by;
  //! When the sweep acts on this level next if it has not acknowledged: remind it, then, the
  //! limit passing again, escalate further. Empty when nothing is due.
  std::string due_at;
  std::string reminded_at;
  std::string escalated_at;  //!< its silence made the sweep tell the next level
  std::string released_at;   //!< the gravity was lowered below it before it acknowledged
};

//! A corrective action decided on a deviation (owner, due date, status).
struct DeviationAction {
  int number = 1;
  std::string description;
  std::string owner;  //!< person code
  Date due;
  ActionStatus status = ActionStatus::planned;
  std::string added_by;
  std::string added_at;
};

//! One entry of the timeline; never changed or removed once written.
struct DeviationEvent {
  int sequence = 1;
  std::string at;      //!< ISO timestamp
  std::string person;  //!< who did it; empty when the sweep did
  DeviationEventKind kind = DeviationEventKind::reported;
  std::string text;  //!< the comment, assessment, reason or note
  int gravity = 0;   //!< the gravity after the step (reported, raised, lowered)
  int level = 0;     //!< the level concerned (notified, acknowledged, reminded), or 0
  int action = 0;    //!< the action concerned (action_added, action_changed), or 0
  std::vector<std::string> people;  //!< who was told (notified, reminded)
};

struct Deviation {
  std::string code;  //!< e.g. "AVV-2025-0007": per organisation and year of reporting
  std::string unit;  //!< the reporting unit
  std::string reported_by;
  std::string reported_at;
  DeviationCategory category = DeviationCategory::other;
  int gravity = 1;
  std::string title;
  std::string description;  //!< what happened
  Date occurred_on;
  std::vector<std::string> affected_items;
  std::vector<std::string> affected_indicators;
  std::optional<std::int64_t> budget_effect_sek;  //!< the estimated effect on the budget
  std::string immediate_actions;                  //!< what was done at once
  bool confidential = false;  //!< personal data (GDPR): only the reporter and the chain
  DeviationState state = DeviationState::open;
  std::string closing_note;
  std::string closed_by;
  std::string closed_at;
  //! When it reached the council, the council meeting it is information to (D11); unset
  //! while it has not, or when no council meeting was planned yet when it did.
  std::string council_listed_at;
  std::optional<Date> council_meeting;
  std::vector<DeviationLevel> levels;    //!< ordered by position
  std::vector<DeviationAction> actions;  //!< ordered by number
  std::vector<DeviationEvent> events;    //!< ordered by sequence
  std::int64_t revision = 1;             //!< optimistic concurrency of the stored row
};

//! What one gravity means in an organisation: how far up it must be known, and how long a
//! level has to acknowledge it (hours, or Swedish business days when business_days > 0).
struct GravityRule {
  int gravity = 1;
  EscalationReach reach = EscalationReach::unit;
  int hours = 0;
  int business_days = 0;
};

//! One rule per gravity, 1 to 4, in order.
struct DeviationSettings {
  std::vector<GravityRule> rules;
  [[nodiscard]] const GravityRule& rule(int gravity) const;
};

//! The defaults: gravity 1 the unit's head within three business days, 2 the sector
//! head within one, 3 the chief executive and the executive board within four hours, 4 the
//! council within one hour.
DeviationSettings defaultDeviationSettings();

//! Problems with a configuration (a gravity missing or twice, a reach that falls as the
//! gravity rises, a limit that is not positive), each naming its path ("rules[2].hours").
std::vector<std::string> settingsProblems(const DeviationSettings& settings);

//! How far a unit of this kind stands up the chain, in reach terms: units and workplaces (and
//! companies) are units, sectors sectors, the chief executive's office, the executive board,
//! the committees and the drafting committees the executive level, the council the council.
EscalationReach reachOf(UnitKind kind);

//! The units from `unit` up to the root, bottom first (the escalation path).
std::vector<std::string> escalationPath(const ChainIndex& index, std::string_view unit);

//! How many units of `path` a deviation reaching `reach` must be known by: every unit whose
//! reach is at most `reach`; and when the path has no unit of that reach (a unit directly
//! under the chief executive has no sector head), the next unit above as well, so that the
//! deviation always reaches someone at least as high as the gravity asks.
std::size_t levelsFor(const ChainIndex& index, const std::vector<std::string>& path,
                      EscalationReach reach);

//! Who is told at a level on `day`: the heads of an administrative unit; the chair and the
//! secretary (controller) of a political body. In membership order, each once; nobody for a
//! unit closed on `day`.
std::vector<std::string> peopleToTell(const ChainIndex& index, std::string_view unit,
                                      const Date& day);

//! The level at `position`, or null.
const DeviationLevel* levelAt(const Deviation& deviation, int position);

//! Whether `person` was told at some level (the chain that must know).
bool wasTold(const Deviation& deviation, std::string_view person);

//! Whether the deviation has reached the council (a level of kind council was told and not
//! released since).
bool reachedCouncil(const Deviation& deviation, const ChainIndex& index);

//! Whether every corrective action is done or moved (what closing needs).
bool actionsSettled(const Deviation& deviation);

}  // namespace styr::domain
