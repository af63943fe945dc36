#pragma once
// The year's follow-up plan (D10, L6): which meetings take up which period and topics, and by
// when each level supplying input must have reported. Deadlines are counted backwards from the
// meeting on Swedish business days (business_days.hpp), each level from the deadline of the
// level it supplies, so a late change of a meeting date moves the whole chain below it.

#include <optional>
#include <vector>

#include "domain/model.hpp"
#include "domain/rules.hpp"

namespace styr::domain {

//! Business days each supplying level needs before the level it supplies must have its input.
//! The defaults follow how a Swedish municipality's papers travel:
struct LeadTimes {
  //! Before the council's meeting: the board decides to hand its report over at its own
  //! meeting about three weeks earlier, so that the council's presidium can prepare it and it
  //! goes out with the notice of the meeting, which is published at least a week before.
  int executive_board = 15;
  //! Before the board's meeting, or before the board's deadline when the board supplies the
  //! council: the board's papers go out about a working week before it meets.
  int chief_executive = 5;
  //! Committees report to the council alongside the board, decided at their own meetings, on
  //! the board's timetable.
  int committee = 15;
  //! Before the chief executive's deadline: the office needs about three days to compile the
  //! sectors' reports into one.
  int sector = 3;
  //! Before the sector's deadline: likewise, the sector compiles its units' reports.
  int unit = 3;

  //! The lead time of `level`; 0 for the council, which supplies no one.
  [[nodiscard]] int of(FollowUpLevel level) const;
};

//! The level whose deadline or meeting `level`'s input goes to: unit -> sector ->
//! chief_executive -> executive_board -> council, committee -> council; none for the council.
std::optional<FollowUpLevel> suppliedLevel(FollowUpLevel level);

//! Whether `level` is below `above` in the chain, so that it can supply an occasion at `above`
//! (the committees stand beside the executive board, below the council only).
bool isBelow(FollowUpLevel level, FollowUpLevel above);

//! One deadline per distinct level of `supplying`, lowest level first (unit, sector,
//! chief_executive, committee, executive_board). Each level counts its lead time back from the
//! deadline of the level it supplies, or of the next level up that is among `supplying`, and
//! from the meeting when that is the occasion's level or none is; a deadline that would fall on
//! a day off moves to the business day before. Levels not below `occasion_level` count from the
//! meeting (checkFollowUpPlan reports them).
std::vector<LevelDeadline> computeDeadlines(FollowUpLevel occasion_level, const Date& meeting,
                                            const std::vector<FollowUpLevel>& supplying,
                                            const LeadTimes& lead_times = {});

//! The default plan of `year` as the seed describes it (D10), ordered by period_end, then code:
//! - the council (the unit of kind council) twice: "<year>-DELAR", the interim report on
//!   1 January - 31 August, at the council's meeting on the last Wednesday of October; and
//!   "<year>-AR", the annual report, on the last Wednesday of April of the next year. Both take
//!   up every topic and are supplied by every level (committees only where there are any);
//! - the executive board (the unit of kind executive_board) after each month but July, August
//!   and December (the council's occasions cover August and December): "<year>-KS-<MM>" on the
//!   last Wednesday of the next month, the June period on the last Wednesday of August as the
//!   board does not meet in July. Finances every month, staff after February and October,
//!   internal control after June and November; April's is the tertial, which also takes up
//!   operations and quality goals. The monthly ones are supplied by the chief executive and the
//!   sectors, the tertial by every level below the board.
//! A meeting day that is not a business day moves to the business day before. Each body is the
//! unit of its kind valid on the meeting day; without one, its occasions are left out, and
//! checkFollowUpPlan says what is missing.
std::vector<FollowUpOccasion> defaultFollowUpPlan(int year, const OrganisationData& data,
                                                  const LeadTimes& lead_times = {});

//! What is wrong with `plan` as the follow-up plan of `year`, in plan order; paths are
//! "occasions[i]..." into `plan`. Rule "L6": the year has an interim report, which covers 6-8
//! months (it ends at the end of June, July or August) and which the executive board hands over
//! (its deadline) within two months of the period's end. Rule "D10": the year has an annual
//! report and at least one occasion of the executive board. Rule "plan": codes are unique,
//! every occasion belongs to `year` and its period ends within it, the meeting comes after the
//! period's end, every deadline is after the period's end and on or before the meeting, each
//! level is listed once and is below the occasion's level, and no level's deadline is after
//! the deadline of the level it supplies.
std::vector<Violation> checkFollowUpPlan(int year, const std::vector<FollowUpOccasion>& plan);

}  // namespace styr::domain
