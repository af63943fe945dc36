#pragma once
// The blueprint of a demo municipality: the names and sizes that differ between Lerum's
// hand-written demo and a generated municipality. Everything else (the political bodies, the
// chief executive's office, the steering chain, documents, indicators and values) is built
// the same way for both by buildOrganisation().

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace styr::demo {

//! The five sectors of the seed's administration, in the seed's order.
enum class Sector { learning, urban_development, care, family_care, internal_support };
inline constexpr std::size_t kSectorCount = 5;

//! What an enhet does. It decides how many people work there, which assignments reach it
//! and which indicators it reports; the sector it belongs to follows from it.
enum class UnitType {
  // Lärande
  compulsory_school,
  preschool_area,
  open_preschool,
  upper_secondary,
  adult_education,
  student_health,
  culture_school,
  special_school,
  mother_tongue,
  // Samhällsbyggnad
  building_permits,
  environment_health,
  planning,
  land_development,
  streets_traffic,
  parks_nature,
  water_sewage,
  property,
  cleaning,
  meals,
  libraries,
  youth_centres,
  sports_facilities,
  culture_events,
  fleet,
  waste,
  climate,
  maps_gis,
  // Vård och omsorg
  home_care,
  nursing_home,
  short_term_care,
  disability_housing,
  daily_activity,
  personal_assistance,
  home_health,
  rehabilitation,
  needs_assessment,
  preventive_care,
  // Individ- och familjeomsorg
  child_reception,
  child_investigation,
  child_support,
  foster_care,
  family_centre,
  family_law,
  financial_aid,
  addiction,
  social_psychiatry,
  labour_market,
  youth_housing,
  domestic_violence,
  // Internt stöd
  finance,
  hr,
  it,
  communication,
  secretariat,
  procurement,
  payroll,
  contact_centre,
  digitalisation,
  security,
  archive,
};

Sector sectorOf(UnitType type);

//! One enhet and the arbetsplatser (workplaces) below it.
struct UnitSpec {
  UnitType type = UnitType::finance;
  std::string name;
  std::vector<std::string> workplaces = {};
  //! Workplaces closed on 2024-06-30; their staff moved to the unit's first workplace.
  std::vector<std::string> closed_workplaces = {};
  //! The head left on 2024-12-31 and the post is still vacant: a coverage finding.
  bool vacant = false;
};

struct VisionSpec {
  std::string title;
  std::string summary;
  domain::Date decided;
  domain::Date valid_from;
  domain::Date valid_to;
};

struct Blueprint {
  std::string scb_code;
  std::string name;
  std::string email_domain;  //!< people's addresses: fornamn.efternamn@<email_domain>
  std::uint64_t seed = 0;    //!< people's names, staffing, dates, decisions and values
  int council_seats = 51;    //!< the council chair included
  int council_substitutes = 10;
  int board_seats = 11;  //!< the board chair included
  std::vector<std::string> drafting_committees;
  //! Committees (nämnder); the first is the election committee, whose money peaks in the
  //! election year.
  std::vector<std::string> committees;
  //! Municipal companies; the first gets the council's owner directive.
  std::vector<std::string> companies;
  std::array<std::vector<UnitSpec>, kSectorCount> units;  //!< per Sector, in Sector order
  int employees = 2500;  //!< people with an employee membership today
  std::int64_t budget_2025_sek = 2'500'000'000;
  VisionSpec vision;
  std::string mandate_programme_title;  //!< for the 2023-2026 term
};

}  // namespace styr::demo
