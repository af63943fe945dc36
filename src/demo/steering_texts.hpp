#pragma once
// The Swedish texts of the demo's steering chain: the mandate programme's goals, the budget
// goals carried over from them, and the operational plan's assignments with what the units
// and their employees are asked to do. Shared by the Lerum demo and the generator, so that
// every demo municipality steers by the same chain.

#include <string>
#include <vector>

#include "demo/blueprint.hpp"
#include "domain/model.hpp"

namespace styr::demo {

//! One assignment of the operational plan and how it travels down the chain.
struct AssignmentText {
  std::string title = {};        //!< board -> chief executive, chief executive -> sector
  std::string description = {};  //!< the WHAT, in the board's words
  std::string unit_title = {};   //!< sector -> unit
  std::vector<std::string> activities = {};  //!< unit -> workplace or employee
  std::vector<UnitType> scope = {};          //!< the units it reaches; empty: every unit
  std::string indicator = {};                //!< indicator code, or empty
  std::string deliverable = {};              //!< or empty
  unsigned deliverable_month = 0;            //!< due at the end of this month of the plan's year
};

struct BudgetGoalText {
  domain::ItemKind kind = domain::ItemKind::goal;
  std::string title = {};
  std::string description = {};
  std::vector<std::string> indicators = {};
  //! Empty on purpose for one goal: a council goal nobody carried on (a coverage finding).
  std::vector<AssignmentText> assignments = {};
};

struct MandateGoalText {
  domain::ItemKind kind = domain::ItemKind::goal;
  std::string title = {};
  std::string description = {};
  std::vector<BudgetGoalText> budget_goals = {};
};

const std::vector<MandateGoalText>& steeringThemes();

//! The recipients' plans (the HOW, D2), by level of the chain.
const std::vector<std::string>& unitPlans();
const std::vector<std::string>& workplacePlans();
const std::vector<std::string>& employeePlans();
//! Deliverables the bottom of the chain reports.
const std::vector<std::string>& smallDeliverables();

}  // namespace styr::demo
