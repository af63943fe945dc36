#pragma once
// Deviations as JSON: what the API returns and what their audit entries hold. The field names
// are the glossary's, as in the exchange format.

#include <nlohmann/json.hpp>

#include "domain/deviation.hpp"

namespace styr::interchange {

//! A deviation's own fields, without its levels, actions and timeline.
nlohmann::ordered_json deviationFieldsObject(const domain::Deviation& deviation);
nlohmann::ordered_json levelObject(const domain::DeviationLevel& level);
nlohmann::ordered_json actionObject(const domain::DeviationAction& action);
nlohmann::ordered_json eventObject(const domain::DeviationEvent& event);
//! Everything: the fields, "levels", "actions" and "timeline".
nlohmann::ordered_json deviationObject(const domain::Deviation& deviation);

nlohmann::ordered_json settingsObject(const domain::DeviationSettings& settings);

}  // namespace styr::interchange
