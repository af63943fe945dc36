#include "http/my_work_routes.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "app/deviation_use_cases.hpp"
#include "app/follow_up_use_cases.hpp"
#include "domain/follow_up_scope.hpp"
#include "http/deviation_routes.hpp"
#include "http/error_response.hpp"
#include "http/follow_up_routes.hpp"
#include "http/representations.hpp"

namespace styr::http {

namespace {

using access::Action;
using domain::Item;
using domain::ItemStatus;

//! The unread count is shown as a number on a badge; beyond this many, "100+" says enough.
constexpr int kUnreadCounted = 100;

bool isOpen(const Item& item) {
  return item.status == ItemStatus::issued || item.status == ItemStatus::acknowledged;
}

nlohmann::json daysLeft(const std::optional<domain::Date>& due, const domain::Date& today) {
  if (!due) return nullptr;
  return domain::daysBetween(today, *due);
}

//! Items come first when they need the person (not acknowledged), then by due date.
void sortByUrgency(nlohmann::json& list) {
  std::stable_sort(list.begin(), list.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    auto key = [](const nlohmann::json& entry) {
      bool waiting = entry.value("status", "") == "issued";
      std::string due = entry["due"].is_string() ? entry["due"].get<std::string>() : "9999";
      return std::make_tuple(!waiting, due, entry.value("code", ""));
    };
    return key(a) < key(b);
  });
}

Response myWork(const ApiContext& context, const Request& request) {
  auto view_result = openView(context, request);
  if (!view_result) return errorResponse(view_result.error());
  const View& view = *view_result.value();
  const app::Caller& caller = view.caller();
  if (!caller.actor.signed_in) {
    return errorResponse({app::ErrorCode::unauthenticated, "sign in to see your assignments", {}});
  }
  if (auto refused = checkScope(view, access::Scope::read)) return errorResponse(*refused);
  const domain::ChainIndex& index = view.index();
  const domain::OrganisationData& data = view.snapshot().data();
  const domain::Date& today = view.today();
  const std::string& person = caller.actor.person;

  // The units the person belongs to today, and those they answer for (head, or a political
  // body's chair).
  nlohmann::json units = nlohmann::json::array();
  std::set<std::string, std::less<>> member_of;
  std::set<std::string, std::less<>> heads;
  for (const domain::Membership& membership : data.memberships) {
    if (person.empty() || membership.person != person ||
        !domain::isValidOn(membership.valid_from, membership.valid_to, today))
      continue;
    const domain::Unit* unit = index.unit(membership.unit);
    if (unit == nullptr) continue;
    member_of.insert(membership.unit);
    if (membership.role == domain::Role::head || membership.role == domain::Role::chair) {
      heads.insert(membership.unit);
    }
    units.push_back({{"code", unit->code},
                     {"name", unit->name},
                     {"kind", domain::toString(unit->kind)},
                     {"role", domain::toString(membership.role)}});
  }

  nlohmann::json received = nlohmann::json::array();
  nlohmann::json issued = nlohmann::json::array();
  for (const Item& item : data.items) {
    if (!view.mayRead(item)) continue;
    bool to_me = !person.empty() && item.recipient_person == person;
    bool to_my_unit = !item.recipient_unit.empty() && member_of.contains(item.recipient_unit);
    if (isOpen(item) && (to_me || to_my_unit)) {
      access::Subject subject{view.organisation(), &item, nullptr, {}, {}};
      nlohmann::json entry = itemSummaryJson(index, item);
      entry["via"] = to_me ? nlohmann::json(nullptr) : nlohmann::json(item.recipient_unit);
      // Whether the person answers for it (acknowledges it, writes its HOW) or sees it as a
      // member of the unit it went to.
      entry["answers"] = view.can(Action::edit_how, subject).allowed ||
                         view.can(Action::acknowledge_item, subject).allowed;
      entry["days_left"] = daysLeft(item.due, today);
      received.push_back(std::move(entry));
    }
    bool by_my_unit = heads.contains(item.issuer);
    if (by_my_unit && item.status != ItemStatus::cancelled &&
        item.status != ItemStatus::completed) {
      nlohmann::json entry = itemSummaryJson(index, item);
      entry["days_left"] = daysLeft(item.due, today);
      issued.push_back(std::move(entry));
    }
  }
  sortByUrgency(received);
  sortByUrgency(issued);

  // Report-backs to open occasions: those the person still has to write (missing, a draft,
  // returned; a late one stays until it is in), those they submitted while the meeting is
  // ahead, and those waiting for the person's approval.
  nlohmann::json writing = nlohmann::json::array();
  nlohmann::json approving = nlohmann::json::array();
  if (!person.empty()) {
    for (const domain::FollowUpOccasion& occasion : data.occasions) {
      if (occasion.status != domain::OccasionStatus::open) continue;
      domain::OccasionScope scope(occasion, index);
      for (const domain::ScopedRecipient& scoped : scope.recipients()) {
        const domain::Recipient& recipient = scoped.recipient;
        auto versions = app::versionsOf(data, occasion.code, recipient);
        domain::ReportBackProgress progress =
            domain::progressOf(versions, scoped.deadline, today, app::swedishDate);
        auto entry = [&]() {
          return nlohmann::json{{"occasion", follow_up::occasionSummaryJson(index, occasion)},
                                {"recipient", recipientJson(index, recipient)},
                                {"state", domain::toString(progress.state)},
                                {"late", progress.late},
                                {"deadline", follow_up::dateOrNull(progress.deadline)},
                                {"days_left", daysLeft(progress.deadline, today)}};
        };
        if (progress.state == domain::ReportBackState::submitted && !versions.empty()) {
          access::Subject subject{view.organisation(), nullptr, nullptr, {}, {}};
          subject.report_back = versions.back();
          if (view.can(Action::decide_report_back, subject).allowed) approving.push_back(entry());
        }
        if (progress.state == domain::ReportBackState::approved) continue;
        if (progress.state == domain::ReportBackState::submitted && occasion.meeting < today) {
          continue;
        }
        auto writers = app::writersOf(recipient, index, today);
        if (std::find(writers.begin(), writers.end(), person) != writers.end()) {
          writing.push_back(entry());
        }
      }
    }
  }
  auto byDeadline = [](const nlohmann::json& a, const nlohmann::json& b) {
    auto key = [](const nlohmann::json& entry) {
      return std::make_tuple(entry["deadline"].is_string() ? entry["deadline"].get<std::string>()
                                                           : std::string("9999"),
                             entry["occasion"].value("code", ""),
                             entry["recipient"].value("code", ""));
    };
    return key(a) < key(b);
  };
  std::sort(writing.begin(), writing.end(), byDeadline);
  std::sort(approving.begin(), approving.end(), byDeadline);

  nlohmann::json deviations = nlohmann::json::array();
  int unread = 0;
  if (!person.empty()) {
    app::DeviationFilter filter;
    filter.waiting_for = person;
    auto waiting = app::deviationRegister(useCases(context), caller, filter);
    if (!waiting) return errorResponse(waiting.error());
    for (const domain::Deviation& deviation : waiting.value()) {
      deviations.push_back(deviationSummaryJson(index, deviation));
    }
    unread = static_cast<int>(
        context.store().notificationsOf(view.organisation(), person, true, kUnreadCounted).size());
  }

  Response response =
      json(200, {{"today", domain::formatDate(today)},
                 {"person", person.empty() ? nlohmann::json(nullptr)
                                           : nlohmann::json({{"code", person},
                                                             {"name", personName(index, person)}})},
                 {"units", std::move(units)},
                 {"received", std::move(received)},
                 {"issued", std::move(issued)},
                 {"report_backs", std::move(writing)},
                 {"to_approve", std::move(approving)},
                 {"deviations", std::move(deviations)},
                 {"unread_notifications", unread},
                 {"unread_capped", unread >= kUnreadCounted}});
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

void addMyWorkRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/my-work",
             [&context](const Request& request) { return myWork(context, request); });
}

}  // namespace styr::http
