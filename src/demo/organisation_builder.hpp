#pragma once
// Builds a whole demo municipality from a blueprint: the one place that knows the demo's
// shape, so the Lerum demo and every generated municipality follow the same steering chain.
//
// Codes (stable, short, ASCII):
//   units        KF council, KF-BER1.. drafting committees, KS executive board, NMD-01..
//                committees, BOL-01.. companies, KD chief executive's office, SEK-LAR,
//                SEK-SAM, SEK-VOO, SEK-IFO, SEK-INT sectors, LAR-E01.. units (enheter),
//                LAR-A001.. workplaces (arbetsplatser), numbered per sector
//   people       P00001..; the chief executives, sector heads, controllers and the
//                administrator come first, then unit managers, employees and politicians
//   documents    VISION, VOM-2023, BUDGET-2025, VP-2025, RIKTLINJER-GEH, REGLEMENTE-KS,
//                AGARDIREKTIV-BOL-01, DELEGATION-KS, POLICY-CHEF, POLICY-JAMSTALLDHET,
//                POLICY-UPPHANDLING, POLICY-INFOSAK (version 1 superseded by version 2)
//   items        VOM-M01 / VOM-I01 (mandate programme goals, directions), BU25-M01 / -K01 /
//                -I01 (budget goals, quality requirements, directions), VP25-U01 (operational
//                plan), KD-U001 (chief executive to sectors), LAR-U001 (sector to units),
//                LAR-E01-U01 (unit to workplace), LAR-E01-A01 (unit to employee)
//   indicators   BEHORIGHET, SJUKFRANVARO, ENERGI, ... (see organisation_builder.cpp)
//
// The story's dates: the mandate programme is decided 2023-03-30, the budget for 2025 on
// 2024-06-13, the operational plan on 2024-11-27; the chain below it is issued from December
// 2024 to December 2025, and values cover every month (or tertial) of 2025.

#include "demo/blueprint.hpp"
#include "domain/model.hpp"

namespace styr::demo {

//! The organisation the blueprint describes; the same blueprint gives the same data.
domain::OrganisationData buildOrganisation(const Blueprint& blueprint);

}  // namespace styr::demo
