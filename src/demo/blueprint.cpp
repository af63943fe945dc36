#include "demo/blueprint.hpp"

namespace styr::demo {

Sector sectorOf(UnitType type) {
  // The enumerators are listed sector by sector; the last of each sector marks its end.
  if (type <= UnitType::mother_tongue) return Sector::learning;
  if (type <= UnitType::maps_gis) return Sector::urban_development;
  if (type <= UnitType::preventive_care) return Sector::care;
  if (type <= UnitType::domestic_violence) return Sector::family_care;
  return Sector::internal_support;
}

}  // namespace styr::demo
