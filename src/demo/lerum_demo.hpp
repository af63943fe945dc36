#pragma once
// The Lerum demo: Lerum's own steering model ("Så styr vi Lerum") as data, with Lerum's
// political bodies, sectors, units and workplaces by name and fictional people. The unit and
// item codes are described in demo/organisation_builder.hpp.

#include <string>

#include "domain/model.hpp"

namespace styr::demo {

//! Whether the demo holds its year of follow-up (demo/follow_up_year.hpp): the 2025 plan and
//! the report-backs to it up to lerumDemoDate(). Without it, for tests that build a plan and
//! report-backs of their own on the demo's steering chain.
enum class DemoFollowUp { year_2025, none };

//! The Lerum demo organisation: deterministic, built from the seed's facts.
domain::OrganisationData buildLerumDemo(DemoFollowUp follow_up = DemoFollowUp::year_2025);

//! Person codes of the demo's key people, one per kind of user (used later for demo logins).
struct DemoKeyPeople {
  std::string council_member;   //!< a councillor outside the board, chair of a drafting committee
  std::string board_member;     //!< the executive board's chair
  std::string chief_executive;  //!< the first of the two chief executives (head of KD)
  std::string sector_head;      //!< head of Lärande (SEK-LAR)
  std::string unit_manager;     //!< head of the first school unit (LAR-E01)
  std::string employee;         //!< an employee of LAR-E01 who was given activities
  std::string controller;       //!< the controller who is secretary of the council and board
  std::string administrator;    //!< the system administrator in the IT unit
};

DemoKeyPeople lerumKeyPeople();

//! The day the demo is a snapshot of (late in its year, 2025): the date its analyses use, so
//! that they read as they would have then rather than after the term of office has ended.
domain::Date lerumDemoDate();

}  // namespace styr::demo
