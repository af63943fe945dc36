#include "http/follow_up_routes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/follow_up_use_cases.hpp"
#include "http/representations.hpp"
#include "interchange/json_reader.hpp"

namespace styr::http {

namespace follow_up {

app::Result<const domain::FollowUpOccasion*> occasionOf(const View& view, std::string_view code) {
  const auto& occasions = view.snapshot().data().occasions;
  // The organisation's occasions are ordered by code.
  auto found = std::lower_bound(occasions.begin(), occasions.end(), code,
                                [](const domain::FollowUpOccasion& occasion,
                                   std::string_view wanted) { return occasion.code < wanted; });
  if (found == occasions.end() || found->code != code) {
    return app::Error{
        app::ErrorCode::not_found, fmt::format("there is no follow-up occasion {}", code), {}};
  }
  return &*found;
}

app::Result<domain::Recipient> recipientNamed(const View& view, std::string_view code) {
  if (view.index().unit(code) != nullptr) return domain::unitRecipient(std::string(code));
  if (view.index().person(code) != nullptr) return domain::personRecipient(std::string(code));
  return app::Error{app::ErrorCode::not_found,
                    fmt::format("there is no unit or person {} to report back", code),
                    {{"recipient", "", "a unit code, or a person code"}}};
}

nlohmann::json dateOrNull(const std::optional<domain::Date>& date) {
  return date ? nlohmann::json(domain::formatDate(*date)) : nlohmann::json(nullptr);
}

nlohmann::json occasionSummaryJson(const domain::ChainIndex& index,
                                   const domain::FollowUpOccasion& occasion) {
  return {{"code", occasion.code},
          {"name", occasion.name},
          {"kind", domain::toString(occasion.kind)},
          {"level", domain::toString(occasion.level)},
          {"body", occasion.body},
          {"body_name", unitName(index, occasion.body)},
          {"period_end", domain::formatDate(occasion.period_end)},
          {"meeting", domain::formatDate(occasion.meeting)},
          {"status", domain::toString(occasion.status)}};
}

nlohmann::json writersJson(const View& view, const domain::Recipient& recipient) {
  nlohmann::json writers = nlohmann::json::array();
  for (const std::string& person : app::writersOf(recipient, view.index(), view.today())) {
    writers.push_back({{"code", person}, {"name", personName(view.index(), person)}});
  }
  return writers;
}

app::Result<std::string> requiredText(const Request& request, std::string_view field) {
  auto body = objectBody(request);
  if (!body) return body.error();
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(body.value(), "$", problems, {field});
  std::string text = in.requiredString(field);
  if (!problems.empty()) return invalidBody(problems);
  return text;
}

app::Result<std::unique_ptr<View>> openFollowUpView(const ApiContext& context,
                                                    const Request& request) {
  auto view = openView(context, request);
  if (!view) return view.error();
  const View& reader = *view.value();
  if (auto refused = checkScope(reader, access::Scope::read)) return *refused;
  if (auto refused = check(reader, access::Action::read_follow_up_plan,
                           {reader.organisation(), nullptr, nullptr, {}, {}})) {
    return *refused;
  }
  return view;
}

}  // namespace follow_up

void addFollowUpRoutes(Router& router, const ApiContext& context) {
  follow_up::addOccasionRoutes(router, context);
  follow_up::addReportBackRoutes(router, context);
}

}  // namespace styr::http
