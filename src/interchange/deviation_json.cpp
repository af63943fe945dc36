#include "interchange/deviation_json.hpp"

namespace styr::interchange {

namespace {

using Json = nlohmann::ordered_json;

Json codes(const std::vector<std::string>& values) {
  Json array = Json::array();
  for (const std::string& value : values) array.push_back(value);
  return array;
}

// Empty timestamps are "not yet": null reads better to an API client than "".
Json orNull(const std::string& value) {
  return value.empty() ? Json() : Json(value);
}

}  // namespace

Json deviationFieldsObject(const domain::Deviation& deviation) {
  Json object;
  object["code"] = deviation.code;
  object["unit"] = deviation.unit;
  object["reported_by"] = deviation.reported_by;
  object["reported_at"] = deviation.reported_at;
  object["category"] = domain::toString(deviation.category);
  object["gravity"] = deviation.gravity;
  object["title"] = deviation.title;
  object["description"] = deviation.description;
  object["occurred_on"] = domain::formatDate(deviation.occurred_on);
  object["affected_items"] = codes(deviation.affected_items);
  object["affected_indicators"] = codes(deviation.affected_indicators);
  object["budget_effect_sek"] =
      deviation.budget_effect_sek ? Json(*deviation.budget_effect_sek) : Json();
  object["immediate_actions"] = deviation.immediate_actions;
  object["confidential"] = deviation.confidential;
  object["state"] = domain::toString(deviation.state);
  object["closing_note"] = deviation.closing_note;
  object["closed_by"] = orNull(deviation.closed_by);
  object["closed_at"] = orNull(deviation.closed_at);
  object["council_listed_at"] = orNull(deviation.council_listed_at);
  object["council_meeting"] =
      deviation.council_meeting ? Json(domain::formatDate(*deviation.council_meeting)) : Json();
  return object;
}

Json levelObject(const domain::DeviationLevel& level) {
  Json object;
  object["position"] = level.position;
  object["unit"] = level.unit;
  object["people"] = codes(level.people);
  object["notified_at"] = level.notified_at;
  object["acknowledged_at"] = orNull(level.acknowledged_at);
  object["acknowledged_by"] = orNull(level.acknowledged_by);
  object["due_at"] = orNull(level.due_at);
  object["reminded_at"] = orNull(level.reminded_at);
  object["escalated_at"] = orNull(level.escalated_at);
  object["released_at"] = orNull(level.released_at);
  return object;
}

Json actionObject(const domain::DeviationAction& action) {
  Json object;
  object["number"] = action.number;
  object["description"] = action.description;
  object["owner"] = action.owner;
  object["due"] = domain::formatDate(action.due);
  object["status"] = domain::toString(action.status);
  object["added_by"] = action.added_by;
  object["added_at"] = action.added_at;
  return object;
}

Json eventObject(const domain::DeviationEvent& event) {
  Json object;
  object["sequence"] = event.sequence;
  object["at"] = event.at;
  object["person"] = orNull(event.person);
  object["kind"] = domain::toString(event.kind);
  object["text"] = event.text;
  object["gravity"] = event.gravity == 0 ? Json() : Json(event.gravity);
  object["level"] = event.level == 0 ? Json() : Json(event.level);
  object["action"] = event.action == 0 ? Json() : Json(event.action);
  object["people"] = codes(event.people);
  return object;
}

Json deviationObject(const domain::Deviation& deviation) {
  Json object = deviationFieldsObject(deviation);
  object["levels"] = Json::array();
  for (const auto& level : deviation.levels) object["levels"].push_back(levelObject(level));
  object["actions"] = Json::array();
  for (const auto& action : deviation.actions) object["actions"].push_back(actionObject(action));
  object["timeline"] = Json::array();
  for (const auto& event : deviation.events) object["timeline"].push_back(eventObject(event));
  return object;
}

Json settingsObject(const domain::DeviationSettings& settings) {
  Json rules = Json::array();
  for (const domain::GravityRule& rule : settings.rules) {
    Json object;
    object["gravity"] = rule.gravity;
    object["reach"] = domain::toString(rule.reach);
    object["hours"] = rule.hours == 0 ? Json() : Json(rule.hours);
    object["business_days"] = rule.business_days == 0 ? Json() : Json(rule.business_days);
    rules.push_back(std::move(object));
  }
  Json object;
  object["rules"] = std::move(rules);
  return object;
}

}  // namespace styr::interchange
