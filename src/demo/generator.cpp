#include "demo/generator.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "demo/follow_up_year.hpp"
#include "demo/lerum_blueprint.hpp"
#include "demo/organisation_builder.hpp"
#include "demo/random.hpp"
#include "demo/swedish_names.hpp"

namespace styr::demo {

namespace {

// Made-up localities and friendly names, each handed out once per municipality.
class NameSource {
 public:
  explicit NameSource(SplitMix64& rng) : rng_(rng), friendly_(friendlyNames()) {
    rng_.shuffle(friendly_);
  }

  std::string locality() {
    for (;;) {
      std::string name = rng_.pick(placePrefixes()) + rng_.pick(placeSuffixes());
      if (used_localities_.insert(name).second) return name;
    }
  }

  //! "Ekorren"; once the bank is used up, "Ekorren i Björkvik".
  std::string friendly() {
    const std::string& word = friendly_[next_friendly_ % friendly_.size()];
    bool repeated = next_friendly_++ >= friendly_.size();
    return repeated ? word + " i " + locality() : word;
  }

 private:
  SplitMix64& rng_;
  std::vector<std::string> friendly_;
  std::size_t next_friendly_ = 0;
  std::unordered_set<std::string> used_localities_;
};

std::string workplaceName(UnitType type, std::size_t idx, NameSource& names) {
  using enum UnitType;
  switch (type) {
    case compulsory_school:
      return names.locality() + "skolan";
    case preschool_area:
      return "Förskolan " + names.friendly();
    case open_preschool:
      return "Öppna förskolan " + names.locality();
    case water_sewage:
      return (idx % 2 == 0 ? "Vattenverket i " : "Reningsverket i ") + names.locality();
    case meals:
      return "Tillagningsköket " + names.locality() + "skolan";
    case libraries:
      return names.locality() + " bibliotek";
    case youth_centres:
      return "Fritidsgården " + names.locality();
    case sports_facilities:
      return names.locality() + (idx % 2 == 0 ? " sporthall" : " simhall");
    case waste:
      return "Återvinningscentralen " + names.locality();
    case nursing_home:
      return "Äldreboendet " + names.friendly();
    case short_term_care:
      return "Korttidsboendet " + names.friendly();
    case disability_housing:
      return "Gruppbostaden " + names.friendly();
    case daily_activity:
      return "Dagliga verksamheten " + names.friendly();
    case preventive_care:
      return "Träffpunkt " + names.locality();
    case family_centre:
      return "Familjecentralen " + names.locality();
    case social_psychiatry:
      return "Stödboendet " + names.friendly();
    case labour_market:
      return "Återbruket " + names.locality();
    case youth_housing:
      return "HVB-hemmet " + names.friendly();
    default:
      return "Arbetsplats " + names.locality();
  }
}

// A name for the idx-th unit of a type the Lerum demo has more than one of.
std::string unitName(UnitType type, std::size_t idx, const std::string& stem, NameSource& names) {
  using enum UnitType;
  switch (type) {
    case compulsory_school:
      return "Grundskola " + names.locality();
    case preschool_area:
      return "Förskoleområde " + names.locality();
    case upper_secondary: {
      static constexpr std::array<std::string_view, 3> kPrograms{"högskoleförberedande program",
                                                                 "yrkes- och introduktionsprogram",
                                                                 "introduktionsprogram"};
      return stem + " gymnasium, " + std::string(kPrograms[idx % kPrograms.size()]);
    }
    case meals:
      return "Måltidsservice " + names.locality();
    case home_care:
      return "Hemtjänst " + names.locality();
    case nursing_home:
      return "Särskilt boende " + names.locality();
    case disability_housing:
      return "Bostad med särskild service " + names.locality();
    case daily_activity:
      return "Daglig verksamhet " + names.locality();
    case home_health:
      return "Hemsjukvård " + names.locality();
    default:
      return "Enhet " + names.locality();
  }
}

struct TypeShape {
  UnitType type;
  std::string name;                     //!< Lerum's name, kept for the kinds it has once
  std::vector<std::size_t> workplaces;  //!< per Lerum unit of this type
};

// Lerum's units of one sector grouped by type, in the order they first appear.
std::vector<TypeShape> shapeOf(const std::vector<UnitSpec>& units) {
  std::vector<TypeShape> shapes;
  for (const UnitSpec& unit : units) {
    auto found = std::find_if(shapes.begin(), shapes.end(),
                              [&](const TypeShape& shape) { return shape.type == unit.type; });
    if (found == shapes.end()) {
      shapes.push_back({unit.type, unit.name, {}});
      found = shapes.end() - 1;
    }
    found->workplaces.push_back(unit.workplaces.size());
  }
  return shapes;
}

// The sector's units: Lerum's kinds of units, those Lerum has several of scaled by the
// municipality's size, each kind present at least once.
std::vector<UnitSpec> generateUnits(const std::vector<UnitSpec>& lerum, int size_percent,
                                    const std::string& stem, NameSource& names) {
  std::vector<UnitSpec> units;
  for (const TypeShape& shape : shapeOf(lerum)) {
    std::size_t lerum_count = shape.workplaces.size();
    if (lerum_count == 1 && shape.workplaces[0] == 0) {
      units.push_back({shape.type, shape.name, {}});
      continue;
    }
    std::size_t count =
        lerum_count == 1 ? 1 : std::max<std::size_t>(1, (lerum_count * size_percent + 50) / 100);
    for (std::size_t idx = 0; idx < count; ++idx) {
      UnitSpec unit{
          shape.type, lerum_count == 1 ? shape.name : unitName(shape.type, idx, stem, names), {}};
      std::size_t workplaces = shape.workplaces[idx % lerum_count];
      for (std::size_t wp = 0; wp < workplaces; ++wp) {
        unit.workplaces.push_back(workplaceName(shape.type, wp, names));
      }
      units.push_back(std::move(unit));
    }
  }
  return units;
}

// "Lerums kommun" -> "Lerums": the genitive form Swedish compounds with ("Lerumsbostäder").
std::string stemOf(const std::string& name) {
  for (std::string_view suffix : {" kommun", " stad"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      return name.substr(0, name.size() - suffix.size());
    }
  }
  return name;
}

int councilSeats(int size_percent) {
  if (size_percent < 55) return 31;
  if (size_percent < 80) return 41;
  if (size_percent < 115) return 51;
  if (size_percent < 140) return 61;
  return 71;
}

domain::Date ymd(int year, unsigned month, unsigned day) {
  return domain::Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

Blueprint generatedBlueprint(const std::string& scb_code, const std::string& name,
                             std::uint64_t seed) {
  SplitMix64 rng(SplitMix64(seed).next() ^ hashText(name, hashText(scb_code)));
  NameSource names(rng);
  Blueprint lerum = lerumBlueprint();
  std::string stem = stemOf(name);
  int size_percent = rng.between(40, 160);

  Blueprint blueprint;
  blueprint.scb_code = scb_code;
  blueprint.name = name;
  blueprint.email_domain = asciiFold(stem, '-') + ".example";
  blueprint.seed = rng.next();
  blueprint.council_seats = councilSeats(size_percent);
  blueprint.council_substitutes = blueprint.council_seats / 5;
  blueprint.board_seats = blueprint.council_seats > 51 ? 13 : 11;

  std::vector<std::string> drafting = {"Beredningen för lärande",
                                       "Beredningen för vård och omsorg",
                                       "Beredningen för samhällsbyggnad",
                                       "Beredningen för miljö och hållbar utveckling",
                                       "Demokratiberedningen",
                                       "Beredningen för kultur och fritid",
                                       "Beredningen för näringsliv och arbete"};
  rng.shuffle(drafting);
  drafting.resize(static_cast<std::size_t>(rng.between(3, 5)));
  blueprint.drafting_committees = std::move(drafting);
  std::vector<std::string> second_committees = {"Överförmyndarnämnden",
                                                "Miljö- och byggnadsnämnden", "Myndighetsnämnden"};
  blueprint.committees = {"Valnämnden", rng.pick(second_committees)};
  blueprint.companies = {stem + "bostäder AB"};
  if (rng.chance(500)) blueprint.companies.push_back(stem + " Energi AB");

  for (std::size_t sector = 0; sector < kSectorCount; ++sector) {
    blueprint.units[sector] = generateUnits(lerum.units[sector], size_percent, stem, names);
  }
  // The same history and gap as the demo: a preschool closed in 2024 and a vacant head.
  auto& learning = blueprint.units[static_cast<std::size_t>(Sector::learning)];
  auto preschool = std::find_if(learning.begin(), learning.end(), [](const UnitSpec& unit) {
    return unit.type == UnitType::preschool_area && unit.workplaces.size() >= 2;
  });
  if (preschool != learning.end()) {
    preschool->closed_workplaces.push_back("Förskolan " + names.friendly());
  }
  auto& care = blueprint.units[static_cast<std::size_t>(Sector::care)];
  auto health = std::find_if(care.rbegin(), care.rend(), [](const UnitSpec& unit) {
    return unit.type == UnitType::home_health;
  });
  if (health != care.rend()) health->vacant = true;

  blueprint.employees = lerum.employees * size_percent / 100;
  blueprint.budget_2025_sek =
      static_cast<std::int64_t>(blueprint.employees) * rng.between(950, 1050) * 1000;

  static const std::vector<std::string> kVisionSummaries{
      "Vi ska vara en grön och trygg kommun att leva, bo och verka i.",
      "En hållbar kommun där alla kan växa.",
      "Kommunen ska vara en plats där människor och företag vill stanna och utvecklas.",
      "Tillsammans bygger vi en klimatsmart och inkluderande kommun."};
  int vision_year = rng.pick(std::vector<int>{2030, 2035, 2040});
  int decided_year = rng.between(2015, 2020);
  blueprint.vision = {"Vision " + std::to_string(vision_year), rng.pick(kVisionSummaries),
                      ymd(decided_year, static_cast<unsigned>(rng.between(2, 11)),
                          static_cast<unsigned>(rng.between(1, 28))),
                      ymd(decided_year + 1, 1, 1), ymd(vision_year, 12, 31)};
  static const std::vector<std::string> kMandateTitles{
      "Mål och inriktning 2023–2026", "Mandatprogram 2023–2026", "Strategisk plan 2023–2026",
      "Vilja och mål 2023–2026"};
  blueprint.mandate_programme_title = rng.pick(kMandateTitles);
  return blueprint;
}

}  // namespace

domain::OrganisationData generateMunicipality(const std::string& scb_code, const std::string& name,
                                              std::uint64_t seed, DemoFollowUp follow_up) {
  Blueprint blueprint = generatedBlueprint(scb_code, name, seed);
  domain::OrganisationData data = buildOrganisation(blueprint);
  if (follow_up == DemoFollowUp::year_2025) {
    // The same year of follow-up as the demo's, seen on the same day.
    addFollowUpYear(data, 2025, lerumDemoDate(), blueprint.seed);
  }
  return data;
}

}  // namespace styr::demo
