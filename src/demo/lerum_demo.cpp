#include "demo/lerum_demo.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "demo/follow_up_year.hpp"
#include "demo/lerum_blueprint.hpp"
#include "demo/organisation_builder.hpp"

namespace styr::demo {

namespace {

// Lerum's places, schools and services by name. The seed gives the numbers (51 councillors,
// 11 on the board, 5 drafting committees, the five sectors, about 2,500 employees, 120
// managers and more than 100 workplaces); the names are Lerum's localities, and the
// institutions are plausible rather than an exact copy of Lerum's organisation chart.
std::array<std::vector<UnitSpec>, kSectorCount> lerumUnits() {
  using enum UnitType;
  std::vector<UnitSpec> learning{
      {compulsory_school, "Grundskola Aspenäs", {"Aspenässkolan"}},
      {compulsory_school, "Grundskola Berghult", {"Berghultskolan"}},
      {compulsory_school, "Grundskola Hulan", {"Hulanskolan"}},
      {compulsory_school, "Grundskola Rydsberg", {"Rydsbergsskolan"}},
      {compulsory_school, "Grundskola Torstorp", {"Torstorpsskolan"}},
      {compulsory_school, "Grundskola Gläntan", {"Gläntanskolan"}},
      {compulsory_school, "Grundskola Haga", {"Hagaskolan"}},
      {compulsory_school, "Grundskola Gråbo", {"Gråboskolan", "Ekdalaskolan"}},
      {compulsory_school, "Grundskola Öxabäck", {"Öxabäckskolan"}},
      {compulsory_school, "Grundskola Floda", {"Flodaskolan", "Säveskolan"}},
      {compulsory_school, "Grundskola Stenkullen", {"Stenkullaskolan"}},
      {compulsory_school, "Grundskola Tollered", {"Tollereds skola"}},
      {compulsory_school, "Grundskola Sjövik", {"Sjövikskolan"}},
      {compulsory_school, "Grundskola Norsesund", {"Norsesunds skola"}},
      {compulsory_school, "Grundskola Solbacken", {"Solbackeskolan"}},
      {compulsory_school, "Grundskola Knapegården", {"Knapegårdsskolan"}},
      {compulsory_school, "Grundskola Olstorp", {"Olstorpsskolan"}},
      {compulsory_school, "Grundskola Skårby", {"Skårbyskolan"}},
      {compulsory_school, "Grundskola Almekärr", {"Almekärrsskolan"}},
      {preschool_area,
       "Förskoleområde Lerum centrum",
       {"Förskolan Solstrålen", "Förskolan Ekorren", "Förskolan Kotten"}},
      {preschool_area,
       "Förskoleområde Aspen",
       {"Förskolan Aspen", "Förskolan Blåklockan", "Förskolan Skogsgläntan"},
       {"Förskolan Gläntan"}},
      {preschool_area, "Förskoleområde Hulan", {"Förskolan Hulan", "Förskolan Myran"}},
      {preschool_area,
       "Förskoleområde Rydsberg",
       {"Förskolan Rydsberg", "Förskolan Lärkan", "Förskolan Trollskogen"}},
      {preschool_area, "Förskoleområde Torstorp", {"Förskolan Torstorp", "Förskolan Humlan"}},
      {preschool_area,
       "Förskoleområde Gråbo norr",
       {"Förskolan Ekdala", "Förskolan Nyckelpigan", "Förskolan Tallbacken"}},
      {preschool_area, "Förskoleområde Gråbo söder", {"Förskolan Öxabäck", "Förskolan Mossen"}},
      {preschool_area,
       "Förskoleområde Floda",
       {"Förskolan Floda", "Förskolan Säven", "Förskolan Ugglan"}},
      {preschool_area, "Förskoleområde Stenkullen", {"Förskolan Stenkullen", "Förskolan Bävern"}},
      {preschool_area, "Förskoleområde Tollered", {"Förskolan Tollered", "Förskolan Nääs"}},
      {preschool_area, "Förskoleområde Sjövik", {"Förskolan Sjövik", "Förskolan Sjöstjärnan"}},
      {preschool_area, "Förskoleområde Norsesund", {"Förskolan Norsesund", "Förskolan Kastanjen"}},
      {preschool_area, "Förskoleområde Olstorp", {"Förskolan Olstorp", "Förskolan Vitsippan"}},
      {preschool_area,
       "Förskoleområde Knapegården",
       {"Förskolan Knapegården", "Förskolan Lingonet"}},
      {open_preschool, "Öppen förskola", {"Öppna förskolan Lerum", "Öppna förskolan Gråbo"}},
      {upper_secondary, "Lerums gymnasium, högskoleförberedande program", {}},
      {upper_secondary, "Lerums gymnasium, yrkes- och introduktionsprogram", {}},
      {adult_education, "Vuxenutbildningen", {}},
      {student_health, "Centrala elevhälsan", {}},
      {culture_school, "Kulturskolan", {}},
      {special_school, "Anpassad grundskola", {}},
      {mother_tongue, "Modersmål och studiehandledning", {}},
  };
  std::vector<UnitSpec> urban_development{
      {building_permits, "Bygglov", {}},
      {environment_health, "Miljö och hälsoskydd", {}},
      {planning, "Detaljplanering", {}},
      {land_development, "Mark och exploatering", {}},
      {maps_gis, "Kart och GIS", {}},
      {streets_traffic, "Gata och trafik", {}},
      {parks_nature, "Park och natur", {}},
      {water_sewage, "Vatten och avlopp", {"Vattenverket i Hjällsnäs", "Reningsverket i Floda"}},
      {property, "Fastighetsförvaltning", {}},
      {cleaning, "Lokalvård", {}},
      {meals,
       "Måltidsservice Lerum",
       {"Tillagningsköket Aspenässkolan", "Tillagningsköket Rydsbergsskolan",
        "Tillagningsköket Hagaskolan"}},
      {meals,
       "Måltidsservice Gråbo och Floda",
       {"Tillagningsköket Gråboskolan", "Tillagningsköket Flodaskolan",
        "Tillagningsköket Stenkullaskolan"}},
      {meals, "Måltidsservice vård och omsorg", {"Centralköket Lerum"}},
      {libraries, "Bibliotek", {"Lerums bibliotek", "Gråbo bibliotek", "Floda bibliotek"}},
      {youth_centres,
       "Fritidsgårdar",
       {"Fritidsgården Lerum", "Fritidsgården Gråbo", "Fritidsgården Floda"}},
      {sports_facilities, "Idrott och anläggningar", {"Lerums simhall", "Gråbo sporthall"}},
      {culture_events, "Kultur och evenemang", {}},
      {fleet, "Fordon och transport", {}},
      {waste, "Avfall och återvinning", {"Återvinningscentralen Lerum"}},
      {climate, "Klimat och hållbarhet", {}},
  };
  std::vector<UnitSpec> care{
      {home_care, "Hemtjänst Lerum centrum", {}},
      {home_care, "Hemtjänst Aspen och Hulan", {}},
      {home_care, "Hemtjänst Gråbo", {}},
      {home_care, "Hemtjänst Floda", {}},
      {home_care, "Hemtjänst Stenkullen och Tollered", {}},
      {home_care, "Hemtjänst Sjövik och Norsesund", {}},
      {home_care, "Hemtjänst natt", {}},
      {nursing_home, "Särskilt boende Lerum", {"Äldreboendet Solkatten", "Äldreboendet Almekärr"}},
      {nursing_home, "Särskilt boende Gråbo", {"Äldreboendet Ekdalen"}},
      {nursing_home, "Särskilt boende Floda", {"Äldreboendet Flodahemmet"}},
      {nursing_home, "Särskilt boende Stenkullen", {"Äldreboendet Stenkullen"}},
      {nursing_home, "Demensboenden", {"Demensboendet Ljungen", "Demensboendet Lärkan"}},
      {short_term_care, "Korttidsenheten", {"Korttidsboendet Aspen"}},
      {disability_housing,
       "Bostad med särskild service Lerum",
       {"Gruppbostaden Björken", "Gruppbostaden Rönnen", "Gruppbostaden Linden"}},
      {disability_housing,
       "Bostad med särskild service Gråbo",
       {"Gruppbostaden Eken", "Gruppbostaden Granen"}},
      {disability_housing,
       "Bostad med särskild service Floda",
       {"Servicebostaden Floda", "Gruppbostaden Tallen"}},
      {disability_housing,
       "Bostad med särskild service Stenkullen",
       {"Gruppbostaden Almen", "Gruppbostaden Lönnen"}},
      {daily_activity,
       "Daglig verksamhet Lerum",
       {"Dagliga verksamheten Verkstan", "Dagliga verksamheten Café Kvarnen"}},
      {daily_activity,
       "Daglig verksamhet Gråbo och Floda",
       {"Dagliga verksamheten Gården", "Dagliga verksamheten Ateljén"}},
      {personal_assistance, "Personlig assistans", {}},
      {home_health, "Hemsjukvård Lerum", {}},
      {home_health, "Hemsjukvård Gråbo och Floda", {}, {}, true},
      {rehabilitation, "Rehabilitering", {}},
      {needs_assessment, "Biståndshandläggning", {}},
      {preventive_care,
       "Förebyggande verksamhet och anhörigstöd",
       {"Träffpunkt Lerum", "Träffpunkt Gråbo"}},
  };
  std::vector<UnitSpec> family_care{
      {child_reception, "Mottagning barn och unga", {}},
      {child_investigation, "Utredning barn och unga", {}},
      {child_support, "Insatser barn och unga", {}},
      {foster_care, "Familjehemsenheten", {}},
      {family_centre, "Familjecentraler", {"Familjecentralen Lerum", "Familjecentralen Gråbo"}},
      {family_law, "Familjerätt", {}},
      {financial_aid, "Ekonomiskt bistånd", {}},
      {addiction, "Vuxenenheten, missbruk och beroende", {}},
      {social_psychiatry, "Socialpsykiatri", {"Stödboendet Hulan", "Boendestödet Lerum"}},
      {labour_market, "Arbetsmarknadsenheten", {"Återbruket Lerum"}},
      {youth_housing, "HVB och stödboende för unga", {"HVB-hemmet Aspen"}},
      {domestic_violence, "Enheten mot våld i nära relationer", {}},
  };
  std::vector<UnitSpec> internal_support{
      {finance, "Ekonomienheten", {}},
      {hr, "HR-enheten", {}},
      {it, "IT-enheten", {}},
      {communication, "Kommunikationsenheten", {}},
      {secretariat, "Kansliet", {}},
      {procurement, "Upphandlingsenheten", {}},
      {payroll, "Lönecentrum", {}},
      {contact_centre, "Kontaktcenter", {}},
      {digitalisation, "Digitaliseringsenheten", {}},
      {security, "Säkerhet och beredskap", {}},
      {archive, "Arkiv och registratur", {}},
  };
  return {std::move(learning), std::move(urban_development), std::move(care),
          std::move(family_care), std::move(internal_support)};
}

std::string firstWith(const domain::OrganisationData& data, std::string_view unit,
                      domain::Role role) {
  for (const domain::Membership& membership : data.memberships) {
    if (membership.unit == unit && membership.role == role) return membership.person;
  }
  return {};
}

DemoKeyPeople findKeyPeople(const domain::OrganisationData& data) {
  DemoKeyPeople people;
  std::unordered_set<std::string_view> on_board;
  for (const domain::Membership& membership : data.memberships) {
    if (membership.unit == "KS") on_board.insert(membership.person);
  }
  for (const domain::Membership& membership : data.memberships) {
    if (membership.unit == "KF" && membership.role == domain::Role::member &&
        on_board.count(membership.person) == 0) {
      people.council_member = membership.person;
      break;
    }
  }
  people.board_member = firstWith(data, "KS", domain::Role::chair);
  people.chief_executive = firstWith(data, "KD", domain::Role::head);
  people.sector_head = firstWith(data, "SEK-LAR", domain::Role::head);
  people.unit_manager = firstWith(data, "LAR-E01", domain::Role::head);
  auto activity = std::find_if(data.items.begin(), data.items.end(), [](const auto& item) {
    return item.issuer == "LAR-E01" && !item.recipient_person.empty();
  });
  if (activity != data.items.end()) people.employee = activity->recipient_person;
  people.controller = firstWith(data, "KF", domain::Role::controller);
  for (const domain::Membership& membership : data.memberships) {
    if (membership.role == domain::Role::administrator) {
      people.administrator = membership.person;
      break;
    }
  }
  return people;
}

}  // namespace

Blueprint lerumBlueprint() {
  Blueprint blueprint;
  blueprint.scb_code = "1441";
  blueprint.name = "Lerums kommun";
  blueprint.email_domain = "lerum.example";
  blueprint.seed = 0x4ebd3bcec79218b3ULL;  // the seed document's id: any fixed value would do
  blueprint.council_seats = 51;
  blueprint.council_substitutes = 10;
  blueprint.board_seats = 11;
  blueprint.drafting_committees = {"Beredningen för lärande", "Beredningen för vård och omsorg",
                                   "Beredningen för samhällsbyggnad",
                                   "Beredningen för miljö och hållbar utveckling",
                                   "Demokratiberedningen"};
  blueprint.committees = {"Valnämnden", "Överförmyndarnämnden"};
  blueprint.companies = {"Lerumsbostäder AB", "Lerum Fjärrvärme AB"};
  blueprint.units = lerumUnits();
  blueprint.employees = 2500;
  blueprint.budget_2025_sek = 2'480'000'000;
  blueprint.vision = {
      "Vision 2025", "År 2025 ska kommunen vara Sveriges ledande miljökommun.",
      domain::Date{std::chrono::year{2009}, std::chrono::November, std::chrono::day{26}},
      domain::Date{std::chrono::year{2010}, std::chrono::January, std::chrono::day{1}},
      domain::Date{std::chrono::year{2025}, std::chrono::December, std::chrono::day{31}}};
  blueprint.mandate_programme_title = "Vilja och mål 2023–2026";
  return blueprint;
}

domain::OrganisationData buildLerumDemo(DemoFollowUp follow_up) {
  Blueprint blueprint = lerumBlueprint();
  domain::OrganisationData data = buildOrganisation(blueprint);
  if (follow_up == DemoFollowUp::year_2025) {
    addFollowUpYear(data, 2025, lerumDemoDate(), blueprint.seed);
  }
  return data;
}

DemoKeyPeople lerumKeyPeople() {
  static const DemoKeyPeople people = findKeyPeople(buildLerumDemo(DemoFollowUp::none));
  return people;
}

domain::Date lerumDemoDate() {
  return domain::Date{std::chrono::year{2025} / 11 / 30};
}

}  // namespace styr::demo
