#include "http/representations.hpp"

#include "domain/chain_index.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::http {

namespace {

nlohmann::json dateOrNull(const std::optional<domain::Date>& date) {
  return date ? nlohmann::json(domain::formatDate(*date)) : nlohmann::json(nullptr);
}

}  // namespace

std::string personName(const domain::ChainIndex& index, std::string_view code) {
  const domain::Person* person = index.person(code);
  if (person == nullptr) return std::string(code);
  return person->given_name + " " + person->family_name;
}

std::string unitName(const domain::ChainIndex& index, std::string_view code) {
  const domain::Unit* unit = index.unit(code);
  return unit == nullptr ? std::string(code) : unit->name;
}

nlohmann::json itemSummaryJson(const domain::ChainIndex& index, const domain::Item& item) {
  bool to_person = !item.recipient_person.empty();
  const std::string& recipient = to_person ? item.recipient_person : item.recipient_unit;
  return {{"code", item.code},
          {"kind", domain::toString(item.kind)},
          {"title", item.title},
          {"issuer", item.issuer},
          {"issuer_name", unitName(index, item.issuer)},
          {"recipient", recipient},
          {"recipient_kind", to_person ? "person" : "unit"},
          {"recipient_name", to_person ? personName(index, recipient) : unitName(index, recipient)},
          {"origin", item.origin},
          {"status", domain::toString(item.status)},
          {"due", dateOrNull(item.due)},
          {"issued_on", dateOrNull(item.issued_on)},
          {"acknowledged_on", dateOrNull(item.acknowledged_on)},
          {"closed_on", dateOrNull(item.closed_on)}};
}

nlohmann::json itemJson(const View& view, const domain::Item& item) {
  nlohmann::json json = interchange::recordObject(item);
  nlohmann::json summary = itemSummaryJson(view.index(), item);
  for (const char* field : {"issuer_name", "recipient", "recipient_kind", "recipient_name"}) {
    json[field] = summary[field];
  }
  json["revision"] = item.revision;
  nlohmann::json may = nlohmann::json::array();
  for (access::Action action : {access::Action::edit_what, access::Action::issue_item,
                                access::Action::cancel_item, access::Action::acknowledge_item,
                                access::Action::edit_how, access::Action::complete_item}) {
    if (view.can(action, {view.organisation(), &item, nullptr, {}, {}})) {
      may.push_back(access::toString(action));
    }
  }
  json["may"] = std::move(may);
  return json;
}

nlohmann::json occasionJson(const domain::ChainIndex& index,
                            const domain::FollowUpOccasion& occasion) {
  nlohmann::json json = interchange::recordObject(occasion);
  json["body_name"] = unitName(index, occasion.body);
  json["revision"] = occasion.revision;
  return json;
}

nlohmann::json recipientJson(const domain::ChainIndex& index, const domain::Recipient& recipient) {
  return {{"kind", recipient.isPerson() ? "person" : "unit"},
          {"code", recipient.code()},
          {"name", recipient.isPerson() ? personName(index, recipient.person)
                                        : unitName(index, recipient.unit)}};
}

}  // namespace styr::http
